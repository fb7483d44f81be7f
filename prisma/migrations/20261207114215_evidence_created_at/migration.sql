-- CreateIndex
CREATE INDEX "evidence_created_at_idx" ON "evidence"("created_at");
