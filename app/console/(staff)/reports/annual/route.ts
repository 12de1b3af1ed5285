import { getLocale, getTranslations } from "next-intl/server";
import { currentStaff } from "@/lib/server/current-staff";
import { annualSummaryPdf } from "@/lib/reports/annual-summary";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { fileDownload } from "@/lib/file-download";

const labelKeys = [
  "DISCLOSURE",
  "CORRECTION",
  "SUSPENSION",
  "THIRD_PARTY_STOP",
  "PURPOSE_NOTICE",
  "INQUIRY",
  "COMPLAINT",
  "WEB",
  "POST",
  "EMAIL",
  "PHONE",
  "COUNTER",
  "FULFILLED",
  "PARTIALLY_FULFILLED",
  "NOT_FULFILLED",
  "NO_DATA_HELD",
  "ALTERNATIVE_MEASURE",
  "IDENTITY_UNCONFIRMED",
  "HARM_TO_LIFE_OR_RIGHTS",
  "BUSINESS_IMPEDIMENT",
  "LEGAL_VIOLATION",
  "INFORMATION_ACCURATE",
  "INVESTIGATION_FINDING",
  "BANK_TRANSFER",
  "STRIPE",
  "POSTAL_MONEY_ORDER",
  "CASH",
  "OTHER",
] as const;

export async function GET(req: Request): Promise<Response> {
  try {
    const year = Number(new URL(req.url).searchParams.get("year"));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError("INVALID_INPUT", "year");
    const locale = (await getLocale()) === "en" ? "en" : "ja";
    const t = await getTranslations("operations.labels");
    const labels = Object.fromEntries(labelKeys.map((k) => [k, t(k)]));
    const pdf = await annualSummaryPdf({ actor: await currentStaff(), year, locale, labels });
    return fileDownload(new Uint8Array(pdf), {
      fileName: `annual-report-${year}.pdf`,
      contentType: "application/pdf",
      disposition: "inline",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
