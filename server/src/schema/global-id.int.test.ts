// The compiled reads send each record's global id from its row's "globalId", which a trigger
// writes (migration stored_global_ids): it must be what encodeGlobalId writes, for every record
// however it was written, and stay so whatever writes the column.
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import {
  makeActor,
  makeCitation,
  makeEvent,
  makeSource,
  makeStatement,
} from '../test/factories.ts';
import { encodeGlobalId } from './global-id.ts';

const { prisma } = await createTestDatabase();

describe('a record’s stored global id', () => {
  it('is written on insert, for every type the compiled reads send', async () => {
    const source = await makeSource(prisma, { body: 'The base at Ream was handed over.' });
    const actor = await makeActor(prisma);
    const event = await makeEvent(prisma);
    const statement = await makeStatement(prisma, { speakerId: actor.id });
    const citation = await makeCitation(prisma, source, 'Ream', { statementId: statement.id });
    const records = [
      ['Source', source],
      ['Actor', actor],
      ['Event', event],
      ['Statement', statement],
      ['Citation', citation],
    ] as const;
    for (const [typename, record] of records) {
      expect(record.globalId).toBe(encodeGlobalId(typename, record.id));
    }
  });

  it('matches encodeGlobalId for any id, padding and base64url’s characters included', async () => {
    // The typenames' base64 lengths leave 0, 1 and 2 '=' to drop; a record type's name and a
    // uuid's text never give base64's '+' or '/', so a made-up name checks that they become
    // '-' and '_' (and that the text is taken as UTF-8).
    const typenames = ['Statement', 'Event', 'Source', 'Actor', 'Citation', 'Ünïcode?>~'];
    const rows = await prisma.$queryRaw<{ typename: string; id: string; encoded: string }[]>`
      SELECT typename, id::text AS id, citeline_global_id(typename, id) AS encoded
      FROM unnest(${typenames}::text[]) typename,
        (SELECT gen_random_uuid() AS id FROM generate_series(1, 200)) ids`;
    expect(rows).toHaveLength(typenames.length * 200);
    const mismatches = rows.filter((row) => row.encoded !== encodeGlobalId(row.typename, row.id));
    expect(mismatches).toEqual([]);
    const urlSafe = rows.filter((row) => /[-_]/.test(row.encoded));
    expect(urlSafe.length).toBeGreaterThan(0);
  });

  it('is put back when something writes it', async () => {
    const actor = await makeActor(prisma);
    const written = await prisma.actor.update({
      where: { id: actor.id },
      data: { globalId: 'forged' },
    });
    expect(written.globalId).toBe(encodeGlobalId('Actor', actor.id));
    await prisma.$executeRaw`UPDATE "Actor" SET "globalId" = NULL WHERE id = ${actor.id}::uuid`;
    const reread = await prisma.actor.findUniqueOrThrow({ where: { id: actor.id } });
    expect(reread.globalId).toBe(encodeGlobalId('Actor', actor.id));
  });
});
