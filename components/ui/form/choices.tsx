import type { ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/ui/field";

// Radio buttons or checkboxes in a fieldset whose legend names the question; the hint and
// the error are tied to the group, and each option may carry a description of its own.

export type ChoiceOption = { value: string; label: ReactNode; description?: ReactNode };

export function Choices({
  id,
  name,
  legend,
  hint,
  errors,
  type = "radio",
  options,
  checked,
  required,
  requiredLabel,
  columns = false,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  type?: "radio" | "checkbox";
  options: ChoiceOption[];
  checked: readonly string[];
  required?: boolean;
  requiredLabel?: string;
  /** Two columns from the small breakpoint up, for short labels. */
  columns?: boolean;
}) {
  const described = describedBy(id, hint, errors);
  return (
    <fieldset id={id} tabIndex={-1} className="mb-6 min-w-0" aria-describedby={described}>
      <legend className="mb-1 font-semibold">
        {legend}
        {required && requiredLabel ? (
          <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white">{requiredLabel}</span>
        ) : null}
      </legend>
      <FieldMessages id={id} hint={hint} errors={errors} spacing="mb-2" />
      <ul className={`grid gap-2 ${columns ? "sm:grid-cols-2" : ""}`}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <li
              key={o.value}
              className={`flex items-start gap-3 rounded-md border bg-white p-3 ${errors?.length ? "border-danger" : "border-stone-300"}`}
            >
              <input
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                aria-describedby={o.description ? `${optionId}-desc` : undefined}
                className="mt-1 size-5 shrink-0 accent-brand-700"
              />
              <span className="min-w-0">
                <label htmlFor={optionId} className="block font-medium break-words">
                  {o.label}
                </label>
                {o.description ? (
                  <span id={`${optionId}-desc`} className="block text-sm text-muted">
                    {o.description}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** One checkbox with its label (e.g. a declaration or "send by post"). */
export function Checkbox({
  id,
  name,
  label,
  hint,
  errors,
  checked,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  checked: boolean;
}) {
  const described = describedBy(id, hint, errors);
  return (
    <div className="mb-6">
      {errors?.length ? (
        <p id={`${id}-error`} className="mb-2 text-sm font-semibold text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
      <div
        className={`flex items-start gap-3 rounded-md border bg-white p-3 ${errors?.length ? "border-2 border-danger" : "border-stone-300"}`}
      >
        <input
          type="checkbox"
          id={id}
          name={name}
          value="on"
          defaultChecked={checked}
          aria-describedby={described}
          aria-invalid={errors?.length ? true : undefined}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <span className="min-w-0">
          <label htmlFor={id} className="block font-medium">
            {label}
          </label>
          {hint ? (
            <span id={`${id}-hint`} className="block text-sm text-muted">
              {hint}
            </span>
          ) : null}
        </span>
      </div>
    </div>
  );
}
