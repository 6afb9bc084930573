-- DropIndex
DROP INDEX "ConcernCountry_countryId_idx";

-- DropIndex
DROP INDEX "DiplomaticRequest_targetCountryId_occurredOn_idx";

-- DropIndex
DROP INDEX "DiplomaticRequest_requestingCountryId_occurredOn_idx";

-- CreateIndex
CREATE INDEX "ConcernCountry_countryId_concernId_idx" ON "ConcernCountry"("countryId", "concernId");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_targetCountryId_occurredOn_id_deletedAt_v_idx" ON "DiplomaticRequest"("targetCountryId", "occurredOn", "id", "deletedAt", "visibility", "createdById");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_requestingCountryId_occurredOn_id_deleted_idx" ON "DiplomaticRequest"("requestingCountryId", "occurredOn", "id", "deletedAt", "visibility", "createdById");

