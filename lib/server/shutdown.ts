// Work that must finish before the process exits on SIGTERM (the inline worker's current
// tick, for one). The server script runs the hooks after it stops taking requests; like the
// request context this lives on globalThis so Next's bundled code and the script share it.
type Hook = () => Promise<void>;

const KEY = Symbol.for("madoguchi.shutdown");
type State = { hooks: Set<Hook>; last: Set<Hook>; draining: boolean };
type Holder = { [KEY]?: State };

function state(): State {
  const g = globalThis as Holder;
  g[KEY] ??= { hooks: new Set(), last: new Set(), draining: false };
  return g[KEY];
}

/** Registers work to finish on shutdown; returns a function that removes it. */
export function onShutdown(hook: Hook): () => void {
  state().hooks.add(hook);
  return () => state().hooks.delete(hook);
}

/**
 * Registers work to run after every other hook has finished: closing the embedded database,
 * which the worker's last tick still needs. An embedded PGlite folder left open by a process
 * that exits cannot always be opened again ("Aborted()" at the next start).
 */
export function onLastShutdown(hook: Hook): void {
  state().last.add(hook);
}

/** True once shutdown began: /api/ready answers 503 so the load balancer stops sending. */
export function isDraining(): boolean {
  return state().draining;
}

export async function runShutdownHooks(): Promise<void> {
  const s = state();
  s.draining = true;
  await Promise.allSettled([...s.hooks].map((h) => h()));
  await Promise.allSettled([...s.last].map((h) => h()));
}

export function markDraining(): void {
  state().draining = true;
}
