import { DocumentKind, RequestType } from "@/lib/generated/prisma/enums";
import { countryOptions } from "@/lib/requests/countries";
import { PREFECTURES, RELATIONSHIPS } from "@/lib/requests/policy-items";

/**
 * The fixed choices of the offline intake form (/console/requests/new): nothing here reads
 * the database, so the page costs the same at any number of requests. Japan and today's
 * date are added by the page (a translated label, the request's day).
 */
export function offlineIntakeOptions(locale: "ja" | "en") {
  return {
    types: Object.values(RequestType),
    prefectures: PREFECTURES,
    countriesAbroad: countryOptions(locale),
    relationships: RELATIONSHIPS,
    documentKinds: Object.values(DocumentKind),
  };
}
