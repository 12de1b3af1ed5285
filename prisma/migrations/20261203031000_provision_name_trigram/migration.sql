-- Provision search by name (issue 19.3, ADR 0024): the name, spaces removed, is a substring of
-- the record's name or kana. A btree cannot serve a substring; a trigram index can, through
-- LIKE '%…%' on the same expression. PGlite loads pg_trgm where it is opened
-- (lib/server/db-adapter.ts); PostgreSQL ships it, and it is a trusted extension (PostgreSQL 13+),
-- so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The expressions are exactly those lib/provisions/search-provisions.ts matches on (the same
-- characters removed: ASCII space, U+3000, tab, CR, LF), or the planner would not use them.
CREATE INDEX "ThirdPartyProvision_subjectName_trgm_idx" ON "ThirdPartyProvision"
  USING gin (translate("subjectName", E' \u3000\t\r\n', '') gin_trgm_ops);
CREATE INDEX "ThirdPartyProvision_subjectNameKana_trgm_idx" ON "ThirdPartyProvision"
  USING gin (translate(coalesce("subjectNameKana", ''), E' \u3000\t\r\n', '') gin_trgm_ops);
