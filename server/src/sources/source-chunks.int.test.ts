// A source's body is also kept as chunks with their own search vectors, written by a trigger
// (migration source_chunks), so that a search snippet is cut from the best-matching chunk. These
// tests check that the chunks are the body, cut where they should be, whatever writes it, and
// that nothing else writes them (migration source_chunks_written_by_trigger).
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../shared/text.ts';
import { createTestDatabase } from '../test/database.ts';
import { makeSource } from '../test/factories.ts';

const { prisma } = await createTestDatabase();

const chunksOf = (sourceId: string) =>
  prisma.sourceChunk.findMany({
    where: { sourceId },
    orderBy: { ordinal: 'asc' },
    select: { id: true, ordinal: true, start: true, text: true },
  });

/** Each chunk's start is where its text begins in the body, counted in code points. */
function expectChunksToBe(
  body: string,
  chunks: { ordinal: number; start: number; text: string }[],
) {
  expect(chunks.map((chunk) => chunk.text).join('')).toBe(body);
  const codePoints = [...body];
  for (const [index, chunk] of chunks.entries()) {
    expect(chunk.ordinal).toBe(index);
    expect(codePoints.slice(chunk.start, chunk.start + [...chunk.text].length).join('')).toBe(
      chunk.text,
    );
  }
}

describe('a source’s chunks', () => {
  it('are its body in whole lines, a new chunk at each thousand characters', async () => {
    // 60 lines of 96 code points (the emoji is one, two UTF-16 units); a chunk starts with the
    // first line that starts at or past the next thousand: lines 11 (at 1,056), 21, 32, 42, 53.
    const line = `${'🛳 Ream naval base. '.repeat(5)}\n`;
    const body = normalizeText(line.repeat(60));
    const source = await makeSource(prisma, { body });
    const chunks = await chunksOf(source.id);
    expectChunksToBe(body, chunks);
    expect(chunks.map((chunk) => [...chunk.text].length)).toEqual([
      1056, 960, 1056, 960, 1056, 672,
    ]);
    expect(chunks.every((chunk) => chunk.text.endsWith('\n'))).toBe(true);
  });

  it('cut a line longer than a chunk between words', async () => {
    const body = normalizeText(`Short first line.\n${'word '.repeat(1000)}last`);
    const source = await makeSource(prisma, { body });
    const chunks = await chunksOf(source.id);
    expectChunksToBe(body, chunks);
    expect(chunks).toHaveLength(6);
    for (const chunk of chunks.slice(1)) expect(chunk.text).toMatch(/^\S/);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text).toMatch(/\s$/);
  });

  it('cover the part of the body search matches, its first 200,000 characters', async () => {
    const body = normalizeText('A line of forty characters, more or less\n'.repeat(6000));
    const source = await makeSource(prisma, { body });
    const chunks = await chunksOf(source.id);
    expectChunksToBe(body.slice(0, 200_000), chunks);
  });

  it('are replaced when the body changes, and only then', async () => {
    const source = await makeSource(prisma, { body: 'First version.' });
    const [before] = await chunksOf(source.id);
    await prisma.source.update({ where: { id: source.id }, data: { title: 'Renamed' } });
    await prisma.source.update({ where: { id: source.id }, data: { body: 'First version.' } });
    expect(await chunksOf(source.id)).toEqual([before]);

    await prisma.source.update({ where: { id: source.id }, data: { body: 'Second version.' } });
    const after = await chunksOf(source.id);
    expectChunksToBe('Second version.', after);
    expect(after[0]?.id).not.toBe(before?.id);
  });

  it('cannot be written but through their source', async () => {
    const source = await makeSource(prisma, { body: 'Original text.' });
    const refused = /SourceChunk rows are derived from "Source"."body": write the source instead/;
    await expect(
      prisma.$executeRaw`UPDATE "SourceChunk" SET text = 'Forged.' WHERE "sourceId" = ${source.id}::uuid`,
    ).rejects.toThrow(refused);
    await expect(
      prisma.$executeRaw`DELETE FROM "SourceChunk" WHERE "sourceId" = ${source.id}::uuid`,
    ).rejects.toThrow(refused);
    await expect(
      prisma.$executeRaw`INSERT INTO "SourceChunk" ("sourceId", ordinal, start, text, "searchVector")
        VALUES (${source.id}::uuid, 1, 14, 'Forged.', to_tsvector('Forged.'))`,
    ).rejects.toThrow(refused);
    expectChunksToBe('Original text.', await chunksOf(source.id));
  });

  it('go with their source', async () => {
    const source = await makeSource(prisma);
    await prisma.source.delete({ where: { id: source.id } });
    expect(await chunksOf(source.id)).toEqual([]);
  });
});
