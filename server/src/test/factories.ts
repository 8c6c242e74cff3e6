// Small factories for test data, written straight to the database. Records are PUBLISHED unless
// a test says otherwise; citations are anchored by their exact text, as the API would.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { CodePointIndex, contentHash, normalizeText } from '../shared/text.ts';

let counter = 0;
const next = () => ++counter;

export async function makeSource(db: Db, data: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
  const body = normalizeText(data.body ?? `Body of source ${next()} ${randomUUID()}.`);
  return db.source.create({
    data: {
      kind: 'ARTICLE',
      title: `Source ${next()}`,
      status: 'PUBLISHED',
      ...data,
      body,
      contentHash: contentHash(body),
    },
  });
}

export async function makeActor(db: Db, data: Partial<Prisma.ActorUncheckedCreateInput> = {}) {
  return db.actor.create({
    data: { kind: 'PERSON', name: `Actor ${next()}`, status: 'PUBLISHED', ...data },
  });
}

export async function makeTopic(db: Db, data: Partial<Prisma.TopicUncheckedCreateInput> = {}) {
  const n = next();
  return db.topic.create({
    data: { slug: `topic-${n}`, name: `Topic ${n}`, status: 'PUBLISHED', ...data },
  });
}

export async function makeEvent(db: Db, data: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  return db.event.create({
    data: {
      kind: 'MEETING',
      title: `Event ${next()}`,
      startOn: new Date('2025-02-24'),
      startPrecision: 'DAY',
      status: 'PUBLISHED',
      ...data,
    },
  });
}

export async function makeStatement(
  db: Db,
  data: Partial<Prisma.StatementUncheckedCreateInput> & { speakerId: string },
) {
  return db.statement.create({
    data: {
      kind: 'PARAPHRASE',
      text: `Statement ${next()}`,
      saidOn: new Date('2025-02-24'),
      saidPrecision: 'DAY',
      status: 'PUBLISHED',
      ...data,
    },
  });
}

/** Cites the first occurrence of `exact` in the source's body. */
export async function makeCitation(
  db: Db,
  source: { id: string; body: string },
  exact: string,
  target: { statementId: string } | { eventId: string },
  data: Partial<Prisma.CitationUncheckedCreateInput> = {},
) {
  const index = new CodePointIndex(source.body);
  const at = source.body.indexOf(exact);
  if (at < 0) throw new Error(`"${exact}" is not in the source body`);
  const start = index.toCodePoint(at);
  const end = index.toCodePoint(at + exact.length);
  return db.citation.create({
    data: {
      sourceId: source.id,
      exact,
      prefix: index.slice(Math.max(0, start - 32), start),
      suffix: index.slice(end, Math.min(index.length, end + 32)),
      start,
      end,
      status: 'PUBLISHED',
      ...target,
      ...data,
    },
  });
}
