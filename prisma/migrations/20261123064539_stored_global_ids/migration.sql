-- The columns from Prisma's diff; the rest written by hand.
--
-- Each record's global id (base64url, unpadded, of "<type>:<uuid>", as the API's encodeGlobalId
-- writes it) stored on its row, so that the compiled reads (server/src/compiled) read it instead
-- of encoding it for every row they send: under load the encoding (convert_to, encode, three
-- replaces and an rtrim) cost PostgreSQL about 1.3 µs per id, 0.57 of the 3.9 ms of CPU the
-- benchmark's Q1 (about 430 ids) took per request. An id never changes, so neither does its
-- global id; a trigger writes it on insert and puts it back if anything writes it.

-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "globalId" TEXT;

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "globalId" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "globalId" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "globalId" TEXT;

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "globalId" TEXT;

-- Base64url without padding, as Node's Buffer writes it: PostgreSQL's base64 breaks lines every
-- 76 characters and pads with '='. IMMUTABLE although convert_to is only STABLE: a database's
-- encoding never changes, and the text is ASCII in any case.
CREATE FUNCTION "citeline_global_id"(typename TEXT, id UUID) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT rtrim(translate(encode(convert_to(typename || ':' || id::text, 'UTF8'), 'base64'), E'+/\n', '-_'), '=') $$;

CREATE FUNCTION "citeline_set_global_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."globalId" := "citeline_global_id"(TG_ARGV[0], NEW.id);
    RETURN NEW;
END;
$$;

UPDATE "Actor" SET "globalId" = "citeline_global_id"('Actor', id);
UPDATE "Citation" SET "globalId" = "citeline_global_id"('Citation', id);
UPDATE "Event" SET "globalId" = "citeline_global_id"('Event', id);
UPDATE "Source" SET "globalId" = "citeline_global_id"('Source', id);
UPDATE "Statement" SET "globalId" = "citeline_global_id"('Statement', id);

CREATE TRIGGER "Actor_globalId_trigger" BEFORE INSERT OR UPDATE OF id, "globalId" ON "Actor"
    FOR EACH ROW EXECUTE FUNCTION "citeline_set_global_id"('Actor');
CREATE TRIGGER "Citation_globalId_trigger" BEFORE INSERT OR UPDATE OF id, "globalId" ON "Citation"
    FOR EACH ROW EXECUTE FUNCTION "citeline_set_global_id"('Citation');
CREATE TRIGGER "Event_globalId_trigger" BEFORE INSERT OR UPDATE OF id, "globalId" ON "Event"
    FOR EACH ROW EXECUTE FUNCTION "citeline_set_global_id"('Event');
CREATE TRIGGER "Source_globalId_trigger" BEFORE INSERT OR UPDATE OF id, "globalId" ON "Source"
    FOR EACH ROW EXECUTE FUNCTION "citeline_set_global_id"('Source');
CREATE TRIGGER "Statement_globalId_trigger" BEFORE INSERT OR UPDATE OF id, "globalId" ON "Statement"
    FOR EACH ROW EXECUTE FUNCTION "citeline_set_global_id"('Statement');
