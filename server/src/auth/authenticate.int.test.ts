// The Authorization header over HTTP: no header is anonymous; anything but a valid, current
// token for an enabled user is a 401 UNAUTHENTICATED that runs nothing (never a silent downgrade
// to anonymous). Also where the signing key comes from: JWT_SECRET, or the database.
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createPrisma } from '../db/client.ts';
import { createTestApi, type TestApi } from '../test/api.ts';
import { createTestDatabase } from '../test/database.ts';
import { authenticate } from './authenticate.ts';
import { signingKey } from './signing-key.ts';
import { signAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token.ts';

const ME = '{ me { email } }';

let api: TestApi;
let key: Uint8Array;

beforeAll(async () => {
  api = await createTestApi();
  key = await signingKey(api.prisma);
});

let counter = 0;
async function makeUser(data: { disabledAt?: Date; tokenVersion?: number } = {}) {
  counter += 1;
  return api.prisma.user.create({
    data: { email: `auth${counter}@example.org`, name: 'Auth', passwordHash: 'x', ...data },
  });
}

async function tokenFor(user: { id: string; tokenVersion: number }) {
  return (await signAccessToken(key, { userId: user.id, tokenVersion: user.tokenVersion })).token;
}

const me = (authorization?: string) =>
  api.http(ME, {}, authorization === undefined ? {} : { authorization });

function expectUnauthenticated(result: Awaited<ReturnType<TestApi['http']>>) {
  expect(result.status).toBe(401);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  expect(result.errors?.[0]?.message).toMatch(/log in again|Authorization header/);
}

describe('without an Authorization header', () => {
  it('the request is anonymous', async () => {
    expect(await me()).toMatchObject({ status: 200, data: { me: null } });
    expect(await me('')).toMatchObject({ status: 200, data: { me: null } });
  });
});

describe('a valid token', () => {
  it('makes its user the viewer; the scheme is case-insensitive', async () => {
    const user = await makeUser();
    const token = await tokenFor(user);
    expect(await me(`Bearer ${token}`)).toMatchObject({
      status: 200,
      data: { me: { email: user.email } },
    });
    expect((await me(`bearer ${token}`)).data).toEqual({ me: { email: user.email } });
  });
});

describe('a bad token is refused with 401 UNAUTHENTICATED', () => {
  const sign = (claims: Record<string, unknown>, signWith: Uint8Array = key, alg = 'HS256') =>
    new SignJWT({ tv: 0, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, ...claims })
      .setProtectedHeader({ alg })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(signWith);
  const unsigned = (payload: Record<string, unknown>) =>
    `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify(payload),
    ).toString('base64url')}.`;

  const cases: [string, () => Promise<string>][] = [
    ['garbage', async () => 'Bearer garbage'],
    ['a JWT-shaped string of nonsense', async () => 'Bearer aaaa.bbbb.cccc'],
    ['another scheme', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['a scheme without a token', async () => 'Bearer'],
    ['two tokens', async () => `Bearer ${await tokenFor(await makeUser())} extra`],
    ['an oversized header', async () => `Bearer ${'a'.repeat(10_000)}`],
    [
      'a bad signature',
      async () => `Bearer ${await sign({ sub: (await makeUser()).id }, randomBytes(32))}`,
    ],
    [
      'alg "none"',
      async () => {
        const user = await makeUser();
        const now = Math.floor(Date.now() / 1000);
        return `Bearer ${unsigned({ sub: user.id, tv: 0, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600 })}`;
      },
    ],
    [
      'HS512 instead of HS256',
      async () => `Bearer ${await sign({ sub: (await makeUser()).id }, key, 'HS512')}`,
    ],
    [
      'an expired token',
      async () => {
        const user = await makeUser();
        const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
        const { token } = await signAccessToken(
          key,
          { userId: user.id, tokenVersion: 0 },
          twoHoursAgo,
        );
        return `Bearer ${token}`;
      },
    ],
    [
      'the wrong audience',
      async () => `Bearer ${await sign({ sub: (await makeUser()).id, aud: 'other-app' })}`,
    ],
    [
      'the wrong issuer',
      async () => `Bearer ${await sign({ sub: (await makeUser()).id, iss: 'other-app' })}`,
    ],
    ['an unknown user', async () => `Bearer ${await sign({ sub: randomUUID() })}`],
    [
      'a disabled user',
      async () => `Bearer ${await tokenFor(await makeUser({ disabledAt: new Date() }))}`,
    ],
    [
      'a revoked token (the user’s token version moved on)',
      async () => {
        const user = await makeUser();
        const token = await tokenFor(user);
        await api.prisma.user.update({
          where: { id: user.id },
          data: { tokenVersion: { increment: 1 } },
        });
        return `Bearer ${token}`;
      },
    ],
  ];

  it.each(cases)('%s', async (_case, header) => {
    expectUnauthenticated(await me(await header()));
  });

  it('even on a mutation that needs no sign-in, and before anything runs', async () => {
    const result = await api.http(
      'mutation { login(email: "x@example.org", password: "whatever-password") { token } }',
      {},
      { authorization: 'Bearer garbage' },
    );
    expectUnauthenticated(result);
    expect(api.lastQueries()).toEqual([]);
  });
});

describe('the signing key', () => {
  it('is generated once and kept in the database, so tokens survive a restart', async () => {
    const database = await createTestDatabase();
    const user = await database.prisma.user.create({
      data: { email: 'restart@example.org', name: 'Restart', passwordHash: 'x' },
    });
    const first = createPrisma(database.url, { maxConnections: 1 });
    const { token } = await signAccessToken(await signingKey(first), {
      userId: user.id,
      tokenVersion: 0,
    });
    await first.$disconnect();
    // A new process: its own client, so nothing is remembered but what the database holds.
    const second = createPrisma(database.url, { maxConnections: 1 });
    try {
      await expect(authenticate(second, `Bearer ${token}`)).resolves.toEqual({
        id: user.id,
        role: 'VIEWER',
      });
      expect(await database.prisma.appSecret.count()).toBe(1);
    } finally {
      await second.$disconnect();
    }
  });

  it('is JWT_SECRET when set: tokens signed with the stored key are then refused', async () => {
    const database = await createTestDatabase();
    const jwtSecret = randomBytes(48).toString('base64');
    const prisma = createPrisma(database.url, { maxConnections: 2 });
    const app = await buildApp({ prisma, jwtSecret });
    try {
      const user = await database.prisma.user.create({
        data: { email: 'secret@example.org', name: 'Secret', passwordHash: 'x' },
      });
      const claims = { userId: user.id, tokenVersion: 0 };
      const withSecret = await signAccessToken(new TextEncoder().encode(jwtSecret), claims);
      const withStored = await signAccessToken(await signingKey(database.prisma), claims);
      await expect(authenticate(prisma, `Bearer ${withSecret.token}`)).resolves.toEqual({
        id: user.id,
        role: 'VIEWER',
      });
      await expect(authenticate(prisma, `Bearer ${withStored.token}`)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      await app.stop();
      await prisma.$disconnect();
    }
  });

  it('refuses a JWT_SECRET shorter than 32 bytes at start-up', async () => {
    await expect(buildApp({ prisma: api.prisma, jwtSecret: 'short' })).rejects.toThrow(
      /at least 32 bytes/,
    );
  });
});
