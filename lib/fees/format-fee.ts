import type { Locale } from "@/lib/generated/prisma/enums";

/**
 * A fee in yen as requesters read it: "5,500円" in Japanese, "¥5,500" in English, with the
 * thousands separator everywhere (the landing page once said "5500円" while the wizard,
 * the mail and the postal form said "5,500円"). Pages that show the fee setting format it here.
 */
export function formatFee(locale: Locale, amount: number): string {
  const digits = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(amount);
  return locale === "ja" ? `${digits}円` : `¥${digits}`;
}
