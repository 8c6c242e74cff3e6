// There is always an active admin: the last one can be neither demoted nor disabled, not even by
// two admins demoting each other at the same moment.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import type { Viewer } from '../schema/context.ts';
import { encodeGlobalId } from '../schema/global-id.ts';
import { ADMIN, createTestApi, type TestApi } from '../test/api.ts';

const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { role disabled }
}`;

let api: TestApi;
let passwordHash: string;
let counter = 0;

beforeAll(async () => {
  api = await createTestApi();
  passwordHash = await hashPassword('correct horse battery staple');
});

async function makeAdmin(): Promise<Viewer> {
  counter += 1;
  const user = await api.prisma.user.create({
    data: {
      email: `admin${counter}@example.org`,
      name: `Admin ${counter}`,
      passwordHash,
      role: 'ADMIN',
    },
  });
  return { id: user.id, role: 'ADMIN' };
}

const activeAdmins = () => api.prisma.user.count({ where: { role: 'ADMIN', disabledAt: null } });

beforeEach(async () => {
  // Start every case with the test ADMIN as the only active admin.
  await api.prisma.user.updateMany({
    where: { role: 'ADMIN', id: { not: ADMIN.id } },
    data: { disabledAt: new Date() },
  });
  await api.prisma.user.update({
    where: { id: ADMIN.id },
    data: { role: 'ADMIN', disabledAt: null },
  });
});

describe('the last active admin', () => {
  it.each([
    ['demoted', { role: 'EDITOR' }, 'input.role'],
    ['disabled', { disabled: true }, 'input.disabled'],
  ])('cannot be %s, even by themselves', async (_case, input, field) => {
    const result = await api.execute(
      UPDATE,
      { id: encodeGlobalId('User', ADMIN.id), input },
      ADMIN,
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(/last active admin/);
    expect(await activeAdmins()).toBe(1);
  });

  it('may still be renamed, or given a new password', async () => {
    const result = await api.execute(
      UPDATE,
      { id: encodeGlobalId('User', ADMIN.id), input: { name: 'Chief', role: 'ADMIN' } },
      ADMIN,
    );
    expect(result.errors).toBeUndefined();
  });

  it('can step down once another admin is active; a disabled admin does not count', async () => {
    const disabled = await makeAdmin();
    await api.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const refused = await api.execute(
      UPDATE,
      { id: encodeGlobalId('User', ADMIN.id), input: { role: 'VIEWER' } },
      ADMIN,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const other = await makeAdmin();
    const allowed = await api.execute(
      UPDATE,
      { id: encodeGlobalId('User', ADMIN.id), input: { role: 'VIEWER' } },
      other,
    );
    expect(allowed.errors).toBeUndefined();
    expect(await activeAdmins()).toBe(1);
  });

  it('survives two admins demoting each other at once: exactly one change wins', async () => {
    const other = await makeAdmin();
    const [first, second] = await Promise.all([
      api.execute(
        UPDATE,
        { id: encodeGlobalId('User', other.id), input: { role: 'EDITOR' } },
        ADMIN,
      ),
      api.execute(
        UPDATE,
        { id: encodeGlobalId('User', ADMIN.id), input: { disabled: true } },
        other,
      ),
    ]);
    const outcomes = [first, second].map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
    expect(outcomes.sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect(await activeAdmins()).toBe(1);
  });
});
