import { hmacHex } from "./crypto";

/** The key next-auth signs and encrypts the staff session cookie with, derived from MADOGUCHI_SECRET. */
export function staffSessionSecret(): string {
  return hmacHex("next-auth", "session-secret");
}
