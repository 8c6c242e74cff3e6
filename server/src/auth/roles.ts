// Role checks. Roles are ordered: each one can do everything the ones before it can.
// VIEWER reads drafts; EDITOR creates and edits; REVIEWER also publishes; ADMIN also manages
// users and purges.
import type { UserRole } from '../db/generated/prisma/enums.ts';
import type { Context, Viewer } from '../schema/context.ts';
import { DomainError } from '../schema/errors.ts';

const RANK: Record<UserRole, number> = { VIEWER: 1, EDITOR: 2, REVIEWER: 3, ADMIN: 4 };

export function hasRole(viewer: Viewer | null, minimum: UserRole): boolean {
  return viewer !== null && RANK[viewer.role] >= RANK[minimum];
}

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'Sign in first: send "Authorization: Bearer <token>" from the login mutation.',
    );
  }
  return ctx.viewer;
}

/** The signed-in viewer if their role is at least `minimum`, or UNAUTHENTICATED / FORBIDDEN. */
export function requireRole(ctx: Context, minimum: UserRole, action: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, minimum)) {
    throw new DomainError(
      'FORBIDDEN',
      `Your role (${viewer.role}) cannot ${action}: it needs ${minimum} or above.`,
    );
  }
  return viewer;
}
