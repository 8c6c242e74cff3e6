import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  spendVerification,
  verifyPassword,
} from './password.ts';

describe('passwordProblem', () => {
  it.each([
    ['', /at least 12/],
    ['a'.repeat(MIN_PASSWORD_LENGTH - 1), /at least 12/],
    // Counted in characters, not UTF-16 units: 11 emoji are 22 units but still too short.
    ['🔑'.repeat(MIN_PASSWORD_LENGTH - 1), /at least 12/],
    ['a'.repeat(MAX_PASSWORD_LENGTH + 1), /at most 256/],
  ])('rejects %j', (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it.each([
    'a'.repeat(MIN_PASSWORD_LENGTH),
    'correct horse battery staple',
    'a'.repeat(MAX_PASSWORD_LENGTH),
  ])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});

describe('hashing', () => {
  it('stores argon2id hashes that verify the password and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password twice')).not.toBe(
      await hashPassword('same password twice'),
    );
  });

  it('matches composed and decomposed accents alike (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9 cr\u00e8me br\u00fbl\u00e9e');
    expect(await verifyPassword(stored, 'cafe\u0301 cre\u0300me bru\u0302le\u0301e')).toBe(true);
  });

  it('answers false, not an exception, for a malformed stored hash or a huge password', async () => {
    expect(await verifyPassword('not a hash', 'whatever password')).toBe(false);
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'x'.repeat(100_000))).toBe(false);
  });

  it('spends the time of a verification when there is no account', async () => {
    await spendVerification(); // the dummy hash is made once
    const stored = await hashPassword('correct horse battery staple');
    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    // The fastest of a few runs each, so a busy machine does not decide the outcome.
    const fastest = async (work: () => Promise<unknown>) =>
      Math.min(await time(work), await time(work), await time(work));
    const real = await fastest(() => verifyPassword(stored, 'wrong password here'));
    const dummy = await fastest(() => spendVerification());
    // Same parameters, same work.
    expect(dummy).toBeGreaterThan(real / 3);
    expect(dummy).toBeLessThan(real * 3);
  });
});
