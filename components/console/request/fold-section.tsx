"use client";
import { useState, type ReactNode } from "react";
import { FlashProvider } from "@/components/console/flash";

/**
 * A request-page section that may start closed. It opens by itself when it becomes part of
 * the next action (after a save moved the request on), but never closes under the person's
 * hands: the section they just saved in keeps its outcome line visible.
 */
export function FoldSection({
  id,
  title,
  folded,
  testId,
  children,
}: {
  id: string;
  title: string;
  folded: boolean;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(!folded);
  const [wasFolded, setWasFolded] = useState(folded);
  if (wasFolded !== folded) {
    // Adjusted while rendering (not in an effect): the section just became part of the next action.
    setWasFolded(folded);
    if (!folded) setOpen(true);
  }
  return (
    <details
      id={id}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="scroll-mt-4 rounded-md border border-stone-300 bg-white"
      data-testid={testId}
    >
      <summary className="flex min-h-11 cursor-pointer items-center px-4 py-2">
        <h2 id={`${id}-title`} className="inline text-xl font-bold">
          {title}
        </h2>
      </summary>
      <div className="border-t border-stone-200 p-4">
        <FlashProvider>{children}</FlashProvider>
      </div>
    </details>
  );
}
