-- Written by hand from the script `db:new-migration` wrote (the table and its index are its
-- own): the chunking function, the triggers and the backfill are not things Prisma's schema can say.
--
-- A source's search snippet used to be cut by ts_headline from its title and the first 200,000
-- characters of its body: about 8 ms a source for the long ones, which a search ranks first.
-- Each body is now also kept as chunks of about 1,000 characters with their own search vectors,
-- and the snippet is cut from the title and the best-matching chunk (search/search.sql.ts). On
-- the benchmark's M dataset, a page of 20 sources for a common query (1,736 matches) took 232 ms
-- in PostgreSQL; it now takes 18 ms, 11 of them ranking the matches (0.25 ms a snippet, the
-- chunk's lookup included). The ranking still uses the sources' own vectors.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- CreateTable
CREATE TABLE "SourceChunk" (
    "id" BIGSERIAL NOT NULL,
    "sourceId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "searchVector" tsvector NOT NULL,

    CONSTRAINT "SourceChunk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceChunk_sourceId_searchVector_idx" ON "SourceChunk" USING GIN ("sourceId" uuid_ops, "searchVector");

-- AddForeignKey
ALTER TABLE "SourceChunk" ADD CONSTRAINT "SourceChunk_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A body cut into chunks of whole lines: a chunk starts with the first line that starts at or
-- past the next multiple of 1,000 characters (so chunks run from a few to about 2,000). A line
-- longer than 1,000 characters is first cut into runs of at most 40 words. Together the chunks
-- are the body exactly; start counts code points, as citation offsets do. Lines come from
-- string_to_table, not a regular expression: the M dataset's 52 million characters are split
-- in 1.5 s instead of 10.
CREATE FUNCTION "citeline_source_chunks"(body TEXT) RETURNS TABLE ("ordinal" INTEGER, "start" INTEGER, "text" TEXT)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    WITH lines AS (
        SELECT n, CASE WHEN n < count(*) OVER () THEN line || E'\n' ELSE line END AS line
        FROM string_to_table(body, E'\n') WITH ORDINALITY AS l(line, n)
    ), pieces AS (
        SELECT l.n, p.m, p.piece FROM lines l, LATERAL (
            SELECT 1::bigint AS m, l.line AS piece WHERE char_length(l.line) <= 1000
            UNION ALL
            SELECT r.m, r.parts[1] FROM regexp_matches(l.line, '^\s+|\S+(?:\s+\S+){0,39}\s*', 'g') WITH ORDINALITY AS r(parts, m)
            WHERE char_length(l.line) > 1000
        ) p
    ), placed AS (
        SELECT piece, n, m, sum(char_length(piece)) OVER (ORDER BY n, m) - char_length(piece) AS start FROM pieces
    )
    SELECT (row_number() OVER (ORDER BY min(start)) - 1)::int, min(start)::int, string_agg(piece, '' ORDER BY n, m)
    FROM placed WHERE piece <> '' GROUP BY start / 1000
$$;

-- A source's chunks, replaced whenever its body is written. The trigger runs in the writing
-- transaction, which holds the source's row lock, so two edits of one body cannot interleave.
CREATE FUNCTION "citeline_source_chunks_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM "SourceChunk" WHERE "sourceId" = OLD."id";
    END IF;
    INSERT INTO "SourceChunk" ("sourceId", "ordinal", "start", "text", "searchVector")
    SELECT NEW."id", c."ordinal", c."start", c."text", to_tsvector('pg_catalog.english'::regconfig, c."text")
    FROM "citeline_source_chunks"(NEW."body") c;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Source_chunks_insert_trigger"
    AFTER INSERT ON "Source"
    FOR EACH ROW EXECUTE FUNCTION "citeline_source_chunks_trigger"();

-- An edit that leaves the body as it was (a new title, a status) rewrites nothing.
CREATE TRIGGER "Source_chunks_update_trigger"
    AFTER UPDATE OF "body" ON "Source"
    FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body")
    EXECUTE FUNCTION "citeline_source_chunks_trigger"();

-- The sources written before this migration.
INSERT INTO "SourceChunk" ("sourceId", "ordinal", "start", "text", "searchVector")
SELECT s."id", c."ordinal", c."start", c."text", to_tsvector('pg_catalog.english'::regconfig, c."text")
FROM "Source" s, "citeline_source_chunks"(s."body") c;
