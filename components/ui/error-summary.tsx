"use client";
import { useEffect, useId, useRef } from "react";

export type SummaryItem = { fieldId?: string; message: string };

/**
 * Lists every error at the top of a form and takes focus when it appears, so keyboard
 * and screen-reader users hear what went wrong; each item links to its field.
 */
export function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page with several forms may show more than one.
  const titleId = useId();
  const key = items.map((i) => `${i.fieldId ?? ""}:${i.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (!items.length) return null;
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
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
