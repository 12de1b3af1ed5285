import { z } from "zod";
import { DocumentHolder } from "@/lib/generated/prisma/enums";
import { idSchema, longText, requestRefSchema } from "@/lib/requests/shared-schemas";

export const recordIdentityCheckSchema = requestRefSchema
  .extend({
    /** The principal's identity, or the agent's authority (APPI Art 37). */
    holder: z.enum(DocumentHolder).default("SUBJECT"),
    result: z.enum(["VERIFIED", "FAILED"]),
    /** The held record that matched, e.g. the customer ID (Art 6.2: "based on the personal information we hold"). */
    matchedRecord: z.string().trim().max(120).optional(),
    matchedSystemId: idSchema.optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.result === "VERIFIED" && !c.matchedRecord && !c.matchedSystemId)
      ctx.addIssue({ code: "custom", path: ["matchedRecord"], message: "console.errors.matchRequired" });
    if (c.result === "FAILED" && !c.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "console.errors.reasonRequired" });
  });
export type RecordIdentityCheckInput = z.input<typeof recordIdentityCheckSchema>;

export const requestClearerCopySchema = requestRefSchema.extend({
  /** What to send again and why; shown to the requester. */
  message: longText(2000),
  documentIds: z.array(idSchema).max(20).default([]),
  /** How the named documents were found: unreadable, or My Number/本籍/insurer number visible. */
  review: z.enum(["UNCLEAR", "UNMASKED"]).default("UNCLEAR"),
});
export type RequestClearerCopyInput = z.input<typeof requestClearerCopySchema>;
