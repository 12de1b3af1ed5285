import type {
  Locale,
  NoticeKind,
  Outcome,
  RequestType,
  RequesterKind,
  TaskAction,
  WithholdingGround,
  DeliveryMethod,
} from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/settings-schema";
import { fill, formatNoticeDate, noticeMessages, type NoticeMessages } from "./notice-messages";
import { feeMessages, formatNumber } from "@/lib/fees/fee-messages";
import { formatFee } from "@/lib/fees/format-fee";

export type NoticeRequest = {
  reference: string;
  type: RequestType;
  locale: Locale;
  arrivedAt: Date;
  subjectName: string;
  requesterKind: RequesterKind;
  agentName: string | null;
};

export type NoticeDecision = {
  outcome: Outcome;
  explanation: string;
  details?: unknown;
  grounds: { ground: WithholdingGround; explanation: string }[];
};

export type NoticeContext = {
  kind: NoticeKind;
  request: NoticeRequest;
  decision?: NoticeDecision | null;
  tasks?: { action: TaskAction }[];
  /** Staff's own words, for INFORMATION_NEEDED and MESSAGE. */
  message?: string | null;
  package?: { deliveryMethod: DeliveryMethod; expiresAt: Date | null } | null;
  operator: Settings["operator"];
  /** For PAYMENT_REQUEST: the amount fixed at filing, the transfer reference and where to pay. */
  fee?: {
    amount: number;
    taxAmount: number;
    transferReference: string | null;
    bank: Settings["fee"]["bank"];
    online: boolean;
  } | null;
  statusUrl: string;
  issuedAt: Date;
};

export type NoticeGround = {
  ground: WithholdingGround;
  article: string;
  label: string;
  line: string;
  explanation: string;
};

export type BuiltNotice = {
  kind: NoticeKind;
  locale: Locale;
  subject: string;
  heading: string;
  greeting: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
  groundsHeading: string;
  grounds: NoticeGround[];
  closing: string[];
  action: { label: string; url: string };
  signature: string;
  /** The whole notice as plain text (kept on the Notice row). */
  bodyText: string;
};

type DecisionTexts = Partial<Record<Outcome, string>>;

function decisionText(m: NoticeMessages, type: RequestType, outcome: Outcome): string {
  const byType = (m.decision as unknown as Record<string, DecisionTexts>)[type];
  return byType?.[outcome] ?? (m.decision.generic as DecisionTexts)[outcome] ?? "";
}

function measureOf(details: unknown): string | null {
  if (
    details &&
    typeof details === "object" &&
    "alternativeMeasure" in details &&
    typeof details.alternativeMeasure === "string"
  )
    return details.alternativeMeasure;
  return null;
}

/**
 * A notice in the requester's language (Request.locale): the same text goes into the
 * mail, the PDF kept with the request, and the Notice row. A decision notice names
 * every ground with its article and the explanation written for the requester.
 */
export function buildNotice(ctx: NoticeContext): BuiltNotice {
  const { request: r, kind } = ctx;
  const locale = r.locale;
  const m = noticeMessages(locale);
  const type = m.types[r.type];
  const vars = { reference: r.reference, type, arrivedOn: formatNoticeDate(locale, r.arrivedAt) };
  const greeting =
    r.requesterKind !== "SELF" && r.agentName
      ? fill(m.common.greetingAgent, { agent: r.agentName, name: r.subjectName })
      : fill(m.common.greeting, { name: r.subjectName });
  const facts = [
    { label: m.common.reference, value: r.reference },
    { label: m.common.requestType, value: type },
    { label: m.common.arrivedOn, value: vars.arrivedOn },
    { label: m.common.issuedOn, value: formatNoticeDate(locale, ctx.issuedAt) },
  ];
  const paragraphs: string[] = [];
  const grounds: NoticeGround[] = [];
  const closing: string[] = [];
  let subject: string;
  let heading: string;

  switch (kind) {
    case "DECISION":
    case "ALTERNATIVE_MEASURE": {
      const d = ctx.decision;
      if (!d) throw new Error("a decision notice needs the decision");
      const texts = kind === "ALTERNATIVE_MEASURE" ? m.kinds.ALTERNATIVE_MEASURE : m.kinds.DECISION;
      subject = fill(texts.subject, vars);
      heading = fill(texts.heading, vars);
      paragraphs.push(fill(texts.intro, vars));
      facts.push({ label: texts.outcome, value: m.outcomes[d.outcome] });
      paragraphs.push(decisionText(m, r.type, d.outcome));
      if (d.explanation) paragraphs.push(`${m.decision.explanation}: ${d.explanation}`);
      const measure = measureOf(d.details);
      if (d.outcome === "ALTERNATIVE_MEASURE" && measure) paragraphs.push(`${m.decision.measure}: ${measure}`);
      for (const g of d.grounds) {
        const t = m.grounds[g.ground];
        grounds.push({
          ground: g.ground,
          article: t.article,
          label: t.label,
          line: fill(m.grounds.line, { article: t.article, label: t.label }),
          explanation: fill(m.grounds.explanation, { text: g.explanation }),
        });
      }
      if (d.outcome === "NOT_FULFILLED" || d.outcome === "PARTIALLY_FULFILLED" || d.outcome === "ALTERNATIVE_MEASURE")
        closing.push(m.common.inquiryRight);
      break;
    }
    case "COMPLETION": {
      const t = m.kinds.COMPLETION;
      subject = fill(t.subject, vars);
      heading = fill(t.heading, vars);
      paragraphs.push(fill(t.body, vars));
      const actions = [...new Set((ctx.tasks ?? []).map((x) => x.action))].filter((a) => a !== "COLLECT"); // collecting is not work the requester asked for
      if (actions.length)
        facts.push({
          label: t.done,
          value: actions.map((a) => m.decision.actions[a]).join(locale === "ja" ? "、" : ", "),
        });
      break;
    }
    case "INFORMATION_NEEDED": {
      const t = m.kinds.INFORMATION_NEEDED;
      subject = fill(t.subject, vars);
      heading = t.heading;
      paragraphs.push(fill(t.body, vars));
      if (ctx.message) paragraphs.push(`${t.staffMessage}:\n${ctx.message}`);
      break;
    }
    case "PACKAGE_PUBLISHED": {
      const t = m.kinds.PACKAGE_PUBLISHED;
      subject = fill(t.subject, vars);
      heading = t.heading;
      const pkg = ctx.package;
      paragraphs.push(
        pkg && pkg.deliveryMethod === "ELECTRONIC"
          ? fill(t.electronic, { expiresOn: pkg.expiresAt ? formatNoticeDate(locale, pkg.expiresAt) : "—" })
          : t.post,
      );
      break;
    }
    case "MESSAGE": {
      const t = m.kinds.MESSAGE;
      subject = fill(t.subject, vars);
      heading = t.heading;
      paragraphs.push(fill(t.body, vars));
      break;
    }
    case "PAYMENT_REQUEST": {
      // The fee notice for requests entered in the console (post, email, phone, counter):
      // web requests read the same facts in their acknowledgement (issue 17, bug 3).
      const fee = ctx.fee;
      if (!fee) throw new Error("a payment request needs the fee");
      const fm = feeMessages(locale);
      const t = fm.mail.paymentRequest;
      const fv = { ...vars, amount: formatFee(fee.amount, locale), transferReference: fee.transferReference ?? "" };
      subject = fill(t.subject, fv);
      heading = t.heading;
      paragraphs.push(fill(t.intro, fv));
      if (fee.transferReference) paragraphs.push(fill(t.transfer, fv));
      if (fee.online) paragraphs.push(t.online);
      paragraphs.push(t.other);
      facts.push({
        label: fm.mail.facts.amount,
        value: fill(fm.amountTaxIncluded, { amount: formatNumber(fee.amount), tax: formatNumber(fee.taxAmount) }),
      });
      if (fee.transferReference) facts.push({ label: fm.mail.facts.transferReference, value: fee.transferReference });
      facts.push({
        label: fm.mail.facts.bank,
        value: fill(fm.mail.bankAccount, { ...fee.bank, accountType: fm.accountType[fee.bank.accountType] }),
      });
      facts.push({ label: fm.mail.facts.accountHolder, value: fee.bank.accountHolderKana });
      break;
    }
    case "ACKNOWLEDGEMENT": {
      const t = m.kinds.ACKNOWLEDGEMENT;
      subject = fill(t.subject, vars);
      heading = t.heading;
      paragraphs.push(fill(t.body, vars));
      break;
    }
    default:
      // Fee, withdrawal and abandonment notices are written by their own areas.
      throw new Error(`notice kind ${kind} is not built here`);
  }

  closing.push(fill(m.common.contact, { email: ctx.operator.contactEmail }));
  const company = locale === "ja" ? ctx.operator.legalNameJa : ctx.operator.legalNameEn;
  const signature = fill(m.common.pdfFooter, { company, personInCharge: ctx.operator.personInCharge });
  const action = { label: m.common.statusLink, url: ctx.statusUrl };
  const bodyText = [
    greeting,
    "",
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...facts.map((f) => `${f.label}: ${f.value}`),
    "",
    ...(grounds.length
      ? [m.grounds.heading, ...grounds.flatMap((g) => [`- ${g.line}`, `  ${g.explanation}`]), ""]
      : []),
    ...closing.flatMap((p) => [p, ""]),
    `${action.label}: ${action.url}`,
    "",
    signature,
  ].join("\n");
  return {
    kind,
    locale,
    subject,
    heading,
    greeting,
    paragraphs,
    facts,
    groundsHeading: m.grounds.heading,
    grounds,
    closing,
    action,
    signature,
    bodyText,
  };
}
