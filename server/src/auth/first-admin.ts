// The first admin account, created on start when the database has no user at all: from
// CITELINE_ADMIN_EMAIL / CITELINE_ADMIN_PASSWORD, or admin@citeline.local with a random password
// that is shown once (main.ts prints it).
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config.ts';
import type { Db } from '../db/client.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { lockAccounts, validEmail } from './accounts.ts';
import { hashPassword, passwordProblem } from './password.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@citeline.local';
const ADMIN_NAME = 'Administrator';

export interface FirstAdminSettings {
  email: string;
  /** Undefined: generate one. */
  password: string | undefined;
}

export interface FirstAdmin {
  email: string;
  /** Set when the password was generated: the only time anyone can see it. */
  generatedPassword?: string;
}

/** Reads and checks CITELINE_ADMIN_EMAIL and CITELINE_ADMIN_PASSWORD (both optional). */
export function readFirstAdminSettings(env: NodeJS.ProcessEnv = process.env): FirstAdminSettings {
  let email = DEFAULT_ADMIN_EMAIL;
  if (env.CITELINE_ADMIN_EMAIL) {
    try {
      email = validEmail(env.CITELINE_ADMIN_EMAIL, 'CITELINE_ADMIN_EMAIL');
    } catch (error) {
      if (error instanceof BadUserInputError) throw new ConfigError(error.message);
      throw error;
    }
  }
  const password = env.CITELINE_ADMIN_PASSWORD || undefined;
  const problem = password === undefined ? null : passwordProblem(password);
  if (problem) throw new ConfigError(`CITELINE_ADMIN_PASSWORD: ${problem}`);
  return { email, password };
}

/** Creates the first admin when there is no user yet; null when there already are users. */
export async function ensureFirstAdmin(
  prisma: Db,
  settings: FirstAdminSettings,
): Promise<FirstAdmin | null> {
  if ((await prisma.user.count()) > 0) return null;
  const generated = settings.password === undefined;
  const password = settings.password ?? randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    // Two instances starting together on an empty database: only one creates the admin.
    await lockAccounts(tx);
    if ((await tx.user.count()) > 0) return null;
    await tx.user.create({
      data: { email: settings.email, name: ADMIN_NAME, role: 'ADMIN', passwordHash },
    });
    return generated
      ? { email: settings.email, generatedPassword: password }
      : { email: settings.email };
  });
}
