-- CreateIndex
CREATE INDEX "DiplomaticRequest_createdById_idx" ON "DiplomaticRequest"("createdById");

