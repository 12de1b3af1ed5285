import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Zod issues keyed by field path ("items.0.corrected"), messages as given (message keys). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/** Parses domain input with its schema, or throws INVALID_INPUT carrying the field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", what, fieldErrorsOf(parsed.error));
  return parsed.data;
}
