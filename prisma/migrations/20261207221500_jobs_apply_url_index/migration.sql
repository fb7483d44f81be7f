-- The extension looks a posting up by the address of the page the user is on (autofill, applied by hand).
CREATE INDEX "jobs_apply_url_idx" ON "jobs"("apply_url");
