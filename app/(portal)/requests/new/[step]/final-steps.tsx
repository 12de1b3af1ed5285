import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { formatNumber } from "@/lib/fees/fee-messages";
import { CODE_TTL_MS } from "@/lib/codes/one-time-code";
import { requestSubmissionSchema } from "@/lib/requests/request-schemas";
import { contactEmailOf } from "@/lib/requests/email-confirmation";
import { submissionInput, type WizardDraft } from "@/lib/requests/wizard-values";
import { listDraftUploads } from "@/lib/uploads/draft-uploads";
import { ReviewSummary } from "@/components/portal/wizard/review-summary";
import { ReviewStepForm } from "@/components/portal/wizard/review-step-form";
import { ConfirmStepForm } from "@/components/portal/wizard/confirm-step-form";
import { initialFormState } from "@/lib/form-state";
import { confirmReview, submitWithCode } from "../submit-actions";
import { draftKeyFromCookie } from "../wizard-cookie";

export async function ReviewStep({ draft }: { draft: WizardDraft }) {
  const t = await getTranslations("portal.wizard.review");
  // Shown as it will be filed; the declaration is asked for below.
  const parsed = requestSubmissionSchema.safeParse({ ...submissionInput(draft), declarationAccepted: true });
  if (!parsed.success) redirect("/requests/new");
  const s = parsed.data;
  const { fee } = await getSettings(prisma);
  const draftKey = await draftKeyFromCookie();
  const uploads = draftKey ? await listDraftUploads({ draftKey }) : [];
  const names = new Map(uploads.map((u) => [u.id, u.originalName]));
  const files = s.documents.files.map((f) => ({ kind: f.kind, holder: f.holder, name: names.get(f.fileId) ?? "" }));
  const tax = Math.round((fee.amount * fee.taxRatePct) / (100 + fee.taxRatePct));
  return (
    <>
      <ReviewSummary s={s} files={files} />
      {s.type === "DISCLOSURE" ? (
        <section
          aria-labelledby="fee-title"
          className="mb-4 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4"
          data-testid="review-fee"
        >
          <h2 id="fee-title" className="mb-1 text-lg font-bold">
            {t("feeTitle")}
          </h2>
          <p>{t("fee", { amount: formatNumber(fee.amount), tax: formatNumber(tax), rate: fee.taxRatePct })}</p>
          <p className="text-sm">
            {t("feeWhen")}{" "}
            <Link href="/policy#art-6" className="text-brand-700 underline">
              {t("feeArticle")}
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="postal-title" className="mb-6 rounded-md border border-brand-100 bg-white p-4">
        <h2 id="postal-title" className="mb-1 text-lg font-bold">
          {t("postalTitle")}
        </h2>
        <p className="mb-2">{t("postalBody")}</p>
        <a href="/postal/form?filled=1" className="text-brand-700 underline" target="_blank" rel="noopener">
          {t("postalLink")}
        </a>
      </section>
      <ReviewStepForm
        action={confirmReview}
        initial={initialFormState({ declarationAccepted: draft.declarationAccepted ? "on" : "" })}
        contactEmail={contactEmailOf(s)}
      />
    </>
  );
}

export function ConfirmStep({ draft }: { draft: WizardDraft }) {
  return (
    <ConfirmStepForm
      action={submitWithCode}
      initial={initialFormState()}
      email={draft.codeSentTo ?? ""}
      minutes={CODE_TTL_MS / 60_000}
    />
  );
}
