// Citations in the API: reached through what they cite or are cited from (a source's citations
// are a connection, a statement's or an event's a plain list), created with citePassage,
// changed with updateCitation (role and note only).
import type { RaRecord } from 'react-admin';
import { idOf, orNull } from '../common/values.ts';
import type { DataProviderContext } from '../dataProvider/context.ts';
import type { Chunk } from '../dataProvider/cursor-pager.ts';
import type { ApiNode, ResourceApi } from '../dataProvider/resource-api.ts';

const FIELDS =
  'id version status role note exact prefix suffix start end anchorStatus anchorScore source { id title } statement { id text } event { id title } createdAt updatedAt';

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  edges: { cursor: string; node: ApiNode }[];
}

/** A plain list served in cursor-shaped chunks (the cursor is the row's index). */
function chunkOf(nodes: ApiNode[], after: string | null, first: number): Chunk<ApiNode> {
  const start = after === null ? 0 : Number(after);
  return {
    totalCount: nodes.length,
    hasNextPage: start + first < nodes.length,
    edges: nodes
      .slice(start, start + first)
      .map((node, index) => ({ cursor: String(start + index + 1), node })),
  };
}

function manyReference(context: DataProviderContext, target: string, id: string) {
  if (target === 'source') {
    return {
      key: `source:${id}`,
      fetch: async (after: string | null, first: number, withNodes: boolean) => {
        const data = await context.request<{ source: { citations: Connection } | null }>(
          `query SourceCitations($id: ID!, $first: Int!, $after: String) { source(id: $id) { citations(first: $first, after: $after) { totalCount pageInfo { hasNextPage } edges { cursor ${withNodes ? `node { ${FIELDS} }` : ''} } } } }`,
          { id, first, after },
        );
        const citations = data.source?.citations;
        if (!citations) return { totalCount: 0, hasNextPage: false, edges: [] };
        return {
          totalCount: citations.totalCount,
          hasNextPage: citations.pageInfo.hasNextPage,
          edges: citations.edges,
        };
      },
    };
  }
  if (target === 'statement' || target === 'event') {
    return {
      key: `${target}:${id}`,
      fetch: async (after: string | null, first: number) => {
        const data = await context.request<Record<string, { citations: ApiNode[] } | null>>(
          `query Citations($id: ID!) { record: ${target}(id: $id) { citations { ${FIELDS} } } }`,
          { id },
        );
        return chunkOf(data.record?.citations ?? [], after, first);
      },
    };
  }
  throw new Error(`Citations cannot be listed by ${target}`);
}

async function citePassage(context: DataProviderContext, data: Partial<RaRecord>) {
  const passage = Object.fromEntries(
    Object.entries({
      source: data.sourceId,
      exact: orNull(data.exact),
      prefix: orNull(data.prefix),
      suffix: orNull(data.suffix),
      start: data.start ?? null,
      end: data.end ?? null,
      role: data.role ?? 'SUPPORTS',
      note: orNull(data.note),
    }).filter(([, value]) => value !== null),
  );
  const target = data.statementId ? { statement: data.statementId } : { event: data.eventId };
  const result = await context.request<{ citePassage: ApiNode }>(
    `mutation Cite($input: CitePassageInput!) { citePassage(input: $input) { ${FIELDS} } }`,
    { input: { ...target, passage } },
  );
  return citationApi.toRecord?.(result.citePassage) ?? result.citePassage;
}

export const citationApi: ResourceApi = {
  typename: 'Citation',
  fields: FIELDS,
  toRecord: (node) => ({
    ...node,
    sourceId: idOf(node.source),
    statementId: idOf(node.statement),
    eventId: idOf(node.event),
  }),
  toInput: (data) => ({ role: data.role, note: orNull(data.note) }),
  fieldMap: {
    source: 'sourceId',
    statement: 'statementId',
    event: 'eventId',
    passage: '',
  },
  manyReference,
  create: citePassage,
  update: 'updateCitation',
  updateInputType: 'UpdateCitationInput',
};
