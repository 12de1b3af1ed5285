"use client";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

// The request's version as the page knows it right now. A save returns the version it
// produced; every form on the page uses it at once, instead of waiting for the page's
// refresh (1–4 s later) — otherwise the person's own quick second save was refused as
// someone else's change (issue 17, bug 1). Another person's save is never seen here, so
// their stale version still meets the conflict check on the server.

type VersionState = { version: number; update: (v: number) => void };

const VersionContext = createContext<VersionState | null>(null);

export function RequestVersionProvider({ version, children }: { version: number; children: ReactNode }) {
  const [returned, setReturned] = useState(version);
  // The page's own version wins once its refresh catches up or passes what a save returned.
  const current = Math.max(version, returned);
  const update = useCallback((v: number) => setReturned((old) => Math.max(old, v)), []);
  return <VersionContext.Provider value={{ version: current, update }}>{children}</VersionContext.Provider>;
}

export function useRequestVersion(): VersionState | null {
  return useContext(VersionContext);
}

/** The hidden version field of a request form: the freshest version the page knows. */
export function RequestVersionInput({ version }: { version: number }) {
  const ctx = useContext(VersionContext);
  return <input type="hidden" name="version" value={ctx ? Math.max(ctx.version, version) : version} />;
}
