-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANALYST', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('INTERNAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'GOVERNMENT_BODY', 'ORGANISATION', 'ARMED_GROUP');

-- CreateEnum
CREATE TYPE "WeaponCategory" AS ENUM ('AIRCRAFT', 'AIR_DEFENCE_SYSTEMS', 'MANPADS', 'ARMOURED_VEHICLES', 'ARTILLERY', 'MISSILES', 'SHIPS', 'SMALL_ARMS_LIGHT_WEAPONS', 'SENSORS', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('REPORTED', 'ORDERED', 'IN_DELIVERY', 'DELIVERED', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ConcernCategory" AS ENUM ('DIVERSION', 'PROLIFERATION', 'END_USE', 'REGIONAL_STABILITY', 'HUMAN_RIGHTS', 'OTHER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('OPEN', 'MONITORING', 'RESOLVED', 'CLOSED_UNRESOLVED');

-- CreateEnum
CREATE TYPE "ConcernCountryRole" AS ENUM ('SUPPLIER', 'RECIPIENT', 'AFFECTED', 'RAISED_BY', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('CABLE', 'MEETING', 'DEMARCHE', 'LETTER', 'CALL', 'PUBLIC_STATEMENT');

-- CreateEnum
CREATE TYPE "RequestAsk" AS ENUM ('HALT_SALE', 'SUSPEND_SALE', 'CANCEL_SALE', 'END_USE_ASSURANCE', 'INSPECTION', 'INFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestResponse" AS ENUM ('PENDING', 'REBUFFED', 'DEFLECTED', 'PARTIALLY_ACCEPTED', 'ACCEPTED', 'NO_RESPONSE');

-- CreateEnum
CREATE TYPE "RequestActorSide" AS ENUM ('REQUESTING', 'TARGET');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('NO_RIGHT', 'RIGHT_ASSERTED', 'SCHEDULED', 'CONDUCTED', 'REFUSED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('DIPLOMATIC_CABLE', 'NEWS_ARTICLE', 'REPORT', 'OFFICIAL_STATEMENT', 'PUBLIC_EVENT', 'INTERVIEW', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceReliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'STATUS_CHANGE', 'VERIFY', 'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'ROLE_CHANGE', 'DEACTIVATE', 'REACTIVATE', 'PASSWORD_CHANGE', 'IMPORT', 'EXPORT', 'SEED');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('COUNTRY', 'ACTOR', 'WEAPON_SYSTEM', 'ARMS_TRANSFER', 'CONCERN', 'DIPLOMATIC_REQUEST', 'INSPECTION', 'SOURCE', 'CITATION', 'QUOTE', 'USER');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "action" "AuditAction" NOT NULL,
    "entityType" "EntityType",
    "entityId" INTEGER,
    "changes" JSONB,
    "metadata" JSONB,
    "ip" TEXT,
    "outcome" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "id" SERIAL NOT NULL,
    "alpha2" CHAR(2) NOT NULL,
    "alpha3" CHAR(3) NOT NULL,
    "numeric" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "officialName" TEXT,
    "region" TEXT,
    "subregion" TEXT,
    "altNames" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "title" TEXT,
    "affiliation" TEXT,
    "countryId" INTEGER,
    "notes" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeaponSystem" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "designation" TEXT,
    "category" "WeaponCategory" NOT NULL,
    "description" TEXT,
    "originCountryId" INTEGER,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "WeaponSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArmsTransfer" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "supplierId" INTEGER NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "weaponSystemId" INTEGER,
    "status" "TransferStatus" NOT NULL,
    "numberOrdered" INTEGER,
    "numberOrderedUncertain" BOOLEAN NOT NULL DEFAULT false,
    "numberDelivered" INTEGER,
    "numberDeliveredUncertain" BOOLEAN NOT NULL DEFAULT false,
    "orderYear" SMALLINT,
    "orderYearUncertain" BOOLEAN NOT NULL DEFAULT false,
    "deliveryYears" INTEGER[],
    "deliveryYearsUncertain" BOOLEAN NOT NULL DEFAULT false,
    "comments" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "ArmsTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "category" "ConcernCategory" NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "ConcernStatus" NOT NULL DEFAULT 'OPEN',
    "ownerId" INTEGER,
    "nextReviewOn" DATE,
    "openedOn" DATE,
    "openedOnPrecision" "DatePrecision",
    "resolvedOn" DATE,
    "resolutionNote" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernCountry" (
    "concernId" INTEGER NOT NULL,
    "countryId" INTEGER NOT NULL,
    "role" "ConcernCountryRole" NOT NULL,

    CONSTRAINT "ConcernCountry_pkey" PRIMARY KEY ("concernId","countryId","role")
);

-- CreateTable
CREATE TABLE "ConcernTransfer" (
    "concernId" INTEGER NOT NULL,
    "transferId" INTEGER NOT NULL,

    CONSTRAINT "ConcernTransfer_pkey" PRIMARY KEY ("concernId","transferId")
);

-- CreateTable
CREATE TABLE "ConcernStatusChange" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "fromStatus" "ConcernStatus",
    "toStatus" "ConcernStatus" NOT NULL,
    "note" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" INTEGER,

    CONSTRAINT "ConcernStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiplomaticRequest" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "occurredOn" DATE,
    "occurredOnPrecision" "DatePrecision",
    "requestingCountryId" INTEGER NOT NULL,
    "targetCountryId" INTEGER NOT NULL,
    "channel" "RequestChannel",
    "ask" "RequestAsk" NOT NULL,
    "askDetail" TEXT,
    "response" "RequestResponse",
    "responseSummary" TEXT,
    "classification" "Classification",
    "followUpOfId" INTEGER,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "DiplomaticRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestActor" (
    "requestId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "side" "RequestActorSide" NOT NULL,

    CONSTRAINT "RequestActor_pkey" PRIMARY KEY ("requestId","actorId","side")
);

-- CreateTable
CREATE TABLE "RequestConcern" (
    "requestId" INTEGER NOT NULL,
    "concernId" INTEGER NOT NULL,

    CONSTRAINT "RequestConcern_pkey" PRIMARY KEY ("requestId","concernId")
);

-- CreateTable
CREATE TABLE "RequestTransfer" (
    "requestId" INTEGER NOT NULL,
    "transferId" INTEGER NOT NULL,

    CONSTRAINT "RequestTransfer_pkey" PRIMARY KEY ("requestId","transferId")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "transferId" INTEGER,
    "weaponSystemId" INTEGER,
    "hostCountryId" INTEGER NOT NULL,
    "inspectingCountryId" INTEGER,
    "inspectingParty" TEXT,
    "basis" TEXT,
    "status" "InspectionStatus" NOT NULL,
    "assertedOn" DATE,
    "assertedOnPrecision" "DatePrecision",
    "scheduledOn" DATE,
    "scheduledOnPrecision" "DatePrecision",
    "conductedOn" DATE,
    "conductedOnPrecision" "DatePrecision",
    "findings" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "author" TEXT,
    "publisher" TEXT,
    "publishedOn" DATE,
    "publishedOnPrecision" "DatePrecision",
    "classification" "Classification",
    "url" TEXT,
    "excerpt" TEXT,
    "reliability" "SourceReliability",
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "passage" TEXT,
    "credibility" SMALLINT,
    "note" TEXT,
    "actorId" INTEGER,
    "weaponSystemId" INTEGER,
    "transferId" INTEGER,
    "concernId" INTEGER,
    "requestId" INTEGER,
    "inspectionId" INTEGER,
    "quoteId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "text" TEXT NOT NULL,
    "speakerId" INTEGER,
    "speakerLabel" TEXT,
    "saidOn" DATE,
    "saidOnPrecision" "DatePrecision",
    "context" TEXT,
    "requestId" INTEGER,
    "concernId" INTEGER,
    "transferId" INTEGER,
    "inspectionId" INTEGER,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "deletedById" INTEGER,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_occurredAt_idx" ON "AuditEvent"("entityType", "entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_occurredAt_idx" ON "AuditEvent"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha2_key" ON "Country"("alpha2");

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha3_key" ON "Country"("alpha3");

-- CreateIndex
CREATE UNIQUE INDEX "Country_numeric_key" ON "Country"("numeric");

-- CreateIndex
CREATE INDEX "Country_name_idx" ON "Country"("name");

-- CreateIndex
CREATE INDEX "Country_region_idx" ON "Country"("region");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_externalId_key" ON "Actor"("externalId");

-- CreateIndex
CREATE INDEX "Actor_countryId_idx" ON "Actor"("countryId");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "WeaponSystem_externalId_key" ON "WeaponSystem"("externalId");

-- CreateIndex
CREATE INDEX "WeaponSystem_category_idx" ON "WeaponSystem"("category");

-- CreateIndex
CREATE INDEX "WeaponSystem_originCountryId_idx" ON "WeaponSystem"("originCountryId");

-- CreateIndex
CREATE INDEX "WeaponSystem_name_idx" ON "WeaponSystem"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ArmsTransfer_externalId_key" ON "ArmsTransfer"("externalId");

-- CreateIndex
CREATE INDEX "ArmsTransfer_supplierId_orderYear_idx" ON "ArmsTransfer"("supplierId", "orderYear");

-- CreateIndex
CREATE INDEX "ArmsTransfer_recipientId_orderYear_idx" ON "ArmsTransfer"("recipientId", "orderYear");

-- CreateIndex
CREATE INDEX "ArmsTransfer_weaponSystemId_idx" ON "ArmsTransfer"("weaponSystemId");

-- CreateIndex
CREATE INDEX "ArmsTransfer_status_idx" ON "ArmsTransfer"("status");

-- CreateIndex
CREATE INDEX "ArmsTransfer_orderYear_idx" ON "ArmsTransfer"("orderYear");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_externalId_key" ON "Concern"("externalId");

-- CreateIndex
CREATE INDEX "Concern_status_severity_idx" ON "Concern"("status", "severity");

-- CreateIndex
CREATE INDEX "Concern_severity_idx" ON "Concern"("severity");

-- CreateIndex
CREATE INDEX "Concern_nextReviewOn_idx" ON "Concern"("nextReviewOn");

-- CreateIndex
CREATE INDEX "Concern_openedOn_idx" ON "Concern"("openedOn");

-- CreateIndex
CREATE INDEX "Concern_ownerId_idx" ON "Concern"("ownerId");

-- CreateIndex
CREATE INDEX "ConcernCountry_countryId_idx" ON "ConcernCountry"("countryId");

-- CreateIndex
CREATE INDEX "ConcernTransfer_transferId_idx" ON "ConcernTransfer"("transferId");

-- CreateIndex
CREATE INDEX "ConcernStatusChange_concernId_changedAt_idx" ON "ConcernStatusChange"("concernId", "changedAt");

-- CreateIndex
CREATE INDEX "ConcernStatusChange_changedAt_idx" ON "ConcernStatusChange"("changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DiplomaticRequest_externalId_key" ON "DiplomaticRequest"("externalId");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_occurredOn_idx" ON "DiplomaticRequest"("occurredOn");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_targetCountryId_occurredOn_idx" ON "DiplomaticRequest"("targetCountryId", "occurredOn");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_requestingCountryId_occurredOn_idx" ON "DiplomaticRequest"("requestingCountryId", "occurredOn");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_response_occurredOn_idx" ON "DiplomaticRequest"("response", "occurredOn");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_ask_idx" ON "DiplomaticRequest"("ask");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_followUpOfId_idx" ON "DiplomaticRequest"("followUpOfId");

-- CreateIndex
CREATE INDEX "RequestActor_actorId_idx" ON "RequestActor"("actorId");

-- CreateIndex
CREATE INDEX "RequestConcern_concernId_idx" ON "RequestConcern"("concernId");

-- CreateIndex
CREATE INDEX "RequestTransfer_transferId_idx" ON "RequestTransfer"("transferId");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_externalId_key" ON "Inspection"("externalId");

-- CreateIndex
CREATE INDEX "Inspection_hostCountryId_status_idx" ON "Inspection"("hostCountryId", "status");

-- CreateIndex
CREATE INDEX "Inspection_inspectingCountryId_idx" ON "Inspection"("inspectingCountryId");

-- CreateIndex
CREATE INDEX "Inspection_status_idx" ON "Inspection"("status");

-- CreateIndex
CREATE INDEX "Inspection_transferId_idx" ON "Inspection"("transferId");

-- CreateIndex
CREATE INDEX "Inspection_weaponSystemId_idx" ON "Inspection"("weaponSystemId");

-- CreateIndex
CREATE INDEX "Inspection_scheduledOn_idx" ON "Inspection"("scheduledOn");

-- CreateIndex
CREATE UNIQUE INDEX "Source_externalId_key" ON "Source"("externalId");

-- CreateIndex
CREATE INDEX "Source_kind_idx" ON "Source"("kind");

-- CreateIndex
CREATE INDEX "Source_publishedOn_idx" ON "Source"("publishedOn");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_actorId_idx" ON "Citation"("actorId");

-- CreateIndex
CREATE INDEX "Citation_weaponSystemId_idx" ON "Citation"("weaponSystemId");

-- CreateIndex
CREATE INDEX "Citation_transferId_idx" ON "Citation"("transferId");

-- CreateIndex
CREATE INDEX "Citation_concernId_idx" ON "Citation"("concernId");

-- CreateIndex
CREATE INDEX "Citation_requestId_idx" ON "Citation"("requestId");

-- CreateIndex
CREATE INDEX "Citation_inspectionId_idx" ON "Citation"("inspectionId");

-- CreateIndex
CREATE INDEX "Citation_quoteId_idx" ON "Citation"("quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_externalId_key" ON "Quote"("externalId");

-- CreateIndex
CREATE INDEX "Quote_speakerId_idx" ON "Quote"("speakerId");

-- CreateIndex
CREATE INDEX "Quote_requestId_idx" ON "Quote"("requestId");

-- CreateIndex
CREATE INDEX "Quote_concernId_idx" ON "Quote"("concernId");

-- CreateIndex
CREATE INDEX "Quote_transferId_idx" ON "Quote"("transferId");

-- CreateIndex
CREATE INDEX "Quote_inspectionId_idx" ON "Quote"("inspectionId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Country" ADD CONSTRAINT "Country_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponSystem" ADD CONSTRAINT "WeaponSystem_originCountryId_fkey" FOREIGN KEY ("originCountryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponSystem" ADD CONSTRAINT "WeaponSystem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponSystem" ADD CONSTRAINT "WeaponSystem_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponSystem" ADD CONSTRAINT "WeaponSystem_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeaponSystem" ADD CONSTRAINT "WeaponSystem_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_weaponSystemId_fkey" FOREIGN KEY ("weaponSystemId") REFERENCES "WeaponSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArmsTransfer" ADD CONSTRAINT "ArmsTransfer_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernCountry" ADD CONSTRAINT "ConcernCountry_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernCountry" ADD CONSTRAINT "ConcernCountry_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernTransfer" ADD CONSTRAINT "ConcernTransfer_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernTransfer" ADD CONSTRAINT "ConcernTransfer_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ArmsTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatusChange" ADD CONSTRAINT "ConcernStatusChange_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernStatusChange" ADD CONSTRAINT "ConcernStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_requestingCountryId_fkey" FOREIGN KEY ("requestingCountryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_targetCountryId_fkey" FOREIGN KEY ("targetCountryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_followUpOfId_fkey" FOREIGN KEY ("followUpOfId") REFERENCES "DiplomaticRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiplomaticRequest" ADD CONSTRAINT "DiplomaticRequest_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestActor" ADD CONSTRAINT "RequestActor_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DiplomaticRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestActor" ADD CONSTRAINT "RequestActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestConcern" ADD CONSTRAINT "RequestConcern_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DiplomaticRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestConcern" ADD CONSTRAINT "RequestConcern_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransfer" ADD CONSTRAINT "RequestTransfer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DiplomaticRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransfer" ADD CONSTRAINT "RequestTransfer_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ArmsTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ArmsTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_weaponSystemId_fkey" FOREIGN KEY ("weaponSystemId") REFERENCES "WeaponSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_hostCountryId_fkey" FOREIGN KEY ("hostCountryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_inspectingCountryId_fkey" FOREIGN KEY ("inspectingCountryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_weaponSystemId_fkey" FOREIGN KEY ("weaponSystemId") REFERENCES "WeaponSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ArmsTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DiplomaticRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DiplomaticRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "ArmsTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

