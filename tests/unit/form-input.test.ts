import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formInput } from "@/lib/form-input";
import { parseInput } from "@/lib/validation";
import { recordIdentityCheckSchema } from "@/lib/identity/identity-schemas";
import { scanSchema } from "@/lib/console/offline-request-schema";

// Issue 18.1: form fields reach the schema as posted; nothing in between turns a forged
// value into a valid one.

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const fieldErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { fieldErrors?: Record<string, string[]> }).fieldErrors;
  }
  throw new Error("expected the schema to refuse the input");
};

describe("formInput", () => {
  it("hands a forged enum value to the schema, which refuses it on that field", () => {
    const fd = form([
      ["requestId", "r1"],
      ["holder", "OWNER"],
      ["result", "VERIFIED"],
      ["matchedRecord", "C-1"],
    ]);
    const input = { ...formInput(recordIdentityCheckSchema, fd), version: 1 };
    expect(input.holder).toBe("OWNER");
    expect(fieldErrors(() => parseInput(recordIdentityCheckSchema, input, "identity check"))).toEqual({
      holder: ["errors.invalid"],
    });
  });

  it("leaves out an absent or blank optional field so the schema's default applies", () => {
    const fd = form([
      ["requestId", "r1"],
      ["result", "VERIFIED"],
      ["matchedRecord", "C-1"],
      ["reason", "  "],
    ]);
    const parsed = parseInput(
      recordIdentityCheckSchema,
      { ...formInput(recordIdentityCheckSchema, fd), version: 1 },
      "x",
    );
    expect(parsed.holder).toBe("SUBJECT");
    expect(parsed.reason).toBeUndefined();
  });

  it("keeps a blank required field as posted, so it gets the schema's own message", () => {
    const schema = z.object({ postedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "console.errors.date" }) });
    expect(formInput(schema, form([["postedOn", ""]]))).toEqual({ postedOn: "" });
    expect(formInput(schema, form([]))).toEqual({ postedOn: undefined });
  });

  it("reads lists and the fields of one row of a repeated group", () => {
    const schema = z.object({ ids: z.array(z.string()) });
    expect(
      formInput(
        schema,
        form([
          ["ids", "a"],
          ["ids", ""],
          ["ids", "b"],
        ]),
        { lists: ["ids"] },
      ),
    ).toEqual({
      ids: ["a", "b"],
    });
    const row = formInput(scanSchema.pick({ kind: true, holder: true }), form([["documents.1.holder", "AGENT"]]), {
      prefix: "documents.1.",
    });
    expect(row).toEqual({ kind: undefined, holder: "AGENT" });
  });
});
