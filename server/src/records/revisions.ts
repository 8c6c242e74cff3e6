// Revisions: every change to a curated record writes one, in the same transaction as the change,
// holding the record before and after (the row plus its short lists).
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { RevisionOperation } from '../db/generated/prisma/enums.ts';
import { type CuratedModel, delegateFor, SNAPSHOT_INCLUDE, type Tx } from './models.ts';

export type Snapshot = Record<string, unknown>;

const DERIVED_COLUMNS = [
  'searchVector',
  'sourceStatus',
  'sourceDeletedAt',
  'targetStatus',
  'targetDeletedAt',
  'globalId',
];

/** The record as a revision stores it, or null when it does not exist. */
export async function snapshot(tx: Tx, model: CuratedModel, id: string): Promise<Snapshot | null> {
  const include = SNAPSHOT_INCLUDE[model];
  const row = await delegateFor(tx, model).findUnique({
    where: { id },
    ...(include ? { include } : {}),
  });
  return row ? toSnapshot(row) : null;
}

/** The short lists (SNAPSHOT_INCLUDE) of a snapshot of `model`. */
export function listsOf(model: CuratedModel, record: Snapshot): Snapshot {
  return Object.fromEntries(
    Object.keys(SNAPSHOT_INCLUDE[model] ?? {}).map((list) => [list, record[list]]),
  );
}

/**
 * A loaded row as a revision stores it. The row must hold what `snapshot` loads: every column,
 * and the short lists of SNAPSHOT_INCLUDE for models that have them.
 */
export function toSnapshot(row: Record<string, unknown>): Snapshot {
  // Derived data stays out: the search vector, the global id and a citation's copies of its
  // parents' status (triggers keep them). Dates become ISO strings as JSON would make them.
  const rest = { ...row };
  for (const column of DERIVED_COLUMNS) delete rest[column];
  return JSON.parse(JSON.stringify(rest)) as Snapshot;
}

export interface RevisionInput {
  model: CuratedModel;
  id: string;
  operation: RevisionOperation;
  version: number;
  before: Snapshot | null;
  after: Snapshot | null;
  userId: string | null;
}

/** The CREATE revision of a record just created, holding it as `snapshot` loads it. */
export async function writeCreateRevision(
  tx: Tx,
  model: CuratedModel,
  id: string,
  userId: string | null,
): Promise<void> {
  await writeRevision(tx, {
    model,
    id,
    operation: 'CREATE',
    version: 1,
    before: null,
    after: await snapshot(tx, model, id),
    userId,
  });
}

export async function writeRevision(tx: Tx, input: RevisionInput): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: input.model,
      entityId: input.id,
      operation: input.operation,
      version: input.version,
      before: (input.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (input.after ?? undefined) as Prisma.InputJsonValue | undefined,
      userId: input.userId,
    },
  });
}

/** The fields whose values differ between two snapshots, for readable diffs. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
    .sort();
}
