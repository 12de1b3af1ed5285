"use client";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import type { MapProblem } from "@/lib/connected/map-yaml";
import { checkConnectionAction, saveConnectionAction, saveMapAction } from "./connected-actions";

export function ConnectionForm({
  systemId,
  dialect,
  hasReadUrl,
  hasWriteUrl,
}: {
  systemId: string;
  dialect: "postgres" | "mysql";
  hasReadUrl: boolean;
  hasWriteUrl: boolean;
}) {
  const t = useTranslations("connected.connection");
  const { pending, errors, form, feedback } = useConsoleForm(saveConnectionAction, {
    resetOnOk: true,
    ok: () => t("saved"),
  });
  const labels = { dialect: t("dialect"), readUrl: t("readUrl"), writeUrl: t("writeUrl") };
  return (
    <form {...form} className="max-w-2xl" data-testid="connection-form" aria-labelledby="connection-title">
      <FormFeedback {...feedback} prefix="conn" labels={labels} />
      <input type="hidden" name="systemId" value={systemId} />
      <SelectField
        id="conn-dialect"
        name="dialect"
        label={labels.dialect}
        defaultValue={dialect}
        options={(["postgres", "mysql"] as const).map((d) => ({ value: d, label: t(`dialects.${d}`) }))}
        errors={errors("dialect")}
      />
      {/* Write-only: the saved URL is never sent back to the browser. */}
      <TextField
        id="conn-readUrl"
        name="readUrl"
        type="password"
        autoComplete="off"
        spellCheck={false}
        label={labels.readUrl}
        hint={hasReadUrl ? t("readUrlSaved") : t("readUrlHint")}
        errors={errors("readUrl")}
      />
      <TextField
        id="conn-writeUrl"
        name="writeUrl"
        type="password"
        autoComplete="off"
        spellCheck={false}
        label={labels.writeUrl}
        hint={hasWriteUrl ? t("writeUrlSaved") : t("writeUrlHint")}
        errors={errors("writeUrl")}
      />
      {hasWriteUrl ? (
        <p className="mb-4">
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="clearWriteUrl" className="size-5" /> {t("clearWriteUrl")}
          </label>
        </p>
      ) : null}
      <PendingButton pending={pending}>{t("save")}</PendingButton>
    </form>
  );
}

export function MapForm({ systemId, mapYaml }: { systemId: string; mapYaml: string | null }) {
  const t = useTranslations("connected.map");
  const { state, pending, errors, form, feedback } = useConsoleForm(saveMapAction, {
    ok: (s) => t("saved", { tables: Number(s.data?.tables ?? 0), columns: Number(s.data?.columns ?? 0) }),
  });
  const problems: MapProblem[] =
    state.status === "error" && state.values?.problems ? (JSON.parse(state.values.problems) as MapProblem[]) : [];
  return (
    <form {...form} className="max-w-3xl" data-testid="map-form" aria-labelledby="map-title">
      <FormFeedback {...feedback} prefix="map" labels={{ mapText: t("text") }} />
      {problems.length ? (
        <div className="mb-4 rounded-md border-l-4 border-danger bg-red-50 p-3" data-testid="map-problems">
          <p className="font-bold">{t("problemsTitle")}</p>
          <ul className="list-disc pl-5 text-sm">
            {problems.map((p, i) => (
              <li key={i}>
                {p.line !== null ? t("position", { line: p.line, column: p.column ?? 1 }) : t("noPosition")}{" "}
                {p.path ? <code className="font-mono">{p.path}</code> : null} — {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="systemId" value={systemId} />
      <TextareaField
        id="map-mapText"
        name="mapText"
        label={t("text")}
        hint={t("hint")}
        rows={18}
        spellCheck={false}
        className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm"
        defaultValue={state.status === "error" ? (state.values?.mapText ?? "") : (mapYaml ?? "")}
        errors={errors("mapText")}
      />
      <PendingButton pending={pending}>{t("save")}</PendingButton>
    </form>
  );
}

export function CheckConnectionForm({ systemId }: { systemId: string }) {
  const t = useTranslations("connected.check");
  const { pending, form, feedback } = useConsoleForm(checkConnectionAction, {
    ok: (s) => (s.data?.ok ? t("ranOk") : t("ranProblems")),
  });
  return (
    <form {...form} className="mb-4" data-testid="check-form">
      <FormFeedback {...feedback} prefix="check" />
      <input type="hidden" name="systemId" value={systemId} />
      <PendingButton pending={pending} variant="secondary">
        {t("run")}
      </PendingButton>
    </form>
  );
}
