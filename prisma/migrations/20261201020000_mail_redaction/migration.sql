-- Mail keeps only what sending needs (ADR 0011): the original sealed until sent, a redacted
-- readable copy, the request it is about (anonymisation removes it), and when its body was purged.
ALTER TABLE "OutboxMessage" ADD COLUMN "sealedBody" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "requestId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "bodyPurgedAt" TIMESTAMP(3);
CREATE INDEX "OutboxMessage_requestId_idx" ON "OutboxMessage"("requestId");
CREATE INDEX "OutboxMessage_status_sentAt_idx" ON "OutboxMessage"("status", "sentAt");

-- Notices name the mail that carried them: that is the request the mail is about.
UPDATE "OutboxMessage" o SET "requestId" = n."requestId" FROM "Notice" n WHERE n."outboxId" = o.id;

-- Messages already stored lose their credentials now: status and invitation links everywhere,
-- the six-digit code in code mails. (A code mail still unsent at the upgrade goes out without
-- its code; the requester asks for a new one.)
UPDATE "OutboxMessage" SET
  html = regexp_replace(regexp_replace(html, '/status/t/[^\s"''<>&]+', '/status/t/[removed]', 'g'), '/console/invite/[^\s"''<>&]+', '/console/invite/[removed]', 'g'),
  text = regexp_replace(regexp_replace(text, '/status/t/[^\s"''<>&]+', '/status/t/[removed]', 'g'), '/console/invite/[^\s"''<>&]+', '/console/invite/[removed]', 'g');
UPDATE "OutboxMessage" SET
  html = regexp_replace(html, '\m[0-9]{6}\M', '[removed]', 'g'),
  text = regexp_replace(text, '\m[0-9]{6}\M', '[removed]', 'g')
WHERE kind LIKE 'code.%';

-- Whole copies of captured mail (no SMTP server) are written to files instead (MAIL_CAPTURE_DIR).
DROP TABLE "CapturedMail";
