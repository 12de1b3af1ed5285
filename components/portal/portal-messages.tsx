import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/i18n/client-messages";

/** Gives the requester's forms (wizard, inquiry, status) their messages; the landing, policy and postal pages need none. */
export async function PortalMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages("portal")}>{children}</NextIntlClientProvider>;
}
