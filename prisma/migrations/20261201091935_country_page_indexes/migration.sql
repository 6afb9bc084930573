-- CreateIndex
CREATE INDEX "ArmsTransfer_supplier_page_idx" ON "ArmsTransfer"("supplierId", "deletedAt", "visibility", "createdById", "weaponSystemId", "orderYear", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain", "id");

-- CreateIndex
CREATE INDEX "ArmsTransfer_recipient_page_idx" ON "ArmsTransfer"("recipientId", "deletedAt", "visibility", "createdById", "weaponSystemId", "orderYear", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain", "id");

