// Managing users: only admins list, create and change users; every failure names its field;
// disabling a user or changing their password ends their sessions; stale versions conflict.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../schema/global-id.ts';
import { ADMIN, createTestApi, EDITOR, REVIEWER, type TestApi, VIEWER } from '../test/api.ts';

const USER_FIELDS = 'id email name role disabled version';
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!, $expectedVersion: Int) {
  updateUser(id: $id, input: $input, expectedVersion: $expectedVersion) { ${USER_FIELDS} }
}`;
const USERS = `query ($filter: UserFilter) {
  users(first: 50, filter: $filter) { totalCount edges { node { email role disabled } } }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const PASSWORD = 'correct horse battery staple';

let api: TestApi;
let counter = 0;

beforeAll(async () => {
  api = await createTestApi();
});

interface UserResult {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  version: number;
}

function newUserInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `person${counter}@example.org`,
    name: `Person ${counter}`,
    role: 'EDITOR',
    password: PASSWORD,
    ...overrides,
  };
}

async function createUser(overrides: Record<string, unknown> = {}): Promise<UserResult> {
  const data = await api.data<{ createUser: UserResult }>(
    CREATE,
    { input: newUserInput(overrides) },
    ADMIN,
  );
  return data.createUser;
}

async function login(email: string, password = PASSWORD) {
  return api.http(LOGIN, { email, password });
}

async function tokenOf(email: string, password = PASSWORD): Promise<string> {
  const result = await login(email, password);
  return (result.data as { login: { token: string } }).login.token;
}

describe('who may manage users', () => {
  const operations: [string, () => [string, Record<string, unknown>]][] = [
    ['users', () => [USERS, {}]],
    ['createUser', () => [CREATE, { input: newUserInput() }]],
    [
      'updateUser',
      () => [UPDATE, { id: encodeGlobalId('User', EDITOR.id), input: { name: 'Renamed' } }],
    ],
  ];

  it.each(operations)('%s: anonymous clients are UNAUTHENTICATED', async (_name, operation) => {
    const before = await api.prisma.user.findMany({ orderBy: { id: 'asc' } });
    const [query, variables] = operation();
    const result = await api.execute(query, variables, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.prisma.user.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it.each(
    operations.flatMap(([name, operation]) =>
      [VIEWER, EDITOR, REVIEWER].map((viewer) => [name, viewer.role, viewer, operation] as const),
    ),
  )('%s: a %s is FORBIDDEN and nothing changes', async (_name, _role, viewer, operation) => {
    const before = await api.prisma.user.findMany({ orderBy: { id: 'asc' } });
    const [query, variables] = operation();
    const result = await api.execute(query, variables, viewer);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/needs ADMIN/);
    expect(await api.prisma.user.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('a User is visible through node(id:) to admins, and to nobody else but its owner', async () => {
    const query = '{ node(id: $id) { ... on User { email } } }'.replace(
      '{ node',
      'query ($id: ID!) { node',
    );
    const id = encodeGlobalId('User', EDITOR.id);
    expect(await api.data(query, { id }, ADMIN)).toEqual({
      node: { email: 'editor@test.citeline.local' },
    });
    expect(await api.data(query, { id }, EDITOR)).toEqual({
      node: { email: 'editor@test.citeline.local' },
    });
    for (const viewer of [null, VIEWER, REVIEWER]) {
      expect(await api.data(query, { id }, viewer)).toEqual({ node: null });
    }
  });
});

describe('users', () => {
  it('lists users by email with a total, filtered by text, role and disabled', async () => {
    const ada = await createUser({ name: 'Ada Lovelace', role: 'REVIEWER' });
    await api.prisma.user.update({
      where: { id: decodeId(ada.id) },
      data: { disabledAt: new Date() },
    });
    const all = await api.data<{
      users: { totalCount: number; edges: { node: { email: string } }[] };
    }>(USERS, {}, ADMIN);
    const emails = all.users.edges.map((edge) => edge.node.email);
    expect(emails).toEqual([...emails].sort());
    expect(all.users.totalCount).toBe(await api.prisma.user.count());

    const filtered = await api.data(
      USERS,
      { filter: { text: 'lovelace', role: ['REVIEWER'], disabled: true } },
      ADMIN,
    );
    expect(filtered).toEqual({
      users: {
        totalCount: 1,
        edges: [{ node: { email: ada.email, role: 'REVIEWER', disabled: true } }],
      },
    });
  });

  it('costs the same two SQL statements (page and count) at any size', async () => {
    await api.data(USERS, {}, ADMIN);
    expect(api.lastQueries()).toHaveLength(2);
  });
});

function decodeId(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1] ?? '';
}

describe('createUser', () => {
  it('creates a user who can log in at once, with the email lower-cased', async () => {
    const input = newUserInput({ email: '  New.Person@Example.ORG ', role: 'REVIEWER' });
    const { createUser: user } = await api.data<{ createUser: UserResult }>(
      CREATE,
      { input },
      ADMIN,
    );
    expect(user).toMatchObject({
      email: 'new.person@example.org',
      role: 'REVIEWER',
      disabled: false,
      version: 1,
    });
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { id: decodeId(user.id) } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login('new.person@example.org')).errors).toBeUndefined();
  });

  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ['a malformed email', { email: 'not-an-email' }, 'input.email', /email address/],
    ['an email with spaces', { email: 'a b@example.org' }, 'input.email', /email address/],
    ['an email with markup', { email: '<script>@example.org' }, 'input.email', /email address/],
    ['an email with a NUL byte', { email: 'a\u0000b@example.org' }, 'input.email', /email/],
    ['an oversized email', { email: `${'a'.repeat(250)}@example.org` }, 'input.email', /email/],
    ['an empty name', { name: '   ' }, 'input.name', /must not be empty/],
    ['a name with markup', { name: '<b>Ada</b>' }, 'input.name', /plain text/],
    ['a name on two lines', { name: 'Ada\nLovelace' }, 'input.name', /single line/],
    ['an oversized name', { name: 'A'.repeat(201) }, 'input.name', /too long/],
    ['a short password', { password: 'short' }, 'input.password', /at least 12/],
    ['an oversized password', { password: 'p'.repeat(257) }, 'input.password', /at most 256/],
  ];

  it.each(invalid)(
    'rejects %s as BAD_USER_INPUT on its field',
    async (_case, change, field, message) => {
      const before = await api.prisma.user.count();
      const result = await api.execute(CREATE, { input: newUserInput(change) }, ADMIN);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await api.prisma.user.count()).toBe(before);
    },
  );

  it('rejects an email that is taken, whatever its case', async () => {
    const existing = await createUser();
    const result = await api.execute(
      CREATE,
      { input: newUserInput({ email: existing.email.toUpperCase() }) },
      ADMIN,
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'A user with this email already exists.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
    });
  });

  it('rejects an unknown role before anything runs', async () => {
    const result = await api.execute(CREATE, { input: newUserInput({ role: 'OWNER' }) }, ADMIN);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('updateUser', () => {
  it('changes name and role, bumping the version', async () => {
    const user = await createUser();
    const { updateUser } = await api.data<{ updateUser: UserResult }>(
      UPDATE,
      { id: user.id, input: { name: '  Grace Hopper ', role: 'REVIEWER' }, expectedVersion: 1 },
      ADMIN,
    );
    expect(updateUser).toMatchObject({ name: 'Grace Hopper', role: 'REVIEWER', version: 2 });
  });

  it('a stale expectedVersion is a CONFLICT naming the current version, and changes nothing', async () => {
    const user = await createUser();
    await api.data(UPDATE, { id: user.id, input: { name: 'First edit' } }, ADMIN);
    const result = await api.execute(
      UPDATE,
      { id: user.id, input: { name: 'Second edit' }, expectedVersion: 1 },
      ADMIN,
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
    expect(result.errors?.[0]?.message).toMatch(/version 1, it is now at version 2/);
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { id: decodeId(user.id) } });
    expect(stored.name).toBe('First edit');
  });

  it('a new password works at once and ends the user’s sessions', async () => {
    const user = await createUser();
    const token = await tokenOf(user.email);
    await api.data(UPDATE, { id: user.id, input: { password: 'a brand new passphrase' } }, ADMIN);
    const me = await api.http('{ me { email } }', {}, { authorization: `Bearer ${token}` });
    expect(me.status).toBe(401);
    expect((await login(user.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new passphrase')).errors).toBeUndefined();
  });

  it('disabling ends the sessions and stops logins; enabling does not revive old tokens', async () => {
    const user = await createUser();
    const token = await tokenOf(user.email);
    const { updateUser } = await api.data<{ updateUser: UserResult }>(
      UPDATE,
      { id: user.id, input: { disabled: true } },
      ADMIN,
    );
    expect(updateUser.disabled).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await api.http('{ me { email } }', {}, bearer)).status).toBe(401);
    expect((await login(user.email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await api.data(UPDATE, { id: user.id, input: { disabled: false } }, ADMIN);
    expect((await api.http('{ me { email } }', {}, bearer)).status).toBe(401);
    expect((await login(user.email)).errors).toBeUndefined();
  });

  const invalid: [string, () => Promise<Record<string, unknown>>, string, string][] = [
    ['a malformed id', async () => ({ id: 'nope', input: { name: 'X' } }), 'BAD_USER_INPUT', 'id'],
    [
      'the id of another type',
      async () => ({ id: encodeGlobalId('Source', EDITOR.id), input: { name: 'X' } }),
      'BAD_USER_INPUT',
      'id',
    ],
    [
      'nothing to change',
      async () => ({ id: (await createUser()).id, input: {} }),
      'BAD_USER_INPUT',
      'input',
    ],
    [
      'an empty name',
      async () => ({ id: (await createUser()).id, input: { name: '' } }),
      'BAD_USER_INPUT',
      'input.name',
    ],
    [
      'a short password',
      async () => ({ id: (await createUser()).id, input: { password: 'tooshort' } }),
      'BAD_USER_INPUT',
      'input.password',
    ],
    [
      'an expectedVersion below 1',
      async () => ({ id: (await createUser()).id, input: { name: 'X' }, expectedVersion: 0 }),
      'BAD_USER_INPUT',
      'expectedVersion',
    ],
  ];

  it.each(invalid)('rejects %s, naming the field', async (_case, variables, code, field) => {
    const result = await api.execute(UPDATE, await variables(), ADMIN);
    expect(result.errors?.[0]?.extensions).toEqual({ code, field });
  });

  it('an unknown user is NOT_FOUND', async () => {
    const result = await api.execute(
      UPDATE,
      { id: encodeGlobalId('User', '00000000-0000-7000-8000-0000000000ff'), input: { name: 'X' } },
      ADMIN,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
