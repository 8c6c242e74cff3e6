// The Citation type (a passage of a source supporting an event or a statement), its formatted
// references and deep links, the citation lists on sources, events and statements, and the
// CSL-JSON/BibTeX export of a source.

import type { EditorialStatus } from '../db/generated/prisma/enums.ts';
import { builder } from '../schema/builder.ts';
import { type CuratedRow, curatedSelect } from '../schema/common-fields.ts';
import type { Context } from '../schema/context.ts';
import { AnchorStatusEnum, CitationRoleEnum, EditorialStatusEnum } from '../schema/enums.ts';
import { isVisible, visibleWhere } from '../schema/visibility.ts';
import { buildDeepLink, exportSource, formatCitation } from './format.ts';

/** The source columns a formatted reference needs. */
export const citableSourceSelect = {
  id: true,
  kind: true,
  title: true,
  titleSuppliedByEditor: true,
  outlet: true,
  authors: true,
  language: true,
  publishedOn: true,
  publishedPrecision: true,
  url: true,
  retrievedOn: true,
  archiveUrl: true,
} as const;

export const CitationStyleEnum = builder.enumType('CitationStyle', {
  values: ['APA', 'MLA', 'CHICAGO'] as const,
});

export const SourceExportFormatEnum = builder.enumType('SourceExportFormat', {
  values: ['CSL_JSON', 'BIBTEX'] as const,
});

/**
 * Citations the viewer may see: visible themselves, with a visible source and target, read from
 * the copies of the parents' status and deletion time each citation carries (kept by triggers).
 */
export function visibleCitationWhere(ctx: Context) {
  const { deletedAt, status } = visibleWhere(ctx);
  return {
    deletedAt,
    status,
    sourceDeletedAt: deletedAt,
    sourceStatus: status,
    targetDeletedAt: deletedAt,
    targetStatus: status,
  };
}

/** What a loaded citation needs for isCitationVisible. */
export const citationVisibilitySelect = {
  ...curatedSelect,
  sourceStatus: true,
  sourceDeletedAt: true,
  targetStatus: true,
  targetDeletedAt: true,
} as const;

/** A citation loaded with citationVisibilitySelect. */
export interface CitationVisibilityRow extends CuratedRow {
  sourceStatus: EditorialStatus;
  sourceDeletedAt: Date | null;
  targetStatus: EditorialStatus;
  targetDeletedAt: Date | null;
}

/** The safety net's rule for a loaded citation (schema.ts): the twin of visibleCitationWhere. */
export function isCitationVisible(ctx: Context, record: unknown): boolean {
  const citation = record as Partial<CitationVisibilityRow>;
  // A loader that did not select the copies would otherwise show every citation.
  if (citation.targetStatus === undefined || citation.sourceStatus === undefined) return false;
  return (
    isVisible(ctx, citation) &&
    isVisible(ctx, { status: citation.sourceStatus, deletedAt: citation.sourceDeletedAt }) &&
    isVisible(ctx, { status: citation.targetStatus, deletedAt: citation.targetDeletedAt })
  );
}

export const CitationRef = builder.prismaNode('Citation', {
  description:
    'A passage of a source cited for an event or a statement, anchored like a W3C Web ' +
    'Annotation text quote: exact text, prefix and suffix, and code-point offsets.',
  id: { field: 'id' },
  nullable: true,
  // Its visibility rule (isCitationVisible) reads the copies of the parents' status too.
  select: citationVisibilitySelect,
  fields: (t) => ({
    exact: t.exposeString('exact', { description: 'The cited passage, verbatim.' }),
    prefix: t.exposeString('prefix', { description: 'Up to 32 code points before the passage.' }),
    suffix: t.exposeString('suffix', { description: 'Up to 32 code points after the passage.' }),
    start: t.exposeInt('start', {
      description: 'Offset of the first code point of the passage in the source body.',
    }),
    end: t.exposeInt('end', { description: 'Offset just past the passage (exclusive).' }),
    anchorStatus: t.expose('anchorStatus', { type: AnchorStatusEnum }),
    anchorScore: t.exposeFloat('anchorScore', {
      nullable: true,
      description: 'Similarity of a FUZZY re-anchoring, from 0 to 1.',
    }),
    role: t.expose('role', { type: CitationRoleEnum }),
    note: t.exposeString('note', { nullable: true }),
    source: t.relation('source', { nullable: true }),
    statement: t.relation('statement', {
      nullable: true,
      description: 'The statement cited for, if any.',
    }),
    event: t.relation('event', { nullable: true, description: 'The event cited for, if any.' }),
    formatted: t.string({
      description: 'A reference to the source in the given style, as plain text.',
      args: { style: t.arg({ type: CitationStyleEnum, defaultValue: 'APA' }) },
      select: { source: { select: citableSourceSelect } },
      resolve: (citation, args) => formatCitation(citation.source, args.style ?? 'APA'),
    }),
    deepLink: t.string({
      nullable: true,
      description:
        'The source URL with a text fragment (#:~:text=...) that scrolls to and highlights the ' +
        'passage; null when the source has no URL.',
      select: { exact: true, prefix: true, suffix: true, source: { select: { url: true } } },
      resolve: (citation) => buildDeepLink(citation.source.url, citation),
    }),
    status: t.expose('status', { type: EditorialStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const passageOrder = [{ sourceId: 'asc' }, { start: 'asc' }, { id: 'asc' }] as const;

builder.prismaObjectFields('Statement', (t) => ({
  citations: t.relation('citations', {
    description: 'The passages that support (or contradict) this statement.',
    query: (_args, ctx) => ({ where: visibleCitationWhere(ctx), orderBy: [...passageOrder] }),
  }),
}));

builder.prismaObjectFields('Event', (t) => ({
  citations: t.relation('citations', {
    description: 'The passages that report this event.',
    query: (_args, ctx) => ({ where: visibleCitationWhere(ctx), orderBy: [...passageOrder] }),
  }),
}));

builder.prismaObjectFields('Source', (t) => ({
  citations: t.relatedConnection('citations', {
    cursor: 'id',
    description: 'Everything cited from this source, in the order of the text.',
    totalCount: true,
    query: (_args, ctx) => ({
      where: visibleCitationWhere(ctx),
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
    }),
  }),
  formatted: t.string({
    description: 'A reference to this source in the given style, as plain text.',
    args: { style: t.arg({ type: CitationStyleEnum, defaultValue: 'APA' }) },
    select: citableSourceSelect,
    resolve: (source, args) => formatCitation(source, args.style ?? 'APA'),
  }),
  export: t.string({
    description: 'This source as CSL-JSON or BibTeX, for reference managers.',
    args: { format: t.arg({ type: SourceExportFormatEnum, required: true }) },
    select: citableSourceSelect,
    resolve: (source, args) => exportSource(source, args.format),
  }),
}));
