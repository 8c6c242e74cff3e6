// Which SQL statements run as named prepared statements. Prisma sends its own unnamed, so
// PostgreSQL parses and plans them on every request; the compiled reads (compiled/compile.ts)
// are prepared once per connection instead, planning included: their text carries everything
// but ids and URLs (page sizes are literals), so a generic plan serves every execution.
import { createHash } from 'node:crypto';

/** The marker every compiled read's SQL starts with. */
export const PREPARED_SQL_MARKER = '/* prepared */ ';

/**
 * PostgreSQL keeps a connection's prepared statements until it closes: name at most this many
 * distinct texts per process (the shapes clients send are few; a client inventing new ones
 * without end gets unnamed statements past the limit instead of growing every connection).
 */
const MAX_NAMED = 500;
const named = new Map<string, string>();

/** The prepared statement name for `sql`, or undefined to send it unnamed. */
export function preparedStatementName(sql: string): string | undefined {
  if (!sql.startsWith(PREPARED_SQL_MARKER)) return undefined;
  let name = named.get(sql);
  if (name === undefined && named.size < MAX_NAMED) {
    name = `citeline_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
    named.set(sql, name);
  }
  return name;
}
