import { openString, sealString, sha256Hex } from "@/lib/server/crypto";

// Collected rows and change plans hold personal data: they are kept sealed (AES-256-GCM with
// the app's key) and opened only to render them to staff or to hand them to the engine.

export function sealJson(value: unknown): { sealed: string; sha256: string } {
  const text = JSON.stringify(value);
  return { sealed: sealString(text), sha256: sha256Hex(text) };
}

export function openJson<T>(sealed: string): T {
  return JSON.parse(openString(sealed)) as T;
}
