-- CreateIndex
CREATE INDEX "DiplomaticRequest_createdAt_idx" ON "DiplomaticRequest"("createdAt");

-- CreateIndex
CREATE INDEX "Inspection_conductedOn_idx" ON "Inspection"("conductedOn");

