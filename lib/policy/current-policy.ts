import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import type { Locale } from "@/lib/generated/prisma/enums";

export type PolicyText = { version: string; effectiveDate: Date | null; text: string };

/**
 * The policy in force today: the newest version whose effective date has come. Falls back
 * to the bundled text (content/) before the database is seeded.
 */
export async function currentPolicy(db: Db, locale: Locale, now = new Date()): Promise<PolicyText> {
  const row = await db.policyVersion.findFirst({
    where: { effectiveDate: { lte: now } },
    orderBy: { effectiveDate: "desc" },
  });
  if (row)
    return { version: row.version, effectiveDate: row.effectiveDate, text: locale === "ja" ? row.textJa : row.textEn };
  const text = fs.readFileSync(path.join(process.cwd(), "content", `privacy-policy.${locale}.txt`), "utf8");
  return { version: "bundled", effectiveDate: null, text };
}
