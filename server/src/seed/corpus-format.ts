// The format of the curated seed file (prisma/seed/corpus.json): topics, actors, sources, events
// and statements referring to each other by key, every event and statement cited to a passage.
import { z } from 'zod';
import {
  ActorKind,
  CitationRole,
  DateQualifier,
  EventKind,
  ParticipantRole,
  SourceKind,
  StatementChannel,
  StatementKind,
  StatementRank,
} from '../db/generated/prisma/enums.ts';
import { type PartialDate, parsePartialDate } from '../shared/partial-date.ts';

/** Record keys are stable: deterministic ids are derived from them, so never rename one. */
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const key = z
  .string()
  .regex(KEY, 'use lower-case words and digits joined by hyphens ("vong-pisen")');
const text = z
  .string()
  .min(1)
  .refine((value) => value.trim() === value, 'remove leading and trailing white space');

/** A date as written in the file plus its parsed form. */
export interface CorpusDate extends PartialDate {
  text: string;
}

const partialDate = z.string().transform((value, ctx): CorpusDate => {
  try {
    return { text: value, ...parsePartialDate(value) };
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const topicSchema = z.strictObject({
  slug: key,
  name: text,
  description: text.optional(),
});

const positionSchema = z.strictObject({
  title: text,
  /** Key of an ORGANIZATION actor. */
  organization: key.optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
});

const actorSchema = z.strictObject({
  key,
  kind: z.enum(ActorKind),
  name: text,
  aliases: z.array(text).default([]),
  description: text.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code such as KH')
    .optional(),
  positions: z.array(positionSchema).default([]),
});

const sourceSchema = z.strictObject({
  key,
  /** A file in the sources folder. */
  file: z.string().regex(/^[\w.-]+\.txt$/, 'a .txt file name without folders'),
  kind: z.enum(SourceKind),
  title: text,
  /** True when the text has no headline and an editor wrote the title. */
  titleSuppliedByEditor: z.boolean(),
  outlet: text.optional(),
  authors: z.array(text).default([]),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as en'),
  published: z.strictObject({ date: partialDate, qualifier: z.enum(DateQualifier) }).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

const citationSchema = z.strictObject({
  source: key,
  /** Copied verbatim from the source text. */
  exact: z.string().min(1),
  /** Only when `exact` occurs more than once: text just before the wanted occurrence. */
  prefix: z.string().min(1).optional(),
  /** Only when `exact` occurs more than once: text just after the wanted occurrence. */
  suffix: z.string().min(1).optional(),
  role: z.enum(CitationRole).default('SUPPORTS'),
  note: text.optional(),
});

const citations = z.array(citationSchema).min(1, 'cite at least one passage');

const eventSchema = z.strictObject({
  key,
  kind: z.enum(EventKind),
  title: text,
  summary: text,
  /** Left out when the sources do not date the event (a day and month with no year). */
  start: partialDate.optional(),
  end: partialDate.optional(),
  /** How the start date was established; left out with the date. */
  dateQualifier: z.enum(DateQualifier).optional(),
  place: text.optional(),
  parent: key.optional(),
  participants: z.array(z.strictObject({ actor: key, role: z.enum(ParticipantRole) })),
  topics: z.array(key),
  citations,
});

const statementSchema = z.strictObject({
  key,
  kind: z.enum(StatementKind),
  /** A DIRECT_QUOTE's text is the quoted words exactly as they appear in a cited passage. */
  text,
  speaker: key,
  speakerTitle: text.optional(),
  channel: z.enum(StatementChannel).optional(),
  said: partialDate.optional(),
  dateQualifier: z.enum(DateQualifier).optional(),
  event: key.optional(),
  topics: z.array(key),
  rank: z.enum(StatementRank).default('NORMAL'),
  rankReason: text.optional(),
  citations,
});

type Issue = { message: string; path: (string | number)[] };

export const corpusSchema = z
  .strictObject({
    topics: z.array(topicSchema),
    actors: z.array(actorSchema),
    sources: z.array(sourceSchema),
    events: z.array(eventSchema),
    statements: z.array(statementSchema),
  })
  .superRefine((corpus, ctx) => {
    for (const issue of crossReferenceIssues(corpus)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type CorpusData = z.output<typeof corpusSchema>;
/** The file as written, before defaults and date parsing. */
export type CorpusInput = z.input<typeof corpusSchema>;
export type CorpusTopic = CorpusData['topics'][number];
export type CorpusActor = CorpusData['actors'][number];
export type CorpusPosition = CorpusActor['positions'][number];
export type CorpusSource = CorpusData['sources'][number];
export type CorpusEvent = CorpusData['events'][number];
export type CorpusStatement = CorpusData['statements'][number];
export type CorpusCitation = CorpusEvent['citations'][number];

/** The data file does not match the format; the message lists every problem with its path. */
export class CorpusFormatError extends Error {
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(message);
    this.name = 'CorpusFormatError';
  }
}

/** Validates parsed JSON against the format, including every cross-reference. */
export function parseCorpus(json: unknown, fileName = 'corpus.json'): CorpusData {
  const result = corpusSchema.safeParse(json);
  if (!result.success) {
    throw new CorpusFormatError(
      `${fileName} is not a valid corpus:\n${z.prettifyError(result.error)}`,
      result.error.issues,
    );
  }
  return result.data;
}

/** Keys that name nothing, duplicate keys, and inconsistent dates, each naming its record. */
function crossReferenceIssues(corpus: {
  topics: z.output<typeof topicSchema>[];
  actors: z.output<typeof actorSchema>[];
  sources: z.output<typeof sourceSchema>[];
  events: z.output<typeof eventSchema>[];
  statements: z.output<typeof statementSchema>[];
}): Issue[] {
  const issues: Issue[] = [];
  const report = (path: Issue['path'], message: string) => issues.push({ path, message });

  const topics = keysOf(corpus.topics, (topic) => topic.slug, 'topics', 'topic', report);
  const actors = new Map(corpus.actors.map((actor) => [actor.key, actor]));
  keysOf(corpus.actors, (actor) => actor.key, 'actors', 'actor', report);
  const sources = keysOf(corpus.sources, (source) => source.key, 'sources', 'source', report);
  keysOf(corpus.sources, (source) => source.file, 'sources', 'source file', report);
  const events = new Map(corpus.events.map((event) => [event.key, event]));
  keysOf(corpus.events, (event) => event.key, 'events', 'event', report);
  keysOf(corpus.statements, (statement) => statement.key, 'statements', 'statement', report);

  const checkTopics = (record: string, list: string[], path: Issue['path']) => {
    const seen = new Set<string>();
    list.forEach((slug, i) => {
      if (!topics.has(slug)) report([...path, i], `${record}: unknown topic "${slug}"`);
      if (seen.has(slug)) report([...path, i], `${record}: topic "${slug}" is listed twice`);
      seen.add(slug);
    });
  };
  const checkCitations = (
    record: string,
    list: z.output<typeof citationSchema>[],
    path: Issue['path'],
  ) => {
    const seen = new Set<string>();
    list.forEach((citation, i) => {
      if (!sources.has(citation.source)) {
        report(
          [...path, i, 'source'],
          `${record}: citation of unknown source "${citation.source}"`,
        );
      }
      const identity = citationIdentity(citation);
      if (seen.has(identity)) {
        report([...path, i], `${record}: the same passage of "${citation.source}" is cited twice`);
      }
      seen.add(identity);
    });
  };
  const checkRange = (
    record: string,
    start: CorpusDate | undefined,
    end: CorpusDate | undefined,
    path: Issue['path'],
  ) => {
    if (start && end && end.date < start.date) {
      report(path, `${record}: ends (${end.text}) before it starts (${start.text})`);
    }
  };

  corpus.actors.forEach((actor, a) => {
    const record = `actor "${actor.key}"`;
    actor.positions.forEach((position, p) => {
      const path = ['actors', a, 'positions', p];
      if (position.organization !== undefined) {
        const organization = actors.get(position.organization);
        if (!organization) {
          report(
            [...path, 'organization'],
            `${record}: unknown organisation "${position.organization}"`,
          );
        } else if (organization.kind !== 'ORGANIZATION') {
          report(
            [...path, 'organization'],
            `${record}: "${position.organization}" is not an organisation`,
          );
        }
      }
      checkRange(`${record}, position "${position.title}"`, position.start, position.end, path);
    });
  });

  corpus.events.forEach((event, e) => {
    const record = `event "${event.key}"`;
    const path = ['events', e];
    if (event.parent !== undefined) {
      if (!events.has(event.parent)) {
        report([...path, 'parent'], `${record}: unknown parent event "${event.parent}"`);
      } else if (hasParentCycle(event.key, events)) {
        report([...path, 'parent'], `${record}: its parent events form a cycle`);
      }
    }
    const seen = new Set<string>();
    event.participants.forEach((participant, p) => {
      if (!actors.has(participant.actor)) {
        report([...path, 'participants', p], `${record}: unknown actor "${participant.actor}"`);
      }
      const identity = `${participant.actor}/${participant.role}`;
      if (seen.has(identity)) {
        report(
          [...path, 'participants', p],
          `${record}: participant "${identity}" is listed twice`,
        );
      }
      seen.add(identity);
    });
    if ((event.start === undefined) !== (event.dateQualifier === undefined)) {
      report([...path, 'dateQualifier'], `${record}: give "start" and "dateQualifier" together`);
    }
    if (event.start === undefined && event.end !== undefined) {
      report([...path, 'end'], `${record}: an end date needs a start date`);
    }
    checkRange(record, event.start, event.end, [...path, 'end']);
    checkTopics(record, event.topics, [...path, 'topics']);
    checkCitations(record, event.citations, [...path, 'citations']);
  });

  corpus.statements.forEach((statement, s) => {
    const record = `statement "${statement.key}"`;
    const path = ['statements', s];
    if (!actors.has(statement.speaker)) {
      report([...path, 'speaker'], `${record}: unknown speaker "${statement.speaker}"`);
    }
    if (statement.event !== undefined && !events.has(statement.event)) {
      report([...path, 'event'], `${record}: unknown event "${statement.event}"`);
    }
    if ((statement.said === undefined) !== (statement.dateQualifier === undefined)) {
      report([...path, 'dateQualifier'], `${record}: give "said" and "dateQualifier" together`);
    }
    if (statement.rank === 'DEPRECATED' && statement.rankReason === undefined) {
      report([...path, 'rankReason'], `${record}: a DEPRECATED statement needs a rankReason`);
    }
    checkTopics(record, statement.topics, [...path, 'topics']);
    checkCitations(record, statement.citations, [...path, 'citations']);
  });

  return issues;
}

/** What makes two citations of one record the same passage (and gives a citation its id). */
export function citationIdentity(citation: {
  source: string;
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}): string {
  return JSON.stringify([
    citation.source,
    citation.exact,
    citation.prefix ?? '',
    citation.suffix ?? '',
  ]);
}

function keysOf<T>(
  records: T[],
  keyOf: (record: T) => string,
  collection: string,
  noun: string,
  report: (path: Issue['path'], message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const value = keyOf(record);
    if (seen.has(value)) report([collection, i], `${noun} "${value}" is defined twice`);
    seen.add(value);
  });
  return seen;
}

function hasParentCycle(
  start: string,
  events: Map<string, { parent?: string | undefined }>,
): boolean {
  const visited = new Set<string>();
  for (let at: string | undefined = start; at !== undefined; at = events.get(at)?.parent) {
    if (visited.has(at)) return true;
    visited.add(at);
  }
  return false;
}
