import type { Locale, PaymentMethod } from "@/lib/generated/prisma/enums";
import { renderMail, type MailBody } from "@/lib/mail/mail-layout";
import type { Settings } from "@/lib/settings/settings-schema";
import { env } from "@/lib/server/env";
import { feeMessages, fill, formatDate, formatNumber, formatYen } from "./fee-messages";

// The fee's mails to the requester, in their language: payment request (bank details and
// transfer reference), payment received, reminder and abandonment. Each links to the
// status page; none carries more personal data than the reference.
export type FeeMailRequest = {
  reference: string;
  locale: Locale;
  feeAmount: number;
  feeTaxAmount: number;
  transferReference: string | null;
};
export type RenderedMail = { subject: string; html: string; text: string };

function company(settings: Settings, locale: Locale): string {
  return locale === "ja" ? settings.operator.legalNameJa : settings.operator.legalNameEn;
}

function base(r: FeeMailRequest, settings: Settings): Pick<MailBody, "locale" | "signature" | "action"> {
  return {
    locale: r.locale,
    signature: company(settings, r.locale),
    action: { label: feeMessages(r.locale).mail.statusLink, url: `${env().APP_URL}/status` },
  };
}

function bankFacts(r: FeeMailRequest, settings: Settings): MailBody["facts"] {
  const m = feeMessages(r.locale);
  const bank = settings.fee.bank;
  return [
    { label: m.mail.facts.reference, value: r.reference },
    {
      label: m.mail.facts.amount,
      value: fill(m.amountTaxIncluded, { amount: formatNumber(r.feeAmount), tax: formatNumber(r.feeTaxAmount) }),
    },
    ...(r.transferReference ? [{ label: m.mail.facts.transferReference, value: r.transferReference }] : []),
    {
      label: m.mail.facts.bank,
      value: fill(m.mail.bankAccount, { ...bank, accountType: m.accountType[bank.accountType] }),
    },
    { label: m.mail.facts.accountHolder, value: bank.accountHolderKana },
  ];
}

export function paymentRequestMail(r: FeeMailRequest, settings: Settings, opts: { stripe: boolean }): RenderedMail {
  const m = feeMessages(r.locale).mail;
  const vars = {
    company: company(settings, r.locale),
    reference: r.reference,
    amount: formatYen(r.locale, r.feeAmount),
    transferReference: r.transferReference ?? "",
  };
  return renderMail({
    ...base(r, settings),
    subject: fill(m.paymentRequest.subject, vars),
    heading: m.paymentRequest.heading,
    paragraphs: [
      fill(m.paymentRequest.intro, vars),
      fill(m.paymentRequest.transfer, vars),
      ...(opts.stripe ? [m.paymentRequest.online] : []),
      m.paymentRequest.other,
    ],
    facts: bankFacts(r, settings),
  });
}

export function paymentReceivedMail(
  r: FeeMailRequest,
  settings: Settings,
  paid: { paidOn: Date; method: PaymentMethod; amount: number; receiptNumber: string },
): RenderedMail {
  const all = feeMessages(r.locale);
  const m = all.mail;
  const vars = { company: company(settings, r.locale), reference: r.reference };
  return renderMail({
    ...base(r, settings),
    subject: fill(m.paymentReceived.subject, vars),
    heading: m.paymentReceived.heading,
    paragraphs: [m.paymentReceived.body],
    facts: [
      { label: m.facts.reference, value: r.reference },
      { label: m.facts.amount, value: formatYen(r.locale, paid.amount) },
      { label: m.facts.paidOn, value: formatDate(r.locale, paid.paidOn, "date-column") },
      { label: m.facts.method, value: all.method[paid.method] },
      { label: m.facts.receiptNumber, value: paid.receiptNumber },
    ],
  });
}

export function paymentReminderMail(r: FeeMailRequest, settings: Settings, opts: { abandonOn: Date }): RenderedMail {
  const m = feeMessages(r.locale).mail;
  const vars = {
    company: company(settings, r.locale),
    reference: r.reference,
    date: formatDate(r.locale, opts.abandonOn),
  };
  return renderMail({
    ...base(r, settings),
    subject: fill(m.paymentReminder.subject, vars),
    heading: m.paymentReminder.heading,
    paragraphs: [
      m.paymentReminder.body,
      fill(m.paymentReminder.deadline, vars),
      fill(m.paymentRequest.transfer, { transferReference: r.transferReference ?? "" }),
    ],
    facts: bankFacts(r, settings),
  });
}

export function abandonmentMail(r: FeeMailRequest, settings: Settings): RenderedMail {
  const m = feeMessages(r.locale).mail;
  const vars = { company: company(settings, r.locale), reference: r.reference };
  return renderMail({
    ...base(r, settings),
    subject: fill(m.abandonment.subject, vars),
    heading: m.abandonment.heading,
    paragraphs: [m.abandonment.body, m.abandonment.late],
    facts: [{ label: m.facts.reference, value: r.reference }],
  });
}
