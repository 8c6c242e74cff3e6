// The first admin: created on a database without users, from the environment or with a generated
// password shown once; never again once any user exists, even when two instances start together.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { createTestDatabase } from '../test/database.ts';
import { DEFAULT_ADMIN_EMAIL, ensureFirstAdmin, readFirstAdminSettings } from './first-admin.ts';
import { login } from './session.ts';

describe('ensureFirstAdmin', () => {
  it('without settings: admin@citeline.local with a random password, returned only once', async () => {
    const { prisma } = await createTestDatabase();
    const created = await ensureFirstAdmin(prisma, readFirstAdminSettings({}));
    expect(created?.email).toBe(DEFAULT_ADMIN_EMAIL);
    const password = created?.generatedPassword ?? '';
    expect(password).toMatch(/^[\w-]{24}$/);

    const session = await login(prisma, DEFAULT_ADMIN_EMAIL, password);
    expect(session.user).toMatchObject({ role: 'ADMIN', name: 'Administrator', disabledAt: null });
    expect(session.user.passwordHash).not.toContain(password);

    // The next start finds a user and creates (and shows) nothing.
    expect(await ensureFirstAdmin(prisma, readFirstAdminSettings({}))).toBeNull();
    expect(await prisma.user.count()).toBe(1);
  });

  it('from CITELINE_ADMIN_EMAIL and CITELINE_ADMIN_PASSWORD: no password is shown', async () => {
    const { prisma } = await createTestDatabase();
    const settings = readFirstAdminSettings({
      CITELINE_ADMIN_EMAIL: ' Editor-In-Chief@Example.org ',
      CITELINE_ADMIN_PASSWORD: 'a long admin passphrase',
    });
    expect(await ensureFirstAdmin(prisma, settings)).toEqual({
      email: 'editor-in-chief@example.org',
    });
    const session = await login(prisma, 'editor-in-chief@example.org', 'a long admin passphrase');
    expect(session.user.role).toBe('ADMIN');
  });

  it('with only CITELINE_ADMIN_EMAIL: that address with a generated password', async () => {
    const { prisma } = await createTestDatabase();
    const created = await ensureFirstAdmin(
      prisma,
      readFirstAdminSettings({ CITELINE_ADMIN_EMAIL: 'boss@example.org' }),
    );
    expect(created).toMatchObject({
      email: 'boss@example.org',
      generatedPassword: expect.any(String),
    });
  });

  it('does nothing when a user already exists, whatever the settings', async () => {
    const { prisma } = await createTestDatabase();
    await prisma.user.create({
      data: { email: 'someone@example.org', name: 'Someone', passwordHash: 'x', role: 'VIEWER' },
    });
    const settings = readFirstAdminSettings({
      CITELINE_ADMIN_EMAIL: 'admin@example.org',
      CITELINE_ADMIN_PASSWORD: 'a long admin passphrase',
    });
    expect(await ensureFirstAdmin(prisma, settings)).toBeNull();
    expect(await prisma.user.count()).toBe(1);
  });

  it('creates one admin when two instances start at once', async () => {
    const { prisma } = await createTestDatabase();
    const results = await Promise.all([
      ensureFirstAdmin(prisma, readFirstAdminSettings({})),
      ensureFirstAdmin(prisma, readFirstAdminSettings({})),
    ]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await prisma.user.count()).toBe(1);
  });
});

describe('readFirstAdminSettings', () => {
  it.each([
    [{ CITELINE_ADMIN_EMAIL: 'not an email' }, /CITELINE_ADMIN_EMAIL must be an email address/],
    [{ CITELINE_ADMIN_PASSWORD: 'short' }, /CITELINE_ADMIN_PASSWORD: .*at least 12/],
  ])('refuses %j at start-up', (env, message) => {
    expect(() => readFirstAdminSettings(env)).toThrow(ConfigError);
    expect(() => readFirstAdminSettings(env)).toThrow(message);
  });

  it('treats empty variables as unset', () => {
    expect(
      readFirstAdminSettings({ CITELINE_ADMIN_EMAIL: '', CITELINE_ADMIN_PASSWORD: '' }),
    ).toEqual({ email: DEFAULT_ADMIN_EMAIL, password: undefined });
  });
});
