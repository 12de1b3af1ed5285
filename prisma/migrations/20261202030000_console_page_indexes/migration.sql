-- Console pages at 100,000 requests (issue 19.3, ADR 0019): npm run bench found each of these
-- read as a sequential scan of a table that grows with the requests.

-- Fees dashboard: open and waived fees by month of arrival, and the list's "every fee but
-- NOT_REQUIRED" (written as IN) counted and paged.
CREATE INDEX "Request_fee_arrivedAt_idx" ON "Request"("fee", "arrivedAt");

-- Reports and the fees dashboard: refunds by the JST month they were made; a payment's refunds.
CREATE INDEX "Refund_createdAt_idx" ON "Refund"("createdAt");
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- The request page and its export read these by request (or package, or message).
CREATE INDEX "Receipt_requestId_idx" ON "Receipt"("requestId");
CREATE INDEX "BankStatementLine_requestId_idx" ON "BankStatementLine"("requestId");
CREATE INDEX "PackageFile_packageId_idx" ON "PackageFile"("packageId");
CREATE INDEX "DownloadRecord_packageId_idx" ON "DownloadRecord"("packageId");
CREATE INDEX "StoredFile_messageId_idx" ON "StoredFile"("messageId");

-- Provision search: the newest records first.
CREATE INDEX "ThirdPartyProvision_providedOn_idx" ON "ThirdPartyProvision"("providedOn");

-- Mail viewer: newest first, one page at a time.
CREATE INDEX "OutboxMessage_createdAt_id_idx" ON "OutboxMessage"("createdAt", "id");
