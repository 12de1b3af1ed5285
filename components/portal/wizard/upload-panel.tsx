"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button-class";
import { fieldId, labelOf, useKeyText, type FieldLabels } from "@/components/ui/form/form-text";
import { registerPendingUpload } from "./pending-upload";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.heif,application/pdf,image/jpeg,image/png,image/heic,image/heif";

type Errors = Record<string, string[]>;

/**
 * Adds one document. Without JavaScript it is a plain multipart form (the route redirects
 * back here). With it, the file goes by XMLHttpRequest as soon as it is chosen (once its
 * kind is chosen), so the person sees the progress and never has to find the upload
 * button; a file over the size limit is refused before anything is sent, and 次へ sends a
 * file still waiting in the picker (pending-upload.ts).
 */
export function UploadPanel({
  kinds,
  maxBytes,
  initialErrors,
  full,
}: {
  kinds: { value: string; label: string }[];
  maxBytes: number;
  initialErrors: Errors;
  full: boolean;
}) {
  const t = useTranslations("portal.wizard.documents");
  const tc = useTranslations("common");
  const text = useKeyText("portal.form.invalidField");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>(initialErrors);
  const [progress, setProgress] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sending = useRef<Promise<boolean> | null>(null);
  const err = (name: string) => errors[name]?.map((k) => text(k.startsWith("errors.") ? `requests.${k}` : k));
  // "files" (too many) is about the whole panel, named by its heading.
  const labels: FieldLabels = { kind: t("kind"), issuedOn: t("issuedOn"), file: t("file"), files: t("uploadTitle") };

  const chosenFile = (): File | null => {
    const input = formRef.current?.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    return file && file.name ? file : null;
  };

  /** Sends the form's file; resolves true when the server accepted it. One at a time. */
  function send(): Promise<boolean> {
    if (sending.current) return sending.current;
    const form = formRef.current;
    if (!form) return Promise.resolve(false);
    const data = new FormData(form);
    const file = data.get("file");
    setNotice(null);
    if (!(file instanceof File) || !file.name) return Promise.resolve(failed({ file: ["errors.required"] }));
    if (!data.get("kind")) return Promise.resolve(failed({ kind: ["errors.required"] }));
    if (file.size > maxBytes) return Promise.resolve(failed({ file: ["errors.fileTooLarge"] }));
    setErrors({});
    setProgress(0);
    const done = new Promise<boolean>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("accept", "application/json");
      xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
      xhr.onload = () => {
        setProgress(null);
        let body: { fieldErrors?: Errors; error?: string } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          /* not JSON: reported below */
        }
        if (xhr.status === 201) {
          formRef.current?.reset();
          setNotice(t("uploaded", { name: file.name }));
          router.refresh();
          resolve(true);
        } else resolve(failed(body.fieldErrors ?? { _form: [`errors.codes.${body.error ?? "UNAVAILABLE"}`] }));
      };
      xhr.onerror = () => {
        setProgress(null);
        resolve(failed({ _form: ["errors.codes.UNAVAILABLE"] }));
      };
      xhr.send(data);
    }).finally(() => {
      sending.current = null;
    });
    sending.current = done;
    return done;
  }

  function failed(next: Errors): false {
    setErrors(next);
    return false;
  }

  useEffect(() => registerPendingUpload({ hasFile: () => chosenFile() !== null, send }));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void send();
  }

  /** Choosing a file sends it at once when its kind is known; otherwise the kind is asked for. */
  function onChooseFile() {
    if (!chosenFile()) return;
    const kind = formRef.current?.elements.namedItem("kind");
    // The error summary takes focus and links to the kind; the chosen file stays in the picker.
    if (kind instanceof HTMLSelectElement && !kind.value) return void failed({ kind: ["errors.kindFirst"] });
    void send();
  }

  /** A kind chosen after the file: the file goes now. */
  function onChooseKind() {
    if (chosenFile() && errors.kind) void send();
  }

  const items = Object.entries(errors).map(([field, keys]) => ({
    fieldId: field === "_form" ? undefined : fieldId("f", `upload.${field}`),
    label: field === "_form" ? undefined : labelOf(labels, field),
    message: keys
      .map((k) => text(k.startsWith("errors.") && !k.startsWith("errors.codes.") ? `requests.${k}` : k))
      .join(" "),
  }));
  return (
    <section
      aria-labelledby="upload-title"
      id={fieldId("f", "files")}
      tabIndex={-1}
      className="mb-6 rounded-md border border-brand-100 bg-white p-4"
    >
      <h2 id="upload-title" className="mb-3 text-lg font-bold">
        {t("uploadTitle")}
      </h2>
      <ErrorSummary title={t("uploadFailed")} items={items} />
      <div role="status" aria-live="polite">
        {notice ? <p className="mb-3 rounded-md border-l-4 border-green-700 bg-green-50 p-3">{notice}</p> : null}
      </div>
      {full ? (
        <p>{t("full")}</p>
      ) : (
        <form
          ref={formRef}
          method="post"
          action="/api/requests/uploads"
          encType="multipart/form-data"
          onSubmit={onSubmit}
          noValidate
        >
          <SelectField
            id={fieldId("f", "upload.kind")}
            name="kind"
            label={labels.kind}
            errors={err("kind")}
            onChange={onChooseKind}
            required
            requiredLabel={tc("required")}
            options={[{ value: "", label: t("chooseKind") }, ...kinds]}
          />
          <TextField
            id={fieldId("f", "upload.issuedOn")}
            name="issuedOn"
            label={labels.issuedOn}
            hint={t("issuedOnHint")}
            errors={err("issuedOn")}
            optionalLabel={tc("optional")}
            autoComplete="off"
          />
          <div className="mb-5">
            <label htmlFor={fieldId("f", "upload.file")} className="mb-1 block font-semibold">
              {labels.file}
              <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white">
                {tc("required")}
              </span>
            </label>
            <p id="upload-file-hint" className="mb-1 text-sm text-muted">
              {t("fileHint")}
            </p>
            {err("file")?.length ? (
              <p id="upload-file-error" className="mb-1 text-sm font-semibold text-danger">
                {err("file")?.join(" ")}
              </p>
            ) : null}
            <input
              id={fieldId("f", "upload.file")}
              type="file"
              name="file"
              accept={ACCEPT}
              onChange={onChooseFile}
              aria-describedby={err("file")?.length ? "upload-file-hint upload-file-error" : "upload-file-hint"}
              aria-invalid={err("file")?.length ? true : undefined}
              className="block w-full max-w-full rounded-md border border-stone-400 bg-white p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:font-semibold file:text-brand-800"
            />
          </div>
          {progress !== null ? (
            <div className="mb-4">
              <label htmlFor="upload-progress" className="mb-1 block text-sm">
                {t("progress", { percent: progress })}
              </label>
              <progress id="upload-progress" max={100} value={progress} className="h-3 w-full" />
            </div>
          ) : null}
          <button
            type="submit"
            className={`${buttonClass("secondary")} w-full sm:w-auto`}
            aria-disabled={progress !== null || undefined}
          >
            {progress !== null ? t("uploading") : t("upload")}
          </button>
        </form>
      )}
    </section>
  );
}
