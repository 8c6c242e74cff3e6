-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('ARTICLE', 'PRESS_RELEASE', 'SOCIAL_POST', 'TRANSCRIPT', 'OFFICIAL_STATEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "DateQualifier" AS ENUM ('EXACT', 'APPROXIMATE', 'INFERRED');

-- CreateEnum
CREATE TYPE "EditorialStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('MEETING', 'VISIT', 'EXERCISE', 'ANNOUNCEMENT', 'PRESS_CONFERENCE', 'AGREEMENT', 'CEREMONY', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('HOST', 'VISITOR', 'ATTENDEE', 'ORGANIZER', 'DELEGATION_MEMBER', 'SUBJECT', 'OTHER');

-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('DIRECT_QUOTE', 'PARAPHRASE');

-- CreateEnum
CREATE TYPE "StatementChannel" AS ENUM ('PRESS_RELEASE', 'SOCIAL_MEDIA_POST', 'INTERVIEW', 'REMARKS', 'SPEECH', 'PRESS_CONFERENCE', 'OFFICIAL_STATEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "StatementRank" AS ENUM ('PREFERRED', 'NORMAL', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "CitationRole" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'CONTEXT');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('EXACT', 'FUZZY', 'ORPHANED');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER');

-- CreateEnum
CREATE TYPE "RevisionOperation" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'TRANSITION', 'PURGE');

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "titleSuppliedByEditor" BOOLEAN NOT NULL DEFAULT false,
    "outlet" TEXT,
    "authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "language" TEXT NOT NULL DEFAULT 'en',
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision",
    "publishedQualifier" "DateQualifier",
    "url" TEXT,
    "retrievedOn" DATE,
    "archiveUrl" TEXT,
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,
    "searchVector" tsvector,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceUrl" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "normalizedUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceUrl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" UUID NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "description" TEXT,
    "country" TEXT,
    "wikidataId" TEXT,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,
    "searchVector" tsvector,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorPosition" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "organizationId" UUID,
    "startOn" DATE,
    "startPrecision" "DatePrecision",
    "endOn" DATE,
    "endPrecision" "DatePrecision",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActorPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "startOn" DATE NOT NULL,
    "startPrecision" "DatePrecision" NOT NULL,
    "endOn" DATE,
    "endPrecision" "DatePrecision",
    "dateQualifier" "DateQualifier" NOT NULL DEFAULT 'EXACT',
    "place" TEXT,
    "parentId" UUID,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,
    "searchVector" tsvector,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "eventId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("eventId","actorId","role")
);

-- CreateTable
CREATE TABLE "EventTopic" (
    "eventId" UUID NOT NULL,
    "topicId" UUID NOT NULL,

    CONSTRAINT "EventTopic_pkey" PRIMARY KEY ("eventId","topicId")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "StatementKind" NOT NULL,
    "speakerId" UUID NOT NULL,
    "speakerTitle" TEXT,
    "channel" "StatementChannel",
    "saidOn" DATE,
    "saidPrecision" "DatePrecision",
    "dateQualifier" "DateQualifier",
    "eventId" UUID,
    "rank" "StatementRank" NOT NULL DEFAULT 'NORMAL',
    "rankReason" TEXT,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,
    "searchVector" tsvector,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementTopic" (
    "statementId" UUID NOT NULL,
    "topicId" UUID NOT NULL,

    CONSTRAINT "StatementTopic_pkey" PRIMARY KEY ("statementId","topicId")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "eventId" UUID,
    "statementId" UUID,
    "role" "CitationRole" NOT NULL DEFAULT 'SUPPORTS',
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'EXACT',
    "anchorScore" DOUBLE PRECISION,
    "note" TEXT,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "EditorialStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "updatedById" UUID,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'VIEWER',
    "disabledAt" TIMESTAMP(3),
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "operation" "RevisionOperation" NOT NULL,
    "version" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "userId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_contentHash_key" ON "Source"("contentHash");

-- CreateIndex
CREATE INDEX "Source_status_publishedOn_idx" ON "Source"("status", "publishedOn");

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_body_idx" ON "Source" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "SourceUrl_normalizedUrl_key" ON "SourceUrl"("normalizedUrl");

-- CreateIndex
CREATE INDEX "SourceUrl_sourceId_idx" ON "SourceUrl"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_wikidataId_key" ON "Actor"("wikidataId");

-- CreateIndex
CREATE INDEX "Actor_status_name_idx" ON "Actor"("status", "name");

-- CreateIndex
CREATE INDEX "Actor_searchVector_idx" ON "Actor" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ActorPosition_actorId_idx" ON "ActorPosition"("actorId");

-- CreateIndex
CREATE INDEX "ActorPosition_organizationId_idx" ON "ActorPosition"("organizationId");

-- CreateIndex
CREATE INDEX "Event_status_startOn_idx" ON "Event"("status", "startOn");

-- CreateIndex
CREATE INDEX "Event_parentId_idx" ON "Event"("parentId");

-- CreateIndex
CREATE INDEX "Event_searchVector_idx" ON "Event" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_idx" ON "EventParticipant"("actorId");

-- CreateIndex
CREATE INDEX "EventTopic_topicId_idx" ON "EventTopic"("topicId");

-- CreateIndex
CREATE INDEX "Statement_status_saidOn_idx" ON "Statement"("status", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_speakerId_saidOn_idx" ON "Statement"("speakerId", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_eventId_idx" ON "Statement"("eventId");

-- CreateIndex
CREATE INDEX "Statement_searchVector_idx" ON "Statement" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "StatementTopic_topicId_idx" ON "StatementTopic"("topicId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_start_idx" ON "Citation"("sourceId", "start");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

-- CreateIndex
CREATE INDEX "Citation_statementId_idx" ON "Citation"("statementId");

-- CreateIndex
CREATE INDEX "Citation_anchorStatus_idx" ON "Citation"("anchorStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_createdAt_idx" ON "Revision"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceUrl" ADD CONSTRAINT "SourceUrl_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorPosition" ADD CONSTRAINT "ActorPosition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorPosition" ADD CONSTRAINT "ActorPosition_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTopic" ADD CONSTRAINT "EventTopic_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTopic" ADD CONSTRAINT "EventTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementTopic" ADD CONSTRAINT "StatementTopic_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementTopic" ADD CONSTRAINT "StatementTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
