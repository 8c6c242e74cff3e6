// The benchmark dataset, generated from a seed: sources with word-based bodies (3–5 KB, a few near
// 2 MB), actors, events, topics, statements and citations whose `exact` is the code-point slice
// of the body at start..end. Skewed on purpose: a few actors say thousands of things, a few
// sources are cited more than 1,000 times, a few topics cover much of the record.
import { createHash } from 'node:crypto';
import { normalizeUrl } from '../../../server/src/sources/url.ts';
import { Rng, Zipf } from './prng.ts';
import {
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  ORGANIZATIONS,
  OUTLETS,
  PLACES,
  TOPICS,
  WORDS,
} from './words.ts';

/** Bump when the generated data changes, so a loaded database of an older version is rebuilt. */
export const GENERATOR_VERSION = 1;
export const SEED = 20261122;

export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  sources: number;
  statements: number;
  citations: number;
  actors: number;
  events: number;
  /** Sources near 2 MB; they are also the most cited ones. */
  bigSources: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: {
    sources: 1_000,
    statements: 10_000,
    citations: 30_000,
    actors: 300,
    events: 1_000,
    bigSources: 3,
  },
  M: {
    sources: 10_000,
    statements: 100_000,
    citations: 300_000,
    actors: 2_000,
    events: 10_000,
    bigSources: 5,
  },
  L: {
    sources: 50_000,
    statements: 500_000,
    citations: 1_500_000,
    actors: 8_000,
    events: 50_000,
    bigSources: 10,
  },
};

/** Shares of all statements said by the few most talkative actors. */
const HEAVY_ACTOR_SHARES = [0.06, 0.04, 0.03, 0.02, 0.02];
/** Citations of the big sources (cycled when there are more big sources than entries). */
const HOT_SOURCE_CITATIONS = [3_000, 2_200, 1_800, 1_500, 1_200, 1_100];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = Math.floor((Date.UTC(2025, 11, 31) - FIRST_DAY) / DAY_MS);

export type Precision = 'DAY' | 'MONTH' | 'YEAR';

export interface ActorRow {
  id: string;
  kind: 'PERSON' | 'ORGANIZATION';
  name: string;
  aliases: string[];
  description: string;
  country: string | null;
  wikidataId: string;
  createdAt: Date;
}

export interface TopicRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
}

export interface SourceRow {
  id: string;
  kind: 'ARTICLE' | 'PRESS_RELEASE' | 'TRANSCRIPT';
  title: string;
  outlet: string;
  authors: string[];
  publishedOn: Date;
  url: string;
  normalizedUrl: string;
  body: string;
  contentHash: string;
  createdAt: Date;
  /** Sentence spans [start, end) in code points, as pairs. */
  spans: Int32Array;
}

export interface EventRow {
  id: string;
  kind: string;
  title: string;
  summary: string;
  startOn: Date | null;
  startPrecision: Precision | null;
  endOn: Date | null;
  place: string;
  createdAt: Date;
  participants: { actorId: string; role: string }[];
  topicIds: string[];
}

export interface StatementRow {
  id: string;
  text: string;
  kind: 'DIRECT_QUOTE' | 'PARAPHRASE';
  speakerId: string;
  speakerTitle: string | null;
  channel: string;
  saidOn: Date;
  saidPrecision: Precision;
  eventId: string | null;
  createdAt: Date;
  topicIds: string[];
}

export interface CitationRow {
  id: string;
  sourceId: string;
  eventId: string | null;
  statementId: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  createdAt: Date;
}

export interface Dataset {
  size: SizeName;
  spec: SizeSpec;
  actors: ActorRow[];
  topics: TopicRow[];
  sources: SourceRow[];
  events: EventRow[];
  statements: StatementRow[];
  citations: CitationRow[];
}

/** A UUIDv7 whose time part is `at` and whose other bits come from the generator. */
function uuid7(rng: Rng, at: Date): string {
  const time = at.getTime().toString(16).padStart(12, '0').slice(-12);
  const random = rng.hex(20);
  const variant = ((Number.parseInt(random.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(8, 20)}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function dayDate(rng: Rng): Date {
  return new Date(FIRST_DAY + rng.int(DAYS) * DAY_MS);
}

/** Truncates a date to the first day of its period, as the partial-date CHECKs require. */
function atPrecision(date: Date, precision: Precision): Date {
  if (precision === 'DAY') return date;
  if (precision === 'MONTH')
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
}

function precisionOf(rng: Rng): Precision {
  const x = rng.next();
  return x < 0.85 ? 'DAY' : x < 0.95 ? 'MONTH' : 'YEAR';
}

class TextMaker {
  private readonly zipf = new Zipf(WORDS.length, 1);

  constructor(private readonly rng: Rng) {}

  word(): string {
    return WORDS[this.zipf.sample(this.rng)] as string;
  }

  words(min: number, max: number): string {
    const count = this.rng.between(min, max);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.word());
    return out.join(' ');
  }

  /** A sentence without its final punctuation, sometimes with a comma or a dash inside. */
  clause(min: number, max: number): string {
    let text = capitalize(this.words(min, max));
    if (this.rng.chance(0.25)) text += `, ${this.words(3, 8)}`;
    if (this.rng.chance(0.05)) text += ` — ${this.words(2, 6)}`;
    return text;
  }

  title(): string {
    return this.words(6, 12)
      .split(' ')
      .map((word) => (word.length > 3 ? capitalize(word) : word))
      .join(' ');
  }
}

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/**
 * A body of about `target` code points in paragraphs, and the spans of its sentences (for a
 * quoted sentence, the words inside the quotation marks).
 */
function makeBody(rng: Rng, text: TextMaker, target: number): { body: string; spans: Int32Array } {
  const parts: string[] = [];
  const spans: number[] = [];
  let length = 0;
  const push = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  while (length < target) {
    if (length > 0) push('\n\n');
    const sentences = rng.between(3, 6);
    for (let i = 0; i < sentences; i++) {
      if (i > 0) push(' ');
      if (rng.chance(0.15)) {
        const words = text.clause(8, 22);
        push('“');
        spans.push(length, length + words.length);
        push(`${words},” said ${personName(rng)}.`);
      } else {
        const sentence = `${text.clause(6, 24)}.`;
        spans.push(length, length + sentence.length);
        push(sentence);
      }
    }
  }
  return { body: parts.join(''), spans: Int32Array.from(spans) };
}

export function generateDataset(size: SizeName, seed = SEED): Dataset {
  const spec = SIZES[size];
  const rng = new Rng(seed);
  const text = new TextMaker(rng);

  const topics: TopicRow[] = TOPICS.map((slug) => ({
    id: uuid7(rng, new Date(FIRST_DAY)),
    slug,
    name: slug.split('-').map(capitalize).join(' '),
    description: `${text.clause(8, 16)}.`,
    createdAt: new Date(FIRST_DAY),
  }));
  const topicZipf = new Zipf(topics.length, 1.1);
  const pickTopics = (min: number, max: number): string[] => {
    const chosen = new Set<string>();
    const count = rng.between(min, max);
    while (chosen.size < count) chosen.add((topics[topicZipf.sample(rng)] as TopicRow).id);
    return [...chosen];
  };

  const actors: ActorRow[] = [];
  for (let i = 0; i < spec.actors; i++) {
    const organization = i % 10 === 9;
    const name = organization
      ? `${ORGANIZATIONS[i % ORGANIZATIONS.length]} ${i}`
      : `${personName(rng)} ${i < HEAVY_ACTOR_SHARES.length ? '' : `(${i})`}`.trim();
    actors.push({
      id: uuid7(rng, new Date(FIRST_DAY + i * 1000)),
      kind: organization ? 'ORGANIZATION' : 'PERSON',
      name,
      aliases: rng.chance(0.3) ? [`${name.split(' ')[0]} ${rng.pick(LAST_NAMES)}`] : [],
      description: `${text.clause(10, 25)}.`,
      country: rng.chance(0.9) ? rng.pick(COUNTRIES) : null,
      wikidataId: `Q${1000 + i}`,
      createdAt: new Date(FIRST_DAY + i * 1000),
    });
  }
  const heavyTotal = HEAVY_ACTOR_SHARES.reduce((sum, share) => sum + share, 0);
  const pickActor = (): ActorRow => {
    let x = rng.next();
    if (x < heavyTotal) {
      for (let i = 0; i < HEAVY_ACTOR_SHARES.length; i++) {
        x -= HEAVY_ACTOR_SHARES[i] as number;
        if (x < 0) return actors[i] as ActorRow;
      }
    }
    return actors[
      HEAVY_ACTOR_SHARES.length + rng.int(actors.length - HEAVY_ACTOR_SHARES.length)
    ] as ActorRow;
  };

  const sources: SourceRow[] = [];
  for (let i = 0; i < spec.sources; i++) {
    const big = i < spec.bigSources;
    const publishedOn = dayDate(rng);
    const [outlet, domain] = rng.pick(OUTLETS);
    const title = text.title();
    const { body, spans } = makeBody(
      rng,
      text,
      big ? rng.between(1_900_000, 2_000_000) : rng.between(3_000, 5_000),
    );
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const url = `https://www.${domain}/${publishedOn.getUTCFullYear()}/${String(publishedOn.getUTCMonth() + 1).padStart(2, '0')}/${slug}-${i + 1}`;
    sources.push({
      id: uuid7(rng, new Date(publishedOn.getTime() + 3_600_000)),
      kind: big ? 'TRANSCRIPT' : rng.chance(0.8) ? 'ARTICLE' : 'PRESS_RELEASE',
      title,
      outlet,
      authors: rng.chance(0.7) ? [personName(rng)] : [],
      publishedOn,
      url,
      normalizedUrl: normalizeUrl(url),
      body,
      contentHash: createHash('sha256').update(body).digest('hex'),
      createdAt: new Date(publishedOn.getTime() + 3_600_000),
      spans,
    });
  }

  const eventKinds = [
    'MEETING',
    'VISIT',
    'EXERCISE',
    'ANNOUNCEMENT',
    'PRESS_CONFERENCE',
    'AGREEMENT',
  ];
  const roles = ['HOST', 'VISITOR', 'ATTENDEE', 'ORGANIZER', 'DELEGATION_MEMBER'];
  const events: EventRow[] = [];
  for (let i = 0; i < spec.events; i++) {
    const dated = rng.chance(0.95);
    const start = dayDate(rng);
    const precision = dated ? precisionOf(rng) : null;
    const startOn = dated && precision ? atPrecision(start, precision) : null;
    const participants = new Map<string, string>();
    const count = rng.between(2, 4);
    while (participants.size < count) participants.set(pickActor().id, rng.pick(roles));
    events.push({
      id: uuid7(rng, new Date(start.getTime() + 7_200_000)),
      kind: rng.pick(eventKinds),
      title: text.title(),
      summary: `${text.clause(30, 60)}.`,
      startOn,
      startPrecision: precision,
      endOn:
        startOn && precision === 'DAY' && rng.chance(0.2)
          ? new Date(startOn.getTime() + rng.between(1, 4) * DAY_MS)
          : null,
      place: rng.pick(PLACES),
      createdAt: new Date(start.getTime() + 7_200_000),
      participants: [...participants].map(([actorId, role]) => ({ actorId, role })),
      topicIds: pickTopics(1, 3),
    });
  }

  // Citations: every statement gets one, 80% of the budget goes to statements, the rest to
  // events; the big sources take fixed large shares, the others share the rest evenly.
  const hotQuota = sources
    .slice(0, spec.bigSources)
    .map((_, i) => HOT_SOURCE_CITATIONS[i % HOT_SOURCE_CITATIONS.length] as number);
  const hotTotal = hotQuota.reduce((sum, n) => sum + n, 0);
  const normalSources = sources.length - spec.bigSources;
  const pickSource = (): SourceRow => {
    let x = rng.next() * spec.citations;
    if (x < hotTotal) {
      for (let i = 0; i < hotQuota.length; i++) {
        x -= hotQuota[i] as number;
        if (x < 0) return sources[i] as SourceRow;
      }
    }
    return sources[spec.bigSources + rng.int(normalSources)] as SourceRow;
  };
  const citations: CitationRow[] = [];
  const cite = (target: { statementId?: string; eventId?: string }, at: Date): CitationRow => {
    const source = pickSource();
    const spanIndex = rng.int(source.spans.length / 2);
    const start = source.spans[spanIndex * 2] as number;
    const end = source.spans[spanIndex * 2 + 1] as number;
    const citation: CitationRow = {
      id: uuid7(rng, at),
      sourceId: source.id,
      statementId: target.statementId ?? null,
      eventId: target.eventId ?? null,
      exact: source.body.slice(start, end),
      prefix: source.body.slice(Math.max(0, start - 32), start),
      suffix: source.body.slice(end, end + 32),
      start,
      end,
      createdAt: at,
    };
    citations.push(citation);
    return citation;
  };

  const channels = [
    'PRESS_RELEASE',
    'SOCIAL_MEDIA_POST',
    'INTERVIEW',
    'REMARKS',
    'SPEECH',
    'PRESS_CONFERENCE',
  ];
  const statements: StatementRow[] = [];
  for (let i = 0; i < spec.statements; i++) {
    const said = dayDate(rng);
    const precision = precisionOf(rng);
    const createdAt = new Date(said.getTime() + rng.int(DAY_MS));
    const id = uuid7(rng, createdAt);
    const first = cite({ statementId: id }, createdAt);
    const quote = rng.chance(0.3);
    const event = rng.chance(0.7) ? (events[rng.int(events.length)] as EventRow) : null;
    statements.push({
      id,
      text: quote ? first.exact : `${text.clause(15, 40)}.`,
      kind: quote ? 'DIRECT_QUOTE' : 'PARAPHRASE',
      speakerId: pickActor().id,
      speakerTitle: rng.chance(0.4)
        ? `${capitalize(text.word())} ${capitalize(text.word())}`
        : null,
      channel: rng.pick(channels),
      saidOn: atPrecision(said, precision),
      saidPrecision: precision,
      eventId: event?.id ?? null,
      createdAt,
      topicIds: pickTopics(0, 2),
    });
  }
  const statementBudget = Math.floor(spec.citations * 0.8);
  while (citations.length < statementBudget) {
    const statement = statements[rng.int(statements.length)] as StatementRow;
    cite({ statementId: statement.id }, statement.createdAt);
  }
  for (const event of events) {
    if (citations.length >= spec.citations) break;
    cite({ eventId: event.id }, event.createdAt);
  }
  while (citations.length < spec.citations) {
    const event = events[rng.int(events.length)] as EventRow;
    cite({ eventId: event.id }, event.createdAt);
  }

  return { size, spec, actors, topics, sources, events, statements, citations };
}
