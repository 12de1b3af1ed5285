import type { Db } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";

// One way to write the fee, everywhere (landing page, wizard, fees page, mails, letters):
// the amount comes from the fee setting, never from a message file, and is written with
// the reader's separators — "5,500円" in Japanese, "¥5,500" in English (issue 17, bug 4).

/** Yen as people read it: "5,500円" / "¥5,500". */
export function formatFee(amountYen: number, locale: "ja" | "en"): string {
  return locale === "ja" ? `${amountYen.toLocaleString("ja-JP")}円` : `¥${amountYen.toLocaleString("en-US")}`;
}

/** The disclosure fee as currently set (tax included), formatted for the reader. */
export async function currentFeeText(db: Db, locale: "ja" | "en"): Promise<string> {
  const fee = await getSetting(db, "fee");
  return formatFee(fee.amount, locale);
}
