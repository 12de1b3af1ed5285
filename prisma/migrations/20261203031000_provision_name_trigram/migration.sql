-- Provision search by name (issue 19.3, ADR 0024): the name, spaces removed, is a substring of
-- the record's name or kana. A btree cannot serve a substring; a trigram index can, through
-- LIKE '%…%' on the same expression. PGlite loads pg_trgm where it is opened
-- (lib/server/db-adapter.ts); PostgreSQL ships it, and it is a trusted extension (PostgreSQL 13+),
-- so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- fastupdate off: with it, rows inserted since the last VACUUM wait in the index's pending list,
-- which every search reads in full (14 ms instead of 0.3 ms for one name over 10,000 records
-- after a bulk insert, PostgreSQL 15). Provision records are written one at a time by staff,
-- so the dearer insert costs nothing that matters.
-- The expressions are exactly those lib/provisions/search-provisions.ts matches on (the same
-- characters removed: ASCII space, U+3000, tab, CR, LF), or the planner would not use them.
CREATE INDEX "ThirdPartyProvision_subjectName_trgm_idx" ON "ThirdPartyProvision"
  USING gin (translate("subjectName", E' \u3000\t\r\n', '') gin_trgm_ops)
  WITH (fastupdate = off);
CREATE INDEX "ThirdPartyProvision_subjectNameKana_trgm_idx" ON "ThirdPartyProvision"
  USING gin (translate(coalesce("subjectNameKana", ''), E' \u3000\t\r\n', '') gin_trgm_ops)
  WITH (fastupdate = off);
