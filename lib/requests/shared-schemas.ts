import { z } from "zod";
import { DATE_ONLY } from "@/lib/dates";

// Pieces every console operation's schema shares. Messages are message keys
// (messages/*/errors.json) so the form can show them as they are.
export const idSchema = z.string().trim().min(1, { message: "errors.required" }).max(64);

/** The Request.version the staff member saw; a save against an older one is refused. */
export const versionSchema = z.number({ message: "console.errors.version" }).int().min(0);

export const dateString = z.string().regex(DATE_ONLY, { message: "console.errors.date" });

export const requestRefSchema = z.object({ requestId: idSchema, version: versionSchema });

export const longText = (max = 4000) =>
  z.string().trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });

/** A file handed over by a page or action (multipart body read into memory). */
export const uploadSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  content: z
    .instanceof(Buffer, { message: "console.errors.fileMissing" })
    .refine((b) => b.length > 0, { message: "console.errors.fileEmpty" }),
  /** What the browser claimed; the content decides (lib/console/sniff-file-type.ts). */
  mimeType: z.string().max(120).optional(),
});

export type Upload = z.input<typeof uploadSchema>;
