-- Written by hand from the script `db:new-migration` wrote (the columns and the index's columns
-- are its own): the backfill, the triggers and INCLUDE are not things Prisma's schema can say.
--
-- A citation is visible only when it, its source and its event or statement are visible (not
-- deleted; PUBLISHED unless the viewer reads drafts). Each citation now carries a copy of its
-- source's and its target's status and deletion time, kept by the triggers below, so that this
-- rule reads the citation's own row. Checking the parents instead took a lookup per citation:
-- the most-cited source of the benchmark's M dataset (2,978 citations) needed 11 ms to count its
-- visible citations and, because the planner cannot know that one source has 100 times the
-- average, 28 ms to find its first page (a sort of every citation after a bitmap scan). From the
-- index below: 1 ms for the count, 0.1 ms for the page's keys (EXPLAIN ANALYZE).

DROP INDEX "Citation_sourceId_start_id_idx";
-- Only the citation visibility check used these (an index-only look at each parent).
DROP INDEX "Event_id_idx";
DROP INDEX "Statement_id_idx";

ALTER TABLE "Citation" ADD COLUMN     "sourceDeletedAt" TIMESTAMP(3),
ADD COLUMN     "sourceStatus" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "targetDeletedAt" TIMESTAMP(3),
ADD COLUMN     "targetStatus" "EditorialStatus" NOT NULL DEFAULT 'DRAFT';

-- The citations written before this migration, in one pass.
UPDATE "Citation" c
SET "sourceStatus" = so."status",
    "sourceDeletedAt" = so."deletedAt",
    "targetStatus" = coalesce(st."status", e."status", c."targetStatus"),
    "targetDeletedAt" = CASE WHEN st."id" IS NOT NULL THEN st."deletedAt" ELSE e."deletedAt" END
FROM "Citation" c2
JOIN "Source" so ON so."id" = c2."sourceId"
LEFT JOIN "Statement" st ON st."id" = c2."statementId"
LEFT JOIN "Event" e ON e."id" = c2."eventId"
WHERE c2."id" = c."id";

-- A citation's copies, read from its parents whenever it is written with a new parent (or a
-- direct write to a copy, which is recomputed). FOR SHARE, not the FOR KEY SHARE of the foreign
-- key check: a status change takes FOR NO KEY UPDATE on the parent, which conflicts with it, so
-- a citation written while its parent's status changes either waits for that change to commit
-- and copies the new status, or makes the change wait until the citation is committed, when the
-- change's own trigger (below, in READ COMMITTED as every write of the application) sees the
-- citation and updates it. A missing parent leaves the copies alone: the foreign key or the
-- exactly-one-target check then refuses the row with its own error.
CREATE FUNCTION "citeline_citation_parent_visibility"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent record;
BEGIN
    SELECT "status", "deletedAt" INTO parent FROM "Source" WHERE "id" = NEW."sourceId" FOR SHARE;
    IF FOUND THEN
        NEW."sourceStatus" := parent."status";
        NEW."sourceDeletedAt" := parent."deletedAt";
    END IF;
    IF NEW."statementId" IS NOT NULL THEN
        SELECT "status", "deletedAt" INTO parent FROM "Statement" WHERE "id" = NEW."statementId" FOR SHARE;
    ELSE
        SELECT "status", "deletedAt" INTO parent FROM "Event" WHERE "id" = NEW."eventId" FOR SHARE;
    END IF;
    IF FOUND THEN
        NEW."targetStatus" := parent."status";
        NEW."targetDeletedAt" := parent."deletedAt";
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Citation_parent_visibility_trigger"
    BEFORE INSERT OR UPDATE OF "sourceId", "statementId", "eventId",
        "sourceStatus", "sourceDeletedAt", "targetStatus", "targetDeletedAt" ON "Citation"
    FOR EACH ROW EXECUTE FUNCTION "citeline_citation_parent_visibility"();

-- A parent's new status or deletion time, copied to its citations. Arguments: the citations'
-- foreign key to the parent's table, then their copies of its status and of its deletion time.
CREATE FUNCTION "citeline_citations_follow_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE "Citation" SET %I = $1, %I = $2 WHERE %I = $3',
                   TG_ARGV[1], TG_ARGV[2], TG_ARGV[0])
        USING NEW."status", NEW."deletedAt", NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Source_citation_visibility_trigger"
    AFTER UPDATE OF "status", "deletedAt" ON "Source" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
    EXECUTE FUNCTION "citeline_citations_follow_parent"('sourceId', 'sourceStatus', 'sourceDeletedAt');

CREATE TRIGGER "Statement_citation_visibility_trigger"
    AFTER UPDATE OF "status", "deletedAt" ON "Statement" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
    EXECUTE FUNCTION "citeline_citations_follow_parent"('statementId', 'targetStatus', 'targetDeletedAt');

CREATE TRIGGER "Event_citation_visibility_trigger"
    AFTER UPDATE OF "status", "deletedAt" ON "Event" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
    EXECUTE FUNCTION "citeline_citations_follow_parent"('eventId', 'targetStatus', 'targetDeletedAt');

-- A source's citations in text order, paged and counted from the index alone: the keys, then
-- every column the visibility rule reads.
CREATE INDEX "Citation_sourceId_start_id_idx" ON "Citation"("sourceId", "start", "id")
    INCLUDE ("status", "deletedAt", "sourceStatus", "sourceDeletedAt", "targetStatus", "targetDeletedAt");
