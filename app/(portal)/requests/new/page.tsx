import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { currentFeeText } from "@/lib/fees/format-fee";
import { WizardPage } from "@/components/portal/wizard/wizard-page";
import { TypeStepForm } from "@/components/portal/wizard/type-step-form";
import { initialFormState } from "@/lib/form-state";
import { WIZARD_REQUEST_TYPES } from "@/lib/requests/request-choices";
import { saveTypeStep } from "./actions";
import { currentDraft } from "./wizard-cookie";
import { formPageReferrer } from "../../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.wizard"))("titles.type"), referrer: formPageReferrer };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestTypePage({ searchParams }: Props) {
  const { draft } = await currentDraft();
  // A landing card links here with its type (?type=SUSPENSION): that type comes chosen,
  // and the person confirms it with 次へ (it replaces a type saved earlier in the draft).
  const { type } = await searchParams;
  const linked =
    typeof type === "string" && (WIZARD_REQUEST_TYPES as readonly string[]).includes(type) ? { type } : undefined;
  const feeText = await currentFeeText(prisma, (await getLocale()) === "en" ? "en" : "ja");
  return (
    <WizardPage step="type">
      <TypeStepForm action={saveTypeStep} initial={initialFormState(linked ?? draft?.answers.type)} feeText={feeText} />
    </WizardPage>
  );
}
