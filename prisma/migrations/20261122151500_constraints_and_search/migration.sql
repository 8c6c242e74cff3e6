-- Written by hand: rules Prisma's schema language cannot express. Prisma's diff does not see
-- CHECK constraints, functions or triggers, so the drift test stays clean with them; keep
-- everything of that kind in hand-written migrations like this one (see prisma/README.md).
--
-- Enum columns are compared as text ("rank"::text) on purpose: when Prisma removes an enum value
-- it renames the type, creates a new one and converts the columns, and a constraint holding a
-- literal of the old type would then fail to convert.

-- ---------------------------------------------------------------------------------------------
-- Full-text search: the searchVector columns, kept up to date by triggers.
--
-- Triggers rather than GENERATED ALWAYS AS ... STORED columns: Prisma reads a generation
-- expression as a column default, which the schema cannot declare (a default may not refer to
-- other columns), so every diff would try to drop it. The 'english' configuration throughout.
-- ---------------------------------------------------------------------------------------------

-- One weighted part of a search vector. Each part is cut at 200,000 characters because
-- to_tsvector fails ("string is too long for tsvector") once a vector's lexemes pass 1 MB:
-- 200,000 characters of at most 4 bytes each stay under that whatever the script, with room
-- left for the other parts. A longer body is still found by substring (trigram) search.
CREATE FUNCTION "citeline_search_part"(value TEXT, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('pg_catalog.english'::regconfig, left(coalesce(value, ''), 200000)), weight) $$;

CREATE FUNCTION "citeline_source_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchVector" := "citeline_search_part"(NEW."title", 'A')
        || "citeline_search_part"(NEW."outlet", 'B')
        || "citeline_search_part"(NEW."body", 'C');
    RETURN NEW;
END;
$$;

CREATE FUNCTION "citeline_statement_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchVector" := "citeline_search_part"(NEW."text", 'A')
        || "citeline_search_part"(NEW."speakerTitle", 'B');
    RETURN NEW;
END;
$$;

CREATE FUNCTION "citeline_event_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchVector" := "citeline_search_part"(NEW."title", 'A')
        || "citeline_search_part"(NEW."summary", 'B')
        || "citeline_search_part"(NEW."place", 'C');
    RETURN NEW;
END;
$$;

CREATE FUNCTION "citeline_actor_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- concat_ws skips NULLs, so a missing alias list does not blank the description.
    NEW."searchVector" := "citeline_search_part"(NEW."name", 'A')
        || "citeline_search_part"(concat_ws(' ', array_to_string(NEW."aliases", ' '), NEW."description"), 'B');
    RETURN NEW;
END;
$$;

-- The column lists name only the sources of each vector (and the vector itself, so a direct
-- write to it is recomputed), so an update that touches neither, such as a status change,
-- does not re-parse a long body.
CREATE TRIGGER "Source_searchVector_trigger"
    BEFORE INSERT OR UPDATE OF "title", "outlet", "body", "searchVector" ON "Source"
    FOR EACH ROW EXECUTE FUNCTION "citeline_source_search_vector"();

CREATE TRIGGER "Statement_searchVector_trigger"
    BEFORE INSERT OR UPDATE OF "text", "speakerTitle", "searchVector" ON "Statement"
    FOR EACH ROW EXECUTE FUNCTION "citeline_statement_search_vector"();

CREATE TRIGGER "Event_searchVector_trigger"
    BEFORE INSERT OR UPDATE OF "title", "summary", "place", "searchVector" ON "Event"
    FOR EACH ROW EXECUTE FUNCTION "citeline_event_search_vector"();

CREATE TRIGGER "Actor_searchVector_trigger"
    BEFORE INSERT OR UPDATE OF "name", "aliases", "description", "searchVector" ON "Actor"
    FOR EACH ROW EXECUTE FUNCTION "citeline_actor_search_vector"();

-- Rows written before this migration (none on a fresh database) get their vectors now.
UPDATE "Source" SET "searchVector" = NULL;
UPDATE "Statement" SET "searchVector" = NULL;
UPDATE "Event" SET "searchVector" = NULL;
UPDATE "Actor" SET "searchVector" = NULL;

-- ---------------------------------------------------------------------------------------------
-- Citation: a well-formed anchor on exactly one event or statement.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Citation"
    ADD CONSTRAINT "Citation_offsets_check" CHECK ("start" >= 0 AND "start" < "end"),
    ADD CONSTRAINT "Citation_one_target_check" CHECK (num_nonnulls("eventId", "statementId") = 1),
    -- char_length counts code points, as the offsets do.
    ADD CONSTRAINT "Citation_exact_length_check" CHECK (char_length("exact") = "end" - "start"),
    ADD CONSTRAINT "Citation_exact_not_blank_check" CHECK ("exact" ~ '[^[:space:]]'),
    ADD CONSTRAINT "Citation_version_check" CHECK ("version" >= 1);

-- ---------------------------------------------------------------------------------------------
-- Partial dates: a date and its precision are set together, and the date is the first day of
-- its period (MONTH: day 1; YEAR: 1 January).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Source"
    ADD CONSTRAINT "Source_publishedOn_pair_check"
        CHECK (("publishedOn" IS NULL) = ("publishedPrecision" IS NULL)),
    ADD CONSTRAINT "Source_publishedOn_precision_check" CHECK (CASE "publishedPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "publishedOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "publishedOn") = 1
        ELSE true END);

ALTER TABLE "ActorPosition"
    ADD CONSTRAINT "ActorPosition_startOn_pair_check"
        CHECK (("startOn" IS NULL) = ("startPrecision" IS NULL)),
    ADD CONSTRAINT "ActorPosition_startOn_precision_check" CHECK (CASE "startPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "startOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "startOn") = 1
        ELSE true END),
    ADD CONSTRAINT "ActorPosition_endOn_pair_check"
        CHECK (("endOn" IS NULL) = ("endPrecision" IS NULL)),
    ADD CONSTRAINT "ActorPosition_endOn_precision_check" CHECK (CASE "endPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "endOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "endOn") = 1
        ELSE true END);

ALTER TABLE "Event"
    ADD CONSTRAINT "Event_startOn_pair_check"
        CHECK (("startOn" IS NULL) = ("startPrecision" IS NULL)),
    ADD CONSTRAINT "Event_startOn_precision_check" CHECK (CASE "startPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "startOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "startOn") = 1
        ELSE true END),
    ADD CONSTRAINT "Event_endOn_pair_check"
        CHECK (("endOn" IS NULL) = ("endPrecision" IS NULL)),
    ADD CONSTRAINT "Event_endOn_precision_check" CHECK (CASE "endPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "endOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "endOn") = 1
        ELSE true END),
    ADD CONSTRAINT "Event_end_after_start_check" CHECK ("endOn" >= "startOn");

ALTER TABLE "Statement"
    ADD CONSTRAINT "Statement_saidOn_pair_check"
        CHECK (("saidOn" IS NULL) = ("saidPrecision" IS NULL)),
    ADD CONSTRAINT "Statement_saidOn_precision_check" CHECK (CASE "saidPrecision"::text
        WHEN 'MONTH' THEN extract(day FROM "saidOn") = 1
        WHEN 'YEAR' THEN extract(doy FROM "saidOn") = 1
        ELSE true END);

-- ---------------------------------------------------------------------------------------------
-- Field formats and required text. "Not blank" means at least one non-whitespace character.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Source"
    ADD CONSTRAINT "Source_title_not_blank_check" CHECK ("title" ~ '[^[:space:]]'),
    ADD CONSTRAINT "Source_body_not_blank_check" CHECK ("body" ~ '[^[:space:]]'),
    -- SHA-256 in lower-case hex, as server/src/shared/text.ts computes it.
    ADD CONSTRAINT "Source_contentHash_check" CHECK ("contentHash" ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT "Source_version_check" CHECK ("version" >= 1);

ALTER TABLE "Actor"
    ADD CONSTRAINT "Actor_name_not_blank_check" CHECK ("name" ~ '[^[:space:]]'),
    ADD CONSTRAINT "Actor_wikidataId_check" CHECK ("wikidataId" ~ '^Q[1-9][0-9]*$'),
    ADD CONSTRAINT "Actor_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    ADD CONSTRAINT "Actor_version_check" CHECK ("version" >= 1);

ALTER TABLE "ActorPosition"
    ADD CONSTRAINT "ActorPosition_title_not_blank_check" CHECK ("title" ~ '[^[:space:]]');

ALTER TABLE "Event"
    ADD CONSTRAINT "Event_title_not_blank_check" CHECK ("title" ~ '[^[:space:]]'),
    ADD CONSTRAINT "Event_version_check" CHECK ("version" >= 1);

ALTER TABLE "Statement"
    ADD CONSTRAINT "Statement_text_not_blank_check" CHECK ("text" ~ '[^[:space:]]'),
    -- Corrections deprecate a statement instead of erasing it, and must say why.
    ADD CONSTRAINT "Statement_deprecation_reason_check"
        CHECK ("rank"::text <> 'DEPRECATED' OR coalesce("rankReason", '') ~ '[^[:space:]]'),
    ADD CONSTRAINT "Statement_version_check" CHECK ("version" >= 1);

ALTER TABLE "Topic"
    ADD CONSTRAINT "Topic_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ADD CONSTRAINT "Topic_name_not_blank_check" CHECK ("name" ~ '[^[:space:]]'),
    ADD CONSTRAINT "Topic_version_check" CHECK ("version" >= 1);

ALTER TABLE "User"
    -- Look-ups by email are exact matches, so the address is stored lower-cased.
    ADD CONSTRAINT "User_email_lower_case_check" CHECK ("email" = lower("email")),
    ADD CONSTRAINT "User_name_not_blank_check" CHECK ("name" ~ '[^[:space:]]');
