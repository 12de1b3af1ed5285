import type { AppLocale } from "./config";

// Message files are split by area (messages/<locale>/<namespace>.json) so features
// can be added without editing one giant file; each file is one top-level namespace.
const namespaces = [
  "common",
  "errors",
  "portal",
  "policy",
  "console",
  "auth",
  "staff",
  "mail",
  "requests",
  "fees",
  "notices",
  "operations",
  "settings",
  "shell",
  "integrations",
  "connected",
] as const;

export type Messages = Record<string, Record<string, unknown>>;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => {
      try {
        const mod = (await import(`../messages/${locale}/${ns}.json`)) as { default: Record<string, unknown> };
        return [ns, mod.default] as const;
      } catch {
        return [ns, {}] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
