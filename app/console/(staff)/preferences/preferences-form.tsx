"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { idleState } from "@/lib/form-state";
import { savePreferencesAction } from "./actions";

export function PreferencesForm({ locale, digestEnabled }: { locale: "ja" | "en"; digestEnabled: boolean }) {
  const t = useTranslations("settings.preferences");
  const ts = useTranslations("settings");
  const te = useTranslations("errors");
  const [state, action] = useActionState(savePreferencesAction, idleState);
  return (
    <form action={action} className="max-w-lg">
      {state.status === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t("saved")}
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-danger">
          {te(`codes.${state.code}`)}
        </p>
      ) : null}
      <SelectField
        id="locale"
        name="locale"
        label={t("locale")}
        defaultValue={locale}
        options={[
          { value: "ja", label: "日本語" },
          { value: "en", label: "English" },
        ]}
      />
      <label className="mb-5 flex min-h-11 items-center gap-2">
        <input type="checkbox" name="digestEnabled" defaultChecked={digestEnabled} className="h-5 w-5" />
        {t("digest")}
      </label>
      <SubmitButton>{ts("save")}</SubmitButton>
    </form>
  );
}
