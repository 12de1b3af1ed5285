import { getTranslations } from "next-intl/server";
import { WIZARD_STEPS, type WizardStep } from "@/lib/requests/wizard-values";

/** "Step 3 of 7" and the list of steps, the current one marked for screen readers too. */
export async function WizardProgress({ current }: { current: WizardStep }) {
  const t = await getTranslations("portal.wizard");
  const index = WIZARD_STEPS.indexOf(current);
  return (
    <nav aria-label={t("progressLabel")} className="mb-6">
      <p className="mb-2 text-sm font-semibold text-brand-800" data-testid="wizard-step-count">
        {t("stepOf", { n: index + 1, total: WIZARD_STEPS.length })}
      </p>
      <div className="mb-3 h-2 w-full overflow-hidden rounded-full bg-brand-100" aria-hidden="true">
        <div
          className="h-full rounded-full bg-brand-700"
          style={{ width: `${Math.round(((index + 1) / WIZARD_STEPS.length) * 100)}%` }}
        />
      </div>
      <ol className="flex flex-wrap gap-x-3 gap-y-1 text-xs sm:text-sm">
        {WIZARD_STEPS.map((step, i) => (
          <li
            key={step}
            aria-current={i === index ? "step" : undefined}
            className={i === index ? "font-bold text-brand-800" : i < index ? "text-brand-700" : "text-muted"}
          >
            <span aria-hidden="true">{i < index ? "✓ " : `${i + 1}. `}</span>
            <span className="sr-only">{i < index ? t("stepDone") : ""}</span>
            {t(`steps.${step}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
