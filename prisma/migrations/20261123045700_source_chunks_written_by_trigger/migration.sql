-- Written by hand: a source's chunks are derived from its body (migration source_chunks), so
-- nothing but the database writes them. A statement that inserts, updates or deletes chunks
-- directly is refused; the triggers on Source and the foreign key's cascade run below a trigger
-- (pg_trigger_depth() > 0) and go through.

CREATE FUNCTION "citeline_source_chunks_refuse_direct_writes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'SourceChunk rows are derived from "Source"."body": write the source instead'
        USING ERRCODE = 'read_only_sql_transaction';
END;
$$;

CREATE TRIGGER "SourceChunk_refuse_direct_writes_trigger"
    BEFORE INSERT OR UPDATE OR DELETE ON "SourceChunk"
    FOR EACH STATEMENT WHEN (pg_trigger_depth() = 0)
    EXECUTE FUNCTION "citeline_source_chunks_refuse_direct_writes"();
