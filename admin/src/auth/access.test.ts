import { describe, expect, it } from 'vitest';
import { canAccess, type Role, type Status, transitionsFor } from './access.ts';

describe('canAccess', () => {
  it.each([
    ['VIEWER', 'sources', 'list', true],
    ['VIEWER', 'sources', 'show', true],
    ['VIEWER', 'sources', 'edit', false],
    ['VIEWER', 'sources', 'create', false],
    ['VIEWER', 'sources', 'delete', false],
    ['EDITOR', 'statements', 'edit', true],
    ['EDITOR', 'statements', 'delete', true],
    ['EDITOR', 'users', 'list', false],
    ['REVIEWER', 'users', 'list', false],
    ['ADMIN', 'users', 'edit', true],
    [null, 'sources', 'list', false],
  ] as const)('%s on %s/%s: %s', (role, resource, action, allowed) => {
    expect(canAccess(role, resource, action)).toBe(allowed);
  });
});

describe('transitionsFor', () => {
  const moves = (status: Status, role: Role | null) =>
    transitionsFor(status, role).map((t) => t.to);
  it.each([
    ['DRAFT', 'VIEWER', []],
    ['DRAFT', 'EDITOR', ['IN_REVIEW']],
    ['IN_REVIEW', 'EDITOR', ['DRAFT']],
    ['IN_REVIEW', 'REVIEWER', ['PUBLISHED', 'DRAFT']],
    ['PUBLISHED', 'EDITOR', []],
    ['PUBLISHED', 'REVIEWER', ['ARCHIVED', 'DRAFT']],
    ['ARCHIVED', 'EDITOR', ['DRAFT']],
    ['PUBLISHED', 'ADMIN', ['ARCHIVED', 'DRAFT']],
  ] as const)('%s as %s → %j', (status, role, expected) => {
    expect(moves(status, role)).toEqual(expected);
  });
});
