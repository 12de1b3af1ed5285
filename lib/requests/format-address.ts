import { countryName, JAPAN } from "./countries";

// A data subject's address as people read it. In Japan: 〒postal code, then prefecture,
// city and the rest run together, as written on an envelope. Abroad (ADR 0014): the
// address as the person wrote it, lines kept, and the country on the last line, named in
// the reader's language.

export type AddressParts = {
  country?: string | null;
  postalCode?: string | null;
  prefecture?: string | null;
  city?: string | null;
  addressLine?: string | null;
};

export function livesAbroad(a: { country?: string | null }): boolean {
  return Boolean(a.country) && a.country !== JAPAN;
}

export function formatAddress(a: AddressParts, locale: "ja" | "en"): string {
  if (livesAbroad(a)) return [a.addressLine?.trim(), countryName(a.country ?? "", locale)].filter(Boolean).join("\n");
  const rest = `${a.prefecture ?? ""}${a.city ?? ""}${a.addressLine ?? ""}`;
  return [a.postalCode ? `〒${a.postalCode}` : "", rest].filter(Boolean).join(" ");
}
