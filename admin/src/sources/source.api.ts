// Sources in the API: listed without their body, created by importSource (text or HTML,
// deduplicated by URL and content), edited with updateSource (the body as `text`).
import type { RaRecord } from 'react-admin';
import { orNull, strings } from '../common/values.ts';
import type { DataProviderContext } from '../dataProvider/context.ts';
import type { ApiNode, ResourceApi } from '../dataProvider/resource-api.ts';

const LIST_FIELDS =
  'id version status kind title titleSuppliedByEditor outlet authors language url publishedOn publishedOnPrecision publishedOnQualifier retrievedOn createdAt updatedAt';
const FIELDS = `${LIST_FIELDS} archiveUrl urlAliases body contentHash`;

export type ImportFormat = 'text' | 'html';

/** What importSource did: created a source, or found it already in the record. */
export interface ImportOutcome {
  created: boolean;
  matchedBy: 'URL' | 'CONTENT' | null;
}

const metadata = (data: Partial<RaRecord>) => ({
  kind: data.kind,
  title: orNull(data.title),
  titleSuppliedByEditor: data.titleSuppliedByEditor ?? false,
  outlet: orNull(data.outlet),
  authors: strings(data.authors),
  language: orNull(data.language),
  url: orNull(data.url),
  archiveUrl: orNull(data.archiveUrl),
  publishedOn: orNull(data.publishedOn),
  publishedQualifier: orNull(data.publishedOnQualifier),
  retrievedOn: orNull(data.retrievedOn),
});

async function importSource(context: DataProviderContext, data: Partial<RaRecord>) {
  const format: ImportFormat = data.format === 'html' ? 'html' : 'text';
  const input = Object.fromEntries(
    Object.entries({ ...metadata(data), [format]: data.body }).filter(
      ([, value]) => value !== null && value !== undefined,
    ),
  );
  const result = await context.request<{
    importSource: { created: boolean; matchedBy: ImportOutcome['matchedBy']; source: ApiNode };
  }>(
    `mutation Import($input: SourceInput!) { importSource(input: $input) { created matchedBy source { ${FIELDS} } } }`,
    { input },
  );
  const { created, matchedBy, source } = result.importSource;
  const outcome: ImportOutcome = { created, matchedBy };
  return { ...source, importOutcome: outcome } as RaRecord;
}

export const sourceApi: ResourceApi = {
  typename: 'Source',
  fields: FIELDS,
  listFields: LIST_FIELDS,
  list: {
    field: 'sources',
    filterType: 'SourceFilter',
    orderType: 'SourceOrder',
    sortFields: {
      title: 'TITLE',
      publishedOn: 'PUBLISHED_ON',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    listFilters: ['kind', 'status'],
  },
  toInput: (data) => ({ ...metadata(data), text: data.body }),
  fieldMap: { text: 'body', html: 'body', publishedQualifier: 'publishedOnQualifier' },
  create: importSource,
};
