"use client";
import { useTranslations } from "next-intl";

// The form kit's two conventions, shared by both submit modes (ADR 0020): how a field's
// control is named in the page, and how an error's message key becomes text.

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
