import { z } from "zod";
import { isRealDate } from "@/lib/dates";
import {
  isKatakana,
  normalizeDate,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeReference,
  phoneLooksValid,
  tidyName,
  toHalfWidth,
  toKatakana,
} from "./normalize-input";

// Field builders shared by every requester-side schema. Every message is a key under
// "requests" in messages/{ja,en}/requests.json (e.g. "errors.required"), never prose, so
// the browser form and the server report the same thing in the person's language.

/** Maximum lengths, exported so forms can set maxLength on inputs. */
export const limits = {
  name: 100,
  kana: 100,
  city: 100,
  addressLine: 200,
  agentAddress: 300,
  /** A free international address, several lines (ADR 0014). */
  internationalAddress: 300,
  email: 254,
  phone: 30,
  customerId: 64,
  shortText: 200,
  value: 1000,
  note: 2000,
  message: 4000,
  correctionItems: 10,
  files: 6,
} as const;

type Issue = { input?: unknown };
/** Missing → "required"; present but of the wrong kind → the given key. */
export const missingOr =
  (key: string) =>
  (issue: Issue): string =>
    issue.input === undefined || issue.input === null || issue.input === "" ? "errors.required" : key;

const str = (key = "errors.invalid") => z.string({ error: missingOr(key) });

/** Required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) =>
  str().trim().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" });

/** Optional text: "" and whitespace become undefined (HTML forms send empty strings). */
export const optionalText = (max: number) =>
  str()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

/** Required text over several lines (an address abroad): CRLF from forms made LF, each line trimmed, blank lines dropped. */
export const multiLineText = (max: number) =>
  str()
    .transform((v) =>
      v
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(/[\s\u3000]+/g, " ").trim())
        .filter(Boolean)
        .join("\n"),
    )
    .pipe(z.string().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" }));

export const personName = () => requiredText(limits.name).transform(tidyName);

/** Kana name: hiragana and half-width katakana are accepted and stored as katakana. */
export const kanaName = () =>
  requiredText(limits.kana).transform(toKatakana).refine(isKatakana, { error: "errors.kana" });

/** Kana for someone living abroad: optional, and checked like kanaName when given. */
export const optionalKanaName = () =>
  optionalText(limits.kana)
    .transform((v) => (v ? toKatakana(v) : undefined))
    .refine((v) => v === undefined || isKatakana(v), { error: "errors.kana" });

export const email = () =>
  str("errors.email")
    .transform((v) => normalizeEmail(v))
    .pipe(
      z
        .string()
        .min(1, { error: "errors.required" })
        .max(limits.email, { error: "errors.tooLong" })
        .pipe(z.email({ error: "errors.email" })),
    );

export const phone = () =>
  str("errors.phone")
    .transform(normalizePhone)
    .pipe(
      z
        .string()
        .min(1, { error: "errors.required" })
        .max(limits.phone, { error: "errors.tooLong" })
        .refine(phoneLooksValid, { error: "errors.phone" }),
    );

/**
 * A phone number abroad: with its country code ("+44 20 7946 0000", "+1-212-555-0100"),
 * E.164's 8–15 digits; without "+" it could not be dialled from Japan.
 */
export const internationalPhone = () =>
  str("errors.phoneInternational")
    .transform(normalizePhone)
    .pipe(
      z
        .string()
        .min(1, { error: "errors.required" })
        .max(limits.phone, { error: "errors.tooLong" })
        .refine((v) => v.startsWith("+") && phoneLooksValid(v), { error: "errors.phoneInternational" }),
    );

export const postalCode = () =>
  str("errors.postalCode").transform((v, ctx) => {
    if (!v.trim()) {
      ctx.issues.push({ code: "custom", message: "errors.required", input: v });
      return z.NEVER;
    }
    const code = normalizePostalCode(v);
    if (!code) {
      ctx.issues.push({ code: "custom", message: "errors.postalCode", input: v });
      return z.NEVER;
    }
    return code;
  });

/** A real calendar date as yyyy-mm-dd; "2026/1/5" and full-width digits are accepted. */
export const calendarDate = () =>
  str("errors.date")
    .transform(normalizeDate)
    .pipe(z.string().min(1, { error: "errors.required" }).refine(isRealDate, { error: "errors.date" }));

/** One of a fixed set of values; missing → "required", otherwise → "invalidChoice". */
export const choice = <const T extends readonly string[]>(values: T) =>
  z.enum(values, { error: missingOr("errors.invalidChoice") });

/** A number from a form (a string "3" or the number 3) that must be in a list. */
export const listNumber = <const T extends readonly number[]>(values: T) =>
  z.coerce
    .number({ error: missingOr("errors.invalidChoice") })
    .int({ error: "errors.invalidChoice" })
    .refine((n): n is T[number] => values.includes(n), { error: "errors.invalidChoice" });

/** Checkbox values: true, "true", "on" are true; absent is false. */
export const checkbox = () =>
  z
    .union([z.boolean(), z.literal("true"), z.literal("on"), z.literal("false")], { error: "errors.invalid" })
    .optional()
    .transform((v) => v === true || v === "true" || v === "on");

export const referenceNumber = () =>
  str("errors.reference").transform((v, ctx) => {
    const ref = normalizeReference(v);
    if (!ref) {
      ctx.issues.push({ code: "custom", message: v.trim() ? "errors.reference" : "errors.required", input: v });
      return z.NEVER;
    }
    return ref;
  });

/** The 6-digit code from the mail; full-width digits and spaces are forgiven. */
export const oneTimeCodeField = () =>
  str("errors.code")
    .transform((v) => toHalfWidth(v).replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "errors.required" })
        .regex(/^\d{6}$/, { error: "errors.code" }),
    );
