// Access tokens are accepted only when this server signed them, with HS256, for Citeline, and
// they have not expired. Each way of forging or stretching one is a case here.
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { parseJwtSecret } from './signing-key.ts';
import {
  InvalidTokenError,
  signAccessToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  TOKEN_LIFETIME_SECONDS,
  verifyAccessToken,
} from './token.ts';

const key = new Uint8Array(randomBytes(32));
const userId = randomUUID();
const NOW = new Date('2026-11-22T12:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token with chosen header and claims, signed with HS256 under `signingKey`. */
async function forge(
  claims: Record<string, unknown>,
  options: { signingKey?: Uint8Array; alg?: string } = {},
): Promise<string> {
  return new SignJWT({
    sub: userId,
    tv: 0,
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: seconds(NOW),
    exp: seconds(NOW) + 600,
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .sign(options.signingKey ?? key);
}

describe('signAccessToken / verifyAccessToken', () => {
  it('round-trips the user and token version, expiring after an hour', async () => {
    const { token, expiresAt } = await signAccessToken(key, { userId, tokenVersion: 3 }, NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(TOKEN_LIFETIME_SECONDS * 1000);
    expect(await verifyAccessToken(key, token, NOW)).toEqual({ userId, tokenVersion: 3 });
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({
      sub: userId,
      tv: 3,
      iss: 'citeline',
      aud: 'citeline',
      iat: seconds(NOW),
      exp: seconds(NOW) + TOKEN_LIFETIME_SECONDS,
    });
  });

  it('makes a different token for each login, even in the same second', async () => {
    const a = await signAccessToken(key, { userId, tokenVersion: 0 }, NOW);
    const b = await signAccessToken(key, { userId, tokenVersion: 0 }, NOW);
    expect(a.token).not.toBe(b.token);
  });

  it('accepts a token until it expires', async () => {
    const { token } = await signAccessToken(key, { userId, tokenVersion: 0 }, NOW);
    const almost = new Date(NOW.getTime() + (TOKEN_LIFETIME_SECONDS - 1) * 1000);
    await expect(verifyAccessToken(key, token, almost)).resolves.toBeTruthy();
  });

  it('accepts what the forging helper makes unaltered (so each case below fails for its reason)', async () => {
    await expect(verifyAccessToken(key, await forge({}), NOW)).resolves.toEqual({
      userId,
      tokenVersion: 0,
    });
  });

  const rejected: [string, () => Promise<string>, Date?][] = [
    [
      'expired',
      async () => (await signAccessToken(key, { userId, tokenVersion: 0 }, NOW)).token,
      new Date(NOW.getTime() + (TOKEN_LIFETIME_SECONDS + 1) * 1000),
    ],
    ['signed with another key', () => forge({}, { signingKey: new Uint8Array(randomBytes(32)) })],
    ['signed with HS512 under the right key', () => forge({}, { alg: 'HS512' })],
    [
      'alg "none" (unsigned)',
      async () =>
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
          sub: userId,
          tv: 0,
          iss: TOKEN_ISSUER,
          aud: TOKEN_AUDIENCE,
          iat: seconds(NOW),
          exp: seconds(NOW) + 600,
        })}.`,
    ],
    [
      'with a payload edited after signing',
      async () => {
        const [header, , signature] = (await forge({})).split('.');
        return `${header}.${base64url({ sub: randomUUID(), tv: 0, iss: 'citeline', aud: 'citeline', iat: seconds(NOW), exp: seconds(NOW) + 600 })}.${signature}`;
      },
    ],
    ['for another audience', () => forge({ aud: 'another-app' })],
    ['from another issuer', () => forge({ iss: 'someone-else' })],
    ['without a token version', () => forge({ tv: undefined })],
    ['with a non-integer token version', () => forge({ tv: '0' })],
    ['with a subject that is not a user id', () => forge({ sub: 'admin' })],
    ['without an expiry', () => forge({ exp: undefined })],
    [
      'valid for longer than tokens we issue (iat far in the past)',
      () => forge({ iat: seconds(NOW) - 2 * TOKEN_LIFETIME_SECONDS, exp: seconds(NOW) + 600 }),
    ],
    ['garbage', async () => 'not-a-jwt'],
    ['empty segments', async () => '..'],
  ];

  it.each(rejected)('rejects a token %s', async (_case, make, now = NOW) => {
    const token = await make();
    await expect(verifyAccessToken(key, token, now)).rejects.toThrow(InvalidTokenError);
    await expect(verifyAccessToken(key, token, now)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('parseJwtSecret', () => {
  it('is undefined when JWT_SECRET is unset or empty', () => {
    expect(parseJwtSecret(undefined)).toBeUndefined();
    expect(parseJwtSecret('')).toBeUndefined();
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => parseJwtSecret('too-short-secret')).toThrow(ConfigError);
    expect(() => parseJwtSecret('x'.repeat(31))).toThrow(/at least 32 bytes/);
  });

  it('takes the bytes of a long enough secret', () => {
    expect(parseJwtSecret('x'.repeat(32))).toEqual(new TextEncoder().encode('x'.repeat(32)));
  });
});
