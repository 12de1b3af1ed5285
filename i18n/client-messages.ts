import { getMessages } from "next-intl/server";

// What each part of the app hands to its client components. Without this, next-intl puts
// every message of the app (~140 KB) into every page's HTML; the requester's pages carry
// only what their forms use, the console what its forms use.

type Messages = Record<string, unknown>;

function pick(all: Messages, namespaces: string[], omit: Record<string, string[]> = {}): Messages {
  const out: Messages = {};
  for (const ns of namespaces) {
    const value = all[ns];
    if (!value || typeof value !== "object") continue;
    const drop = omit[ns];
    out[ns] = drop ? Object.fromEntries(Object.entries(value).filter(([k]) => !drop.includes(k))) : value;
  }
  return out;
}

export type ClientMessageScope = "base" | "portal" | "console";

export async function clientMessages(scope: ClientMessageScope): Promise<Messages> {
  const all = (await getMessages()) as Messages;
  switch (scope) {
    case "base":
      return pick(all, ["common", "errors"]);
    case "portal":
      // Landing texts, mail and the postal form are rendered on the server only.
      return pick(all, ["common", "errors", "portal", "requests"], {
        portal: ["landing", "postal"],
        requests: ["mail", "postalForm"],
      });
    case "console":
      return pick(
        all,
        Object.keys(all).filter((ns) => ns !== "policy" && ns !== "mail"),
        { portal: ["landing"], requests: ["mail", "postalForm"] },
      );
  }
}
