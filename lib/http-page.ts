import { getTranslations } from "next-intl/server";
import { httpStatusFor, isAppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// A file route opened in the browser (a hand-edited or stale document link) answers a
// page in the person's language, not raw JSON; programs that ask for JSON still get the
// code (issue 17, bug 7). Same status either way.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function fileErrorResponse(req: Request, e: unknown): Promise<Response> {
  const wantsPage = (req.headers.get("accept") ?? "").includes("text/html");
  if (!wantsPage || !isAppError(e)) return errorResponse(e);
  const status = httpStatusFor[e.code];
  if (status !== 403 && status !== 404 && status !== 400) return errorResponse(e);
  const t = await getTranslations("common");
  const [title, body] =
    status === 403 ? [t("forbiddenTitle"), t("forbiddenBody")] : [t("fileNotFoundTitle"), t("fileNotFoundBody")];
  const lang = t("lang");
  const html = `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6"><main><p style="color:#57534e;font-family:monospace">${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/console">${escapeHtml(t("backToConsole"))}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    },
  });
}
