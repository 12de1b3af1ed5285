import type { Locale } from "@/lib/generated/prisma/enums";
import { prisma, type Db } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { renderPdf, type PdfBlock } from "@/lib/pdf/pdf-document";
import { CATEGORY_NUMBERS, RELATIONSHIPS } from "./policy-items";
import {
  CORRECTION_ACTIONS,
  DELIVERY_METHODS,
  SUSPENSION_GROUNDS,
  SUSPENSION_WANTED,
  THIRD_PARTY_STOP_GROUNDS,
} from "./request-details-schemas";
import { REQUESTER_KINDS, WIZARD_REQUEST_TYPES, type WizardRequestType } from "./request-schemas";
import { formatYen, requestText } from "./request-messages";
import { postalFormAnswers, type PostalFormAnswers } from "./postal-form-answers";
import { countryName } from "./countries";

// The prescribed request form of Art 6.2 (①) as a printable PDF, for those who mail their
// request. Blank, or pre-filled with what the person typed in the wizard so far; the
// sections shown follow the chosen type. The Japanese text is embedded as text, not
// outlines, so it can be read back (and by screen readers).

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * One field as "label: value" (or a blank line to write on). A paragraph rather than a
 * renderPdf "fields" row: paragraphs break across pages cleanly, rows do not yet.
 */
const field = (t: T, label: string, value: string | undefined): PdfBlock => ({
  kind: "paragraph",
  size: 10,
  text: `${label}${t("postalForm.colon")}${value ?? t("postalForm.blank")}`,
});
const box = (t: T, checked: boolean, label: string) =>
  `${t(checked ? "postalForm.checked" : "postalForm.unchecked")} ${label}`;
/** Options one per line (long labels) or side by side (short ones). */
const boxes = <V extends string | number>(
  t: T,
  options: readonly V[],
  chosen: V | undefined,
  label: (v: V) => string,
  inline = false,
) => options.map((o) => box(t, o === chosen, label(o))).join(inline ? "　" : "\n");
/** A labelled choice: the label, then its options below. */
const choice = (label: string, options: string): PdfBlock[] => [
  { kind: "paragraph", text: `【${label}】`, size: 10 },
  { kind: "paragraph", text: options, size: 10 },
];

function detailBlocks(t: T, type: WizardRequestType, a: PostalFormAnswers): PdfBlock[] {
  const d = a.details;
  const heading: PdfBlock = {
    kind: "heading",
    text: `${box(t, a.type === type, t(`types.${type}`))}（${t(`typeArticles.${type}`)}）`,
  };
  const numbered = (n: number) => `(${n}) ${t(`categories.${n}`)}`;
  const categoryNumbers = d.categories.length ? d.categories.map((n) => `(${n})`).join(" ") : undefined;
  switch (type) {
    case "DISCLOSURE":
      return [
        heading,
        { kind: "paragraph", text: `【${t("postalForm.field.categories")}】`, size: 10 },
        {
          kind: "paragraph",
          size: 9,
          text: CATEGORY_NUMBERS.map((n) => box(t, d.categories.includes(n), numbered(n))).join("\n"),
        },
        field(
          t,
          t("postalForm.field.period"),
          d.periodFrom || d.periodTo
            ? t("postalForm.field.periodValue", { from: d.periodFrom ?? "—", to: d.periodTo ?? "—" })
            : undefined,
        ),
        ...choice(
          t("postalForm.field.deliveryMethod"),
          boxes(t, DELIVERY_METHODS, d.deliveryMethod, (m) => t(`deliveryMethods.${m}`)),
        ),
        field(t, t("postalForm.field.deliveryNote"), d.deliveryNote),
        { kind: "paragraph", text: box(t, d.includeProvisionRecords, t("postalForm.field.provisionRecords")) },
      ];
    case "CORRECTION": {
      const items = d.items.length ? d.items : [{}, {}];
      return [
        heading,
        ...choice(
          t("postalForm.field.correctionAction"),
          boxes(t, CORRECTION_ACTIONS, d.correctionAction, (m) => t(`correctionActions.${m}`), true),
        ),
        ...items.flatMap((i: { category?: number; current?: string; corrected?: string }, n): PdfBlock[] => [
          field(t, `${t("postalForm.field.correctionItem")} ${n + 1}`, i.category ? numbered(i.category) : undefined),
          field(t, t("postalForm.field.correctionCurrent"), i.current),
          field(t, t("postalForm.field.correctionCorrected"), i.corrected),
        ]),
        field(t, t("postalForm.field.reason"), d.note),
      ];
    }
    case "SUSPENSION":
      return [
        heading,
        field(t, t("postalForm.field.categories"), categoryNumbers),
        ...choice(
          t("postalForm.field.ground"),
          boxes(t, SUSPENSION_GROUNDS, a.type === type ? d.ground : undefined, (g) => t(`suspensionGrounds.${g}`)),
        ),
        field(t, t("postalForm.field.purpose"), d.purpose ? `(${d.purpose}) ${t(`purposes.${d.purpose}`)}` : undefined),
        ...choice(
          t("postalForm.field.wanted"),
          boxes(t, SUSPENSION_WANTED, d.wanted, (w) => t(`suspensionWanted.${w}`), true),
        ),
        field(t, t("postalForm.field.reason"), a.type === type ? d.note : undefined),
      ];
    case "THIRD_PARTY_STOP":
      return [
        heading,
        field(t, t("postalForm.field.categories"), categoryNumbers),
        field(t, t("postalForm.field.recipient"), d.recipient),
        ...choice(
          t("postalForm.field.ground"),
          boxes(
            t,
            THIRD_PARTY_STOP_GROUNDS,
            a.type === type ? (d.ground as (typeof THIRD_PARTY_STOP_GROUNDS)[number]) : undefined,
            (g) => t(`suspensionGrounds.${g}`),
          ),
        ),
        field(t, t("postalForm.field.reason"), a.type === type ? d.note : undefined),
      ];
    case "PURPOSE_NOTICE":
      return [heading, { kind: "paragraph", text: t("postalForm.field.purposeNotice") }];
  }
}

export async function renderPostalRequestForm(
  opts: { answers?: unknown; locale?: Locale; db?: Db } = {},
): Promise<Buffer> {
  const locale = opts.locale ?? "ja";
  const t: T = (key, vars) => requestText(locale, key, vars);
  const a = postalFormAnswers(opts.answers);
  const { operator, fee } = await getSettings(opts.db ?? prisma);
  const company = locale === "ja" ? operator.legalNameJa : operator.legalNameEn;
  const s = a.subject;
  const agentShown = a.requesterKind !== "SELF";
  const bank = `${fee.bank.bankName} ${fee.bank.branchName} ${requestText(locale, `mail.ack.accountType.${fee.bank.accountType}`)} ${fee.bank.accountNumber} ${fee.bank.accountHolderKana}`;
  const kind = a.requesterKind;
  const documents = [
    box(t, false, t("postalForm.documents.subjectId")),
    ...(kind !== "SELF" ? [box(t, false, t("postalForm.documents.agentId"))] : []),
    ...(kind === undefined || kind === "APPOINTED_AGENT"
      ? [box(t, false, t("postalForm.documents.appointedAgent"))]
      : []),
    ...(kind === undefined || kind === "LEGAL_REPRESENTATIVE"
      ? [box(t, false, t("postalForm.documents.legalRepresentative"))]
      : []),
  ];
  let sectionNo = 0;
  const section = (key: string): PdfBlock => ({
    kind: "heading",
    text: `${++sectionNo}. ${t(`postalForm.section.${key}`)}`,
  });
  const blocks: PdfBlock[] = [
    { kind: "title", text: t("postalForm.title") },
    { kind: "paragraph", text: `${t("postalForm.addressee", { company })}\n${t("postalForm.requestDate")}` },
    { kind: "paragraph", size: 9.5, text: t("postalForm.intro") },
    ...(opts.answers ? [{ kind: "paragraph", size: 9.5, text: t("postalForm.prefilled") } satisfies PdfBlock] : []),
    section("type"),
    { kind: "paragraph", text: boxes(t, WIZARD_REQUEST_TYPES, a.type, (v) => t(`types.${v}`), true) },
    section("requester"),
    { kind: "paragraph", text: boxes(t, REQUESTER_KINDS, kind, (v) => t(`requesterKinds.${v}`)) },
    section("subject"),
    field(t, t("postalForm.field.nameKana"), s.nameKana),
    field(t, t("postalForm.field.name"), s.name),
    field(t, t("postalForm.field.birthDate"), s.birthDate),
    field(t, t("postalForm.field.country"), s.country ? countryName(s.country, locale) : undefined),
    field(t, t("postalForm.field.postalCode"), s.postalCode ? `〒${s.postalCode}` : undefined),
    field(t, t("postalForm.field.address"), s.address),
    field(t, t("postalForm.field.phone"), s.phone),
    field(t, t("postalForm.field.email"), s.email),
    field(t, t("postalForm.field.customerId"), s.customerId),
    ...choice(
      t("postalForm.field.relationship"),
      boxes(t, RELATIONSHIPS, s.relationship, (v) => t(`relationships.${v}`)),
    ),
    ...(agentShown
      ? [
          section("agent"),
          field(t, t("postalForm.field.nameKana"), a.agent.nameKana),
          field(t, t("postalForm.field.name"), a.agent.name),
          field(t, t("postalForm.field.address"), a.agent.address),
          field(t, t("postalForm.field.phone"), a.agent.phone),
          field(t, t("postalForm.field.email"), a.agent.email),
        ]
      : []),
    section("details"),
    ...(a.type ? [a.type] : WIZARD_REQUEST_TYPES).flatMap((type) => detailBlocks(t, type, a)),
    section("documents"),
    { kind: "paragraph", text: documents.join("\n") },
    { kind: "paragraph", size: 9.5, text: t("postalForm.documents.mask") },
    ...(a.type === undefined || a.type === "DISCLOSURE"
      ? [
          section("fee"),
          {
            kind: "paragraph",
            text: [
              t("postalForm.fee.amount", { amount: formatYen(locale, fee.amount) }),
              t("postalForm.fee.bank", { bank }),
              ...(fee.methods.includes("POSTAL_MONEY_ORDER") ? [t("postalForm.fee.moneyOrder")] : []),
            ].join("\n"),
          } satisfies PdfBlock,
        ]
      : []),
    section("declaration"),
    { kind: "paragraph", text: t("postalForm.declaration") },
    field(t, t("postalForm.field.signature"), undefined),
    { kind: "rule" },
    section("mailTo"),
    {
      kind: "paragraph",
      text: t("postalForm.mailTo", {
        postalCode: operator.postalCode,
        address: locale === "ja" ? operator.addressJa : operator.addressEn,
        company,
      }),
    },
    { kind: "paragraph", size: 9.5, text: t("postalForm.mailFromAbroad") },
  ];
  return renderPdf({ title: t("postalForm.title"), author: company, lang: locale }, blocks);
}
