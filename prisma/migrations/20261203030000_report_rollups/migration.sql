-- Monthly rollups for the reports and the fees dashboard (issue 19.3, ADR 0024): a full year's
-- report read every request, payment and refund of that year. These tables hold, per JST month,
-- exactly the sums those queries computed, kept by triggers in the transaction of every write.
--
-- Each request's share of the sums (its "contribution": received, closed, outcome, closing with
-- its exact days to close, grounds, payments, refunds, fee still owed or waived, open now, due
-- date while open) is recomputed from the current rows whenever a statement touches the request
-- or a row counted with it, and the difference to the share recorded last time is added to the
-- rollup. Recomputing instead of adding the change makes the sums independent of the order and
-- shape of the writes (a statement that touches several tables, cascades, deletions).

-- The sums. month is the JST month 'YYYY-MM' ('' for the as-of-now kinds "open" and "due");
-- k1/k2 are the group's keys; x is the exact days to close for kind "closing" (0 otherwise),
-- so the median and 90th percentile are computed exactly from the counts per value.
CREATE TABLE "ReportRollup" (
    "kind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "k1" TEXT NOT NULL DEFAULT '',
    "k2" TEXT NOT NULL DEFAULT '',
    "x" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "n" BIGINT NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ReportRollup_pkey" PRIMARY KEY ("kind", "month", "k1", "k2", "x")
);

-- What each request last added to the sums (no unique key: rows are replaced per request in one
-- statement that deletes and inserts them).
CREATE TABLE "ReportContribution" (
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "k1" TEXT NOT NULL,
    "k2" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "n" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL
);
CREATE INDEX "ReportContribution_requestId_idx" ON "ReportContribution"("requestId");

-- A request's share, from the current rows. Every expression is the one lib/reports and
-- lib/fees used over the base tables (the JST month of a stored UTC column, days to close as
-- EXTRACT(EPOCH …) / 86400.0 as percentile_cont read it, ended = CLOSED, WITHDRAWN, ABANDONED).
CREATE FUNCTION madoguchi_report_contributions(ids TEXT[])
RETURNS TABLE ("requestId" TEXT, "kind" TEXT, "month" TEXT, "k1" TEXT, "k2" TEXT, "x" DOUBLE PRECISION, "n" BIGINT, "amount" BIGINT)
LANGUAGE sql STABLE AS $$
  WITH r AS MATERIALIZED (
    SELECT q.id, q.type::text AS type, q.channel::text AS channel, q.status::text AS status, q.outcome::text AS outcome,
           q.fee::text AS fee, q."feeAmount", q."arrivedAt", q."closedAt", q."dueAt", q."pausedAt",
           to_char((q."arrivedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS am,
           to_char((q."closedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS cm
    FROM "Request" q WHERE q.id = ANY(ids))
  SELECT id, 'received', am, type, channel, 0::float8, 1::bigint, 0::bigint FROM r
  UNION ALL
  SELECT id, 'closed', cm, type, channel, 0, 1, 0 FROM r WHERE "closedAt" IS NOT NULL
  UNION ALL
  SELECT id, 'outcome', cm, outcome, '', 0, 1, 0 FROM r WHERE "closedAt" IS NOT NULL AND outcome IS NOT NULL
  UNION ALL
  SELECT id, 'closing', cm, CASE WHEN "dueAt" IS NULL OR "closedAt" <= "dueAt" THEN 'onTime' ELSE 'late' END, '',
         (EXTRACT(EPOCH FROM ("closedAt" - "arrivedAt")) / 86400.0)::float8, 1, 0
  FROM r WHERE "closedAt" IS NOT NULL AND status = 'CLOSED'
  UNION ALL
  SELECT r.id, 'ground', r.cm, g.ground::text, '', 0, count(*), 0
  FROM r JOIN "Decision" d ON d."requestId" = r.id AND NOT d.superseded JOIN "DecisionGround" g ON g."decisionId" = d.id
  WHERE r."closedAt" IS NOT NULL GROUP BY r.id, r.cm, g.ground
  UNION ALL
  SELECT p."requestId", 'paid', to_char(p."paidOn", 'YYYY-MM'), p.method::text, '', 0, count(*), sum(p.amount)
  FROM "Payment" p WHERE p."requestId" = ANY(ids) GROUP BY 1, 3, 4
  UNION ALL
  SELECT f."requestId", 'refunded', to_char((f."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM'),
         p.method::text, '', 0, count(*), sum(f.amount)
  FROM "Refund" f JOIN "Payment" p ON p.id = f."paymentId" WHERE f."requestId" = ANY(ids) GROUP BY 1, 3, 4
  UNION ALL
  SELECT id, CASE WHEN fee = 'WAIVED' THEN 'waived' ELSE 'owed' END, am, '', '', 0, 1,
         greatest("feeAmount" - coalesce((SELECT sum(amount) FROM "Payment" WHERE "requestId" = r.id), 0)
                              + coalesce((SELECT sum(amount) FROM "Refund" WHERE "requestId" = r.id), 0), 0)
  FROM r WHERE fee = 'WAIVED' OR (fee = 'AWAITING_PAYMENT' AND status NOT IN ('CLOSED', 'WITHDRAWN', 'ABANDONED'))
  UNION ALL
  SELECT id, 'open', '', status, '', 0, 1, 0 FROM r WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED')
  UNION ALL
  -- Overdue is "open, not paused, due before now": counted by the UTC day of the due time; the
  -- report adds the exact count for today from Request_dueAt_idx.
  SELECT id, 'due', '', to_char("dueAt", 'YYYY-MM-DD'), '', 0, 1, 0 FROM r
  WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED') AND "pausedAt" IS NULL AND "dueAt" IS NOT NULL
$$;

-- Replaces the recorded shares of these requests by their current ones and adds the difference
-- to the sums, in key order (two transactions touching the same sums lock them in one order).
-- The app's connections plan every statement afresh (plan_cache_mode = force_custom_plan,
-- lib/server/db-adapter.ts); planning this statement cost ~10 ms per filing, its generic plan
-- (index lookups by request id) runs in under 1 ms, so the function keeps its plan.
CREATE FUNCTION madoguchi_report_refresh(ids TEXT[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  WITH old AS (
    DELETE FROM "ReportContribution" c WHERE c."requestId" = ANY(ids)
    RETURNING c."kind", c."month", c."k1", c."k2", c."x", c."n", c."amount"),
  cur AS MATERIALIZED (SELECT * FROM madoguchi_report_contributions(ids)),
  kept AS (INSERT INTO "ReportContribution" SELECT * FROM cur),
  delta AS (
    SELECT d."kind", d."month", d."k1", d."k2", d."x", sum(d."n") AS n, sum(d."amount") AS amount FROM (
      SELECT c."kind", c."month", c."k1", c."k2", c."x", c."n", c."amount" FROM cur c
      UNION ALL
      SELECT o."kind", o."month", o."k1", o."k2", o."x", -o."n", -o."amount" FROM old o) d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d."n") <> 0 OR sum(d."amount") <> 0)
  INSERT INTO "ReportRollup" AS t ("kind", "month", "k1", "k2", "x", "n", "amount")
  SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("kind", "month", "k1", "k2", "x")
  DO UPDATE SET "n" = t."n" + excluded."n", "amount" = t."amount" + excluded."amount";
END $$;

-- Statement triggers with transition tables: one refresh per statement, whether it writes one
-- row (the online filing's INSERT) or a hundred thousand (a backfill, a purge).
CREATE FUNCTION madoguchi_report_request_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT id FROM old_rows));
  ELSE
    -- Most updates (assignment, version, notes) change nothing counted: no refresh.
    PERFORM madoguchi_report_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.type, n.channel, n.status, n.outcome, n.fee, n."feeAmount", n."arrivedAt", n."closedAt", n."dueAt", n."pausedAt")
            IS DISTINCT FROM
            (o.type, o.channel, o.status, o.outcome, o.fee, o."feeAmount", o."arrivedAt", o."closedAt", o."dueAt", o."pausedAt")));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION madoguchi_report_payment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT DISTINCT "requestId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT DISTINCT "requestId" FROM old_rows));
  ELSE
    -- A payment's method is also its refunds' group.
    PERFORM madoguchi_report_refresh(ARRAY(
      SELECT "requestId" FROM new_rows UNION SELECT "requestId" FROM old_rows
      UNION SELECT f."requestId" FROM "Refund" f JOIN new_rows n ON n.id = f."paymentId"));
  END IF;
  RETURN NULL;
END $$;

-- Refund, Decision: the rows name their request.
CREATE FUNCTION madoguchi_report_request_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT DISTINCT "requestId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM madoguchi_report_refresh(ARRAY(SELECT DISTINCT "requestId" FROM old_rows));
  ELSE
    PERFORM madoguchi_report_refresh(ARRAY(SELECT "requestId" FROM new_rows UNION SELECT "requestId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- DecisionGround names its decision. A ground deleted with its decision finds no decision here;
-- the decision's own trigger, which fires after the cascade, refreshes the request.
CREATE FUNCTION madoguchi_report_ground_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM madoguchi_report_refresh(ARRAY(
      SELECT DISTINCT d."requestId" FROM new_rows g JOIN "Decision" d ON d.id = g."decisionId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM madoguchi_report_refresh(ARRAY(
      SELECT DISTINCT d."requestId" FROM old_rows g JOIN "Decision" d ON d.id = g."decisionId"));
  ELSE
    PERFORM madoguchi_report_refresh(ARRAY(
      SELECT d."requestId" FROM new_rows g JOIN "Decision" d ON d.id = g."decisionId"
      UNION SELECT d."requestId" FROM old_rows g JOIN "Decision" d ON d.id = g."decisionId"));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Request_report_insert" AFTER INSERT ON "Request"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_changed();
CREATE TRIGGER "Request_report_update" AFTER UPDATE ON "Request"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_changed();
CREATE TRIGGER "Request_report_delete" AFTER DELETE ON "Request"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_changed();

CREATE TRIGGER "Payment_report_insert" AFTER INSERT ON "Payment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_payment_changed();
CREATE TRIGGER "Payment_report_update" AFTER UPDATE ON "Payment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_payment_changed();
CREATE TRIGGER "Payment_report_delete" AFTER DELETE ON "Payment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_payment_changed();

CREATE TRIGGER "Refund_report_insert" AFTER INSERT ON "Refund"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();
CREATE TRIGGER "Refund_report_update" AFTER UPDATE ON "Refund"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();
CREATE TRIGGER "Refund_report_delete" AFTER DELETE ON "Refund"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();

CREATE TRIGGER "Decision_report_insert" AFTER INSERT ON "Decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();
CREATE TRIGGER "Decision_report_update" AFTER UPDATE ON "Decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();
CREATE TRIGGER "Decision_report_delete" AFTER DELETE ON "Decision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_request_rows_changed();

CREATE TRIGGER "DecisionGround_report_insert" AFTER INSERT ON "DecisionGround"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_ground_changed();
CREATE TRIGGER "DecisionGround_report_update" AFTER UPDATE ON "DecisionGround"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_ground_changed();
CREATE TRIGGER "DecisionGround_report_delete" AFTER DELETE ON "DecisionGround"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_report_ground_changed();

-- The rows already there.
SELECT madoguchi_report_refresh(ARRAY(SELECT id FROM "Request"));
