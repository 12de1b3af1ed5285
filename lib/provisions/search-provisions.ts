import { dateOnly } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { searchProvisionsSchema, type SearchProvisionsInput } from "./provision-schemas";

/**
 * Finds the provision records about one person, for answering a disclosure of
 * third-party provision records (APPI Art 33(5)). Name matches kanji or kana, ignoring
 * spaces; records past their retention date are not returned.
 */
export async function searchProvisions(opts: { actor: Actor | null; input: SearchProvisionsInput; now?: Date }) {
  assertPermission(opts.actor, "read:provision-record");
  const q = parseInput(searchProvisionsSchema, opts.input, "provision search");
  const name = q.name?.replace(/[\s\u3000]+/g, "");
  const rows = await prisma.thirdPartyProvision.findMany({
    where: {
      retainUntil: { gte: opts.now ?? new Date() },
      ...(q.customerId ? { customerId: q.customerId } : {}),
      ...(q.birthDate ? { subjectBirthDate: dateOnly(q.birthDate) } : {}),
    },
    orderBy: { providedOn: "desc" },
    take: name ? 1000 : q.take,
  });
  const strip = (s: string | null) => (s ?? "").replace(/[\s\u3000]+/g, "");
  const hits = name
    ? rows.filter((r) => strip(r.subjectName).includes(name) || strip(r.subjectNameKana).includes(name))
    : rows;
  return hits.slice(0, q.take);
}
