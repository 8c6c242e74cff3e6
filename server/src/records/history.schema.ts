// History: every record's revisions (who changed what, when, before and after) and restoring
// the content of an old revision as a new change.
import { requireRole } from '../auth/roles.ts';
import type { EditorialStatus } from '../db/generated/prisma/enums.ts';
import { builder } from '../schema/builder.ts';
import { EditorialStatusEnum } from '../schema/enums.ts';
import { BadUserInputError, NotFoundError } from '../schema/errors.ts';
import { decodeIdOf, encodeGlobalId } from '../schema/global-id.ts';
import { expectedVersion } from '../schema/validate.ts';
import { visibleWhere } from '../schema/visibility.ts';
import { inTransaction } from './change.ts';
import { decodeRecordId, RecordChangeRef, toChange } from './lifecycle.schema.ts';
import { CURATED_MODELS, type CuratedModel } from './models.ts';
import { restorerFor } from './restorers.ts';
import { changedFields, type Snapshot } from './revisions.ts';

const RevisionOperationEnum = builder.enumType('RevisionOperation', {
  values: ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'TRANSITION', 'PURGE'] as const,
});

builder.prismaNode('Revision', {
  description: 'One change to a record: who made it, when, and the record before and after.',
  id: { field: 'id' },
  nullable: true,
  select: { id: true },
  fields: (t) => ({
    recordType: t.exposeString('entityType', {
      description: 'The type of the record, e.g. "Statement".',
    }),
    recordId: t.id({
      description: 'The global id of the record (it may since have been purged).',
      select: { entityType: true, entityId: true },
      resolve: (revision) => encodeGlobalId(revision.entityType, revision.entityId),
    }),
    operation: t.expose('operation', { type: RevisionOperationEnum }),
    version: t.exposeInt('version', { description: 'The record’s version after the change.' }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    changedFields: t.stringList({
      description: 'The fields whose value differs between before and after.',
      select: { before: true, after: true },
      resolve: (revision) =>
        changedFields(revision.before as Snapshot | null, revision.after as Snapshot | null),
    }),
    changedBy: t.string({
      nullable: true,
      description:
        'The name of the user who made the change; null for the system (the seed loader).',
      select: { user: { select: { name: true } } },
      resolve: (revision) => revision.user?.name ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface RecordCount {
  type: CuratedModel;
  status: EditorialStatus;
  count: number;
}

const RecordCountRef = builder.objectRef<RecordCount>('RecordCount').implement({
  fields: (t) => ({
    type: t.exposeString('type', { description: 'e.g. "Statement".' }),
    status: t.field({ type: EditorialStatusEnum, resolve: (count) => count.status }),
    count: t.exposeInt('count'),
  }),
});

/** Citations have no workflow of their own, so they are not counted by status. */
const COUNTED = ['Source', 'Actor', 'Topic', 'Event', 'Statement'] as const;
const MODEL_KEYS = {
  Source: 'source',
  Actor: 'actor',
  Topic: 'topic',
  Event: 'event',
  Statement: 'statement',
} as const;

/** The groupBy shape shared by the counted delegates, whose generated types differ. */
interface CountDelegate {
  groupBy(args: object): Promise<{ status: EditorialStatus; _count: { _all: number } }[]>;
}

builder.queryFields((t) => ({
  history: t.prismaConnection({
    type: 'Revision',
    cursor: 'id',
    description: 'The revisions of a record, newest first (signed-in users).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      requireRole(ctx, 'VIEWER', 'read history');
      const { model, id } = decodeRecordId(args.id);
      return ctx.prisma.revision.findMany({
        ...query,
        where: { entityType: model, entityId: id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
    totalCount: (_connection, args, ctx) => {
      const { model, id } = decodeRecordId(args.id);
      return ctx.prisma.revision.count({ where: { entityType: model, entityId: id } });
    },
  }),
}));

builder.queryFields((t) => ({
  recentChanges: t.prismaConnection({
    type: 'Revision',
    cursor: 'id',
    description: 'The latest changes to any record, newest first (signed-in users).',
    resolve: (query, _root, _args, ctx) => {
      requireRole(ctx, 'VIEWER', 'read recent changes');
      return ctx.prisma.revision.findMany({
        ...query,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
  recordCounts: t.field({
    type: [RecordCountRef],
    description:
      'How many records of each type are in each workflow status (deleted ones left out). ' +
      'Anonymous clients get PUBLISHED counts only.',
    resolve: async (_root, _args, ctx) => {
      const where = visibleWhere(ctx);
      const groups = await Promise.all(
        COUNTED.map(async (model) => {
          const rows = await (ctx.prisma[MODEL_KEYS[model]] as unknown as CountDelegate).groupBy({
            by: ['status'],
            where,
            _count: { _all: true },
          });
          return rows.map((row) => ({ type: model, status: row.status, count: row._count._all }));
        }),
      );
      return groups.flat();
    },
  }),
}));

builder.mutationFields((t) => ({
  restoreRevision: t.field({
    type: RecordChangeRef,
    description:
      'Puts the content of an old revision back on its record, as a new change (status and ' +
      'deletion stay as they are).',
    args: {
      revisionId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'The record’s current version.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'restore revisions');
      const revisionId = decodeIdOf(args.revisionId, ['Revision'], 'revisionId');
      const revision = await ctx.prisma.revision.findUnique({ where: { id: revisionId } });
      if (!revision) throw new NotFoundError('No revision with this id exists.');
      const model = CURATED_MODELS.find((name) => name === revision.entityType) as
        | CuratedModel
        | undefined;
      const content = (revision.after ?? revision.before) as Snapshot | null;
      const restore = model && restorerFor(model);
      if (!restore || !content) {
        throw new BadUserInputError(
          'This revision has no content that can be restored.',
          'revisionId',
        );
      }
      const after = await inTransaction(ctx, (tx) =>
        restore(tx, {
          id: revision.entityId,
          viewer,
          expectedVersion: expectedVersion(args.expectedVersion),
          content,
        }),
      );
      return toChange(model, after);
    },
  }),
}));
