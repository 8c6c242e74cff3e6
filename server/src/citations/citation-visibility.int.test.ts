// A citation carries copies of its source's and its target's status and deletion time, kept by
// triggers (migration citation_parent_visibility), so that its visibility is read from its own
// row. These tests change the parents every way the application does, and concurrently, and
// compare the copies with the parents.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
} from '../test/factories.ts';
import { secondWaitsForFirst } from '../test/transactions.ts';

const { prisma, url } = await createTestDatabase();

const copiesOf = (id: string) =>
  prisma.citation.findUniqueOrThrow({
    where: { id },
    select: {
      sourceStatus: true,
      sourceDeletedAt: true,
      targetStatus: true,
      targetDeletedAt: true,
    },
  });

async function draftStatementCitation() {
  const source = await makeSource(prisma, {
    body: `The minister met the delegation ${randomUUID()}.`,
  });
  const speaker = await makeActor(prisma);
  const statement = await makeStatement(prisma, { speakerId: speaker.id, status: 'DRAFT' });
  const citation = await makeCitation(prisma, source, 'minister', { statementId: statement.id });
  return { source, statement, citation };
}

describe('a citation’s copies of its parents’ visibility', () => {
  it('are read from the parents when the citation is written', async () => {
    const { citation } = await draftStatementCitation();
    expect(await copiesOf(citation.id)).toEqual({
      sourceStatus: 'PUBLISHED',
      sourceDeletedAt: null,
      targetStatus: 'DRAFT',
      targetDeletedAt: null,
    });
  });

  it('follow a statement, a source and an event through status changes, deletion and restoring', async () => {
    const { source, statement, citation } = await draftStatementCitation();
    await prisma.statement.update({ where: { id: statement.id }, data: { status: 'PUBLISHED' } });
    expect(await copiesOf(citation.id)).toMatchObject({ targetStatus: 'PUBLISHED' });

    const deletedAt = new Date('2026-11-22T10:00:00.000Z');
    await prisma.statement.update({ where: { id: statement.id }, data: { deletedAt } });
    expect(await copiesOf(citation.id)).toMatchObject({ targetDeletedAt: deletedAt });
    await prisma.statement.update({ where: { id: statement.id }, data: { deletedAt: null } });
    expect(await copiesOf(citation.id)).toMatchObject({ targetDeletedAt: null });

    await prisma.source.update({
      where: { id: source.id },
      data: { status: 'ARCHIVED', deletedAt },
    });
    expect(await copiesOf(citation.id)).toMatchObject({
      sourceStatus: 'ARCHIVED',
      sourceDeletedAt: deletedAt,
    });

    const event = await makeEvent(prisma, { status: 'IN_REVIEW' });
    const other = await makeSource(prisma, { body: `The delegation left ${randomUUID()}.` });
    const eventCitation = await makeCitation(prisma, other, 'delegation', { eventId: event.id });
    expect(await copiesOf(eventCitation.id)).toMatchObject({ targetStatus: 'IN_REVIEW' });
    await prisma.event.update({ where: { id: event.id }, data: { status: 'PUBLISHED' } });
    expect(await copiesOf(eventCitation.id)).toMatchObject({ targetStatus: 'PUBLISHED' });
  });

  it('follow the citation to a new target, and a direct write to a copy is recomputed', async () => {
    const { citation } = await draftStatementCitation();
    const event = await makeEvent(prisma, { status: 'PUBLISHED' });
    await prisma.citation.update({
      where: { id: citation.id },
      data: { statementId: null, eventId: event.id },
    });
    expect(await copiesOf(citation.id)).toMatchObject({ targetStatus: 'PUBLISHED' });

    await prisma.citation.update({
      where: { id: citation.id },
      data: { targetStatus: 'DRAFT', sourceDeletedAt: new Date() },
    });
    expect(await copiesOf(citation.id)).toMatchObject({
      targetStatus: 'PUBLISHED',
      sourceDeletedAt: null,
    });
  });

  it('leave other changes of a parent alone (no citation row is rewritten)', async () => {
    const { statement, citation } = await draftStatementCitation();
    const before = await prisma.$queryRaw<{ xmin: string }[]>`
      SELECT xmin::text FROM "Citation" WHERE id = ${citation.id}::uuid`;
    await prisma.statement.update({ where: { id: statement.id }, data: { text: 'Changed.' } });
    await prisma.statement.update({ where: { id: statement.id }, data: { status: 'DRAFT' } });
    const after = await prisma.$queryRaw<{ xmin: string }[]>`
      SELECT xmin::text FROM "Citation" WHERE id = ${citation.id}::uuid`;
    expect(after).toEqual(before);
  });

  it('still let the foreign key refuse a citation of a missing statement', async () => {
    const source = await makeSource(prisma, {
      body: `The minister met the delegation ${randomUUID()}.`,
    });
    await expect(
      makeCitation(prisma, source, 'minister', {
        statementId: '00000000-0000-7000-8000-00000000dead',
      }),
    ).rejects.toMatchObject({ code: 'P2003' });
  });

  // The two orders in which a citation and its statement's publication can meet.
  const publish = (statementId: string) => (client: pg.Client) =>
    client.query(`UPDATE "Statement" SET status = 'PUBLISHED' WHERE id = $1`, [statementId]);
  const cite = (sourceId: string, statementId: string) => async (client: pg.Client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Citation" (id, "sourceId", "statementId", exact, start, "end")
       VALUES (gen_random_uuid(), $1, $2, 'minister', 4, 12) RETURNING id`,
      [sourceId, statementId],
    );
    return rows[0]?.id ?? '';
  };

  it('see a publication that commits while the citation is being written', async () => {
    const { source, statement } = await draftStatementCitation();
    // The citation's trigger waits for the publication to commit, then copies its status.
    const { second: citationId } = await secondWaitsForFirst(
      prisma,
      url,
      publish(statement.id),
      cite(source.id, statement.id),
    );
    expect(await copiesOf(citationId)).toMatchObject({ targetStatus: 'PUBLISHED' });
  });

  it('are updated by a publication that waited for the citation to commit', async () => {
    const { source, statement } = await draftStatementCitation();
    // The citation holds its statement FOR SHARE: the publication waits for its commit.
    const { first: citationId } = await secondWaitsForFirst(
      prisma,
      url,
      cite(source.id, statement.id),
      publish(statement.id),
    );
    expect(await copiesOf(citationId)).toMatchObject({ targetStatus: 'PUBLISHED' });
  });
});
