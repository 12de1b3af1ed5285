import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Zod issues keyed by field path ("items.0.corrected"), messages as given (message keys). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/**
 * PostgreSQL text cannot hold U+0000; a NUL anywhere in the input would fail in the
 * database instead of being refused as bad input. Returns the first offending path, its keys
 * outermost first; the path is built only when a NUL is found (this walks every filing's input).
 */
function pathOfNul(value: unknown, depth = 0): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? [] : null;
  if (!value || typeof value !== "object" || depth > 20) return null;
  for (const key of Object.keys(value)) {
    const found = pathOfNul((value as Record<string, unknown>)[key], depth + 1);
    if (found) {
      found.unshift(key);
      return found;
    }
  }
  return null;
}

/** Parses domain input with its schema, or throws INVALID_INPUT carrying the field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const nul = pathOfNul(input);
  if (nul)
    throw new AppError("INVALID_INPUT", `${what}: NUL character`, { [nul.join(".") || "_form"]: ["errors.invalid"] });
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", what, fieldErrorsOf(parsed.error));
  return parsed.data;
}

// Schemas that give no message of their own still produce message keys (errors.json),
// so every field error can be shown in the user's language.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_small":
        return issue.origin === "string" && issue.minimum === 1
          ? "errors.required"
          : issue.origin === "array"
            ? "errors.required"
            : "errors.tooSmall";
      case "too_big":
        return issue.origin === "string" ? "errors.tooLong" : "errors.tooLarge";
      case "invalid_type":
        return issue.expected === "number"
          ? "errors.number"
          : issue.input === undefined
            ? "errors.required"
            : "errors.invalid";
      case "invalid_format":
        return issue.format === "email" ? "errors.email" : "errors.invalid";
      default:
        return "errors.invalid";
    }
  },
});
