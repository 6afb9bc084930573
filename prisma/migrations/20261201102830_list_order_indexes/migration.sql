-- DropIndex
DROP INDEX "ArmsTransfer_supplierId_orderYear_idx";

-- DropIndex
DROP INDEX "ArmsTransfer_recipientId_orderYear_idx";

-- DropIndex
DROP INDEX "ArmsTransfer_orderYear_idx";

-- DropIndex
DROP INDEX "ArmsTransfer_status_orderYear_idx";

-- DropIndex
DROP INDEX "Concern_openedOn_idx";

-- DropIndex
DROP INDEX "DiplomaticRequest_occurredOn_idx";

-- DropIndex
DROP INDEX "DiplomaticRequest_response_occurredOn_idx";

-- CreateIndex
CREATE INDEX "ArmsTransfer_supplierId_orderYear_id_idx" ON "ArmsTransfer"("supplierId", "orderYear", "id");

-- CreateIndex
CREATE INDEX "ArmsTransfer_recipientId_orderYear_id_idx" ON "ArmsTransfer"("recipientId", "orderYear", "id");

-- CreateIndex
CREATE INDEX "ArmsTransfer_orderYear_id_idx" ON "ArmsTransfer"("orderYear", "id");

-- CreateIndex
CREATE INDEX "ArmsTransfer_status_orderYear_id_idx" ON "ArmsTransfer"("status", "orderYear", "id");

-- CreateIndex
CREATE INDEX "Concern_openedOn_id_idx" ON "Concern"("openedOn", "id");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_occurredOn_id_idx" ON "DiplomaticRequest"("occurredOn", "id");

-- CreateIndex
CREATE INDEX "DiplomaticRequest_response_occurredOn_id_idx" ON "DiplomaticRequest"("response", "occurredOn", "id");

