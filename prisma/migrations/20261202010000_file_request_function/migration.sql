-- One online filing's writes in one statement (ADR 0017). The caller runs it in the same
-- transaction that consumed the code and took the reference number (lib/requests/file-request.ts),
-- so the filing is still all or nothing. Values arrive as one jsonb document; nothing in it
-- becomes SQL text. Statements inside a PL/pgSQL function each take a fresh snapshot, so the
-- audit chain's head is read after its advisory lock is held, exactly as lib/audit does it.
CREATE OR REPLACE FUNCTION madoguchi_file_request(f jsonb, audit_lock bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_request_id text := f->'request'->>'id';
  v_files int := coalesce(jsonb_array_length(f->'documents'), 0);
  v_moved int;
  v_prev text;
  v_at timestamp(3);
  v_at_iso text;
  v_hash text;
  e jsonb;
BEGIN
  INSERT INTO "Request" ("id", "reference", "type", "identity", "fee", "channel", "locale", "requesterKind",
    "arrivedAt", "targetDays", "dueAt", "policyVersionId", "subjectName", "subjectNameKana", "subjectBirthDate",
    "country", "postalCode", "prefecture", "city", "addressLine", "email", "emailNormalized", "phone", "customerId",
    "relationship", "agentName", "agentNameKana", "agentEmail", "agentPhone", "agentAddress", "details",
    "feeAmount", "feeTaxAmount", "feeTaxRatePct", "transferReference", "statusTokenHash", "idempotencyKey",
    "updatedAt")
  SELECT "id", "reference", "type", "identity", "fee", "channel", "locale", "requesterKind",
    "arrivedAt", "targetDays", "dueAt", "policyVersionId", "subjectName", "subjectNameKana", "subjectBirthDate",
    "country", "postalCode", "prefecture", "city", "addressLine", "email", "emailNormalized", "phone", "customerId",
    "relationship", "agentName", "agentNameKana", "agentEmail", "agentPhone", "agentAddress", "details",
    "feeAmount", "feeTaxAmount", "feeTaxRatePct", "transferReference", "statusTokenHash", "idempotencyKey",
    "updatedAt"
  FROM jsonb_populate_record(NULL::"Request", f->'request');

  -- The draft's uploads become the request's documents; every one named must still be there.
  IF v_files > 0 THEN
    UPDATE "StoredFile" SET "requestId" = v_request_id, "draftKeyHash" = NULL, "expiresAt" = NULL
    WHERE "id" IN (SELECT d->>'fileId' FROM jsonb_array_elements(f->'documents') d)
      AND "draftKeyHash" IS NOT DISTINCT FROM (f->>'draftKeyHash') AND "requestId" IS NULL AND "deletedAt" IS NULL;
    GET DIAGNOSTICS v_moved = ROW_COUNT;
    -- The caller throws, which rolls the transaction (and this request) back.
    IF v_moved <> v_files THEN RETURN 'draft_files_gone'; END IF;
    INSERT INTO "Document" ("id", "requestId", "fileId", "kind", "holder", "issuedOn")
    SELECT "id", v_request_id, "fileId", "kind", "holder", "issuedOn"
    FROM jsonb_populate_recordset(NULL::"Document", f->'documents');
  END IF;

  INSERT INTO "OutboxMessage" ("id", "toAddress", "subject", "html", "text", "sealedBody", "kind", "requestId")
  SELECT "id", "toAddress", "subject", "html", "text", "sealedBody", "kind", v_request_id
  FROM jsonb_populate_record(NULL::"OutboxMessage", f->'outbox');

  INSERT INTO "Notice" ("id", "requestId", "kind", "locale", "channel", "subject", "bodyText", "outboxId")
  SELECT "id", v_request_id, "kind", "locale", "channel", "subject", "bodyText", "outboxId"
  FROM jsonb_populate_record(NULL::"Notice", f->'notice');

  INSERT INTO "Job" ("id", "kind", "payload", "uniqueKey")
  SELECT "id", "kind", "payload", "uniqueKey" FROM jsonb_populate_record(NULL::"Job", f->'job')
  ON CONFLICT ("uniqueKey") DO NOTHING;

  -- Last, so the chain's lock is held for the shortest time. Each entry's hash is SHA-256 of
  -- the canonical JSON the caller built (lib/audit/audit-hash.ts) with the two values only
  -- known here filled in: the time, read after the lock, and the previous entry's hash.
  PERFORM pg_advisory_xact_lock(audit_lock);
  SELECT "hash" INTO v_prev FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_at := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  v_at_iso := to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR e IN SELECT value FROM jsonb_array_elements(f->'audit') LOOP
    v_hash := encode(sha256(convert_to(
      replace(replace(e->>'canonical', '@@at@@', v_at_iso), '@@prevHash@@', v_prev), 'UTF8')), 'hex');
    INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "action", "entity", "entityId", "requestId", "data",
      "prevHash", "hash")
    VALUES (v_at, (e->>'actorType')::"ActorType", e->>'actorId', e->>'action', e->>'entity', e->>'entityId',
      e->>'requestId', e->'data', v_prev, v_hash);
    v_prev := v_hash;
  END LOOP;
  RETURN 'filed';
END
$$;
