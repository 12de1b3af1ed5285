import { Prisma } from "@/lib/generated/prisma/client";
import { dateOnly } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { searchProvisionsSchema, type SearchProvisionsInput } from "./provision-schemas";

// Spaces a name may be typed with: ASCII and ideographic (U+3000), tabs and line breaks.
const SPACES = " \u3000\t\r\n";

/**
 * Finds the provision records about one person, for answering a disclosure of
 * third-party provision records (APPI Art 33(5)). Name matches kanji or kana, ignoring
 * spaces; records past their retention date are not returned. The name is matched in SQL
 * over every record still retained, newest first (it was matched in JavaScript over the
 * newest 1,000 only, which missed older records and loaded 1,000 rows per search; ADR 0019).
 */
export async function searchProvisions(opts: { actor: Actor | null; input: SearchProvisionsInput; now?: Date }) {
  assertPermission(opts.actor, "read:provision-record");
  const q = parseInput(searchProvisionsSchema, opts.input, "provision search");
  const name = q.name?.replace(/[\s\u3000]+/g, "");
  const now = opts.now ?? new Date();
  const where = {
    retainUntil: { gte: now },
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.birthDate ? { subjectBirthDate: dateOnly(q.birthDate) } : {}),
  };
  const orderBy = [{ providedOn: "desc" as const }, { id: "desc" as const }];
  if (!name) return prisma.thirdPartyProvision.findMany({ where, orderBy, take: q.take });
  // strpos, not LIKE: the name is matched literally, as String.includes did.
  const hits = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ThirdPartyProvision"
    WHERE "retainUntil" >= ${now.toISOString().slice(0, 10)}::date
      ${q.customerId ? Prisma.sql`AND "customerId" = ${q.customerId}` : Prisma.empty}
      ${q.birthDate ? Prisma.sql`AND "subjectBirthDate" = ${q.birthDate}::date` : Prisma.empty}
      AND (strpos(translate("subjectName", ${SPACES}, ''), ${name}) > 0
           OR strpos(translate(coalesce("subjectNameKana", ''), ${SPACES}, ''), ${name}) > 0)
    ORDER BY "providedOn" DESC, id DESC LIMIT ${q.take}`;
  return prisma.thirdPartyProvision.findMany({ where: { id: { in: hits.map((h) => h.id) } }, orderBy });
}
