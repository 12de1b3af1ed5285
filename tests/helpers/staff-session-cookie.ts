import { encode } from "next-auth/jwt";
import { staffSessionSecret } from "@/lib/server/session-secret";

/**
 * The value of next-auth's session cookie for a staff member, as the console's sign-in
 * issues it (lib/server/auth-options.ts), for tests that are not about signing in.
 */
export function staffSessionToken(
  staff: { id: string; sessionVersion: number },
  opts: { signedInAt?: Date; maxAgeSeconds?: number } = {},
): Promise<string> {
  const signedInAt = Math.floor((opts.signedInAt ?? new Date()).getTime() / 1000);
  return encode({
    secret: staffSessionSecret(),
    ...(opts.maxAgeSeconds ? { maxAge: opts.maxAgeSeconds } : {}),
    token: { sub: staff.id, staffId: staff.id, sessionVersion: staff.sessionVersion, signedInAt },
  });
}
