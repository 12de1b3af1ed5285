import type { ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/ui/field";

// Radio buttons or checkboxes in a fieldset whose legend names the question; the hint and
// the error are tied to the group, and each option may carry a description of its own.
// The portal shows options as cards; the console's denser forms as a plain list.

export type ChoiceOption = { value: string; label: ReactNode; description?: ReactNode };

export function Choices({
  id,
  name,
  legend,
  hint,
  errors,
  type = "radio",
  options,
  checked = [],
  required,
  requiredLabel,
  columns = false,
  appearance = "cards",
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  type?: "radio" | "checkbox";
  options: ChoiceOption[];
  /** The option(s) chosen when the form is drawn. */
  checked?: readonly string[] | string;
  required?: boolean;
  requiredLabel?: string;
  /** Two columns from the small breakpoint up, for short labels. */
  columns?: boolean;
  appearance?: "cards" | "list";
}) {
  const described = describedBy(id, hint, errors);
  const chosen = typeof checked === "string" ? [checked] : checked;
  const cards = appearance === "cards";
  return (
    <fieldset id={id} tabIndex={-1} className={`${cards ? "mb-6" : "mb-5"} min-w-0`} aria-describedby={described}>
      <legend className="mb-1 font-semibold">
        {legend}
        {required && requiredLabel ? (
          <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white">{requiredLabel}</span>
        ) : null}
      </legend>
      <FieldMessages id={id} hint={hint} errors={errors} spacing={cards ? "mb-2" : "mb-1"} />
      <ul className={cards ? `grid gap-2 ${columns ? "sm:grid-cols-2" : ""}` : "flex flex-col gap-1"}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <li
              key={o.value}
              className={
                cards
                  ? `flex items-start gap-3 rounded-md border bg-white p-3 ${errors?.length ? "border-danger" : "border-stone-300"}`
                  : "flex min-h-9 items-start gap-2"
              }
            >
              <input
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                defaultChecked={chosen.includes(o.value)}
                aria-describedby={o.description ? `${optionId}-desc` : undefined}
                className={`mt-1 size-5 shrink-0 ${cards ? "accent-brand-700" : ""}`}
              />
              <span className="min-w-0">
                <label htmlFor={optionId} className={cards ? "block font-medium break-words" : undefined}>
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

/**
 * "I have checked the amount" before money moves (applying a bank line, a refund): the
 * error stands above the box and is tied to it, so a screen reader hears why it failed.
 */
export function ConfirmCheckbox({
  id,
  errors,
  className = "mb-4",
  children,
}: {
  id: string;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <FieldMessages id={id} errors={errors} />
      <label className="flex min-h-11 items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="yes"
          className="mt-1 size-5"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, null, errors)}
        />
        <span>{children}</span>
      </label>
    </div>
  );
}
