// Relay global ids: base64 of "Type:uuid". Decoding validates both parts so a malformed or
// tampered id is a BAD_USER_INPUT error rather than a database error.
import { BadUserInputError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPENAME = /^[A-Z][A-Za-z]*$/;
const MAX_GLOBAL_ID_LENGTH = 200;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const invalid = () =>
    new BadUserInputError(
      `"${globalId.slice(0, 60)}" is not a valid id: use an id returned by this API`,
    );
  if (globalId.length > MAX_GLOBAL_ID_LENGTH || !/^[A-Za-z0-9_=+/-]+$/.test(globalId)) {
    throw invalid();
  }
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !TYPENAME.test(typename) || !UUID.test(id)) throw invalid();
  return { typename, id: id.toLowerCase() };
}

/** Decodes an id argument that must name a record of one of `typenames`. */
export function decodeIdOf(globalId: string, typenames: readonly string[], field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(globalId);
  } catch (error) {
    if (error instanceof BadUserInputError) {
      throw new BadUserInputError(error.message, field);
    }
    throw error;
  }
  if (!typenames.includes(decoded.typename)) {
    throw new BadUserInputError(
      `${field} must be the id of a ${typenames.join(' or ')}, not of a ${decoded.typename}`,
      field,
    );
  }
  return decoded.id;
}
