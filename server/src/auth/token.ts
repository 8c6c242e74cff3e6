// Access tokens: short-lived JWTs signed with HS256. A token names its user (`sub`) and the
// user's token version (`tv`) at sign-in; bumping the version revokes every older token.
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DomainError } from '../schema/errors.ts';

export const TOKEN_ISSUER = 'citeline';
export const TOKEN_AUDIENCE = 'citeline';
export const TOKEN_LIFETIME_SECONDS = 60 * 60;
const ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface AccessTokenClaims {
  userId: string;
  tokenVersion: number;
}

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

/** UNAUTHENTICATED, answered with HTTP 401 when it stops a request before execution. */
export class InvalidTokenError extends DomainError {
  constructor(
    message = 'Your access token is invalid, expired or revoked: log in again to get a new one.',
  ) {
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
    this.name = 'InvalidTokenError';
  }
}

export async function signAccessToken(
  key: Uint8Array,
  claims: AccessTokenClaims,
  now: Date = new Date(),
): Promise<SignedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT({ tv: claims.tokenVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.userId)
    // Unique per token, so two logins in one second do not produce the same string.
    .setJti(randomUUID())
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * The claims of a token this server signed and that has not expired; InvalidTokenError for
 * anything else (bad signature, another algorithm or none, wrong issuer or audience, malformed).
 * Whether the user still exists and the version still matches is for the caller to check.
 */
export async function verifyAccessToken(
  key: Uint8Array,
  token: string,
  now: Date = new Date(),
): Promise<AccessTokenClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, {
      // Only the one algorithm: "none" and asymmetric algorithms are refused before the key is used.
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'tv', 'iat', 'exp'],
      maxTokenAge: TOKEN_LIFETIME_SECONDS,
      currentDate: now,
    }));
  } catch {
    // jose's reasons (expired, bad signature...) help attackers more than users: one message.
    throw new InvalidTokenError();
  }
  const { sub, tv } = payload;
  if (
    typeof sub !== 'string' ||
    !UUID.test(sub) ||
    !Number.isSafeInteger(tv) ||
    (tv as number) < 0
  ) {
    throw new InvalidTokenError();
  }
  return { userId: sub, tokenVersion: tv as number };
}
