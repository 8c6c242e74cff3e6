// What the source reader asks of the API: every citation of the source (paged through, 100 at a
// time), the quotations it suggests, and the mutations that cite a selected passage.
import type { CitelineDataProvider } from '../dataProvider/data-provider.ts';
import type { Passage } from './segments.ts';

export interface ReaderCitation {
  id: string;
  version: number;
  start: number;
  end: number;
  exact: string;
  anchorStatus: 'EXACT' | 'FUZZY' | 'ORPHANED';
  role: string;
  statement: { id: string; text: string } | null;
  event: { id: string; title: string } | null;
}

interface CitationsPage {
  source: {
    citations: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: ReaderCitation }[];
    };
  } | null;
}

const CITATIONS = `query ReaderCitations($id: ID!, $after: String) {
  source(id: $id) {
    citations(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id version start end exact anchorStatus role statement { id text } event { id title } } }
    }
  }
}`;

/** Every citation of the source, in text order. */
export async function fetchSourceCitations(
  dataProvider: CitelineDataProvider,
  sourceId: string,
): Promise<ReaderCitation[]> {
  const citations: ReaderCitation[] = [];
  let after: string | null = null;
  for (;;) {
    const data: CitationsPage = await dataProvider.graphql<CitationsPage>(CITATIONS, {
      id: sourceId,
      after,
    });
    const page = data.source?.citations;
    if (!page) break;
    for (const edge of page.edges) citations.push(edge.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return citations;
}

/**
 * The citations the reader can highlight: an ORPHANED one's offsets no longer point at its text.
 */
export function passagesOf(citations: readonly ReaderCitation[]): Passage[] {
  const passages: Passage[] = [];
  for (const citation of citations) {
    if (citation.anchorStatus === 'ORPHANED') continue;
    if (citation.statement) {
      passages.push({
        id: citation.id,
        start: citation.start,
        end: citation.end,
        kind: 'statement',
        targetId: citation.statement.id,
        label: citation.statement.text,
      });
    } else if (citation.event) {
      passages.push({
        id: citation.id,
        start: citation.start,
        end: citation.end,
        kind: 'event',
        targetId: citation.event.id,
        label: citation.event.title,
      });
    }
  }
  return passages;
}

export interface Suggestion {
  text: string;
  start: number;
  end: number;
  speakerName: string | null;
  speaker: { id: string; name: string } | null;
  attribution: string | null;
  confidence: number;
  alreadyRecorded: boolean;
}

export async function fetchSuggestions(
  dataProvider: CitelineDataProvider,
  sourceId: string,
): Promise<Suggestion[]> {
  const data = await dataProvider.graphql<{ suggestStatements: Suggestion[] }>(
    `query Suggestions($id: ID!) { suggestStatements(sourceId: $id) { text start end speakerName speaker { id name } attribution confidence alreadyRecorded } }`,
    { id: sourceId },
  );
  return data.suggestStatements;
}

/** A passage of the source by offsets, as the API's PassageInput takes it. */
export interface PassageRef {
  source: string;
  start: number;
  end: number;
  role?: string;
  note?: string;
}

export interface StatementDraft {
  kind: string;
  text: string;
  speaker?: string | null;
  saidOn?: string | null;
  channel?: string | null;
}

export async function createStatement(
  dataProvider: CitelineDataProvider,
  statement: StatementDraft,
  passage: PassageRef,
): Promise<{ id: string }> {
  const input = { ...withoutEmpty(statement), citations: [passage] };
  const data = await dataProvider.graphql<{ createStatement: { id: string } }>(
    'mutation CreateStatement($input: StatementInput!) { createStatement(input: $input) { id } }',
    { input },
  );
  return data.createStatement;
}

export interface EventDraft {
  kind: string;
  title: string;
  startDate?: string | null;
}

export async function createEvent(
  dataProvider: CitelineDataProvider,
  event: EventDraft,
  passage: PassageRef,
): Promise<{ id: string }> {
  const input = { ...withoutEmpty(event), citations: [passage] };
  const data = await dataProvider.graphql<{ createEvent: { id: string } }>(
    'mutation CreateEvent($input: EventInput!) { createEvent(input: $input) { id } }',
    { input },
  );
  return data.createEvent;
}

/** Cites the passage for an existing statement or event. */
export async function citePassage(
  dataProvider: CitelineDataProvider,
  target: { statement: string } | { event: string },
  passage: PassageRef,
): Promise<{ id: string; version: number }> {
  const data = await dataProvider.graphql<{ citePassage: { id: string; version: number } }>(
    'mutation CitePassage($input: CitePassageInput!) { citePassage(input: $input) { id version } }',
    { input: { ...target, passage } },
  );
  return data.citePassage;
}

/** Soft-deletes a citation (its history keeps it). */
export async function deleteCitation(
  dataProvider: CitelineDataProvider,
  id: string,
  version: number,
): Promise<void> {
  await dataProvider.graphql(
    'mutation DeleteCitation($id: ID!, $version: Int!) { deleteRecord(id: $id, expectedVersion: $version) { id } }',
    { id, version },
  );
}

function withoutEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined && item !== null && item !== ''),
  ) as Partial<T>;
}
