import type { Locale } from "@/lib/generated/prisma/enums";
import { renderMail } from "@/lib/mail/mail-layout";
import { jstDate } from "@/lib/dates";
import type { Settings } from "@/lib/settings/settings-schema";

export type DigestLine = { reference: string; type: string; dueAt: Date | null; overdue: boolean; assigned: boolean };

const typeNames: Record<Locale, Record<string, string>> = {
  ja: {
    DISCLOSURE: "開示",
    CORRECTION: "訂正等",
    SUSPENSION: "利用停止等",
    THIRD_PARTY_STOP: "第三者提供停止",
    PURPOSE_NOTICE: "利用目的の通知",
    INQUIRY: "問い合わせ",
    COMPLAINT: "苦情",
  },
  en: {
    DISCLOSURE: "Disclosure",
    CORRECTION: "Correction",
    SUSPENSION: "Suspension",
    THIRD_PARTY_STOP: "Third-party stop",
    PURPOSE_NOTICE: "Purpose notice",
    INQUIRY: "Inquiry",
    COMPLAINT: "Complaint",
  },
};

/**
 * The daily digest for one staff member: due-soon and overdue requests, with links.
 * `lines` are the most urgent ones (at most DIGEST_LINES); `total` and `overdue` count all.
 */
export function staffDigestMail(v: {
  locale: Locale;
  name: string;
  lines: DigestLine[];
  total: number;
  overdue: number;
  consoleUrl: string;
  operator: Settings["operator"];
}) {
  const ja = v.locale === "ja";
  const more = v.total - v.lines.length;
  return renderMail({
    locale: v.locale,
    subject: ja
      ? `【Madoguchi】期限が近い・超過した請求 ${v.total}件（うち超過 ${v.overdue}件）`
      : `[Madoguchi] ${v.total} requests due soon or overdue (${v.overdue} overdue)`,
    heading: ja ? `${v.name} さん` : `Hello ${v.name},`,
    paragraphs: [
      ja ? "対応期限が近い、または超過している請求があります。" : "These requests are due soon or overdue.",
      ...(more > 0
        ? [
            ja
              ? `期限の早い${v.lines.length}件を載せています。ほか${more}件はコンソールの一覧でご確認ください。`
              : `The ${v.lines.length} most urgent are listed; ${more} more are in the console's queue.`,
          ]
        : []),
    ],
    facts: v.lines.map((l) => ({
      label: l.reference,
      value: `${typeNames[v.locale][l.type] ?? l.type} — ${l.dueAt ? jstDate(l.dueAt) : "-"}${l.overdue ? (ja ? "（期限超過）" : " (overdue)") : ""}${l.assigned ? "" : ja ? "（担当者未定）" : " (unassigned)"}`,
    })),
    action: { label: ja ? "コンソールを開く" : "Open the console", url: v.consoleUrl },
    signature: ja ? v.operator.legalNameJa : v.operator.legalNameEn,
  });
}

/** Tells a requester what we still need, and when the request will be closed without it. */
export function requesterWaitingMail(v: {
  locale: Locale;
  name: string;
  reference: string;
  needed: string | null;
  abandonOn: Date;
  statusUrl: string;
  operator: Settings["operator"];
}) {
  const ja = v.locale === "ja";
  return renderMail({
    locale: v.locale,
    subject: ja
      ? `【ご確認のお願い】${v.reference} ご回答・書類をお待ちしています`
      : `[Action needed] ${v.reference}: we are waiting for your answer or documents`,
    heading: ja ? `${v.name} 様` : `Dear ${v.name},`,
    paragraphs: ja
      ? [
          `受付番号 ${v.reference} のご請求について、ご回答または書類の提出をお待ちしています。`,
          ...(v.needed ? [`お願いしている内容：${v.needed}`] : []),
          `${jstDate(v.abandonOn)} までにご対応がない場合、このご請求は終了とさせていただきます。終了後も、あらためてご請求いただけます。`,
        ]
      : [
          `We are waiting for your answer or documents for request ${v.reference}.`,
          ...(v.needed ? [`What we asked for: ${v.needed}`] : []),
          `If we hear nothing by ${jstDate(v.abandonOn)}, we will close this request. You can make a new request at any time.`,
        ],
    facts: [{ label: ja ? "受付番号" : "Reference", value: v.reference }],
    action: { label: ja ? "状況確認ページへ" : "Go to your status page", url: v.statusUrl },
    signature: ja ? v.operator.legalNameJa : v.operator.legalNameEn,
  });
}

export function requesterAbandonedMail(v: {
  locale: Locale;
  name: string;
  reference: string;
  days: number;
  statusUrl: string;
  operator: Settings["operator"];
}) {
  const ja = v.locale === "ja";
  return renderMail({
    locale: v.locale,
    subject: ja ? `【終了のお知らせ】${v.reference}` : `[Closed] ${v.reference}`,
    heading: ja ? `${v.name} 様` : `Dear ${v.name},`,
    paragraphs: ja
      ? [
          `受付番号 ${v.reference} のご請求は、${v.days}日間ご回答・書類の提出がなかったため、終了しました。あらためてご請求いただくことができます。`,
        ]
      : [
          `Request ${v.reference} has been closed because we received no answer or documents for ${v.days} days. You are welcome to make a new request.`,
        ],
    action: { label: ja ? "窓口のトップへ" : "Go to the request desk", url: v.statusUrl.replace(/\/status$/, "/") },
    signature: ja ? v.operator.legalNameJa : v.operator.legalNameEn,
  });
}
