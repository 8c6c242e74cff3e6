// Signing in and out over HTTP, as a client does: login, me, logout, and the failures that must
// all look alike (unknown email, wrong password, disabled account).
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { LOGIN_FAILED_MESSAGE } from '../auth/session.ts';
import { TOKEN_LIFETIME_SECONDS } from '../auth/token.ts';
import { createTestApi, type TestApi } from '../test/api.ts';

const PASSWORD = 'correct horse battery staple';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email name role } }
}`;
const ME = '{ me { email role disabled } }';

let api: TestApi;
let passwordHash: string;

beforeAll(async () => {
  api = await createTestApi();
  passwordHash = await hashPassword(PASSWORD);
});

let counter = 0;
async function makeUser(data: { role?: 'VIEWER' | 'EDITOR' | 'ADMIN'; disabled?: boolean } = {}) {
  counter += 1;
  return api.prisma.user.create({
    data: {
      email: `user${counter}@example.org`,
      name: `User ${counter}`,
      passwordHash,
      role: data.role ?? 'EDITOR',
      disabledAt: data.disabled ? new Date() : null,
    },
  });
}

async function loginAs(email: string, password = PASSWORD) {
  return api.http(LOGIN, { email, password });
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

describe('login', () => {
  it('returns a bearer token good for an hour, and the user without secrets', async () => {
    const user = await makeUser({ role: 'EDITOR' });
    const before = Date.now();
    const result = await loginAs(user.email);
    expect(result.errors).toBeUndefined();
    const login = (result.data as { login: Record<string, unknown> }).login;
    expect(login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const expiresAt = Date.parse(login.expiresAt as string);
    expect(expiresAt - before).toBeGreaterThan((TOKEN_LIFETIME_SECONDS - 5) * 1000);
    expect(expiresAt - before).toBeLessThanOrEqual(TOKEN_LIFETIME_SECONDS * 1000 + 1000);
    expect(login.user).toMatchObject({ email: user.email, name: user.name, role: 'EDITOR' });
    expect(JSON.stringify(result)).not.toContain('argon2');
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const user = await makeUser();
    const result = await loginAs(`  ${user.email.toUpperCase()} `);
    expect(result.errors).toBeUndefined();
  });

  it.each([
    ['an unknown email', 'nobody@example.org', PASSWORD],
    ['a wrong password', 'user-wrong@example.org', 'correct horse battery stapler'],
    ['a disabled account', 'user-disabled@example.org', PASSWORD],
  ])('fails for %s with one generic UNAUTHENTICATED message', async (_case, email, password) => {
    await api.prisma.user.createMany({
      data: [
        { email: 'user-wrong@example.org', name: 'Wrong', passwordHash },
        {
          email: 'user-disabled@example.org',
          name: 'Disabled',
          passwordHash,
          disabledAt: new Date(),
        },
      ],
      skipDuplicates: true,
    });
    const result = await loginAs(email, password);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: LOGIN_FAILED_MESSAGE,
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
  });

  it('rejects a huge password without hashing it for long', async () => {
    const user = await makeUser();
    const started = Date.now();
    const result = await loginAs(user.email, 'x'.repeat(200_000));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('me', () => {
  it('is the signed-in user, and null for anonymous requests', async () => {
    const user = await makeUser({ role: 'VIEWER' });
    const { token } = ((await loginAs(user.email)).data as { login: { token: string } }).login;
    expect((await api.http(ME, {}, bearer(token))).data).toEqual({
      me: { email: user.email, role: 'VIEWER', disabled: false },
    });
    expect((await api.http(ME)).data).toEqual({ me: null });
  });

  it('reads the role from the database on every request, not from the token', async () => {
    const user = await makeUser({ role: 'VIEWER' });
    const { token } = ((await loginAs(user.email)).data as { login: { token: string } }).login;
    await api.prisma.user.update({ where: { id: user.id }, data: { role: 'REVIEWER' } });
    expect((await api.http(ME, {}, bearer(token))).data).toEqual({
      me: { email: user.email, role: 'REVIEWER', disabled: false },
    });
  });

  it('costs one SQL statement to authenticate and one to answer', async () => {
    const user = await makeUser();
    const { token } = ((await loginAs(user.email)).data as { login: { token: string } }).login;
    await api.http(ME, {}, bearer(token));
    expect(api.lastQueries()).toHaveLength(2);
  });
});

describe('logout', () => {
  it('ends every session of the user: all their tokens stop working', async () => {
    const user = await makeUser();
    const first = ((await loginAs(user.email)).data as { login: { token: string } }).login.token;
    const second = ((await loginAs(user.email)).data as { login: { token: string } }).login.token;
    expect(second).not.toBe(first);

    const out = await api.http('mutation { logout }', {}, bearer(first));
    expect(out.data).toEqual({ logout: true });
    for (const token of [first, second]) {
      const result = await api.http(ME, {}, bearer(token));
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // A new login works again.
    const again = ((await loginAs(user.email)).data as { login: { token: string } }).login.token;
    expect((await api.http(ME, {}, bearer(again))).data).toMatchObject({
      me: { email: user.email },
    });
  });

  it('needs a signed-in user', async () => {
    const result = await api.http('mutation { logout }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the User type', () => {
  it('has no field that could leak a password hash or token version', async () => {
    const result = await api.http('{ __type(name: "User") { fields { name } } }', {}, {});
    const fields = (result.data as { __type: { fields: { name: string }[] } }).__type.fields.map(
      (field) => field.name,
    );
    expect(fields).not.toContain('passwordHash');
    expect(fields).not.toContain('tokenVersion');
    expect(fields.sort()).toEqual(
      [
        'createdAt',
        'disabled',
        'disabledAt',
        'email',
        'id',
        'name',
        'role',
        'updatedAt',
        'version',
      ].sort(),
    );
  });
});
