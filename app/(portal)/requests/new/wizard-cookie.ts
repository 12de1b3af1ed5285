import { cookies } from "next/headers";
import { DRAFT_COOKIE, DRAFT_TTL_MS, newDraftKey } from "@/lib/uploads/draft-uploads";
import { loadWizardDraft } from "@/lib/requests/wizard-draft";
import type { WizardDraft } from "@/lib/requests/wizard-values";
import { secureCookies } from "../../portal-server";

// The wizard's draft key: random, in an httpOnly SameSite=Lax cookie, never in a URL.
// It owns both the uploads (lib/uploads/draft-uploads.ts) and the answers (wizard-draft.ts).

export async function draftKeyFromCookie(): Promise<string | null> {
  return (await cookies()).get(DRAFT_COOKIE)?.value ?? null;
}

/** The draft key, creating one (and its cookie) when the wizard starts. Only in actions and route handlers. */
export async function ensureDraftKey(): Promise<string> {
  const existing = await draftKeyFromCookie();
  if (existing && /^[A-Za-z0-9_-]{32,128}$/.test(existing)) return existing;
  const key = newDraftKey();
  (await cookies()).set(DRAFT_COOKIE, key, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: DRAFT_TTL_MS / 1000,
  });
  return key;
}

export async function forgetDraftKey(): Promise<void> {
  (await cookies()).set(DRAFT_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: 0,
  });
}

export async function currentDraft(): Promise<{ draftKey: string | null; draft: WizardDraft | null }> {
  const draftKey = await draftKeyFromCookie();
  return { draftKey, draft: await loadWizardDraft(draftKey) };
}
