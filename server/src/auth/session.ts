// Signing in and out. A failed sign-in says only that the email or password is wrong, whatever
// the reason (unknown email, wrong password, disabled account), and takes the same time.
import type { Db } from '../db/client.ts';
import type { User } from '../db/generated/prisma/client.ts';
import type { Viewer } from '../schema/context.ts';
import { DomainError } from '../schema/errors.ts';
import { spendVerification, verifyPassword } from './password.ts';
import { signingKey } from './signing-key.ts';
import { type SignedToken, signAccessToken } from './token.ts';

export const LOGIN_FAILED_MESSAGE =
  'The email or password is wrong, or the account is disabled. Check them, or ask an admin.';

export interface Session extends SignedToken {
  user: User;
}

/** Emails are stored lower-cased and trimmed (a CHECK constraint holds the database to it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function login(prisma: Db, email: string, password: string): Promise<Session> {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  // Verify even for a disabled account: its answer must not come back faster.
  const matches = user
    ? await verifyPassword(user.passwordHash, password)
    : await spendVerification();
  if (!user || !matches || user.disabledAt !== null) {
    throw new DomainError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE);
  }
  const signed = await signAccessToken(await signingKey(prisma), {
    userId: user.id,
    tokenVersion: user.tokenVersion,
  });
  return { ...signed, user };
}

/** Ends every session of the viewer: each token they hold stops working at once. */
export async function logout(prisma: Db, viewer: Viewer): Promise<void> {
  await prisma.user.update({
    where: { id: viewer.id },
    data: { tokenVersion: { increment: 1 } },
  });
}
