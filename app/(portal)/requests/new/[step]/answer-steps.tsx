import { getLocale } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { countryOptions } from "@/lib/requests/countries";
import { getSettings } from "@/lib/settings/get-settings";
import { CATEGORY_NUMBERS, categoriesFor, PURPOSE_NUMBERS, purposesFor } from "@/lib/requests/policy-items";
import { subjectStepSchema } from "@/lib/requests/request-schemas";
import { limits } from "@/lib/requests/schema-fields";
import { subjectInput, wizardRequesterKind, wizardType, type WizardDraft } from "@/lib/requests/wizard-values";
import { RequesterStepForm } from "@/components/portal/wizard/requester-step-form";
import { SubjectStepForm } from "@/components/portal/wizard/subject-step-form";
import { DetailsStepForm } from "@/components/portal/wizard/details-step-form";
import { initialFormState } from "@/lib/form-state";
import { saveDetailsStep, saveRequesterStep, saveSubjectStep } from "../actions";

export function RequesterStep({ draft }: { draft: WizardDraft }) {
  return <RequesterStepForm action={saveRequesterStep} initial={initialFormState(draft.answers.requester)} />;
}

export async function SubjectStep({ draft }: { draft: WizardDraft }) {
  // Country names are made here, on the server, so the browser's own names cannot differ from the HTML.
  const countries = countryOptions((await getLocale()) === "en" ? "en" : "ja");
  return (
    <SubjectStepForm
      action={saveSubjectStep}
      initial={initialFormState(draft.answers.subject)}
      agent={wizardRequesterKind(draft) !== "SELF"}
      countries={countries}
    />
  );
}

export async function DetailsStep({ draft }: { draft: WizardDraft }) {
  const type = wizardType(draft) ?? "DISCLOSURE";
  const subject = subjectStepSchema.safeParse(subjectInput(draft));
  const relationship = subject.success ? subject.data.relationship : undefined;
  const likely = relationship ? purposesFor(relationship) : [];
  const { delivery } = await getSettings(prisma);
  const options = {
    type,
    // The relationship narrows the Art 2.1 items offered (policy-items.ts).
    categories: [...(relationship ? categoriesFor(relationship) : CATEGORY_NUMBERS)],
    purposes: [...likely, ...PURPOSE_NUMBERS.filter((n) => !likely.includes(n))],
    deliveryMethods: [...delivery.methods],
    maxItems: limits.correctionItems,
  };
  return (
    <DetailsStepForm
      action={saveDetailsStep}
      initial={initialFormState(draft.answers.details?.[type])}
      options={options}
    />
  );
}
