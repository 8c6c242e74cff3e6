// Mutations for sources: create, update (editing the body re-anchors every citation of the
// source) and importSource (text or HTML, deduplicated by URL and by content).
import { requireRole } from '../auth/roles.ts';
import { reanchor } from '../citations/reanchor.ts';
import type { DateQualifier, SourceKind } from '../db/generated/prisma/enums.ts';
import { createRecord, inTransaction, updateRecord } from '../records/change.ts';
import type { Tx } from '../records/models.ts';
import { dateOf, registerRestorer } from '../records/restorers.ts';
import { toSnapshot, writeRevision } from '../records/revisions.ts';
import { builder } from '../schema/builder.ts';
import type { Viewer } from '../schema/context.ts';
import { DateQualifierEnum, SourceKindEnum } from '../schema/enums.ts';
import { BadUserInputError } from '../schema/errors.ts';
import { decodeIdOf, encodeGlobalId } from '../schema/global-id.ts';
import { partialDateColumns } from '../schema/partial-date-input.ts';
import {
  expectedVersion,
  matching,
  optionalHttpUrl,
  optionalPlainText,
  plainText,
} from '../schema/validate.ts';
import { CodePointIndex } from '../shared/text.ts';
import { extractTitleFromHtml, ImportTextError, prepareImportedBody } from './import-text.ts';
import { SourceRef } from './source.schema.ts';
import { normalizeUrl } from './url.ts';

const SourceInput = builder.inputType('SourceInput', {
  description:
    'Fields of a source. On update, fields left out stay as they are; null clears an optional one.',
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum }),
    title: t.string(),
    titleSuppliedByEditor: t.boolean({
      description: 'True when the source has no title of its own.',
    }),
    outlet: t.string(),
    authors: t.stringList(),
    language: t.string({ description: 'BCP 47 tag, e.g. "en" or "km".' }),
    publishedOn: t.field({ type: 'PartialDate' }),
    publishedQualifier: t.field({ type: DateQualifierEnum }),
    url: t.string({
      description: 'The canonical http(s) URL; earlier URLs stay known as aliases.',
    }),
    retrievedOn: t.field({ type: 'PartialDate' }),
    archiveUrl: t.string(),
    text: t.string({
      description: 'The body as plain text (normalised to NFC and \\n line endings).',
    }),
    html: t.string({ description: 'The body as HTML, reduced to text (instead of text).' }),
  }),
});
type SourceInputValue = typeof SourceInput.$inferInput;

function sourceData(input: SourceInputValue, creating: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (creating && !input.kind) throw new BadUserInputError('input.kind is required', 'input.kind');
  if (input.kind) data.kind = input.kind;
  if (input.title !== undefined || creating) {
    if (!input.title && creating && !input.html)
      throw new BadUserInputError('input.title is required', 'input.title');
    if (input.title) data.title = plainText(input.title, 'input.title');
  }
  if (input.titleSuppliedByEditor !== undefined && input.titleSuppliedByEditor !== null) {
    data.titleSuppliedByEditor = input.titleSuppliedByEditor;
  }
  const outlet = optionalPlainText(input.outlet, 'input.outlet', { max: 300 });
  if (outlet !== undefined) data.outlet = outlet;
  if (input.authors !== undefined) {
    if ((input.authors?.length ?? 0) > 100)
      throw new BadUserInputError('input.authors: at most 100', 'input.authors');
    data.authors = (input.authors ?? []).map((author, i) =>
      plainText(author, `input.authors.${i}`, { max: 300 }),
    );
  }
  if (input.language) {
    data.language = matching(
      input.language,
      /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
      'input.language',
      'a BCP 47 tag such as "en" or "km"',
    );
  }
  Object.assign(data, partialDateColumns(input.publishedOn, 'publishedOn', 'publishedPrecision'));
  if (input.publishedOn === null) data.publishedQualifier = null;
  else if (input.publishedQualifier) data.publishedQualifier = input.publishedQualifier;
  else if (input.publishedOn) data.publishedQualifier = 'EXACT';
  const url = optionalHttpUrl(input.url, 'input.url');
  if (url !== undefined) data.url = url;
  if (input.retrievedOn !== undefined) {
    if (input.retrievedOn && input.retrievedOn.precision !== 'DAY') {
      throw new BadUserInputError(
        'input.retrievedOn must be a full date (YYYY-MM-DD)',
        'input.retrievedOn',
      );
    }
    data.retrievedOn = input.retrievedOn?.date ?? null;
  }
  const archiveUrl = optionalHttpUrl(input.archiveUrl, 'input.archiveUrl');
  if (archiveUrl !== undefined) data.archiveUrl = archiveUrl;
  return data;
}

/** The normalised body and hash when the input carries a body. */
function bodyOf(input: SourceInputValue): { body: string; contentHash: string } | undefined {
  if (input.text === undefined && input.html === undefined) return undefined;
  try {
    return prepareImportedBody({
      ...(input.text !== undefined && input.text !== null ? { text: input.text } : {}),
      ...(input.html !== undefined && input.html !== null ? { html: input.html } : {}),
    });
  } catch (error) {
    if (error instanceof ImportTextError) {
      // "Neither text nor html" is reported on text, the usual way to give a body.
      throw new BadUserInputError(
        error.message,
        error.field === 'input' ? 'input.text' : error.field,
      );
    }
    throw error;
  }
}

/** Records a URL as one of the source's aliases (no-op when it already is). */
async function addUrlAlias(tx: Tx, sourceId: string, url: string): Promise<void> {
  const normalizedUrl = normalizeUrl(url);
  const existing = await tx.sourceUrl.findUnique({
    where: { normalizedUrl },
    select: { sourceId: true },
  });
  if (existing && existing.sourceId !== sourceId) {
    throw new BadUserInputError(
      `Another source is already known by this URL (${encodeGlobalId('Source', existing.sourceId)})`,
      'input.url',
    );
  }
  if (!existing) await tx.sourceUrl.create({ data: { sourceId, url, normalizedUrl } });
}

async function assertNewContent(
  tx: Tx,
  contentHash: string,
  field: string,
  exceptId?: string,
): Promise<void> {
  const duplicate = await tx.source.findUnique({ where: { contentHash }, select: { id: true } });
  if (duplicate && duplicate.id !== exceptId) {
    throw new BadUserInputError(
      `A source with exactly this text already exists (${encodeGlobalId('Source', duplicate.id)})`,
      field,
    );
  }
}

/**
 * Re-anchors every citation of a source whose body changed: EXACT when the passage is found
 * unchanged, FUZZY (with a score) when found approximately, ORPHANED when it is gone. Never
 * moved silently: each change is a new citation version with a revision.
 */
async function reanchorCitations(
  tx: Tx,
  sourceId: string,
  body: string,
  viewer: Viewer,
): Promise<void> {
  const citations = await tx.citation.findMany({ where: { sourceId } });
  // One index of the new body serves every citation (building it is the costly part).
  const index = new CodePointIndex(body);
  for (const citation of citations) {
    const result = reanchor(citation, index);
    const unchanged =
      result.status === citation.anchorStatus &&
      result.start === citation.start &&
      result.end === citation.end &&
      result.exact === citation.exact;
    if (unchanged) continue;
    // A citation's snapshot is its row (no short lists): the rows loaded and returned here are
    // the revision's before and after, with no read of its own.
    const updated = await tx.citation.update({
      where: { id: citation.id },
      data: {
        exact: result.exact,
        prefix: result.prefix,
        suffix: result.suffix,
        start: result.start,
        end: result.end,
        anchorStatus: result.status,
        anchorScore: result.score,
        version: { increment: 1 },
        updatedById: viewer.id,
      },
    });
    await writeRevision(tx, {
      model: 'Citation',
      id: citation.id,
      operation: 'UPDATE',
      version: citation.version + 1,
      before: toSnapshot(citation),
      after: toSnapshot(updated),
      userId: viewer.id,
    });
  }
}

async function updateSource(
  tx: Tx,
  id: string,
  viewer: Viewer,
  version: number,
  input: SourceInputValue,
) {
  const data = sourceData(input, false);
  const body = bodyOf(input);
  if (body) {
    await assertNewContent(
      tx,
      body.contentHash,
      input.html !== undefined ? 'input.html' : 'input.text',
      id,
    );
    Object.assign(data, body);
  }
  return updateRecord(tx, {
    model: 'Source',
    id,
    viewer,
    expectedVersion: version,
    data: () => data,
    afterUpdate: async (tx, before) => {
      if (typeof data.url === 'string') await addUrlAlias(tx, id, data.url);
      if (body && body.contentHash !== before.contentHash)
        await reanchorCitations(tx, id, body.body, viewer);
    },
  });
}

registerRestorer('Source', (tx, { id, viewer, expectedVersion, content }) => {
  const date = (on: unknown, precision: unknown) =>
    on ? { date: dateOf(on) as Date, precision: precision as 'DAY' | 'MONTH' | 'YEAR' } : null;
  return updateSource(tx, id, viewer, expectedVersion, {
    kind: content.kind as SourceKind,
    title: content.title as string,
    titleSuppliedByEditor: content.titleSuppliedByEditor as boolean,
    outlet: (content.outlet as string | null) ?? null,
    authors: content.authors as string[],
    language: content.language as string,
    publishedOn: date(content.publishedOn, content.publishedPrecision),
    publishedQualifier: (content.publishedQualifier as DateQualifier | null) ?? undefined,
    url: (content.url as string | null) ?? null,
    retrievedOn: date(content.retrievedOn, 'DAY'),
    archiveUrl: (content.archiveUrl as string | null) ?? null,
    text: content.body as string,
  });
});

async function createSource(tx: Tx, viewer: Viewer, input: SourceInputValue): Promise<string> {
  const data = sourceData(input, true);
  const body = bodyOf(input);
  if (!body) throw new BadUserInputError('Give the body as input.text or input.html', 'input.text');
  if (!data.title) {
    const title = input.html ? extractTitleFromHtml(input.html) : null;
    if (!title)
      throw new BadUserInputError('input.title is required (the HTML has no title)', 'input.title');
    data.title = plainText(title, 'input.title');
  }
  await assertNewContent(tx, body.contentHash, input.html ? 'input.html' : 'input.text');
  return createRecord(tx, 'Source', viewer, async (audit) => {
    const row = await tx.source.create({
      data: { ...(data as { kind: SourceKind; title: string }), ...body, ...audit },
      select: { id: true },
    });
    if (typeof data.url === 'string') await addUrlAlias(tx, row.id, data.url);
    return row;
  });
}

interface ImportResult {
  sourceId: string;
  created: boolean;
  matchedBy: 'URL' | 'CONTENT' | null;
}

const ImportMatchEnum = builder.enumType('ImportMatch', {
  description: 'How an import was recognised as a source already in the record.',
  values: ['URL', 'CONTENT'] as const,
});

const ImportSourcePayload = builder.objectRef<ImportResult>('ImportSourcePayload').implement({
  fields: (t) => ({
    source: t.prismaField({
      type: SourceRef,
      nullable: true,
      resolve: (query, result, _args, ctx) =>
        ctx.prisma.source.findUnique({ ...query, where: { id: result.sourceId } }),
    }),
    created: t.exposeBoolean('created', {
      description: 'False when the source was already in the record.',
    }),
    matchedBy: t.field({
      type: ImportMatchEnum,
      nullable: true,
      resolve: (result) => result.matchedBy,
    }),
  }),
});

builder.mutationFields((t) => ({
  createSource: t.prismaField({
    type: 'Source',
    description: 'Adds a source (as a DRAFT). Its text must not already be in the record.',
    args: { input: t.arg({ type: SourceInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'create sources');
      const id = await inTransaction(ctx, (tx) => createSource(tx, viewer, args.input));
      return ctx.prisma.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  importSource: t.field({
    type: ImportSourcePayload,
    description:
      'Imports a source from text or HTML. When a source with the same URL (normalised) or the ' +
      'same text already exists, returns it instead of creating a duplicate.',
    args: { input: t.arg({ type: SourceInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'import sources');
      const body = bodyOf(args.input);
      if (!body)
        throw new BadUserInputError('Give the body as input.text or input.html', 'input.text');
      const url = optionalHttpUrl(args.input.url, 'input.url');
      return inTransaction(ctx, async (tx): Promise<ImportResult> => {
        if (url) {
          const known = await tx.sourceUrl.findUnique({
            where: { normalizedUrl: normalizeUrl(url) },
            select: { sourceId: true },
          });
          if (known) return { sourceId: known.sourceId, created: false, matchedBy: 'URL' };
        }
        const same = await tx.source.findUnique({
          where: { contentHash: body.contentHash },
          select: { id: true },
        });
        if (same) return { sourceId: same.id, created: false, matchedBy: 'CONTENT' };
        return {
          sourceId: await createSource(tx, viewer, args.input),
          created: true,
          matchedBy: null,
        };
      });
    },
  }),
  updateSource: t.prismaField({
    type: 'Source',
    description:
      'Changes a source. Editing its text re-anchors every citation of it: EXACT, FUZZY (with a ' +
      'score) or ORPHANED; see citationsForReview.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: SourceInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const viewer = requireRole(ctx, 'EDITOR', 'edit sources');
      const id = decodeIdOf(args.id, ['Source'], 'id');
      await inTransaction(ctx, (tx) =>
        updateSource(tx, id, viewer, expectedVersion(args.expectedVersion), args.input),
      );
      return ctx.prisma.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));

builder.queryFields((t) => ({
  citationsForReview: t.prismaConnection({
    type: 'Citation',
    cursor: 'id',
    description:
      'Citations whose passage moved (FUZZY) or disappeared (ORPHANED) after a source edit.',
    resolve: (query, _root, _args, ctx) => {
      requireRole(ctx, 'VIEWER', 'list citations needing review');
      return ctx.prisma.citation.findMany({
        ...query,
        where: { deletedAt: null, anchorStatus: { in: ['FUZZY', 'ORPHANED'] } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      });
    },
    totalCount: (_connection, _args, ctx) =>
      ctx.prisma.citation.count({
        where: { deletedAt: null, anchorStatus: { in: ['FUZZY', 'ORPHANED'] } },
      }),
  }),
}));
