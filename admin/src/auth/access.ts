// What each role may do in the editor, mirroring the API's rules (the API enforces them; the
// editor only hides what would be refused). Pure, so it is tested as a table.

export type Role = 'VIEWER' | 'EDITOR' | 'REVIEWER' | 'ADMIN';
export type Status = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, REVIEWER: 2, ADMIN: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value in RANK;
}

export function atLeast(role: Role | null | undefined, least: Role): boolean {
  return role != null && RANK[role] >= RANK[least];
}

/** Resources only admins see. */
const ADMIN_RESOURCES = new Set(['users']);
/** Actions that read. */
const READ_ACTIONS = new Set(['list', 'show', 'export']);

/**
 * react-admin's `canAccess`: resources and their actions (list, show, create, edit, delete…).
 * Viewers read; editors and above change; users are for admins only.
 */
export function canAccess(role: Role | null, resource: string, action: string): boolean {
  if (!role) return false;
  if (ADMIN_RESOURCES.has(resource)) return role === 'ADMIN';
  if (READ_ACTIONS.has(action)) return true;
  return atLeast(role, 'EDITOR');
}

export interface Transition {
  to: Status;
  /** The button's label. */
  label: string;
}

// The API's workflow (server/src/records/workflow.ts): from → to → the least role.
const TRANSITIONS: Record<Status, readonly (Transition & { least: Role })[]> = {
  DRAFT: [{ to: 'IN_REVIEW', label: 'Submit for review', least: 'EDITOR' }],
  IN_REVIEW: [
    { to: 'PUBLISHED', label: 'Publish', least: 'REVIEWER' },
    { to: 'DRAFT', label: 'Return to draft', least: 'EDITOR' },
  ],
  PUBLISHED: [
    { to: 'ARCHIVED', label: 'Archive', least: 'REVIEWER' },
    { to: 'DRAFT', label: 'Unpublish', least: 'REVIEWER' },
  ],
  ARCHIVED: [{ to: 'DRAFT', label: 'Back to draft', least: 'EDITOR' }],
};

/** The workflow moves `role` may make from `status`, in the order to show them. */
export function transitionsFor(status: Status, role: Role | null): Transition[] {
  return TRANSITIONS[status]
    .filter((transition) => atLeast(role, transition.least))
    .map(({ to, label }) => ({ to, label }));
}
