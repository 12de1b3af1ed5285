import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { completeSignIn } from "@/lib/staff/sign-in";
import { isAppError } from "@/lib/errors";
import { env } from "./env";
import { staffSessionSecret } from "./session-secret";
import { logger } from "./log";

/**
 * next-auth handles the session cookie (a signed, encrypted JWT). The credentials it
 * accepts are the second step of sign-in: a challenge from the password step plus a
 * TOTP code, so a session always means password and second factor.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  // next-auth v4 reads its base URL from the environment.
  process.env.NEXTAUTH_URL ??= e.APP_URL;
  return {
    secret: staffSessionSecret(),
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_MINUTES * 60, updateAge: 5 * 60 },
    pages: { signIn: "/console/sign-in", error: "/console/sign-in" },
    useSecureCookies: e.APP_URL.startsWith("https://"),
    providers: [
      CredentialsProvider({
        id: "staff-totp",
        name: "Madoguchi",
        credentials: { challenge: { type: "text" }, code: { type: "text" } },
        async authorize(credentials) {
          try {
            const user = await completeSignIn({
              challenge: credentials?.challenge ?? "",
              code: credentials?.code ?? "",
            });
            return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
          } catch (err) {
            // next-auth passes the message to the client as `error`: a code, never detail.
            if (isAppError(err)) throw new Error(err.code);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.staffId = user.id;
          token.sessionVersion = user.sessionVersion;
          // Kept as the token is renewed, so the absolute lifetime counts from sign-in (current-staff.ts).
          token.signedInAt = Math.floor(Date.now() / 1000);
          // Keep no personal data in the cookie beyond what is needed.
          delete token.email;
          delete token.picture;
        }
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          staffId: token.staffId ?? "",
          sessionVersion: token.sessionVersion ?? -1,
          signedInAt: token.signedInAt ?? 0,
        };
      },
    },
    logger: {
      // next-auth logs credentials errors with the request; keep only the code.
      error(code) {
        if (code !== "CREDENTIALS_SIGNIN_ERROR") logger().warn({ code }, "auth");
      },
      warn(code) {
        if (code !== "NEXTAUTH_URL" && code !== "DEBUG_ENABLED") logger().warn({ code }, "auth");
      },
      debug() {},
    },
  };
}
