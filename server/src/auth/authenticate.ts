// Who is asking: turns the Authorization header into the viewer every resolver sees. No header
// means anonymous; a header that does not hold a valid, current token is an error, never a
// silent downgrade to anonymous (a client should learn that its session ended).
import { type Db, queryPrepared } from '../db/client.ts';
import type { UserRole } from '../db/generated/prisma/enums.ts';
import { PREPARED_SQL_MARKER } from '../db/prepared.ts';
import type { Viewer } from '../schema/context.ts';
import { signingKey } from './signing-key.ts';
import { InvalidTokenError, verifyAccessToken } from './token.ts';

/** Longer than any token we sign: refused before any parsing. */
const MAX_HEADER_LENGTH = 4096;

/** The bearer token in an Authorization header; null when there is no header. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  if (header.length > MAX_HEADER_LENGTH) throw new InvalidTokenError();
  const match = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i.exec(header);
  if (!match?.[1]) {
    throw new InvalidTokenError(
      'The Authorization header must be "Bearer <token>", with the token from the login mutation.',
    );
  }
  return match[1];
}

/**
 * The viewer named by a valid token whose user exists, is not disabled and has not revoked it
 * (one SQL statement); null without a header; InvalidTokenError otherwise.
 */
export async function authenticate(
  prisma: Db,
  authorizationHeader: string | undefined,
  now: Date = new Date(),
): Promise<Viewer | null> {
  const token = bearerToken(authorizationHeader);
  if (token === null) return null;
  const claims = await verifyAccessToken(await signingKey(prisma), token, now);
  // Every signed-in request runs this: a prepared statement, planned once per connection.
  const [user] = await queryPrepared<{ role: UserRole }>(
    prisma,
    `${PREPARED_SQL_MARKER}SELECT role::text AS role FROM "User"
    WHERE id = $1::uuid AND "disabledAt" IS NULL AND "tokenVersion" = $2::int`,
    [claims.userId, claims.tokenVersion],
  );
  if (!user) throw new InvalidTokenError();
  return { id: claims.userId, role: user.role };
}
