-- Written by hand from the script `db:new-migration` wrote (the columns and the indexes' columns
-- are its own): the backfill, the triggers and INCLUDE are not things Prisma's schema can say.
--
-- An actor's timeline pages its events and its statements by (date, id). The compiled read is a
-- prepared statement, and PostgreSQL plans one for a speaker it does not know (a generic plan)
-- or, when that plan looks worse than planning each time, plans every execution (0.5-0.8 ms).
-- Neither served every actor: with an index on the actor alone the generic plan reads all of an
-- actor's events before sorting them (10 ms for the benchmark's heaviest actor, 1,694 events),
-- so PostgreSQL kept planning each execution and chose by the actor. With the indexes below an
-- actor's page is the first rows of one index range whoever the actor is, and one plan serves
-- all (EXPLAIN ANALYZE on the benchmark's M dataset: see the README).

-- The event's start date and visibility, copied onto each participant row.
ALTER TABLE "EventParticipant" ADD COLUMN     "eventDeletedAt" TIMESTAMP(3),
ADD COLUMN     "eventStartOn" DATE,
ADD COLUMN     "eventStatus" "EditorialStatus" NOT NULL DEFAULT 'DRAFT';

UPDATE "EventParticipant" p
SET "eventStartOn" = e."startOn", "eventStatus" = e."status", "eventDeletedAt" = e."deletedAt"
FROM "Event" e
WHERE e."id" = p."eventId";

-- A participant's copies, read from its event whenever it is written (a direct write to a copy
-- is recomputed). FOR SHARE, as for citations (migration citation_parent_visibility): a change
-- of the event's date or status conflicts with it, so a participant added meanwhile either waits
-- for the change to commit and copies the new values, or the change waits for the participant
-- and its own trigger (below) then updates it.
CREATE FUNCTION "citeline_participant_event_copies"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    event record;
BEGIN
    SELECT "startOn", "status", "deletedAt" INTO event FROM "Event" WHERE "id" = NEW."eventId" FOR SHARE;
    IF FOUND THEN
        NEW."eventStartOn" := event."startOn";
        NEW."eventStatus" := event."status";
        NEW."eventDeletedAt" := event."deletedAt";
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "EventParticipant_event_copies_trigger"
    BEFORE INSERT OR UPDATE OF "eventId", "eventStartOn", "eventStatus", "eventDeletedAt" ON "EventParticipant"
    FOR EACH ROW EXECUTE FUNCTION "citeline_participant_event_copies"();

-- An event's new date, status or deletion time, copied to its participants.
CREATE FUNCTION "citeline_participants_follow_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "EventParticipant"
    SET "eventStartOn" = NEW."startOn", "eventStatus" = NEW."status", "eventDeletedAt" = NEW."deletedAt"
    WHERE "eventId" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_participant_copies_trigger"
    AFTER UPDATE OF "startOn", "status", "deletedAt" ON "Event" FOR EACH ROW
    WHEN (OLD."startOn" IS DISTINCT FROM NEW."startOn" OR OLD."status" IS DISTINCT FROM NEW."status"
          OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
    EXECUTE FUNCTION "citeline_participants_follow_event"();

-- An actor's events in date order, with what the visibility rule reads. Its first column also
-- serves every look-up by actor, which the index it replaces was for.
DROP INDEX "EventParticipant_actorId_idx";
CREATE INDEX "EventParticipant_actorId_eventStartOn_eventId_idx"
    ON "EventParticipant"("actorId", "eventStartOn", "eventId") INCLUDE ("eventStatus", "eventDeletedAt");

-- A speaker's statements in date order, the page's keys and visibility from the index alone.
DROP INDEX "Statement_speakerId_saidOn_idx";
CREATE INDEX "Statement_speakerId_saidOn_id_idx"
    ON "Statement"("speakerId", "saidOn", "id") INCLUDE ("status", "deletedAt");
