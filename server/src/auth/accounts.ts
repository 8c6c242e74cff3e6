// User accounts as admins manage them: creating users, changing their name, role, password or
// whether they are disabled. The one rule beyond input checks: there is always an active admin.
import type { Db } from '../db/client.ts';
import type { Prisma, User } from '../db/generated/prisma/client.ts';
import type { UserRole } from '../db/generated/prisma/enums.ts';
import { BadUserInputError, DomainError, NotFoundError } from '../schema/errors.ts';
import { plainText } from '../schema/validate.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { normalizeEmail } from './session.ts';

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;
// Deliberately loose (the address is checked by whoever uses it): one @, a dot in the domain, no
// spaces, control characters or angle brackets.
const EMAIL = /^[^\s@<>\p{Cc}]+@[^\s@<>\p{Cc}]+\.[^\s@<>\p{Cc}]+$/u;

/** The lower-cased address, or BAD_USER_INPUT on `field`. */
export function validEmail(email: string, field: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > MAX_EMAIL_LENGTH || !EMAIL.test(normalized)) {
    throw new BadUserInputError(`${field} must be an email address such as ada@example.org`, field);
  }
  return normalized;
}

/** The trimmed name (plain text, one line), or BAD_USER_INPUT on `field`. */
export function validName(name: string, field: string): string {
  return plainText(name, field, { max: MAX_NAME_LENGTH });
}

/** The password's argon2id hash, or BAD_USER_INPUT on `field` when it is too short or long. */
export async function validPasswordHash(password: string, field: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new BadUserInputError(`${field}: ${problem}`, field);
  return hashPassword(password);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'PrismaClientKnownRequestError' &&
    (error as Error & { code?: unknown }).code === 'P2002'
  );
}

/**
 * Serialises account changes within a transaction, so two admins demoting each other at the same
 * moment cannot both succeed and leave no admin.
 */
export async function lockAccounts(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('citeline:accounts'))`;
}

export interface NewAccount {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

export async function createAccount(prisma: Db, input: NewAccount): Promise<User> {
  const email = validEmail(input.email, 'input.email');
  const name = validName(input.name, 'input.name');
  const passwordHash = await validPasswordHash(input.password, 'input.password');
  try {
    return await prisma.user.create({ data: { email, name, role: input.role, passwordHash } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new BadUserInputError('A user with this email already exists.', 'input.email');
    }
    throw error;
  }
}

export interface AccountChanges {
  name?: string | null;
  role?: UserRole | null;
  disabled?: boolean | null;
  password?: string | null;
}

export class UserConflictError extends DomainError {
  constructor(expected: number, current: number) {
    super(
      'CONFLICT',
      `This user was changed by someone else: you edited version ${expected}, it is now at ` +
        `version ${current}. Reload it, then apply your change again.`,
      { currentVersion: current },
    );
  }
}

const isActiveAdmin = (user: { role: UserRole; disabledAt: Date | null }) =>
  user.role === 'ADMIN' && user.disabledAt === null;

/**
 * Applies an admin's changes to a user. Disabling a user or changing their password revokes
 * their tokens. Null fields are left as they are.
 */
export async function updateAccount(
  prisma: Db,
  id: string,
  changes: AccountChanges,
  expectedVersion?: number | null,
): Promise<User> {
  const { role, disabled } = changes;
  const name = changes.name == null ? undefined : validName(changes.name, 'input.name');
  // Hashing takes tens of milliseconds: do it before taking the lock.
  const passwordHash =
    changes.password == null
      ? undefined
      : await validPasswordHash(changes.password, 'input.password');
  if (name === undefined && role == null && disabled == null && passwordHash === undefined) {
    throw new BadUserInputError(
      'input must change at least one of name, role, disabled or password',
      'input',
    );
  }

  return prisma.$transaction(async (tx) => {
    await lockAccounts(tx);
    const current = await tx.user.findUnique({ where: { id } });
    if (!current) throw new NotFoundError('No user with this id exists.');
    if (expectedVersion != null && expectedVersion !== current.version) {
      throw new UserConflictError(expectedVersion, current.version);
    }

    const disabling = disabled === true && current.disabledAt === null;
    const enabling = disabled === false && current.disabledAt !== null;
    const after = {
      role: role ?? current.role,
      disabledAt: disabling ? new Date() : enabling ? null : current.disabledAt,
    };
    if (isActiveAdmin(current) && !isActiveAdmin(after)) {
      const others = await tx.user.count({
        where: { role: 'ADMIN', disabledAt: null, id: { not: id } },
      });
      if (others === 0) {
        const field = role != null && role !== 'ADMIN' ? 'input.role' : 'input.disabled';
        throw new BadUserInputError(
          `${field}: this is the last active admin. Make another user an admin first, so ` +
            'someone can still manage users.',
          field,
        );
      }
    }

    return tx.user.update({
      where: { id },
      data: {
        ...(name !== undefined && { name }),
        ...(role != null && { role }),
        ...((disabling || enabling) && { disabledAt: after.disabledAt }),
        ...(passwordHash !== undefined && { passwordHash }),
        // A disabled account or a changed password must not leave working tokens behind (nor
        // may re-enabling an account bring its old tokens back).
        ...((disabling || passwordHash !== undefined) && { tokenVersion: { increment: 1 } }),
        version: { increment: 1 },
      },
    });
  });
}
