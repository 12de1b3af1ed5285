"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { staffActor } from "@/lib/server/current-staff";
import { sealString } from "@/lib/server/crypto";
import { parseSearch } from "@/lib/console/search-terms";
import { QUEUE_SEARCH_COOKIE, queueReturnPath } from "./queue-params";

// Names and email addresses are personal data: they never go in a URL (history, logs,
// Referer). The term travels in a POST body and is kept sealed in a short-lived,
// http-only cookie scoped to the console; a reference alone may go in the URL.

type CookieStore = Awaited<ReturnType<typeof cookies>>;

function forget(store: CookieStore): void {
  store.set(QUEUE_SEARCH_COOKIE, "", { httpOnly: true, sameSite: "strict", path: "/console", maxAge: 0 });
}

export async function searchQueueAction(formData: FormData): Promise<void> {
  if (!(await staffActor())) redirect("/console/sign-in");
  const raw = String(formData.get("search") ?? "").slice(0, 200);
  const back = new URLSearchParams(queueReturnPath(formData.get("returnTo")));
  back.delete("ref");
  back.delete("page");
  const store = await cookies();
  forget(store);
  const term = parseSearch(raw);
  if (term?.kind === "reference") {
    // An exact reference always finds its request, closed or not (issue 17, bug 2): the
    // status filter (open-only by default) is set aside for it.
    back.delete("status");
    back.set("f", "1");
    back.set("ref", raw.normalize("NFKC").trim());
  } else if (term)
    store.set(QUEUE_SEARCH_COOKIE, sealString(raw.trim()), {
      httpOnly: true,
      sameSite: "strict",
      path: "/console",
      maxAge: 60 * 60,
    });
  const qs = back.toString();
  redirect(qs ? `/console?${qs}` : "/console");
}

export async function clearQueueSearchAction(formData: FormData): Promise<void> {
  forget(await cookies());
  const back = new URLSearchParams(queueReturnPath(formData.get("returnTo")));
  back.delete("ref");
  back.delete("page");
  const qs = back.toString();
  redirect(qs ? `/console?${qs}` : "/console");
}
