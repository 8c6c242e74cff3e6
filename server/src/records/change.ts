// The generic write path for curated records: load with the version the client saw, change,
// bump the version, write the revision, all in one transaction. A stale version is a CONFLICT
// that names the current version; nothing is ever overwritten silently.

import type { RevisionOperation } from '../db/generated/prisma/enums.ts';
import type { Context, Viewer } from '../schema/context.ts';
import { DomainError, NotFoundError } from '../schema/errors.ts';
import { type CuratedModel, type CuratedRecord, delegateFor, type Tx } from './models.ts';
import {
  listsOf,
  type Snapshot,
  snapshot,
  toSnapshot,
  writeCreateRevision,
  writeRevision,
} from './revisions.ts';

export class ConflictError extends DomainError {
  constructor(model: CuratedModel, expected: number, current: number) {
    super(
      'CONFLICT',
      `This ${model.toLowerCase()} was changed by someone else: you edited version ${expected}, it is now at version ${current}. Reload it, then apply your change again.`,
      { currentVersion: current },
    );
  }
}

export function notFound(model: CuratedModel): NotFoundError {
  return new NotFoundError(`No ${model.toLowerCase()} with this id exists (or it was purged).`);
}

/**
 * Runs `work` in a transaction, READ COMMITTED (every connection's default: db/client.ts);
 * PostgreSQL's own conflicts become CONFLICT errors.
 */
export async function inTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.prisma.$transaction(work, { timeout: 15_000 });
}

export interface LoadOptions {
  /** The version the client last saw; required for edits. */
  expectedVersion?: number;
  /** Allow soft-deleted records (restore, purge). */
  includeDeleted?: boolean;
}

/** Loads a record for a change, checking existence, deletion and the expected version. */
export async function loadForChange(
  tx: Tx,
  model: CuratedModel,
  id: string,
  options: LoadOptions = {},
): Promise<{ row: CuratedRecord; before: Snapshot }> {
  const before = await snapshot(tx, model, id);
  if (!before) throw notFound(model);
  const row = before as unknown as CuratedRecord;
  if (row.deletedAt !== null && !options.includeDeleted) {
    throw new DomainError(
      'NOT_FOUND',
      `This ${model.toLowerCase()} is deleted: restore it before changing it.`,
    );
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
    throw new ConflictError(model, options.expectedVersion, row.version);
  }
  return { row, before };
}

export interface ApplyChange {
  model: CuratedModel;
  id: string;
  viewer: Viewer;
  operation: RevisionOperation;
  /** The version the change starts from (checked again by the UPDATE itself). */
  fromVersion: number;
  before: Snapshot;
  /** Column changes; version, updatedBy and updatedAt are added here. */
  data: Record<string, unknown>;
  /** Changes to the record's short lists, run after the row update and before the snapshot. */
  afterUpdate?: (tx: Tx) => Promise<void>;
}

/**
 * Updates the row only if it is still at `fromVersion` (so of two concurrent edits exactly one
 * wins), then writes the revision with the new snapshot.
 */
export async function applyChange(tx: Tx, change: ApplyChange): Promise<Snapshot> {
  const { model, id, viewer, fromVersion } = change;
  const delegate = delegateFor(tx, model);
  let updated: Record<string, unknown>;
  try {
    updated = await delegate.update({
      where: { id, version: fromVersion },
      data: { ...change.data, version: { increment: 1 }, updatedById: viewer.id },
    });
  } catch (error) {
    if (isRecordNotFound(error)) {
      const current = await snapshot(tx, model, id);
      if (!current) throw notFound(model);
      throw new ConflictError(model, fromVersion, (current as unknown as CuratedRecord).version);
    }
    throw error;
  }
  // The row as the UPDATE returned it, with the short lists as they were; read it all again
  // only when afterUpdate may have changed the lists.
  let after: Snapshot | null = { ...listsOf(model, change.before), ...toSnapshot(updated) };
  if (change.afterUpdate) {
    await change.afterUpdate(tx);
    after = await snapshot(tx, model, id);
  }
  if (!after) throw notFound(model);
  await writeRevision(tx, {
    model,
    id,
    operation: change.operation,
    version: fromVersion + 1,
    before: change.before,
    after,
    userId: viewer.id,
  });
  return after;
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === 'P2025';
}

/** Creates a record with `create` and writes its CREATE revision; returns the new id. */
export async function createRecord(
  tx: Tx,
  model: CuratedModel,
  viewer: Viewer,
  create: (audit: { createdById: string; updatedById: string }) => Promise<{ id: string }>,
): Promise<string> {
  const { id } = await create({ createdById: viewer.id, updatedById: viewer.id });
  await writeCreateRevision(tx, model, id, viewer.id);
  return id;
}

export interface UpdateRecord {
  model: CuratedModel;
  id: string;
  viewer: Viewer;
  expectedVersion: number;
  /** Builds the column changes from the record as it is (for checks that need it). */
  data: (before: Snapshot) => Promise<Record<string, unknown>> | Record<string, unknown>;
  afterUpdate?: (tx: Tx, before: Snapshot) => Promise<void>;
  operation?: RevisionOperation;
}

/** Loads with the expected version, applies the change and writes the revision. */
export async function updateRecord(tx: Tx, update: UpdateRecord): Promise<Snapshot> {
  const { row, before } = await loadForChange(tx, update.model, update.id, {
    expectedVersion: update.expectedVersion,
  });
  return applyChange(tx, {
    model: update.model,
    id: update.id,
    viewer: update.viewer,
    operation: update.operation ?? 'UPDATE',
    fromVersion: row.version,
    before,
    data: await update.data(before),
    afterUpdate:
      update.afterUpdate && ((tx) => update.afterUpdate?.(tx, before) ?? Promise.resolve()),
  });
}
