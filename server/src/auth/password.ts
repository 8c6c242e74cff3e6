// Password rules and hashing. Hashes are argon2id (OWASP's recommended parameters); a failed
// sign-in always costs one verification, whether or not the account exists.
import { type Algorithm, hash, type Options, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one sign-in attempt can cause; no real passphrase is this long. */
export const MAX_PASSWORD_LENGTH = 256;

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id: an ambient const enum, unusable with isolatedModules
const HASH_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Passwords are compared as NFC, so the same characters typed on another keyboard match. */
function normalize(password: string): string {
  return password.normalize('NFC');
}

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  const length = [...normalize(password)].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), HASH_OPTIONS);
}

/** True when `password` matches `passwordHash`; false (never an exception) otherwise. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 2) return spendVerification();
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    // A malformed stored hash: the account cannot be signed into, but do not crash the request.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Does the work of one verification and returns false. Used when there is no account to check
 * against, so an unknown email takes as long as a wrong password.
 */
export async function spendVerification(): Promise<false> {
  dummyHash ??= hash('citeline-dummy-password', HASH_OPTIONS);
  await verify(await dummyHash, 'not-the-dummy-password').catch(() => false);
  return false;
}
