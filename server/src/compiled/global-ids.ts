// Global ids in compiled reads: PostgreSQL writes each as a marked "Type:uuid" string and Node
// encodes them while the JSON is still text. Encoding in SQL (base64, then translate and rtrim
// for base64url) took about a fifth of Q1's statement: 6.2 against 5.0 ms on the benchmark's M.
//
// The marker is a leading \u0000 escape, which no stored value can produce: PostgreSQL's text
// cannot hold NUL, and the compiled reads return text, enum and number columns only. Only a
// `json` value passes through json_build_object unescaped, hence the cast.
import { encodeGlobalId } from '../schema/global-id.ts';

/** The SQL of `column`'s global id for `typename`, marked for encodeMarkedIds. */
export function markedGlobalIdSql(typename: string, column: string): string {
  return `('"\\u0000${typename}:' || ${column}::text || '"')::json`;
}

const MARKED_ID = /"\\u0000([A-Za-z]+):([0-9a-f-]{36})"/g;

/** The JSON text with every marked id replaced by its global id. */
export function encodeMarkedIds(json: string): string {
  return json.replace(MARKED_ID, (_, typename: string, id: string) =>
    JSON.stringify(encodeGlobalId(typename, id)),
  );
}
