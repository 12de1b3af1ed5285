import type { ReactNode } from "react";
import { FlashProvider } from "@/components/console/flash";
import { FoldSection } from "./fold-section";

/** A description list of label/value pairs; empty values are left out. */
export function Facts({ items, columns = 2 }: { items: [string, ReactNode][]; columns?: 1 | 2 | 3 }) {
  const cols = columns === 3 ? "sm:grid-cols-2 lg:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-2 ${cols}`}>
      {items
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * A titled section of the request page, reachable from the page's table of contents.
 * What its forms achieved (or lost to a conflict) is said at its end, even when the form is gone.
 * With `folded` it can start closed (issue 17): sections that are not the next action.
 */
export function Section({
  id,
  title,
  children,
  testId,
  folded,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
  folded?: boolean;
}) {
  if (folded !== undefined) {
    return (
      <FoldSection id={id} title={title} folded={folded} testId={testId ?? `section-${id}`}>
        {children}
      </FoldSection>
    );
  }
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-md border border-stone-300 bg-white p-4"
      data-testid={testId ?? `section-${id}`}
    >
      <h2 id={`${id}-title`} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      <FlashProvider>{children}</FlashProvider>
    </section>
  );
}
