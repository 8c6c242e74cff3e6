// A participant row carries copies of its event's start date, status and deletion time, kept by
// triggers (migration actor_timeline_indexes), so that an actor's events are paged from an index
// of the participant rows. These tests change events every way the application does, and
// concurrently, and compare the copies with the event.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import { makeActor, makeEvent } from '../test/factories.ts';
import { secondWaitsForFirst } from '../test/transactions.ts';

const { prisma, url } = await createTestDatabase();

const copiesOf = (eventId: string) =>
  prisma.eventParticipant.findMany({
    where: { eventId },
    select: { eventStartOn: true, eventStatus: true, eventDeletedAt: true },
  });

async function draftEventWithParticipant() {
  const actor = await makeActor(prisma);
  const event = await makeEvent(prisma, {
    status: 'DRAFT',
    startOn: new Date('2024-02-26'),
    participants: { create: [{ actorId: actor.id, role: 'HOST' }] },
  });
  return { actor, event };
}

const publish = (eventId: string) => (client: pg.Client) =>
  client.query(`UPDATE "Event" SET status = 'PUBLISHED' WHERE id = $1`, [eventId]);
const addParticipant = (eventId: string, actorId: string) => (client: pg.Client) =>
  client.query(
    `INSERT INTO "EventParticipant" ("eventId", "actorId", role) VALUES ($1, $2, 'VISITOR')`,
    [eventId, actorId],
  );

describe('a participant’s copies of its event’s date and visibility', () => {
  it('are read from the event when the participant is written', async () => {
    const { event } = await draftEventWithParticipant();
    expect(await copiesOf(event.id)).toEqual([
      { eventStartOn: new Date('2024-02-26'), eventStatus: 'DRAFT', eventDeletedAt: null },
    ]);
  });

  it('follow the event through a new date, publication, deletion and restoring', async () => {
    const { event } = await draftEventWithParticipant();
    await prisma.event.update({
      where: { id: event.id },
      data: { startOn: new Date('2024-03-01'), status: 'PUBLISHED' },
    });
    expect(await copiesOf(event.id)).toEqual([
      { eventStartOn: new Date('2024-03-01'), eventStatus: 'PUBLISHED', eventDeletedAt: null },
    ]);
    const deletedAt = new Date('2026-11-23T10:00:00.000Z');
    await prisma.event.update({ where: { id: event.id }, data: { deletedAt } });
    expect(await copiesOf(event.id)).toMatchObject([{ eventDeletedAt: deletedAt }]);
    await prisma.event.update({
      where: { id: event.id },
      data: { deletedAt: null, startOn: null, startPrecision: null },
    });
    expect(await copiesOf(event.id)).toMatchObject([{ eventDeletedAt: null, eventStartOn: null }]);
  });

  it('are recomputed when written directly, and left alone by other changes of the event', async () => {
    const { event } = await draftEventWithParticipant();
    await prisma.eventParticipant.updateMany({
      where: { eventId: event.id },
      data: { eventStatus: 'PUBLISHED', eventStartOn: new Date('1999-01-01') },
    });
    expect(await copiesOf(event.id)).toMatchObject([
      { eventStatus: 'DRAFT', eventStartOn: new Date('2024-02-26') },
    ]);
    const xmin = () => prisma.$queryRaw<{ xmin: string }[]>`
      SELECT xmin::text FROM "EventParticipant" WHERE "eventId" = ${event.id}::uuid`;
    const before = await xmin();
    await prisma.event.update({ where: { id: event.id }, data: { title: 'Renamed' } });
    expect(await xmin()).toEqual(before);
  });

  // The two orders in which a new participant and its event's publication can meet.
  it('see a publication that commits while the participant is being written', async () => {
    const { event } = await draftEventWithParticipant();
    const guest = await makeActor(prisma);
    // The participant's trigger waits for the publication to commit, then copies its status.
    await secondWaitsForFirst(prisma, url, publish(event.id), addParticipant(event.id, guest.id));
    expect(await copiesOf(event.id)).toMatchObject([
      { eventStatus: 'PUBLISHED' },
      { eventStatus: 'PUBLISHED' },
    ]);
  });

  it('are updated by a publication that waited for the participant to commit', async () => {
    const { event } = await draftEventWithParticipant();
    const guest = await makeActor(prisma);
    // The participant holds its event FOR SHARE: the publication waits for its commit.
    await secondWaitsForFirst(prisma, url, addParticipant(event.id, guest.id), publish(event.id));
    expect(await copiesOf(event.id)).toMatchObject([
      { eventStatus: 'PUBLISHED' },
      { eventStatus: 'PUBLISHED' },
    ]);
  });
});
