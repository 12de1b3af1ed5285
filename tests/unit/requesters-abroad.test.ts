import { describe, expect, it } from "vitest";
import { requestSubmissionSchema, subjectStepSchema } from "@/lib/requests/request-schemas";
import { requestColumnsFor } from "@/lib/requests/request-row";
import { formatAddress } from "@/lib/requests/format-address";
import { postalFormAnswers } from "@/lib/requests/postal-form-answers";
import { countryOptions } from "@/lib/requests/countries";
import { drawableText } from "@/lib/pdf/pdf-document";
import { fieldErrorsOf } from "@/lib/validation";

// ADR 0014: a data subject living outside Japan gives a country, the address as written
// there, a phone with its country code, and the name as they write it (kana optional).

const abroad = {
  residence: "ABROAD",
  name: "Anna Kowalska",
  nameKana: "",
  birthDate: "1988-02-03",
  country: "PL",
  address: "ul. Piotrkowska 12 m. 4\n90-001 Łódź",
  email: "anna@example.com",
  phone: "+48 42 123 45 67",
  relationship: "SERVICE_USER",
  // The Japanese fields are in the form too (hidden), and ignored abroad.
  postalCode: "",
  prefecture: "",
  city: "",
  addressLine: "",
};

const errorsOf = (input: unknown) => {
  const r = subjectStepSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("requesters abroad", () => {
  it("take a free address, the country and an international phone; kana is optional", () => {
    const s = subjectStepSchema.parse(abroad);
    expect(s).toMatchObject({
      name: "Anna Kowalska",
      country: "PL",
      addressLine: "ul. Piotrkowska 12 m. 4\n90-001 Łódź",
      phone: "+4842123 4567".replace(/ /g, ""),
    });
    expect(s.nameKana).toBeUndefined();
    expect(s.postalCode).toBeUndefined();
    expect(subjectStepSchema.parse({ ...abroad, nameKana: "あんな" }).nameKana).toBe("アンナ");
    // Browsers post a textarea's lines with CRLF; stored with LF, lines trimmed, blank ones dropped.
    expect(
      subjectStepSchema.parse({ ...abroad, address: " ul. Piotrkowska 12  \r\n\r\n90-001 Łódź\r\n" }).addressLine,
    ).toBe("ul. Piotrkowska 12\n90-001 Łódź");
  });

  it("refuse a phone without country code, a missing country or address, and Japan as a country abroad", () => {
    expect(errorsOf({ ...abroad, phone: "042 123 45 67" }).phone).toEqual(["errors.phoneInternational"]);
    expect(errorsOf({ ...abroad, country: "" }).country).toEqual(["errors.required"]);
    expect(errorsOf({ ...abroad, country: "JP" }).country).toEqual(["errors.country"]);
    expect(errorsOf({ ...abroad, address: "  " }).address).toEqual(["errors.required"]);
    expect(errorsOf({ ...abroad, nameKana: "Anna" }).nameKana).toEqual(["errors.kana"]);
  });

  it("without a residence the person lives in Japan, as before (older drafts and API clients)", () => {
    const rest = Object.fromEntries(
      Object.entries(abroad).filter(([k]) => !["residence", "country", "address"].includes(k)),
    );
    const errors = errorsOf({ ...rest, nameKana: "" });
    expect(errors.nameKana).toEqual(["errors.required"]);
    expect(errors.postalCode).toEqual(["errors.required"]);
    const jp = subjectStepSchema.parse({
      ...rest,
      nameKana: "アンナ",
      postalCode: "542-0081",
      prefecture: "大阪府",
      city: "大阪市中央区",
      addressLine: "南船場4-10-5",
      phone: "06-1234-5678",
    });
    expect(jp.country).toBe("JP");
  });

  it("are stored with the country and the whole address in addressLine", () => {
    const submission = requestSubmissionSchema.parse({
      type: "PURPOSE_NOTICE",
      requesterKind: "SELF",
      subject: abroad,
      details: {},
      documents: { sendByPost: false, files: [{ fileId: "f1", kind: "PASSPORT", holder: "SUBJECT" }] },
      declarationAccepted: true,
    });
    expect(requestColumnsFor(submission)).toMatchObject({
      country: "PL",
      postalCode: null,
      prefecture: null,
      city: null,
      addressLine: abroad.address,
      subjectNameKana: undefined,
    });
  });

  it("are shown with the country on the last line, in the reader's language", () => {
    const row = { country: "PL", addressLine: abroad.address };
    expect(formatAddress(row, "en")).toBe("ul. Piotrkowska 12 m. 4\n90-001 Łódź\nPoland");
    expect(formatAddress(row, "ja")).toBe("ul. Piotrkowska 12 m. 4\n90-001 Łódź\nポーランド");
    expect(
      formatAddress(
        {
          country: "JP",
          postalCode: "542-0081",
          prefecture: "大阪府",
          city: "大阪市中央区",
          addressLine: "南船場4-10-5",
        },
        "ja",
      ),
    ).toBe("〒542-0081 大阪府大阪市中央区南船場4-10-5");
  });

  it("get a postal form with the country, no Japanese postal code, and the address lines", () => {
    const a = postalFormAnswers({ subject: abroad });
    expect(a.subject).toMatchObject({
      country: "PL",
      postalCode: undefined,
      address: "ul. Piotrkowska 12 m. 4\n90-001 Łódź",
    });
    expect(postalFormAnswers({ subject: { residence: "JP", postalCode: "5420081" } }).subject).toMatchObject({
      country: "JP",
      postalCode: "542-0081",
    });
  });

  it("have Latin letters the Japanese font lacks printed without their accent rather than as boxes", () => {
    const has = (cp: number) => cp < 0x180 && !"łŁńśźżčřšžŃŚŹŻČŘŠŽ".includes(String.fromCodePoint(cp));
    expect(drawableText("Łódź, Dvořák, Müller", has)).toBe("Lódz, Dvorák, Müller");
    expect(drawableText("大阪\n東京", () => true)).toBe("大阪\n東京");
  });

  it("choose among countries named in the reader's language, Japan not among them", () => {
    const ja = countryOptions("ja");
    expect(ja.find((c) => c.value === "GB")?.label).toBe("イギリス");
    expect(countryOptions("en").find((c) => c.value === "US")?.label).toBe("United States");
    expect(ja.map((c) => c.value as string)).not.toContain("JP");
  });
});
