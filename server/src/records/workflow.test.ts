import { describe, expect, it } from 'vitest';
import { nextStatuses, transitionRole } from './workflow.ts';

describe('transitionRole', () => {
  it.each([
    ['DRAFT', 'IN_REVIEW', 'EDITOR'],
    ['IN_REVIEW', 'PUBLISHED', 'REVIEWER'],
    ['IN_REVIEW', 'DRAFT', 'EDITOR'],
    ['PUBLISHED', 'ARCHIVED', 'REVIEWER'],
    ['PUBLISHED', 'DRAFT', 'REVIEWER'],
    ['ARCHIVED', 'DRAFT', 'EDITOR'],
    ['DRAFT', 'PUBLISHED', null],
    ['DRAFT', 'DRAFT', null],
    ['ARCHIVED', 'PUBLISHED', null],
    ['PUBLISHED', 'IN_REVIEW', null],
  ] as const)('%s → %s needs %s', (from, to, role) => {
    expect(transitionRole(from, to)).toBe(role);
  });

  it('lists the next statuses', () => {
    expect(nextStatuses('IN_REVIEW').sort()).toEqual(['DRAFT', 'PUBLISHED']);
  });
});
