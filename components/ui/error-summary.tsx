"use client";
import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * One error: the field's control to link to and the field's visible label (both absent for
 * a form-level error), and the message in the person's language.
 */
export type SummaryItem = { fieldId?: string; label?: string; message: string };

/**
 * Lists every error at the top of a form and takes focus when it appears, so keyboard
 * and screen-reader users hear what went wrong; each item links to its field and names it
 * by its label, since two fields may fail with the same message (WCAG 3.3.1).
 */
export function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page with several forms may show more than one.
  const titleId = useId();
  const key = items.map((i) => `${i.fieldId ?? ""}:${i.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (!items.length) return null;
  // A message pattern, not concatenation: the separator differs by language (：, ": ").
  const text = (item: SummaryItem) =>
    item.label ? t("errorSummaryItem", { label: item.label, message: item.message }) : item.message;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 rounded-md border-2 border-danger bg-red-50 p-4"
    >
      <h2 id={titleId} className="mb-2 text-lg font-bold text-danger">
        {title}
      </h2>
      <ul className="list-disc pl-5">
        {items.map((item, i) => (
          <li key={i}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} className="text-danger underline">
                {text(item)}
              </a>
            ) : (
              text(item)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
