import type { RequesterKind, Relationship } from "@/lib/generated/prisma/enums";
import { CATEGORY_NUMBERS, PURPOSE_NUMBERS, RELATIONSHIPS } from "./policy-items";
import {
  CORRECTION_ACTIONS,
  DELIVERY_METHODS,
  SUSPENSION_GROUNDS,
  SUSPENSION_WANTED,
  THIRD_PARTY_STOP_GROUNDS,
} from "./request-details-schemas";
import { REQUESTER_KINDS, WIZARD_REQUEST_TYPES, type WizardRequestType } from "./request-schemas";
import { limits } from "./schema-fields";
import { normalizeDate, normalizePostalCode, toKatakana } from "./normalize-input";
import { isCountryAbroad, JAPAN, type CountryCode } from "./countries";

// Partial wizard answers, made safe to print on the postal form: whatever the person has
// typed so far, capped in length, with choices kept only when they are valid options.
// Nothing is required here — a half-finished wizard still gives a useful form.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const text = (v: unknown, max: number = limits.value): string | undefined =>
  typeof v === "string" && v.trim() ? v.replace(/\s+/g, " ").trim().slice(0, max) : undefined;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  (options as readonly unknown[]).includes(v) ? (v as T) : undefined;
const num = <T extends number>(v: unknown, options: readonly T[]): T | undefined => {
  const n = typeof v === "string" ? Number(v) : v;
  return (options as readonly unknown[]).includes(n) ? (n as T) : undefined;
};
const flag = (v: unknown) => v === true || v === "true" || v === "on";

export type PostalFormAnswers = {
  type?: WizardRequestType;
  requesterKind?: RequesterKind;
  subject: {
    name?: string;
    nameKana?: string;
    birthDate?: string;
    country?: CountryCode;
    postalCode?: string;
    address?: string;
    phone?: string;
    email?: string;
    customerId?: string;
    relationship?: Relationship;
  };
  agent: { name?: string; nameKana?: string; address?: string; phone?: string; email?: string };
  details: {
    categories: number[];
    periodFrom?: string;
    periodTo?: string;
    deliveryMethod?: (typeof DELIVERY_METHODS)[number];
    deliveryNote?: string;
    includeProvisionRecords: boolean;
    correctionAction?: (typeof CORRECTION_ACTIONS)[number];
    items: { category?: number; current?: string; corrected?: string }[];
    ground?: (typeof SUSPENSION_GROUNDS)[number];
    purpose?: number;
    wanted?: (typeof SUSPENSION_WANTED)[number];
    recipient?: string;
    note?: string;
  };
};

export function postalFormAnswers(raw: unknown): PostalFormAnswers {
  const a = obj(raw);
  const s = obj(a.subject);
  const g = obj(a.agent);
  const d = obj(a.details);
  const period = obj(d.period);
  const kana = (v: unknown) => {
    const t = text(v, limits.kana);
    return t ? toKatakana(t) : undefined;
  };
  const date = (v: unknown) => {
    const t = text(v, 20);
    return t ? normalizeDate(t) : undefined;
  };
  // Abroad (ADR 0014) the address is printed as written, one line per line; in Japan from its parts.
  const abroad = s.residence === "ABROAD";
  const country: CountryCode | undefined = abroad
    ? isCountryAbroad(s.country)
      ? s.country
      : undefined
    : s.residence === "JP"
      ? JAPAN
      : undefined;
  const address = abroad
    ? typeof s.address === "string"
      ? s.address
          .slice(0, limits.internationalAddress)
          .split(/\r\n|\r|\n/)
          .map((l) => text(l))
          .filter(Boolean)
          .join("\n")
      : ""
    : [text(s.prefecture, 10), text(s.city, limits.city), text(s.addressLine, limits.addressLine)]
        .filter(Boolean)
        .join(" ");
  const categories = Array.isArray(d.categories)
    ? [
        ...new Set(
          d.categories
            .map((c) => num(c, CATEGORY_NUMBERS))
            .filter((c): c is (typeof CATEGORY_NUMBERS)[number] => c !== undefined),
        ),
      ].sort((x, y) => x - y)
    : [];
  const items = (Array.isArray(d.items) ? d.items : []).slice(0, limits.correctionItems).map((i) => {
    const item = obj(i);
    return {
      category: num(item.category, CATEGORY_NUMBERS),
      current: text(item.current),
      corrected: text(item.corrected),
    };
  });
  const postal = abroad ? undefined : text(s.postalCode, 20);
  return {
    type: oneOf(a.type, WIZARD_REQUEST_TYPES),
    requesterKind: oneOf(a.requesterKind, REQUESTER_KINDS),
    subject: {
      name: text(s.name, limits.name),
      nameKana: kana(s.nameKana),
      birthDate: date(s.birthDate),
      country,
      postalCode: postal ? (normalizePostalCode(postal) ?? postal) : undefined,
      address: address || undefined,
      phone: text(s.phone, limits.phone),
      email: text(s.email, limits.email),
      customerId: text(s.customerId, limits.customerId),
      relationship: oneOf(s.relationship, RELATIONSHIPS),
    },
    agent: {
      name: text(g.name, limits.name),
      nameKana: kana(g.nameKana),
      address: text(g.address, limits.agentAddress),
      phone: text(g.phone, limits.phone),
      email: text(g.email, limits.email),
    },
    details: {
      categories,
      periodFrom: date(period.from),
      periodTo: date(period.to),
      deliveryMethod: oneOf(d.deliveryMethod, DELIVERY_METHODS),
      deliveryNote: text(d.deliveryNote, limits.note),
      includeProvisionRecords: flag(d.includeProvisionRecords),
      correctionAction: oneOf(d.action, CORRECTION_ACTIONS),
      items,
      ground: oneOf(d.ground, [...SUSPENSION_GROUNDS, ...THIRD_PARTY_STOP_GROUNDS]),
      purpose: num(d.purpose, PURPOSE_NUMBERS),
      wanted: oneOf(d.wanted, SUSPENSION_WANTED),
      recipient: text(d.recipient, limits.shortText),
      note: text(d.reason ?? d.explanation ?? d.note, limits.note),
    },
  };
}
