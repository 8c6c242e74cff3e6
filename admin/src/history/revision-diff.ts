// A revision as a person reads it: the fields that changed, each before → after, with dates at
// their precision, referenced records by name, lists as lists, and long texts as a word diff
// that keeps a little context around each change. Pure, so it is tested without a browser.
// Revisions store the database row (uuids, `startOn` + `startPrecision`…), not the API's shape.

export type Snapshot = Record<string, unknown>;

/** Bookkeeping, not content (a change of status shows as its own row; deletion by operation). */
const IGNORED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdById',
  'updatedById',
  'deletedAt',
  'contentHash',
  'searchVector',
]);

/** Fields holding the id of another record, and that record's type. */
const REFERENCE_TYPES: Readonly<Record<string, string>> = {
  speakerId: 'Actor',
  actorId: 'Actor',
  organizationId: 'Actor',
  eventId: 'Event',
  parentId: 'Event',
  sourceId: 'Source',
  statementId: 'Statement',
  topicId: 'Topic',
};

/** Texts long enough to be shown as a word diff rather than two whole values. */
const LONG_TEXTS = new Set([
  'body',
  'summary',
  'text',
  'description',
  'exact',
  'note',
  'prefix',
  'suffix',
]);

const LABELS: Readonly<Record<string, string>> = {
  startOn: 'Start date',
  endOn: 'End date',
  publishedOn: 'Published on',
  saidOn: 'Said on',
  retrievedOn: 'Retrieved on',
  speakerId: 'Speaker',
  eventId: 'Event',
  parentId: 'Part of',
  sourceId: 'Source',
  statementId: 'Statement',
  urls: 'URLs',
  publishedQualifier: 'Publication date is',
  dateQualifier: 'The date is',
  anchorStatus: 'Anchor',
  anchorScore: 'Anchor similarity',
  body: 'Text',
};

/** Fields holding one of the API's enum values, shown as words ("DIRECT_QUOTE" → "Direct quote"). */
const ENUM_FIELDS = new Set([
  'kind',
  'rank',
  'status',
  'channel',
  'role',
  'anchorStatus',
  'dateQualifier',
  'publishedQualifier',
]);

const enumLabel = (value: string) =>
  value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

/** Looks up the name of a referenced record (type, uuid); undefined when not known (yet). */
export type NameOf = (type: string, uuid: string) => string | undefined;

export type TextPart =
  | { kind: 'same' | 'removed' | 'added'; text: string }
  /** Unchanged text left out, with how many words it held. */
  | { kind: 'elided'; words: number };

export interface DiffRow {
  field: string;
  label: string;
  before: string;
  after: string;
  /** For long texts changed in place: the words removed and added, with some context. */
  parts?: TextPart[];
}

export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "2025-02-24T00:00:00.000Z" at MONTH precision → "2025-02". */
export function partialDate(value: unknown, precision: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const day = value.slice(0, 10);
  if (precision === 'YEAR') return day.slice(0, 4);
  if (precision === 'MONTH') return day.slice(0, 7);
  return day;
}

const shortId = (uuid: string) => `#${uuid.slice(0, 8)}`;

function reference(type: string, value: unknown, nameOf: NameOf): string {
  if (typeof value !== 'string' || value === '') return '';
  return nameOf(type, value) ?? shortId(value);
}

function listItem(item: unknown, nameOf: NameOf): string {
  if (typeof item !== 'object' || item === null) return String(item);
  const record = item as Record<string, unknown>;
  if ('topicId' in record) return reference('Topic', record.topicId, nameOf);
  if ('actorId' in record) {
    const name = reference('Actor', record.actorId, nameOf);
    return record.role
      ? `${name} (${String(record.role).toLowerCase().replaceAll('_', ' ')})`
      : name;
  }
  if ('title' in record && 'organizationId' in record) {
    const organization = reference('Actor', record.organizationId, nameOf);
    const from = partialDate(record.startOn, record.startPrecision);
    const to = partialDate(record.endOn, record.endPrecision);
    const when = from || to ? ` (${from || '?'}–${to})` : '';
    return `${String(record.title)}${organization ? `, ${organization}` : ''}${when}`;
  }
  if ('url' in record) return String(record.url);
  return Object.values(record)
    .filter((part) => part !== null && typeof part !== 'object')
    .join(' ');
}

/** A field's value as one line of text. */
export function displayValue(
  field: string,
  snapshot: Snapshot | null,
  nameOf: NameOf = () => undefined,
): string {
  if (!snapshot) return '';
  const value = snapshot[field];
  if (field.endsWith('On')) {
    return partialDate(value, snapshot[`${field.slice(0, -2)}Precision`] ?? 'DAY');
  }
  const type = REFERENCE_TYPES[field];
  if (type) return reference(type, value, nameOf);
  if (value === null || value === undefined) return '';
  if (ENUM_FIELDS.has(field) && typeof value === 'string') return enumLabel(value);
  if (Array.isArray(value)) return value.map((item) => listItem(item, nameOf)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The content fields of a revision, in a stable order: date precisions fold into their dates. */
function contentFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const result = new Set<string>();
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const precisionOf = /^(.*)Precision$/.exec(field);
    if (precisionOf) {
      // startPrecision → startOn; publishedPrecision → publishedOn.
      result.add(`${precisionOf[1]}On`);
      continue;
    }
    result.add(field);
  }
  return [...result];
}

/**
 * The rows of a revision's diff: each content field whose readable value differs. A creation
 * lists the fields it set; a deletion, nothing (its operation says it all).
 */
export function revisionDiff(
  before: Snapshot | null,
  after: Snapshot | null,
  nameOf: NameOf = () => undefined,
): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const field of contentFields(before, after)) {
    const was = displayValue(field, before, nameOf);
    const now = displayValue(field, after, nameOf);
    if (was === now) continue;
    const row: DiffRow = { field, label: fieldLabel(field), before: was, after: now };
    if (LONG_TEXTS.has(field) && was !== '' && now !== '') row.parts = wordDiff(was, now);
    rows.push(row);
  }
  return rows;
}

/** The record ids a revision refers to, by type, for looking their names up. */
export function referencesIn(...snapshots: (Snapshot | null)[]): { type: string; uuid: string }[] {
  const found = new Map<string, { type: string; uuid: string }>();
  const visit = (value: unknown, field?: string) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(inner, key);
    } else if (field && typeof value === 'string' && REFERENCE_TYPES[field]) {
      const type = REFERENCE_TYPES[field] as string;
      found.set(`${type}:${value}`, { type, uuid: value });
    }
  };
  for (const snapshot of snapshots) if (snapshot) visit(snapshot);
  return [...found.values()];
}

const TOKENS = /\s+|[^\s]+/g;

/** Above this many token pairs, a stretch is diffed by lines first, then words within. */
const MAX_TABLE = 250_000;

/** Unchanged runs of more words than this are elided to CONTEXT words on each side. */
const CONTEXT = 6;

type Change = { kind: 'same' | 'removed' | 'added'; token: string };

const tokensOf = (text: string) => text.match(TOKENS) ?? [];

/**
 * The longest-common-subsequence diff of two token lists after trimming their common beginning
 * and end; null when the part in between is too large for the table.
 */
function lcsDiff(a: readonly string[], b: readonly string[]): Change[] | null {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length * midB.length > MAX_TABLE) return null;

  const changes: Change[] = a.slice(0, head).map((token) => ({ kind: 'same', token }));
  // lcs[i][j]: the length of the longest common subsequence of midA[i..] and midB[j..].
  const lcs = Array.from({ length: midA.length + 1 }, () =>
    new Array<number>(midB.length + 1).fill(0),
  );
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        midA[i] === midB[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      changes.push({ kind: 'same', token: midA[i] as string });
      i++;
      j++;
    } else if (
      i < midA.length &&
      (j === midB.length ||
        ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      // What went comes before what came.
      changes.push({ kind: 'removed', token: midA[i] as string });
      i++;
    } else {
      changes.push({ kind: 'added', token: midB[j] as string });
      j++;
    }
  }
  for (const token of a.slice(a.length - tail)) changes.push({ kind: 'same', token });
  return changes;
}

/** Words of `before` removed and of `after` added, diffed word by word when small enough. */
function wordChanges(before: string, after: string): Change[] {
  const a = tokensOf(before);
  const b = tokensOf(after);
  return (
    lcsDiff(a, b) ?? [
      ...a.map((token): Change => ({ kind: 'removed', token })),
      ...b.map((token): Change => ({ kind: 'added', token })),
    ]
  );
}

/**
 * The changes from `before` to `after`: word by word, or for long texts line by line first and
 * then word by word within each changed group of lines.
 */
function textChanges(before: string, after: string): Change[] {
  const direct = lcsDiff(tokensOf(before), tokensOf(after));
  if (direct) return direct;
  const lines = lcsDiff(before.split(/(?<=\n)/), after.split(/(?<=\n)/));
  if (!lines) return wordChanges(before, after);
  const changes: Change[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed || added) changes.push(...wordChanges(removed, added));
    removed = '';
    added = '';
  };
  for (const line of lines) {
    if (line.kind === 'removed') removed += line.token;
    else if (line.kind === 'added') added += line.token;
    else {
      flush();
      for (const token of tokensOf(line.token)) changes.push({ kind: 'same', token });
    }
  }
  flush();
  return changes;
}

/**
 * The words of `after` against `before` as same / removed / added parts (the longest common
 * subsequence of words, by lines first for long texts), long unchanged runs elided unless
 * `elide` is false.
 */
export function wordDiff(
  before: string,
  after: string,
  { elide = true }: { elide?: boolean } = {},
): TextPart[] {
  const raw = textChanges(before, after);

  // Runs of one kind; a change made of several words reads as one removal and one addition,
  // so white space between two changes joins both sides rather than splitting them.
  const runs: { kind: 'same' | 'removed' | 'added'; tokens: string[] }[] = [];
  let index = 0;
  while (index < raw.length) {
    const item = raw[index] as Change;
    if (item.kind === 'same') {
      const last = runs.at(-1);
      if (last?.kind === 'same') last.tokens.push(item.token);
      else runs.push({ kind: 'same', tokens: [item.token] });
      index++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (index < raw.length) {
      const change = raw[index] as Change;
      if (change.kind === 'removed') removed.push(change.token);
      else if (change.kind === 'added') added.push(change.token);
      else if (/^\s+$/.test(change.token) && raw[index + 1] && raw[index + 1]?.kind !== 'same') {
        removed.push(change.token);
        added.push(change.token);
      } else break;
      index++;
    }
    if (removed.length) runs.push({ kind: 'removed', tokens: removed });
    if (added.length) runs.push({ kind: 'added', tokens: added });
  }
  const parts: TextPart[] = [];
  runs.forEach((run, position) => {
    if (run.kind !== 'same') {
      parts.push({ kind: run.kind, text: run.tokens.join('') });
      return;
    }
    const words = run.tokens.filter((token) => /\S/.test(token));
    const first = position === 0;
    const last = position === runs.length - 1;
    const keep = (first || last ? 1 : 2) * CONTEXT;
    if (!elide || words.length <= keep + 2) {
      parts.push({ kind: 'same', text: run.tokens.join('') });
      return;
    }
    // Keep CONTEXT words next to each change (2 * CONTEXT tokens, counting the spaces).
    const edge = CONTEXT * 2;
    const after = first ? [] : run.tokens.slice(0, edge);
    const before = last ? [] : run.tokens.slice(-edge);
    const kept = [...after, ...before].filter((token) => /\S/.test(token)).length;
    if (after.length) parts.push({ kind: 'same', text: after.join('') });
    parts.push({ kind: 'elided', words: words.length - kept });
    if (before.length) parts.push({ kind: 'same', text: before.join('') });
  });
  return parts;
}
