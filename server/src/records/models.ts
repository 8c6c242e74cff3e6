// The curated models and how to reach them generically: their Prisma delegates, and what a
// revision snapshot of each holds (the row plus the short lists that belong to it).
import type { Prisma, PrismaClient } from '../db/generated/prisma/client.ts';

export const CURATED_MODELS = [
  'Source',
  'Actor',
  'Topic',
  'Event',
  'Statement',
  'Citation',
] as const;
export type CuratedModel = (typeof CURATED_MODELS)[number];

export type Tx = Prisma.TransactionClient;

/** The columns every curated row has. */
export interface CuratedRecord {
  id: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
  version: number;
  deletedAt: Date | null;
}

/**
 * The part of a Prisma delegate the generic operations use. Prisma's delegates share these
 * methods but not a common type, so `delegateFor` narrows each one to this shape.
 */
export interface CuratedDelegate {
  findUnique(args: {
    where: { id: string };
    include?: object;
  }): Promise<(CuratedRecord & Record<string, unknown>) | null>;
  update(args: {
    where: { id: string; version?: number };
    data: object;
  }): Promise<CuratedRecord & Record<string, unknown>>;
  delete(args: { where: { id: string } }): Promise<unknown>;
}

const DELEGATE_KEYS = {
  Source: 'source',
  Actor: 'actor',
  Topic: 'topic',
  Event: 'event',
  Statement: 'statement',
  Citation: 'citation',
} as const satisfies Record<CuratedModel, keyof PrismaClient>;

export function delegateFor(db: Tx | PrismaClient, model: CuratedModel): CuratedDelegate {
  // Each delegate has these methods with richer argument types; the generic operations only
  // pass arguments valid for every curated model.
  return db[DELEGATE_KEYS[model]] as unknown as CuratedDelegate;
}

/** The short lists stored in a revision with the row, so history shows and restores them. */
export const SNAPSHOT_INCLUDE: Record<CuratedModel, object | undefined> = {
  Source: { urls: { select: { url: true, normalizedUrl: true }, orderBy: { createdAt: 'asc' } } },
  Actor: {
    positions: {
      select: {
        title: true,
        organizationId: true,
        startOn: true,
        startPrecision: true,
        endOn: true,
        endPrecision: true,
      },
      orderBy: { createdAt: 'asc' },
    },
  },
  Topic: undefined,
  Event: {
    participants: {
      select: { actorId: true, role: true },
      orderBy: [{ role: 'asc' }, { actorId: 'asc' }],
    },
    topics: { select: { topicId: true }, orderBy: { topicId: 'asc' } },
  },
  Statement: { topics: { select: { topicId: true }, orderBy: { topicId: 'asc' } } },
  Citation: undefined,
};

/** Fields never copied from a revision back onto a record. */
export const SYSTEM_FIELDS = new Set([
  'id',
  'version',
  'status',
  'deletedAt',
  'createdAt',
  'updatedAt',
  'createdById',
  'updatedById',
  'contentHash',
  'searchVector',
]);
