import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/i18n/config";
import { errorResponse } from "@/lib/http";
import { renderPostalRequestForm } from "@/lib/requests/postal-form";
import { loadWizardDraft } from "@/lib/requests/wizard-draft";
import { submissionInput } from "@/lib/requests/wizard-values";
import { DRAFT_COOKIE } from "@/lib/uploads/draft-uploads";
import { fileDownload } from "@/lib/file-download";

// The prescribed request form (Art 6.2) as a printable PDF in the person's language:
// blank, or with ?filled=1 pre-filled from their own wizard draft — found by the httpOnly
// draft cookie, so no answer ever travels in the URL.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  try {
    const store = await cookies();
    const chosen = store.get(LOCALE_COOKIE)?.value;
    const locale = isLocale(chosen) ? chosen : "ja";
    const filled = new URL(req.url).searchParams.get("filled") === "1";
    const draft = filled ? await loadWizardDraft(store.get(DRAFT_COOKIE)?.value) : null;
    const pdf = await renderPostalRequestForm({ answers: draft ? submissionInput(draft) : undefined, locale });
    const name = locale === "ja" ? "開示等請求書.pdf" : "request-form.pdf";
    return fileDownload(new Uint8Array(pdf), {
      fileName: name,
      contentType: "application/pdf",
      disposition: "inline",
      // A pre-filled form holds personal data: never cached anywhere.
      cacheControl: draft ? "private, no-store" : "public, max-age=300",
    });
  } catch (e) {
    return errorResponse(e);
  }
}
