import { z } from "zod";
import type { Locale } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";
import { issueOneTimeCode } from "@/lib/codes/one-time-code";
import { assertRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { email } from "./schema-fields";
import type { RequestSubmission } from "./request-schemas";

// Before a request or inquiry is saved, the person proves they read the address we will
// write to, with a 6-digit code (issue 4: "confirm the email address … before the
// request is saved"). The address is the agent's when an agent files (lib/console's
// requesterEmail follows the same rule for every later mail).

/** Where the code and every later mail go: the agent when one acts, else the person. */
export function contactEmailOf(s: Pick<RequestSubmission, "requesterKind" | "agent" | "subject">): string {
  return s.requesterKind !== "SELF" && s.agent ? s.agent.email : s.subject.email;
}

const sendSchema = z.object({ email: email() });

/** Sends the EMAIL_CONFIRMATION code; `clientKey` (e.g. the IP address) limits sends per client too. */
export async function sendEmailConfirmationCode(opts: {
  email: unknown;
  locale: Locale;
  clientKey?: string;
  now?: Date;
}): Promise<{ expiresAt: Date }> {
  const q = parseInput(sendSchema, { email: opts.email }, "email confirmation");
  if (opts.clientKey)
    await assertRateLimit(rateLimitKey("code-send-client", opts.clientKey), 20, 3600, { now: opts.now });
  return issueOneTimeCode({ purpose: "EMAIL_CONFIRMATION", email: q.email, locale: opts.locale, now: opts.now });
}
