import { Prisma } from "@/lib/generated/prisma/client";
import { dateOnly } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { searchProvisionsSchema, type SearchProvisionsInput } from "./provision-schemas";

// Spaces a name may be typed with: ASCII and ideographic (U+3000), tabs and line breaks. The
// expressions are spelled as the trigram indexes' (migration 20261203031000): a bound parameter
// in their place would not match the index expression.
const subjectName = Prisma.raw(`translate("subjectName", E' \\u3000\\t\\r\\n', '')`);
const subjectNameKana = Prisma.raw(`translate(coalesce("subjectNameKana", ''), E' \\u3000\\t\\r\\n', '')`);

/** The name as a LIKE pattern that matches it literally anywhere: %, _ and \ escaped. */
export const containsPattern = (name: string) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Finds the provision records about one person, for answering a disclosure of
 * third-party provision records (APPI Art 33(5)). Name matches kanji or kana, ignoring
 * spaces; records past their retention date are not returned. The name is matched in SQL
 * over every record still retained, newest first (ADR 0019), found through trigram indexes on
 * the names without spaces (ADR 0024).
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
  const hits = await prisma.$queryRaw<{ id: string }[]>(provisionsByNameSql({ ...q, name, now }));
  return prisma.thirdPartyProvision.findMany({ where: { id: { in: hits.map((h) => h.id) } }, orderBy });
}

/**
 * The search by name as SQL (exported for the test that checks the trigram indexes serve it).
 * LIKE '%name%' with the name escaped lets each trigram index find the candidates; strpos keeps
 * the literal match String.includes made, and rechecks what LIKE found.
 */
export function provisionsByNameSql(q: {
  name: string;
  now: Date;
  customerId?: string;
  birthDate?: string;
  take: number;
}): Prisma.Sql {
  const pattern = containsPattern(q.name);
  return Prisma.sql`
    SELECT id FROM "ThirdPartyProvision"
    WHERE "retainUntil" >= ${q.now.toISOString().slice(0, 10)}::date
      ${q.customerId ? Prisma.sql`AND "customerId" = ${q.customerId}` : Prisma.empty}
      ${q.birthDate ? Prisma.sql`AND "subjectBirthDate" = ${q.birthDate}::date` : Prisma.empty}
      AND ((${subjectName} LIKE ${pattern} AND strpos(${subjectName}, ${q.name}) > 0)
           OR (${subjectNameKana} LIKE ${pattern} AND strpos(${subjectNameKana}, ${q.name}) > 0))
    ORDER BY "providedOn" DESC, id DESC LIMIT ${q.take}`;
}
