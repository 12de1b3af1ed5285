-- The fees dashboard lists fees newest first with the id as tie-break, a page at a time
-- (lib/fees/fee-dashboard.ts, listOrder). The index on "arrivedAt" alone gave the order of the
-- dates but not of the ids within one: the planner read every request of the newest dates and
-- sorted them (an Incremental Sort), so requests entered with the same arrival time (letters
-- dated the same day, or the bench's 143 requests per timestamp at 100,000) made each page
-- read more rows. This index is in the list's exact order, so a page reads its own rows; it
-- replaces the one on "arrivedAt", whose range lookups it serves as well, so a filing still
-- writes the same number of index entries.
DROP INDEX "Request_arrivedAt_idx";
CREATE INDEX "Request_arrivedAt_id_idx" ON "Request" ("arrivedAt" DESC, "id" ASC);
