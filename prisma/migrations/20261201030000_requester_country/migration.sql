-- Requesters abroad (ADR 0014): where the data subject lives, ISO 3166-1 alpha-2.
-- 'JP' for every existing row: they all gave a Japanese postal address. Abroad, the
-- whole address is kept in "addressLine" and the postal code, prefecture and city stay empty.
ALTER TABLE "Request" ADD COLUMN "country" TEXT NOT NULL DEFAULT 'JP';
