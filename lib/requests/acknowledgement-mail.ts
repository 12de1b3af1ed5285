import type { FeeStatus, Locale, RequestType, RequesterKind } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/settings-schema";
import { renderMail } from "@/lib/mail/mail-layout";
import { formatJstDate, formatYen, requestText } from "./request-messages";

// The acknowledgement sent when a request or inquiry is filed online: the reference,
// what happens next (identity check, or where to post copies; the fee and how to pay it
// for a disclosure), the target date, and the status link.

export type AcknowledgedRequest = {
  reference: string;
  type: RequestType;
  locale: Locale;
  requesterKind: RequesterKind;
  subjectName: string;
  agentName: string | null;
  arrivedAt: Date;
  dueAt: Date | null;
  fee: FeeStatus;
  feeAmount: number;
  transferReference: string | null;
  documentsByPost: boolean;
  /** Where the person lives (ADR 0014); from abroad, posted copies need JAPAN on the envelope. */
  country?: string;
};

export function acknowledgementMail(
  r: AcknowledgedRequest,
  settings: Pick<Settings, "operator" | "fee">,
  statusLink: string,
) {
  const L = r.locale;
  const t = (key: string, vars?: Record<string, string | number>) => requestText(L, `mail.ack.${key}`, vars);
  const inquiry = r.type === "INQUIRY" || r.type === "COMPLAINT";
  const type = requestText(L, `types.${r.type}`);
  const op = settings.operator;
  const company = L === "ja" ? op.legalNameJa : op.legalNameEn;
  const facts = [
    { label: t("fact.reference"), value: r.reference },
    { label: t("fact.type"), value: type },
    { label: t("fact.receivedOn"), value: formatJstDate(L, r.arrivedAt) },
  ];
  const paragraphs = [
    r.requesterKind !== "SELF" && r.agentName
      ? t("greetingAgent", { agent: r.agentName, name: r.subjectName })
      : t("greeting", { name: r.subjectName }),
    inquiry ? t("receivedInquiry", { type, reference: r.reference }) : t("received", { type, reference: r.reference }),
  ];
  if (!inquiry) {
    const steps = [
      r.documentsByPost
        ? t("identityByPost", { postalCode: op.postalCode, address: L === "ja" ? op.addressJa : op.addressEn, company })
        : t("identityUploaded"),
    ];
    if (r.documentsByPost && r.country && r.country !== "JP") steps.push(t("postFromAbroad"));
    if (r.fee === "AWAITING_PAYMENT" && r.transferReference) {
      const bank = settings.fee.bank;
      steps.push(
        t("fee", { amount: formatYen(L, r.feeAmount), transferReference: r.transferReference }),
        t("feeOrder"),
      );
      facts.push(
        { label: t("fact.fee"), value: formatYen(L, r.feeAmount) },
        {
          label: t("fact.bank"),
          value: `${bank.bankName} ${bank.branchName} ${t(`accountType.${bank.accountType}`)} ${bank.accountNumber}`,
        },
        { label: t("fact.accountHolder"), value: bank.accountHolderKana },
        { label: t("fact.transferReference"), value: r.transferReference },
      );
    }
    paragraphs.push(`${t("nextSteps")}\n${steps.map((s, i) => `${i + 1}. ${s}`).join("\n")}`);
  }
  if (r.dueAt) {
    paragraphs.push(t("target", { date: formatJstDate(L, r.dueAt) }));
    facts.push({ label: t("fact.targetDate"), value: formatJstDate(L, r.dueAt) });
  }
  paragraphs.push(t("statusLink"));
  const subject = inquiry ? t("subjectInquiry", { reference: r.reference }) : t("subject", { reference: r.reference });
  const heading = inquiry ? t("headingInquiry") : t("heading");
  // The link opens the requester's session: sent, never kept (lib/mail/redact-mail.ts).
  const action = { label: t("action"), url: statusLink, secret: true };
  const mail = renderMail({ locale: L, subject, heading, paragraphs, facts, action, signature: company });
  // The Notice row keeps the text without the link: the token in it is a credential.
  const bodyText = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...facts.map((f) => `${f.label}: ${f.value}`),
    "",
    company,
  ].join("\n");
  return { ...mail, bodyText };
}
