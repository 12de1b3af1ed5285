import { openString, sealString } from "@/lib/server/crypto";

// What the outbox keeps of a message (ADR 0011). Sending needs the whole message, so it is
// kept sealed (AES-256-GCM under the file key) until it is sent and then dropped; the
// readable copy (the mail viewer's) never holds the credentials a mail carries: one-time
// codes, status links (they open the requester's session) and invitation links.

const REMOVED = "[removed]";

/** Link paths that are credentials wherever they appear, even if a template forgot to say so. */
const credentialLinks = [/\/status\/t\/[^\s"'<>&]+/g, /\/console\/invite\/[^\s"'<>&]+/g];

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The text with every secret (as written, HTML-escaped or URL-encoded) and every credential link removed. */
export function redactMailText(text: string, secrets: readonly string[]): string {
  let out = text;
  const forms = secrets.filter((s) => s.length > 0).flatMap((s) => [s, escapeHtml(s), encodeURI(s)]);
  // Longest first: a link containing a shorter secret is removed whole.
  // A link keeps its path up to the credential, so the copy still says where it pointed.
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) {
    const replacement = /^https?:\/\//.test(form) ? `${form.slice(0, form.lastIndexOf("/") + 1)}${REMOVED}` : REMOVED;
    out = out.split(form).join(replacement);
  }
  for (const link of credentialLinks) out = out.replace(link, (m) => `${m.slice(0, m.lastIndexOf("/") + 1)}${REMOVED}`);
  return out;
}

export type MailContent = { subject: string; html: string; text: string };

export function sealMailContent(content: MailContent): string {
  return sealString(JSON.stringify({ subject: content.subject, html: content.html, text: content.text }));
}

export function openMailContent(sealed: string): MailContent {
  const parsed = JSON.parse(openString(sealed)) as Partial<MailContent>;
  return { subject: String(parsed.subject ?? ""), html: String(parsed.html ?? ""), text: String(parsed.text ?? "") };
}

/** The message as it is sent: the sealed original while unsent; once sent, only the redacted copy exists. */
export function mailForSending(row: {
  sealedBody: string | null;
  subject: string;
  html: string;
  text: string;
}): MailContent {
  return row.sealedBody ? openMailContent(row.sealedBody) : { subject: row.subject, html: row.html, text: row.text };
}
