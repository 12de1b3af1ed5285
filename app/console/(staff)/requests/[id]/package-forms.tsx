"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { NoticePreview } from "@/components/console/notice-preview";
import { DeliveryMethod } from "@/lib/generated/prisma/enums";
import {
  addPackageFileAction,
  attachProvisionsAction,
  publishAction,
  recordPostingAction,
  removePackageFileAction,
  savePackageAction,
} from "./package-actions";

type Ref = { requestId: string; version: number };
const methods = Object.values(DeliveryMethod);

function Hidden({ requestId, version }: Ref) {
  return (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
    </>
  );
}

export function PackageMethodForm({ requestId, version, method, exists }: Ref & { method: string; exists: boolean }) {
  const t = useTranslations("console.request.package");
  const rq = useTranslations("requests.deliveryMethods");
  const { pending, errors, form, feedback } = useConsoleForm(savePackageAction, { ok: () => t("created") });
  return (
    <form {...form} className="flex flex-wrap items-end gap-3" data-testid="package-method-form">
      <div className="w-full">
        <FormFeedback {...feedback} prefix="package" labels={{ deliveryMethod: t("deliveryMethod") }} />
      </div>
      <Hidden requestId={requestId} version={version} />
      <div className="min-w-56 flex-1">
        <SelectField
          id={fieldId("package", "deliveryMethod")}
          name="deliveryMethod"
          label={t("deliveryMethod")}
          defaultValue={method}
          errors={errors("deliveryMethod")}
          options={methods.map((m) => ({ value: m, label: rq(m) }))}
        />
      </div>
      <div className="mb-5">
        <PendingButton pending={pending} variant={exists ? "secondary" : "primary"}>
          {exists ? t("update") : t("create")}
        </PendingButton>
      </div>
    </form>
  );
}

export function AddPackageFileForm({ requestId, version }: Ref) {
  const t = useTranslations("console.request.package");
  const { state, pending, errors, form, feedback } = useConsoleForm(addPackageFileAction, {
    resetOnOk: true,
    ok: () => t("fileAdded"),
  });
  const err =
    state.status === "error"
      ? Object.keys(state.fieldErrors)
          .filter((k) => k.startsWith("file"))
          .flatMap((k) => errors(k) ?? [])
      : [];
  return (
    <form {...form} encType="multipart/form-data" data-testid="package-file-form">
      {/* The upload schema's errors (file.fileName, file.content) name the one file field. */}
      <FormFeedback {...feedback} prefix="packagefile" labels={{ file: t("fileLabel") }} />
      <Hidden requestId={requestId} version={version} />
      <div className="mb-3">
        <label htmlFor="packagefile-file" className="mb-1 block font-semibold">
          {t("fileLabel")}
        </label>
        <p id="packagefile-file-hint" className="mb-1 text-sm text-muted">
          {t("fileHint")}
        </p>
        {err.length ? (
          <p id="packagefile-file-error" className="mb-1 text-sm font-semibold text-danger">
            {err.join(" ")}
          </p>
        ) : null}
        <input
          id="packagefile-file"
          name="file"
          type="file"
          className="block w-full text-sm"
          aria-describedby={`packagefile-file-hint${err.length ? " packagefile-file-error" : ""}`}
        />
      </div>
      <PendingButton pending={pending} variant="secondary">
        {t("addFile")}
      </PendingButton>
    </form>
  );
}

export function RemovePackageFileForm({ requestId, version, fileId, name }: Ref & { fileId: string; name: string }) {
  const t = useTranslations("console.request.package");
  const { pending, form, feedback } = useConsoleForm(removePackageFileAction, { ok: () => t("removed") });
  return (
    <form {...form}>
      <FormFeedback {...feedback} prefix={`remove-${fileId}`} />
      <Hidden requestId={requestId} version={version} />
      <input type="hidden" name="fileId" value={fileId} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 px-2 text-danger underline"
        aria-label={t("removeLabel", { name })}
      >
        {t("remove")}
      </button>
    </form>
  );
}

export function AttachProvisionsForm({ requestId, version }: Ref) {
  const t = useTranslations("console.request.package");
  const { pending, form, feedback } = useConsoleForm(attachProvisionsAction, {
    ok: (s) => t("provisionsAttached", { records: s.data?.records ?? "0" }),
  });
  return (
    <form {...form} data-testid="provisions-form">
      <FormFeedback {...feedback} prefix="provisions" />
      <Hidden requestId={requestId} version={version} />
      <PendingButton pending={pending} variant="secondary">
        {t("attachProvisions")}
      </PendingButton>
    </form>
  );
}

export function PublishForm({ requestId, version, blocker }: Ref & { blocker: string | null }) {
  const t = useTranslations("console.request.package");
  const root = useTranslations();
  const { state, pending, form, feedback } = useConsoleForm(publishAction, {
    ok: (s) => (s.message === "preview" ? undefined : s.message === "closed" ? t("publishedClosed") : t("published")),
  });
  return (
    <form {...form} data-testid="publish-form">
      <FormFeedback {...feedback} prefix="publish" />
      <Hidden requestId={requestId} version={version} />
      {blocker ? (
        <p className="mb-3 rounded-md border-l-4 border-warn bg-amber-50 p-3" data-testid="publish-blocker">
          {t("blocked")} {root.has(blocker) ? root(blocker) : blocker}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <PendingButton pending={pending} name="intent" value="preview" variant="secondary">
          {t("previewNotice")}
        </PendingButton>
        <PendingButton pending={pending} name="intent" value="publish">
          {t("publish")}
        </PendingButton>
      </div>
      {state.status === "ok" && state.message === "preview" ? (
        <NoticePreview
          title={root("console.request.decision.previewTitle")}
          subject={state.data?.subject ?? ""}
          body={state.data?.body ?? ""}
        />
      ) : null}
    </form>
  );
}

export function PostingForm({ requestId, version, today }: Ref & { today: string }) {
  const t = useTranslations("console.request.package");
  const f = useTranslations("console.form");
  const { pending, errors, form, feedback } = useConsoleForm(recordPostingAction, { ok: () => t("posted") });
  const labels = { postedOn: t("postedOn"), trackingNumber: t("trackingNumber") };
  return (
    <form {...form} data-testid="posting-form">
      <h3 className="mb-2 font-bold">{t("postingTitle")}</h3>
      <FormFeedback {...feedback} prefix="posting" labels={labels} />
      <Hidden requestId={requestId} version={version} />
      <TextField
        id={fieldId("posting", "postedOn")}
        name="postedOn"
        type="date"
        label={labels.postedOn}
        defaultValue={today}
        required
        errors={errors("postedOn")}
      />
      <TextField
        id={fieldId("posting", "trackingNumber")}
        name="trackingNumber"
        label={labels.trackingNumber}
        maxLength={60}
        autoComplete="off"
        errors={errors("trackingNumber")}
        optionalLabel={f("optional")}
      />
      <PendingButton pending={pending}>{t("recordPosting")}</PendingButton>
    </form>
  );
}
