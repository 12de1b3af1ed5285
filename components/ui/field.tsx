import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Labelled form controls: the label, hint and error are tied to the control with
// htmlFor / aria-describedby, and an invalid control says so to screen readers.

type FieldFrame = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  requiredLabel?: string;
  optionalLabel?: string;
};

/** The ids of the hint and error a control (or fieldset) is described by, as FieldMessages renders them. */
export function describedBy(id: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A field's hint, then its errors, with the ids describedBy names. */
export function FieldMessages({
  id,
  hint,
  errors,
  spacing = "mb-1",
}: {
  id: string;
  hint?: ReactNode;
  errors?: string[];
  spacing?: "mb-1" | "mb-2";
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={`${spacing} text-sm text-muted`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className={`${spacing} text-sm font-semibold text-danger`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

function Frame({
  id,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  optionalLabel,
  children,
}: FieldFrame & { children: ReactNode }) {
  return (
    <div className="mb-5">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
        {required && requiredLabel ? (
          <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white">{requiredLabel}</span>
        ) : null}
        {!required && optionalLabel ? (
          <span className="ml-2 text-xs font-normal text-muted">{optionalLabel}</span>
        ) : null}
      </label>
      <FieldMessages id={id} hint={hint} errors={errors} />
      {children}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base ${invalid ? "border-danger border-2" : "border-stone-400"}`;

export function TextField({
  id,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  optionalLabel,
  ref,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const invalid = Boolean(errors?.length);
  return (
    <Frame {...{ id, label, hint, errors, required, requiredLabel, optionalLabel }}>
      <input
        ref={ref}
        id={id}
        name={input.name ?? id}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass(invalid)}
        {...input}
      />
    </Frame>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  optionalLabel,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = Boolean(errors?.length);
  return (
    <Frame {...{ id, label, hint, errors, required, requiredLabel, optionalLabel }}>
      <textarea
        id={id}
        name={input.name ?? id}
        required={required}
        rows={input.rows ?? 5}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass(invalid)}
        {...input}
      />
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  optionalLabel,
  options,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const invalid = Boolean(errors?.length);
  return (
    <Frame {...{ id, label, hint, errors, required, requiredLabel, optionalLabel }}>
      <select
        id={id}
        name={select.name ?? id}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass(invalid)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
