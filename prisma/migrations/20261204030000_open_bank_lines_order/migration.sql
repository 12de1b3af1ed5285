-- The fees dashboard lists the bank lines still waiting for an admin, oldest first, a page at a
-- time (lib/fees/fee-dashboard.ts, listUnmatchedBankLines). With only the index on status, every
-- waiting line was read and sorted for each page: the cost followed the backlog (800 lines, ~10 ms
-- per view in the bench at 100,000 requests). This index holds only the waiting lines, in the
-- list's order, so a page reads its own rows. Its predicate is exactly openBankLineStatuses
-- (lib/fees/resolve-bank-line.ts): the planner uses it only when the query's statuses imply it.
CREATE INDEX "BankStatementLine_open_bookedOn_lineNo_idx" ON "BankStatementLine" ("bookedOn", "lineNo")
  WHERE "status" IN ('AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'ALREADY_SETTLED');
