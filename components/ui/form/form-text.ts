"use client";
import { useTranslations } from "next-intl";

// The form kit's conventions, shared by both submit modes (ADR 0020): how a field's
// control is named in the page, how an error's message key becomes text, and how the
// error summary finds the label of the field an error is about.

/**
 * The id of a field's control from its form name: ("decision", "grounds.0.explanation") →
 * "decision-grounds-0-explanation". The error summary links to it; portal forms use "f".
 */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * Message keys from domain errors ("errors.required", "fees.errors.amount") as text in
 * the person's language. A key we do not know (a forged field, a slip) becomes the area's
 * generic "check this field", never the raw key.
 */
export function useKeyText(
  fallbackKey: "console.form.invalidField" | "portal.form.invalidField" = "console.form.invalidField",
): (key: string, values?: Record<string, string>) => string {
  const t = useTranslations();
  return (key, values) => (/^[A-Za-z0-9_.]+$/.test(key) && t.has(key) ? t(key, values) : t(fallbackKey));
}

/** The visible label of each field a form shows, by its form name, as the field shows it. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * The label an error summary names a field by, so each item says which field it is about
 * (WCAG 3.3.1), also in the server-rendered page. A nested name with no label of its own
 * ("grounds.0.explanation", "attachments.1") takes its closest parent's, such as the
 * group's legend; a name the form does not show gets none, never the raw name.
 */
export function labelOf(labels: FieldLabels | undefined, field: string): string | undefined {
  if (!labels) return undefined;
  for (let name = field; name; name = name.slice(0, Math.max(0, name.lastIndexOf(".")))) {
    // Own keys only: a forged field named "constructor" must not find Object's.
    if (Object.hasOwn(labels, name)) return labels[name];
  }
  return undefined;
}
