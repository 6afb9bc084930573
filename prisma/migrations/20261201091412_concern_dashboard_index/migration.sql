-- DropIndex
DROP INDEX "Concern_status_openedOn_idx";

-- CreateIndex
CREATE INDEX "Concern_dashboard_idx" ON "Concern"("status", "openedOn", "id", "severity", "visibility", "deletedAt", "createdById", "verifiedAt", "openedOnPrecision", "nextReviewOn");

