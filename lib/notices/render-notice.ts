import { renderPdf, type PdfBlock } from "@/lib/pdf/pdf-document";
import { renderMail } from "@/lib/mail/mail-layout";
import type { Settings } from "@/lib/settings/settings-schema";
import type { BuiltNotice } from "./build-notice";
import { noticeMessages } from "./notice-messages";

/** The notice as the PDF kept with the request (and posted when there is no email). */
export async function renderNoticePdf(n: BuiltNotice, operator: Settings["operator"]): Promise<Buffer> {
  const ja = n.locale === "ja";
  const blocks: PdfBlock[] = [
    { kind: "paragraph", text: n.greeting },
    {
      kind: "paragraph",
      text: ja
        ? `${operator.legalNameJa}\n〒${operator.postalCode} ${operator.addressJa}`
        : `${operator.legalNameEn}\n${operator.addressEn} ${operator.postalCode}`,
    },
    { kind: "spacer" },
    { kind: "title", text: n.heading },
    { kind: "fields", rows: n.facts.map((f) => [f.label, f.value] as [string, string]) },
    { kind: "rule" },
    ...n.paragraphs.map((text): PdfBlock => ({ kind: "paragraph", text })),
  ];
  if (n.grounds.length) {
    blocks.push({ kind: "heading", text: n.groundsHeading });
    for (const g of n.grounds)
      blocks.push({ kind: "paragraph", text: g.line }, { kind: "paragraph", text: g.explanation, size: 10 });
  }
  blocks.push({ kind: "rule" }, ...n.closing.map((text): PdfBlock => ({ kind: "paragraph", text, size: 9.5 })));
  blocks.push(
    { kind: "paragraph", text: n.signature, size: 9.5 },
    { kind: "paragraph", text: noticeMessages(n.locale).common.closing },
  );
  return renderPdf({ title: n.subject, lang: n.locale }, blocks);
}

/** The notice as mail (HTML + text) through the shared layout. */
export function renderNoticeMail(n: BuiltNotice) {
  const paragraphs = [n.greeting, ...n.paragraphs];
  if (n.grounds.length)
    paragraphs.push([n.groundsHeading, ...n.grounds.map((g) => `・${g.line}\n${g.explanation}`)].join("\n"));
  paragraphs.push(...n.closing);
  return renderMail({
    locale: n.locale,
    subject: n.subject,
    heading: n.heading,
    paragraphs,
    facts: n.facts,
    action: n.action,
    signature: n.signature,
  });
}
