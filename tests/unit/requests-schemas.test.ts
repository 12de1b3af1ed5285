import { describe, expect, it } from "vitest";
import {
  detailsStepSchema,
  documentsStepSchemaFor,
  requestSubmissionSchema,
  requesterStepSchema,
  subjectStepSchema,
  type RequestSubmissionInput,
} from "@/lib/requests/request-schemas";
import { categoriesFor } from "@/lib/requests/policy-items";
import { suspensionDetailsSchema } from "@/lib/requests/request-details-schemas";
import { inquirySchema } from "@/lib/requests/inquiry-schema";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";

const subject = {
  name: "山田　花子",
  nameKana: "やまだ はなこ",
  birthDate: "１９９０/４/１",
  postalCode: "１０４－００６１",
  prefecture: "東京都",
  city: "中央区",
  addressLine: "銀座1-2-3",
  email: " Hanako.Yamada@Example.COM ",
  phone: "０３－１２３４－５６７８",
  relationship: "SERVICE_USER",
} as const;

const disclosure: RequestSubmissionInput = {
  type: "DISCLOSURE",
  requesterKind: "SELF",
  subject,
  details: {
    categories: ["1", 2],
    period: { from: "2024-01-01", to: "" },
    deliveryMethod: "ELECTRONIC",
    includeProvisionRecords: "on",
  },
  documents: { sendByPost: false, files: [{ fileId: "f1", kind: "DRIVERS_LICENSE", holder: "SUBJECT" }] },
  declarationAccepted: true,
};

function errorsOf<S extends z.ZodType>(schema: S, input: unknown): Record<string, string[]> {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("request schemas", () => {
  it("normalises what Japanese people type", () => {
    const s = subjectStepSchema.parse(subject);
    expect(s).toMatchObject({
      name: "山田 花子",
      nameKana: "ヤマダ ハナコ",
      birthDate: "1990-04-01",
      postalCode: "104-0061",
      email: "hanako.yamada@example.com",
      phone: "03-1234-5678",
    });
    expect(s.customerId).toBeUndefined();
    expect(subjectStepSchema.parse({ ...subject, nameKana: "ﾔﾏﾀﾞ ﾊﾅｺ", postalCode: "1040061" })).toMatchObject({
      nameKana: "ヤマダ ハナコ",
      postalCode: "104-0061",
    });
  });

  it.each([
    ["empty name", { name: "  " }, "name", "errors.required"],
    ["over-long name", { name: "山".repeat(101) }, "name", "errors.tooLong"],
    ["kanji as kana", { nameKana: "山田" }, "nameKana", "errors.kana"],
    ["30 February", { birthDate: "1990-02-30" }, "birthDate", "errors.date"],
    ["future birth date", { birthDate: "2999-01-01" }, "birthDate", "errors.birthDateInFuture"],
    ["six-digit postal code", { postalCode: "104-006" }, "postalCode", "errors.postalCode"],
    ["letters in postal code", { postalCode: "ABC-DEFG" }, "postalCode", "errors.postalCode"],
    ["missing postal code", { postalCode: undefined }, "postalCode", "errors.required"],
    ["unknown prefecture", { prefecture: "東京" }, "prefecture", "errors.prefecture"],
    ["bad email", { email: "hanako@" }, "email", "errors.email"],
    ["bad phone", { phone: "12345" }, "phone", "errors.phone"],
    ["over-long address", { addressLine: "a".repeat(201) }, "addressLine", "errors.tooLong"],
    ["unknown relationship", { relationship: "FRIEND" }, "relationship", "errors.invalidChoice"],
  ])("refuses %s with a message key", (_, change, field, key) => {
    expect(errorsOf(subjectStepSchema, { ...subject, ...change })[field]).toContain(key);
  });

  it("requires an agent's own details unless the person asks themselves", () => {
    expect(requesterStepSchema.parse({ requesterKind: "SELF", agent: { name: "" } })).toEqual({
      requesterKind: "SELF",
      agent: undefined,
    });
    const errors = errorsOf(requesterStepSchema, { requesterKind: "APPOINTED_AGENT" });
    expect(errors["agent.name"]).toContain("errors.required");
    expect(errors["agent.email"]).toContain("errors.required");
    const agent = {
      name: "高橋 一郎",
      nameKana: "たかはし いちろう",
      email: "agent@example.com",
      phone: "06-1111-2222",
      address: "大阪府大阪市北区1-1",
    };
    expect(requesterStepSchema.parse({ requesterKind: "LEGAL_REPRESENTATIVE", agent }).agent?.nameKana).toBe(
      "タカハシ イチロウ",
    );
  });

  it("narrows Art 2.1 categories by relationship", () => {
    expect(categoriesFor("EMPLOYEE")).toEqual([3, 6, 8, 9, 10]);
    expect(categoriesFor("SITE_VISITOR")).not.toContain(1);
    const details = { categories: [8], deliveryMethod: "POST" };
    expect(detailsStepSchema("DISCLOSURE", "EMPLOYEE").safeParse(details).success).toBe(true);
    expect(errorsOf(detailsStepSchema("DISCLOSURE", "SERVICE_USER"), details).categories).toContain(
      "errors.categoryNotForRelationship",
    );
    const full = errorsOf(requestSubmissionSchema, { ...disclosure, details: { ...details } });
    expect(full["details.categories"]).toContain("errors.categoryNotForRelationship");
  });

  it("checks the disclosure period and the note for another delivery method", () => {
    const errors = errorsOf(detailsStepSchema("DISCLOSURE"), {
      categories: [1],
      period: { from: "2025-05-01", to: "2025-04-01" },
      deliveryMethod: "OTHER",
    });
    expect(errors["period.to"]).toContain("errors.periodOrder");
    expect(errors.deliveryNote).toContain("errors.required");
    expect(errorsOf(detailsStepSchema("DISCLOSURE"), { categories: [], deliveryMethod: "POST" }).categories).toContain(
      "errors.categoriesRequired",
    );
  });

  it("asks for what is wrong and what is right, by correction action", () => {
    const schema = detailsStepSchema("CORRECTION");
    expect(
      errorsOf(schema, { action: "CORRECT", items: [{ category: 1, current: "旧住所" }] })["items.0.corrected"],
    ).toContain("errors.required");
    expect(schema.safeParse({ action: "DELETE", items: [{ category: 1, current: "旧住所" }] }).success).toBe(true);
    expect(errorsOf(schema, { action: "ADD", items: [] }).items).toContain("errors.required");
    expect(
      errorsOf(schema, { action: "ADD", items: Array.from({ length: 11 }, () => ({ category: 1, corrected: "x" })) })
        .items,
    ).toContain("errors.tooMany");
  });

  it("ties suspension grounds to Art 2.2 purposes and the wanted remedy", () => {
    expect(
      errorsOf(suspensionDetailsSchema, { categories: [6], ground: "BEYOND_PURPOSE", wanted: "DELETE" }).purpose,
    ).toContain("errors.purposeRequired");
    expect(
      errorsOf(suspensionDetailsSchema, { categories: [6], ground: "BEYOND_PURPOSE", purpose: 18, wanted: "DELETE" })
        .purpose,
    ).toContain("errors.invalidChoice");
    expect(
      errorsOf(suspensionDetailsSchema, { categories: [6], ground: "IMPROPER_ACQUISITION", wanted: "STOP_THIRD_PARTY" })
        .wanted,
    ).toContain("errors.wantedNotForGround");
    expect(
      suspensionDetailsSchema.parse({ categories: [6], ground: "BEYOND_PURPOSE", purpose: "10", wanted: "SUSPEND_USE" })
        .purpose,
    ).toBe(10);
    expect(
      suspensionDetailsSchema.parse({ categories: [6], ground: "IMPROPER_ACQUISITION", purpose: 10, wanted: "DELETE" })
        .purpose,
    ).toBeUndefined();
  });

  it("requires the documents each kind of requester needs, unless sent by post", () => {
    const self = documentsStepSchemaFor("SELF");
    expect(
      errorsOf(self, { files: [{ fileId: "a", kind: "HEALTH_INSURANCE_CARD", holder: "SUBJECT" }] }).files,
    ).toContain("errors.subjectIdMissing");
    expect(
      self.safeParse({
        files: [
          { fileId: "a", kind: "HEALTH_INSURANCE_CARD", holder: "SUBJECT" },
          { fileId: "b", kind: "RESIDENT_RECORD", holder: "SUBJECT" },
        ],
      }).success,
    ).toBe(true);
    expect(self.safeParse({ sendByPost: "on" }).success).toBe(true);
    const agent = documentsStepSchemaFor("APPOINTED_AGENT");
    expect(errorsOf(agent, { files: [{ fileId: "a", kind: "PASSPORT", holder: "AGENT" }] }).files).toEqual([
      "errors.powerOfAttorneyMissing",
      "errors.sealCertificateMissing",
    ]);
    const legal = errorsOf(documentsStepSchemaFor("LEGAL_REPRESENTATIVE"), {
      files: [{ fileId: "a", kind: "FAMILY_REGISTER", holder: "AGENT" }],
    });
    expect(legal.files).toEqual(["errors.agentIdMissing"]);
    expect(
      errorsOf(self, { files: [{ fileId: "a", kind: "POWER_OF_ATTORNEY", holder: "SUBJECT" }], sendByPost: true })[
        "files.0.kind"
      ],
    ).toContain("errors.documentNotForRequester");
    expect(
      errorsOf(self, {
        sendByPost: true,
        files: [
          { fileId: "a", kind: "PASSPORT", holder: "SUBJECT" },
          { fileId: "a", kind: "PASSPORT", holder: "SUBJECT" },
        ],
      })["files.1.fileId"],
    ).toContain("errors.duplicateFile");
  });

  it("parses a whole submission and refuses one without the declaration", () => {
    const parsed = requestSubmissionSchema.parse(disclosure);
    expect(parsed.type).toBe("DISCLOSURE");
    if (parsed.type === "DISCLOSURE")
      expect(parsed.details).toMatchObject({
        categories: [1, 2],
        period: { from: "2024-01-01" },
        includeProvisionRecords: true,
      });
    expect(
      errorsOf(requestSubmissionSchema, { ...disclosure, declarationAccepted: false }).declarationAccepted,
    ).toContain("errors.declarationRequired");
    expect(errorsOf(requestSubmissionSchema, { ...disclosure, type: "INQUIRY" }).type).toContain(
      "errors.invalidChoice",
    );
    expect(
      errorsOf(requestSubmissionSchema, { ...disclosure, requesterKind: "APPOINTED_AGENT" })["agent.name"],
    ).toContain("errors.required");
  });

  it("accepts an inquiry with an optional reference in any width", () => {
    const base = {
      kind: "INQUIRY",
      topic: "HANDLING",
      message: "配信停止の方法を教えてください。",
      name: "田中 美咲",
      email: "misaki@example.com",
    };
    expect(inquirySchema.parse({ ...base, reference: "ｄｓｒ－２０２６－０００１２３" }).reference).toBe(
      "DSR-2026-000123",
    );
    expect(inquirySchema.parse({ ...base, reference: "" }).reference).toBeUndefined();
    expect(errorsOf(inquirySchema, { ...base, reference: "123" }).reference).toContain("errors.reference");
    expect(errorsOf(inquirySchema, { ...base, message: "x".repeat(4001) }).message).toContain("errors.tooLong");
  });
});

describe("stored details", () => {
  it("reads back every demo request's details with the shared schemas", async () => {
    const { demoRequests } = await import("@/lib/seed/demo-requests");
    const { parseStoredDetails, documentsByPostOf } = await import("@/lib/requests/stored-details");
    for (const r of demoRequests) expect(parseStoredDetails(r.type, r.details), r.type).not.toBeNull();
    expect(documentsByPostOf(demoRequests.find((r) => r.type === "SUSPENSION")?.details)).toBe(true);
    expect(parseStoredDetails("DISCLOSURE", { categories: [], deliveryMethod: "POST" })).toBeNull();
  });
});
