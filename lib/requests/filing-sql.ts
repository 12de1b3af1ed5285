import crypto from "node:crypto";

// The two statements of an online filing's transaction (ADR 0017), as named statements with
// $n parameters, so the app and the benchmark's floor (scripts/bench-filing.ts) run the same SQL.

/**
 * Spends the code, takes the next reference number of the year and reads what the filing is
 * fixed from (settings, the policy in force). No row back in `last` means the code was
 * already spent: the counter is untouched because its INSERT selects from the spent code.
 * $1 now (ISO), $2 code id, $3 JST year.
 */
export const RESERVE_FILING_SQL = {
  name: "madoguchi_filing_reserve",
  text: `
WITH code AS (
  UPDATE "OneTimeCode" SET "consumedAt" = $1::timestamp(3) WHERE "id" = $2 AND "consumedAt" IS NULL RETURNING "id"
), counter AS (
  INSERT INTO "ReferenceCounter" ("year", "last") SELECT $3::int, 1 FROM code
  ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
  RETURNING "last"
)
SELECT (SELECT "last" FROM counter) AS "last",
  (SELECT coalesce(json_agg(json_build_object('key', "key", 'value', "value")), '[]'::json) FROM "Setting") AS "settings",
  (SELECT "id" FROM "PolicyVersion" WHERE "effectiveDate" <= $1::timestamp(3)
     ORDER BY "effectiveDate" DESC LIMIT 1) AS "policyVersionId"`,
};

export type ReservedFiling = {
  last: number | null;
  settings: { key: string; value: unknown }[];
  policyVersionId: string | null;
};

/** Writes the request and everything filed with it (prisma/migrations/…_file_request_function). $1 jsonb, $2 lock. */
export const WRITE_FILING_SQL = {
  name: "madoguchi_filing_write",
  text: `SELECT madoguchi_file_request($1::jsonb, $2::bigint) AS "outcome"`,
};

/**
 * A new row id in the shape Prisma's cuid() gives ("c" + 24 lower-case base-36 characters),
 * for rows the SQL function inserts: time first, so ids sort roughly by creation like cuids.
 */
export function newRowId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  let rest = "";
  for (const b of idRandomBytes()) rest += (b % 36).toString(36);
  return `c${time}${rest}`;
}

const ID_RANDOM_BYTES = 15;
// Random bytes for 64 ids drawn at once: in the server each draw is a call into OpenSSL with an
// async-hooks record and Next's wrapper around it, and a filing takes four ids (ADR 0022).
// Ids are not secrets, so keeping the next ones' bytes in memory gives nothing away.
const idPool = Buffer.alloc(ID_RANDOM_BYTES * 64);
let idPoolOffset = idPool.length;

/** The next id's 15 random bytes, a view of the pool (read it before the next call). */
function idRandomBytes(): Buffer {
  if (idPoolOffset + ID_RANDOM_BYTES > idPool.length) {
    crypto.randomFillSync(idPool);
    idPoolOffset = 0;
  }
  idPoolOffset += ID_RANDOM_BYTES;
  return idPool.subarray(idPoolOffset - ID_RANDOM_BYTES, idPoolOffset);
}
