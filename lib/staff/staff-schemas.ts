import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

// Shared by the sign-in and staff-admin forms and by the domain functions.
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "errors.required")
  .max(254, "errors.tooLong")
  .pipe(z.email("errors.email"));

export const passwordStepSchema = z.object({
  email,
  password: z.string().min(1, "errors.required").max(200, "errors.tooLong"),
});

export const codeStepSchema = z.object({
  challenge: z.string().min(10).max(200),
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "errors.code")),
});

export const roleSchema = z.enum(Role);

export const inviteStaffSchema = z.object({
  email,
  name: z.string().trim().min(1, "errors.required").max(80, "errors.tooLong"),
  role: roleSchema,
});

export const changeRoleSchema = z.object({ staffId: z.string().min(1), role: roleSchema });
export const staffIdSchema = z.object({ staffId: z.string().min(1) });

/** At least 12 characters; length beats composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: z.string().min(12, "errors.passwordTooShort").max(200, "errors.tooLong"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] });
