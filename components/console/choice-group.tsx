import type { ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/ui/field";

// A fieldset of radio buttons or checkboxes with its legend, hint and errors tied to it.
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  errors,
  type = "radio",
  options,
  defaultValue,
  required,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  type?: "radio" | "checkbox";
  options: { value: string; label: ReactNode }[];
  defaultValue?: string | string[];
  required?: boolean;
}) {
  const checked = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const described = describedBy(id, hint, errors);
  return (
    <fieldset id={id} tabIndex={-1} className="mb-5 min-w-0" aria-describedby={described}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <FieldMessages id={id} hint={hint} errors={errors} />
      <ul className="flex flex-col gap-1">
        {options.map((o) => (
          <li key={o.value} className="flex min-h-9 items-start gap-2">
            <input
              type={type}
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={checked.has(o.value)}
              required={required && type === "radio"}
              className="mt-1 size-5 shrink-0"
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
