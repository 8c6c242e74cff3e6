-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "startOn" DROP NOT NULL,
ALTER COLUMN "startPrecision" DROP NOT NULL;

-- Written by hand: an end date without a start date means nothing.
ALTER TABLE "Event"
    ADD CONSTRAINT "Event_end_needs_start_check" CHECK ("endOn" IS NULL OR "startOn" IS NOT NULL);
