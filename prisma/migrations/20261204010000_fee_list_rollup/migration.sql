-- The fee list's total from the rollup (issue 19.3, ADR 0024): listFees counted every request with
-- a fee for its total (about one request in seven; 17,141 heap rows read per view at 100,000
-- requests in the bench). A new kind "fee" counts requests whose fee is not NOT_REQUIRED by JST
-- month of arrival (k1 = fee state), the two things the list filters on besides the payment
-- method. The statement triggers already refresh a request when its fee or arrival changes, so
-- only the function that computes a request's share changes; everything else is as in
-- 20261203030000_report_rollups.

CREATE OR REPLACE FUNCTION madoguchi_report_contributions(ids TEXT[])
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
  -- The fee list's total (listFees): requests with a fee, by arrival month and fee state.
  SELECT id, 'fee', am, fee, '', 0, 1, 0 FROM r WHERE fee <> 'NOT_REQUIRED'
  UNION ALL
  SELECT id, 'open', '', status, '', 0, 1, 0 FROM r WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED')
  UNION ALL
  -- Overdue is "open, not paused, due before now": counted by the UTC day of the due time; the
  -- report adds the exact count for today from Request_dueAt_idx.
  SELECT id, 'due', '', to_char("dueAt", 'YYYY-MM-DD'), '', 0, 1, 0 FROM r
  WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED') AND "pausedAt" IS NULL AND "dueAt" IS NOT NULL
$$;

-- Every request's share again: the refresh adds only what differs from the recorded shares,
-- i.e. the new "fee" rows.
SELECT madoguchi_report_refresh(ARRAY(SELECT id FROM "Request"));
