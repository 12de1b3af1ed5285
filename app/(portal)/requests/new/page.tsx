import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { currentFeeText } from "@/lib/fees/format-fee";
import { WizardPage } from "@/components/portal/wizard/wizard-page";
import { TypeStepForm } from "@/components/portal/wizard/type-step-form";
import { initialFormState } from "@/components/portal/step-state";
import { saveTypeStep } from "./actions";
import { currentDraft } from "./wizard-cookie";
import { formPageReferrer } from "../../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.wizard"))("titles.type"), referrer: formPageReferrer };
}

export default async function RequestTypePage() {
  const { draft } = await currentDraft();
  const feeText = await currentFeeText(prisma, (await getLocale()) === "en" ? "en" : "ja");
  return (
    <WizardPage step="type">
      <TypeStepForm action={saveTypeStep} initial={initialFormState(draft?.answers.type)} feeText={feeText} />
    </WizardPage>
  );
}
