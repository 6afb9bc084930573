-- Full-text search, weighted: the "search" columns of the migration "search"
-- again, with each field's words weighted so that ts_rank puts a match in a
-- record's title or name (A) above one in its body (B, C). Same fields, same
-- 'simple' configuration (words lower-cased, not stemmed) and GIN indexes, so
-- the lists' searches (search @@ query) match exactly what they matched before.
-- PostgreSQL before 17 cannot change a generated column's expression, so each
-- column is dropped (with its index) and added again, at the end of its table
-- (schema.prisma lists it last in each model).
-- (No semicolons in these comments: the migration runner splits on them.)

-- AlterTable
ALTER TABLE "Country" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Country" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("officialName", '')), 'A')) STORED;

-- CreateIndex
CREATE INDEX "Country_search_idx" ON "Country" USING GIN ("search");

-- AlterTable
ALTER TABLE "Actor" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Actor" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("affiliation", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("notes", '')), 'C')) STORED;

-- CreateIndex
CREATE INDEX "Actor_search_idx" ON "Actor" USING GIN ("search");

-- AlterTable
ALTER TABLE "WeaponSystem" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "WeaponSystem" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("designation", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("description", '')), 'B')) STORED;

-- CreateIndex
CREATE INDEX "WeaponSystem_search_idx" ON "WeaponSystem" USING GIN ("search");

-- AlterTable
ALTER TABLE "ArmsTransfer" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "ArmsTransfer" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("comments", '')), 'B')) STORED;

-- CreateIndex
CREATE INDEX "ArmsTransfer_search_idx" ON "ArmsTransfer" USING GIN ("search");

-- AlterTable
ALTER TABLE "Concern" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Concern" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("summary", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("resolutionNote", '')), 'C')) STORED;

-- CreateIndex
CREATE INDEX "Concern_search_idx" ON "Concern" USING GIN ("search");

-- AlterTable
ALTER TABLE "DiplomaticRequest" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "DiplomaticRequest" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("askDetail", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("responseSummary", '')), 'B')) STORED;

-- CreateIndex
CREATE INDEX "DiplomaticRequest_search_idx" ON "DiplomaticRequest" USING GIN ("search");

-- AlterTable
ALTER TABLE "Inspection" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("inspectingParty", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("basis", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("findings", '')), 'B')) STORED;

-- CreateIndex
CREATE INDEX "Inspection_search_idx" ON "Inspection" USING GIN ("search");

-- AlterTable
ALTER TABLE "Source" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("reference", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("author", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("publisher", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("excerpt", '')), 'C')) STORED;

-- CreateIndex
CREATE INDEX "Source_search_idx" ON "Source" USING GIN ("search");

-- AlterTable
ALTER TABLE "Citation" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("passage", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("note", '')), 'C')) STORED;

-- CreateIndex
CREATE INDEX "Citation_search_idx" ON "Citation" USING GIN ("search");

-- AlterTable
ALTER TABLE "Quote" DROP COLUMN "search";

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, coalesce("speakerLabel", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("text", '')), 'B') || setweight(to_tsvector('simple'::regconfig, coalesce("context", '')), 'C')) STORED;

-- CreateIndex
CREATE INDEX "Quote_search_idx" ON "Quote" USING GIN ("search");
