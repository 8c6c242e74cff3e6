// The database itself rejects malformed rows, whatever wrote them: the CHECK constraints of the
// hand-written migration, foreign keys, unique keys and enum types; and it keeps the full-text
// search vectors up to date.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import type { Prisma } from './generated/prisma/client.ts';

const { prisma } = await createTestDatabase();

// Valid rows, each unique where it must be; a test overrides one field to break one rule.
// CHECK constraints are tested in name order, so a bad row breaks only the rule under test.

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function source(data: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
  const body = data.body ?? `The minister met the delegation. ${randomUUID()}`;
  return prisma.source.create({
    data: { kind: 'ARTICLE', title: 'A visit', contentHash: sha256(body), ...data, body },
  });
}

function actor(data: Partial<Prisma.ActorUncheckedCreateInput> = {}) {
  return prisma.actor.create({ data: { kind: 'PERSON', name: 'Ada Lovelace', ...data } });
}

function event(data: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  return prisma.event.create({
    data: {
      kind: 'MEETING',
      title: 'Bilateral meeting',
      startOn: new Date('2025-02-24'),
      startPrecision: 'DAY',
      ...data,
    },
  });
}

async function statement(data: Partial<Prisma.StatementUncheckedCreateInput> = {}) {
  const speakerId = data.speakerId ?? (await actor()).id;
  return prisma.statement.create({
    data: { kind: 'DIRECT_QUOTE', text: 'We will meet again.', ...data, speakerId },
  });
}

async function citation(data: Partial<Prisma.CitationUncheckedCreateInput> = {}) {
  const sourceId = data.sourceId ?? (await source()).id;
  const target = 'eventId' in data || 'statementId' in data ? {} : { eventId: (await event()).id };
  return prisma.citation.create({
    data: { exact: 'minister', start: 4, end: 12, ...target, ...data, sourceId },
  });
}

function actorPosition(data: Partial<Prisma.ActorPositionUncheckedCreateInput> = {}) {
  return actor().then(({ id }) =>
    prisma.actorPosition.create({ data: { title: 'Minister of Defence', actorId: id, ...data } }),
  );
}

function topic(data: Partial<Prisma.TopicUncheckedCreateInput> = {}) {
  return prisma.topic.create({
    data: { slug: `demining-${randomUUID().slice(0, 8)}`, name: 'Demining', ...data },
  });
}

function user(data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  return prisma.user.create({
    data: { email: `${randomUUID()}@example.org`, name: 'Ada', passwordHash: 'x', ...data },
  });
}

describe('valid rows', () => {
  it('are accepted, including citations whose offsets count code points, not UTF-16 units', async () => {
    const body = 'Flags 🇺🇦 flew. The minister spoke.';
    const withEmoji = await source({ body });
    await citation({ sourceId: withEmoji.id, exact: '🇺🇦 flew', start: 6, end: 13 });
    await statement({ rank: 'DEPRECATED', rankReason: 'Misattributed' });
    await event({ startOn: new Date('2024-01-01'), startPrecision: 'YEAR' });
    await actor({ wikidataId: 'Q42', country: 'GB' });
    await topic({ slug: 'air-defence-2' });
    await user({ email: 'ada@example.org' });
  });
});

describe('citations', () => {
  it('reject a negative start', async () => {
    await expect(citation({ exact: 'x', start: -2, end: -1 })).rejects.toThrow(
      /Citation_offsets_check/,
    );
  });

  it('reject an end that is not after the start', async () => {
    await expect(citation({ exact: '', start: 4, end: 4 })).rejects.toThrow(
      // An empty passage is also blank; either rule may report it first.
      /Citation_(offsets|exact_not_blank)_check/,
    );
  });

  it('reject an exact text whose length differs from end - start', async () => {
    await expect(citation({ exact: 'minister', start: 4, end: 13 })).rejects.toThrow(
      /Citation_exact_length_check/,
    );
  });

  it('reject a blank exact text', async () => {
    await expect(citation({ exact: '  \n', start: 0, end: 3 })).rejects.toThrow(
      /Citation_exact_not_blank_check/,
    );
  });

  it('reject citing nothing', async () => {
    await expect(citation({ eventId: null, statementId: null })).rejects.toThrow(
      /Citation_one_target_check/,
    );
  });

  it('reject citing an event and a statement at once', async () => {
    const [{ id: eventId }, { id: statementId }] = [await event(), await statement()];
    await expect(citation({ eventId, statementId })).rejects.toThrow(/Citation_one_target_check/);
  });
});

describe('partial dates', () => {
  type Write = (date: Date | null, precision: 'DAY' | 'MONTH' | 'YEAR' | null) => Promise<unknown>;
  const pairs: [string, Write, { canBeNull: boolean }][] = [
    [
      'Source_publishedOn',
      (d, p) => source({ publishedOn: d, publishedPrecision: p }),
      { canBeNull: true },
    ],
    [
      'ActorPosition_startOn',
      (d, p) => actorPosition({ startOn: d, startPrecision: p }),
      { canBeNull: true },
    ],
    [
      'ActorPosition_endOn',
      (d, p) => actorPosition({ endOn: d, endPrecision: p }),
      { canBeNull: true },
    ],
    [
      'Event_startOn',
      (d, p) => event({ startOn: d ?? new Date('2025-02-24'), startPrecision: p ?? 'DAY' }),
      { canBeNull: false },
    ],
    [
      'Event_endOn',
      (d, p) => event({ startOn: new Date('2000-01-01'), endOn: d, endPrecision: p }),
      { canBeNull: true },
    ],
    ['Statement_saidOn', (d, p) => statement({ saidOn: d, saidPrecision: p }), { canBeNull: true }],
  ];

  describe.each(pairs)('%s', (prefix, write, { canBeNull }) => {
    it('accepts the first day of a month or year at MONTH or YEAR precision', async () => {
      await write(new Date('2024-02-01'), 'MONTH');
      await write(new Date('2024-01-01'), 'YEAR');
      await write(new Date('2024-02-29'), 'DAY');
    });

    // Event.startOn and its precision are both required: NOT NULL already pairs them.
    if (canBeNull) {
      it('rejects a date without a precision and a precision without a date', async () => {
        const pair = new RegExp(`${prefix}_pair_check`);
        await expect(write(new Date('2024-02-01'), null)).rejects.toThrow(pair);
        await expect(write(null, 'DAY')).rejects.toThrow(pair);
      });
    }

    it('rejects a MONTH date that is not the first of the month', async () => {
      await expect(write(new Date('2024-02-15'), 'MONTH')).rejects.toThrow(
        new RegExp(`${prefix}_precision_check`),
      );
    });

    it('rejects a YEAR date that is not the first of January', async () => {
      await expect(write(new Date('2024-03-01'), 'YEAR')).rejects.toThrow(
        new RegExp(`${prefix}_precision_check`),
      );
    });
  });

  it('rejects an event that ends before it starts', async () => {
    await expect(
      event({
        startOn: new Date('2025-02-24'),
        endOn: new Date('2025-02-23'),
        endPrecision: 'DAY',
      }),
    ).rejects.toThrow(/Event_end_after_start_check/);
  });
});

describe('statements', () => {
  it('reject a deprecation without a reason', async () => {
    await expect(statement({ rank: 'DEPRECATED' })).rejects.toThrow(
      /Statement_deprecation_reason_check/,
    );
    await expect(statement({ rank: 'DEPRECATED', rankReason: ' \t' })).rejects.toThrow(
      /Statement_deprecation_reason_check/,
    );
  });
});

describe('versions', () => {
  const versioned: [string, (version: number) => Promise<unknown>][] = [
    ['Source', (version) => source({ version })],
    ['Actor', (version) => actor({ version })],
    ['Event', (version) => event({ version })],
    ['Statement', (version) => statement({ version })],
    ['Citation', (version) => citation({ version })],
    ['Topic', (version) => topic({ version })],
  ];

  it.each(versioned)('%s rejects a version below 1', async (table, write) => {
    await expect(write(0)).rejects.toThrow(new RegExp(`${table}_version_check`));
  });
});

describe('formats', () => {
  it.each([
    ['upper-case hex', 'A'.repeat(64)],
    ['too short', 'a'.repeat(63)],
    ['not hex', 'g'.repeat(64)],
  ])('Source.contentHash rejects %s', async (_, contentHash) => {
    await expect(source({ contentHash })).rejects.toThrow(/Source_contentHash_check/);
  });

  it.each(['Q0', 'q42', 'Q042', 'P31', 'Q'])('Actor.wikidataId rejects %j', async (wikidataId) => {
    await expect(actor({ wikidataId })).rejects.toThrow(/Actor_wikidataId_check/);
  });

  it.each(['gb', 'GBR', 'G', 'G1'])('Actor.country rejects %j', async (country) => {
    await expect(actor({ country })).rejects.toThrow(/Actor_country_check/);
  });

  it.each(['Demining', 'air defence', 'air--defence', '-air', 'air-', 'é'])(
    'Topic.slug rejects %j',
    async (slug) => {
      await expect(topic({ slug })).rejects.toThrow(/Topic_slug_check/);
    },
  );

  it('User.email must be stored lower-cased', async () => {
    await expect(user({ email: 'Ada@Example.org' })).rejects.toThrow(/User_email_lower_case_check/);
  });
});

describe('required text', () => {
  const blank = ' \n\t ';
  const writes: [string, () => Promise<unknown>][] = [
    ['Source_title', () => source({ title: blank })],
    ['Source_body', () => source({ body: blank })],
    ['Actor_name', () => actor({ name: blank })],
    ['ActorPosition_title', () => actorPosition({ title: blank })],
    ['Event_title', () => event({ title: blank })],
    ['Statement_text', () => statement({ text: blank })],
    ['Topic_name', () => topic({ name: blank })],
    ['User_name', () => user({ name: blank })],
    ['Topic_name', () => topic({ name: '' })],
  ];

  it.each(writes)('%s rejects blank text', async (prefix, write) => {
    await expect(write()).rejects.toThrow(new RegExp(`${prefix}_not_blank_check`));
  });
});

describe('keys and types', () => {
  it('reject a citation of a source that does not exist (foreign key)', async () => {
    await expect(citation({ sourceId: randomUUID() })).rejects.toThrow(/Foreign key constraint/);
  });

  it('reject a statement by a speaker that does not exist (foreign key)', async () => {
    await expect(statement({ speakerId: randomUUID() })).rejects.toThrow(/Foreign key constraint/);
  });

  it('reject deleting an actor who made statements (foreign key, no cascade)', async () => {
    const { speakerId } = await statement();
    await expect(prisma.actor.delete({ where: { id: speakerId } })).rejects.toThrow(
      /Foreign key constraint/,
    );
  });

  it('reject a second source with the same content hash', async () => {
    const body = `Same text ${randomUUID()}`;
    await source({ body });
    await expect(source({ body })).rejects.toThrow(/Unique constraint failed.*contentHash/s);
  });

  it('reject a second source URL with the same normalised URL', async () => {
    const [a, b] = [await source(), await source()];
    const normalizedUrl = `example.org/news/${randomUUID()}`;
    await prisma.sourceUrl.create({ data: { sourceId: a.id, url: 'x', normalizedUrl } });
    await expect(
      prisma.sourceUrl.create({ data: { sourceId: b.id, url: 'y', normalizedUrl } }),
    ).rejects.toThrow(/Unique constraint failed.*normalizedUrl/s);
  });

  it('reject a value outside an enum', async () => {
    // Prisma's types would refuse the value, so it goes in as raw SQL.
    await expect(
      prisma.$executeRaw`INSERT INTO "Actor" ("id", "kind", "name", "updatedAt")
        VALUES (${randomUUID()}::uuid, 'ROBOT', 'R2-D2', now())`,
    ).rejects.toThrow(/invalid input value for enum "ActorKind": "ROBOT"/);
  });
});

describe('search vectors', () => {
  async function vectorOf(table: 'Source' | 'Statement' | 'Event' | 'Actor', id: string) {
    const rows = await prisma.$queryRawUnsafe<{ vector: string }[]>(
      `SELECT "searchVector"::text AS vector FROM "${table}" WHERE "id" = $1::uuid`,
      id,
    );
    return rows[0]?.vector;
  }

  it('weigh a source title A, outlet B and body C, and follow updates', async () => {
    const { id } = await source({
      title: 'Summit',
      outlet: 'Gazette',
      body: `Talks ${randomUUID()}`,
    });
    const vector = await vectorOf('Source', id);
    for (const lexeme of ["'summit':1A", "'gazett':2B", "'talk':3C"])
      expect(vector).toContain(lexeme);

    await prisma.source.update({ where: { id }, data: { title: 'Treaty' } });
    expect(await vectorOf('Source', id)).toMatch(/'treati':1A/);
    expect(await vectorOf('Source', id)).not.toContain('summit');
  });

  it('weigh statement text A and speaker title B', async () => {
    const { id } = await statement({ text: 'Demining continues', speakerTitle: 'Minister' });
    expect(await vectorOf('Statement', id)).toBe("'continu':2A 'demin':1A 'minist':3B");
  });

  it('weigh event title A, summary B and place C', async () => {
    const { id } = await event({ title: 'Exercise', summary: 'Naval drills', place: 'Gdynia' });
    expect(await vectorOf('Event', id)).toBe("'drill':3B 'exercis':1A 'gdynia':4C 'naval':2B");
  });

  it('weigh an actor name A, aliases and description B, with or without aliases', async () => {
    const { id } = await actor({
      name: 'Ada',
      aliases: ['Countess'],
      description: 'Mathematician',
    });
    expect(await vectorOf('Actor', id)).toBe("'ada':1A 'countess':2B 'mathematician':3B");

    const noAliases = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "Actor" ("id", "kind", "name", "aliases", "description", "updatedAt")
      VALUES (${randomUUID()}::uuid, 'PERSON', 'Bob', NULL, 'Builder', now()) RETURNING "id"::text`;
    expect(await vectorOf('Actor', String(noAliases[0]?.id))).toBe("'bob':1A 'builder':2B");
  });

  it('cannot be overwritten by hand', async () => {
    const { id } = await actor({ name: 'Grace' });
    await prisma.$executeRaw`UPDATE "Actor" SET "searchVector" = 'forged' WHERE "id" = ${id}::uuid`;
    expect(await vectorOf('Actor', id)).toBe("'grace':1A");
  });

  it('index a body far larger than a tsvector can hold (the vector covers its start)', async () => {
    // Unique four-byte words: the worst case for the 1 MB limit on a vector's lexemes.
    const words = Array.from({ length: 120_000 }, (_, i) =>
      [...i.toString(16).padStart(5, '0')]
        .map((d) => String.fromCodePoint(0x20000 + Number.parseInt(d, 16)))
        .join(''),
    );
    const body = words.join(' ');
    expect(body.length).toBeGreaterThan(1_000_000);

    const { id } = await source({ body });
    const [row] = await prisma.$queryRaw<{ lexemes: number }[]>`
      SELECT length("searchVector") AS lexemes FROM "Source" WHERE "id" = ${id}::uuid`;
    expect(row?.lexemes).toBeGreaterThan(10_000);
  });
});
