// Lifecycle mutations shared by every curated type, addressed by global id: soft delete,
// restore, purge (admins), and editorial workflow transitions.
import { requireRole } from '../auth/roles.ts';
import type { EditorialStatus } from '../db/generated/prisma/enums.ts';
import { builder } from '../schema/builder.ts';
import { EditorialStatusEnum } from '../schema/enums.ts';
import { BadUserInputError, DomainError } from '../schema/errors.ts';
import { decodeGlobalId, encodeGlobalId } from '../schema/global-id.ts';
import { applyChange, inTransaction, loadForChange } from './change.ts';
import { assertPublishedHasCitation, assertQuoteFidelity, purgeBlocker } from './integrity.ts';
import { CURATED_MODELS, type CuratedModel, delegateFor } from './models.ts';
import { writeRevision } from './revisions.ts';
import { nextStatuses, transitionRole } from './workflow.ts';

interface RecordChange {
  model: CuratedModel;
  id: string;
  version: number;
  status: EditorialStatus;
  deletedAt: string | null;
}

export const RecordChangeRef = builder.objectRef<RecordChange>('RecordChange').implement({
  description: 'The state of a record after a lifecycle change.',
  fields: (t) => ({
    id: t.id({ resolve: (change) => encodeGlobalId(change.model, change.id) }),
    type: t.string({
      description: 'The record type, e.g. "Statement".',
      resolve: (change) => change.model,
    }),
    version: t.exposeInt('version'),
    status: t.field({ type: EditorialStatusEnum, resolve: (change) => change.status }),
    deletedAt: t.string({ nullable: true, resolve: (change) => change.deletedAt }),
  }),
});

/** Decodes the global id of a curated record. */
export function decodeRecordId(
  globalId: string,
  field = 'id',
): { model: CuratedModel; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(globalId);
  } catch (error) {
    if (error instanceof BadUserInputError) throw new BadUserInputError(error.message, field);
    throw error;
  }
  const model = CURATED_MODELS.find((name) => name === decoded.typename);
  if (!model) {
    throw new BadUserInputError(`${field} must be the id of a ${CURATED_MODELS.join(', ')}`, field);
  }
  return { model, id: decoded.id };
}

export function toChange(model: CuratedModel, row: Record<string, unknown>): RecordChange {
  return {
    model,
    id: row.id as string,
    version: row.version as number,
    status: row.status as EditorialStatus,
    deletedAt: (row.deletedAt as string | null) ?? null,
  };
}

builder.mutationFields((t) => ({
  deleteRecord: t.field({
    type: RecordChangeRef,
    description: 'Soft-deletes a record (it disappears from reads; restoreRecord brings it back).',
    args: { id: t.arg.id({ required: true }), expectedVersion: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'delete records');
      const { model, id } = decodeRecordId(args.id);
      return inTransaction(ctx, async (tx) => {
        const { row, before } = await loadForChange(tx, model, id, {
          expectedVersion: args.expectedVersion,
        });
        const after = await applyChange(tx, {
          model,
          id,
          viewer,
          operation: 'DELETE',
          fromVersion: row.version,
          before,
          data: { deletedAt: new Date() },
        });
        if (model === 'Citation') {
          // Removing a citation must not leave a published record unsupported or break a quote.
          const statementId = before.statementId as string | null;
          if (statementId) {
            await assertPublishedHasCitation(tx, { statementId });
            await assertQuoteFidelity(tx, statementId, 'id');
          } else {
            await assertPublishedHasCitation(tx, { eventId: before.eventId as string });
          }
        }
        return toChange(model, after);
      });
    },
  }),
  restoreRecord: t.field({
    type: RecordChangeRef,
    description: 'Brings back a soft-deleted record.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'restore records');
      const { model, id } = decodeRecordId(args.id);
      return inTransaction(ctx, async (tx) => {
        const { row, before } = await loadForChange(tx, model, id, { includeDeleted: true });
        if (row.deletedAt === null)
          throw new BadUserInputError('This record is not deleted.', 'id');
        const after = await applyChange(tx, {
          model,
          id,
          viewer,
          operation: 'RESTORE',
          fromVersion: row.version,
          before,
          data: { deletedAt: null },
        });
        return toChange(model, after);
      });
    },
  }),
  purgeRecord: t.id({
    description:
      'Deletes a soft-deleted record for good (admins only). Refused while other records refer to ' +
      'it. A statement or event takes its citations with it. Its history is kept.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireRole(ctx, 'ADMIN', 'purge records');
      const { model, id } = decodeRecordId(args.id);
      return inTransaction(ctx, async (tx) => {
        const { row, before } = await loadForChange(tx, model, id, { includeDeleted: true });
        if (row.deletedAt === null) {
          throw new BadUserInputError('Delete this record before purging it.', 'id');
        }
        const blocker = await purgeBlocker(tx, model, id);
        if (blocker) {
          throw new DomainError(
            'CONFLICT',
            `This ${model.toLowerCase()} is still referred to by ${blocker}.`,
          );
        }
        if (model === 'Statement' || model === 'Event') {
          const owned = await tx.citation.findMany({
            where: model === 'Statement' ? { statementId: id } : { eventId: id },
          });
          for (const citation of owned) {
            await tx.citation.delete({ where: { id: citation.id } });
            await writeRevision(tx, {
              model: 'Citation',
              id: citation.id,
              operation: 'PURGE',
              version: citation.version,
              before: JSON.parse(JSON.stringify(citation)),
              after: null,
              userId: viewer.id,
            });
          }
        }
        await delegateFor(tx, model).delete({ where: { id } });
        await writeRevision(tx, {
          model,
          id,
          operation: 'PURGE',
          version: row.version,
          before,
          after: null,
          userId: viewer.id,
        });
        return encodeGlobalId(model, id);
      });
    },
  }),
  transitionRecord: t.field({
    type: RecordChangeRef,
    description:
      'Moves a record through the workflow: DRAFT → IN_REVIEW (editors) → PUBLISHED (reviewers) ' +
      '→ ARCHIVED (reviewers), and back to DRAFT. A statement or event needs a citation to be published.',
    args: {
      id: t.arg.id({ required: true }),
      to: t.arg({ type: EditorialStatusEnum, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { model, id } = decodeRecordId(args.id);
      requireRole(ctx, 'EDITOR', 'change the workflow status of records');
      return inTransaction(ctx, async (tx) => {
        const { row, before } = await loadForChange(tx, model, id, {
          expectedVersion: args.expectedVersion,
        });
        const needed = transitionRole(row.status, args.to);
        if (!needed) {
          const options = nextStatuses(row.status).join(' or ');
          throw new BadUserInputError(
            `A ${row.status} record can move to ${options}, not to ${args.to}.`,
            'to',
          );
        }
        const viewer = requireRole(ctx, needed, `move a record from ${row.status} to ${args.to}`);
        if (args.to === 'PUBLISHED' && (model === 'Statement' || model === 'Event')) {
          const citations = await tx.citation.count({
            where: {
              deletedAt: null,
              ...(model === 'Statement' ? { statementId: id } : { eventId: id }),
            },
          });
          if (citations === 0) {
            throw new BadUserInputError(
              `Cite a passage for this ${model.toLowerCase()} before publishing it.`,
              'to',
            );
          }
        }
        const after = await applyChange(tx, {
          model,
          id,
          viewer,
          operation: 'TRANSITION',
          fromVersion: row.version,
          before,
          data: { status: args.to },
        });
        return toChange(model, after);
      });
    },
  }),
}));
