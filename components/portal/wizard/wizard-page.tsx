import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { WizardStep } from "@/lib/requests/wizard-values";
import { WizardProgress } from "../wizard-progress";

/** Every wizard step: progress, the step's title as the page heading, a short lead, the form. */
export async function WizardPage({
  step,
  children,
  lead,
}: {
  step: WizardStep;
  children: ReactNode;
  lead?: ReactNode;
}) {
  const t = await getTranslations("portal.wizard");
  return (
    <div className="mx-auto max-w-2xl">
      <WizardProgress current={step} />
      <h1 className="mb-2 text-2xl font-bold">{t(`titles.${step}`)}</h1>
      <p className="mb-6 text-muted">{lead ?? t(`leads.${step}`)}</p>
      {children}
    </div>
  );
}
