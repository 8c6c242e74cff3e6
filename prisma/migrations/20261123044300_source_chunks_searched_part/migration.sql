-- Written by hand: a source's chunks now cover only the part of its body that search matches
-- (the first 200,000 characters, as citeline_search_part cuts each search vector). A snippet is
-- cut from a chunk that matches the query, and a match past that point does not make the source
-- a hit, so chunks beyond it served nothing; and they made writing a long body slow: a
-- 5,000,000-character body (the import's limit) took 2.9 s to insert with chunks of the whole
-- body against 1.1 s without, close to the 5 s statement timeout.

CREATE OR REPLACE FUNCTION "citeline_source_chunks_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM "SourceChunk" WHERE "sourceId" = OLD."id";
    END IF;
    INSERT INTO "SourceChunk" ("sourceId", "ordinal", "start", "text", "searchVector")
    SELECT NEW."id", c."ordinal", c."start", c."text", to_tsvector('pg_catalog.english'::regconfig, c."text")
    FROM "citeline_source_chunks"(left(NEW."body", 200000)) c;
    RETURN NULL;
END;
$$;

-- The sources written before this migration whose body is longer.
DELETE FROM "SourceChunk" c USING "Source" s
WHERE c."sourceId" = s."id" AND char_length(s."body") > 200000;

INSERT INTO "SourceChunk" ("sourceId", "ordinal", "start", "text", "searchVector")
SELECT s."id", c."ordinal", c."start", c."text", to_tsvector('pg_catalog.english'::regconfig, c."text")
FROM "Source" s, "citeline_source_chunks"(left(s."body", 200000)) c
WHERE char_length(s."body") > 200000;
