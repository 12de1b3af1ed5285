import type { Locale } from "@/lib/generated/prisma/enums";

// One layout for every mail: a heading, paragraphs, optional key/value facts, an
// optional action link and a signature. Templates (lib/*/…-mail.ts) build a MailBody in
// the requester's or staff member's language; this renders it as HTML and plain text.
export type MailBody = {
  locale: Locale;
  subject: string;
  heading: string;
  paragraphs: string[];
  facts?: { label: string; value: string }[];
  /** `secret`: the URL is a credential (a status link, an invitation): sent, never kept. */
  action?: { label: string; url: string; secret?: boolean };
  /** Operator name for the signature, from settings. */
  signature: string;
  /** Credentials in the text (a one-time code): sent, never kept (lib/mail/redact-mail.ts). */
  secrets?: string[];
};

const footer: Record<Locale, string> = {
  ja: "このメールは送信専用です。ご返信いただいても対応できませんので、お問い合わせは状況確認ページのメッセージ欄をご利用ください。",
  en: "This address does not receive replies. Please write to us from the message section of your status page.",
};

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export type RenderedMail = { subject: string; html: string; text: string; secrets: string[] };

export function renderMail(body: MailBody): RenderedMail {
  const facts = body.facts ?? [];
  const text = [
    body.heading,
    "",
    ...body.paragraphs.flatMap((p) => [p, ""]),
    ...(facts.length ? [...facts.map((f) => `${f.label}: ${f.value}`), ""] : []),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ""] : []),
    "--",
    body.signature,
    footer[body.locale],
  ].join("\n");

  const html = `<!doctype html>
<html lang="${body.locale}"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:'Noto Sans JP','Hiragino Sans',Meiryo,sans-serif;color:#1c1917;line-height:1.7">
<div style="max-width:600px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n")}
${
  facts.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${facts
        .map(
          (f) =>
            `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;font-weight:600">${escapeHtml(f.label)}</th><td style="padding:4px 0">${escapeHtml(f.value)}</td></tr>`,
        )
        .join("")}</table>`
    : ""
}
${body.action ? `<p style="margin:20px 0"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(body.action.label)}</a></p>` : ""}
<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#57534e">${escapeHtml(body.signature)}<br>${escapeHtml(footer[body.locale])}</p>
</div></body></html>`;
  const secrets = [...(body.secrets ?? []), ...(body.action?.secret ? [body.action.url] : [])];
  return { subject: body.subject, html, text, secrets };
}
