"use client";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

export type Flash = { tone: "success" | "warning"; title?: ReactNode; body: ReactNode; id: number };

const FlashContext = createContext<((f: Omit<Flash, "id">) => void) | null>(null);

/**
 * A status line that outlives the form that caused it. Many console forms vanish once
 * they succeed (the decision is made, the task is done, the package is published), or
 * when a conflict reloads someone else's change; the outcome is said here instead, in a
 * live region at the end of the section the form was in, until dismissed or replaced.
 */
export function FlashProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("console.form");
  const [flash, setFlash] = useState<Flash | null>(null);
  const show = useCallback((f: Omit<Flash, "id">) => setFlash({ ...f, id: Date.now() }), []);
  const tone = flash?.tone === "warning" ? "border-warn bg-amber-50" : "border-green-700 bg-green-50";
  return (
    <FlashContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite">
        {flash ? (
          <div
            key={flash.id}
            className={`mt-4 flex items-start gap-3 rounded-md border-l-4 p-3 ${tone}`}
            data-testid={flash.tone === "warning" ? "conflict" : "form-ok"}
          >
            <div className="min-w-0 flex-1">
              {flash.title ? <p className="font-bold">{flash.title}</p> : null}
              <p>{flash.body}</p>
            </div>
            <button
              type="button"
              onClick={() => setFlash(null)}
              className="min-h-11 min-w-11 rounded px-2 text-brand-800 underline"
            >
              {t("dismiss")}
            </button>
          </div>
        ) : null}
      </div>
    </FlashContext.Provider>
  );
}

/** The page's flash, or null when the page has none (forms then speak for themselves). */
export function useFlash() {
  return useContext(FlashContext);
}
