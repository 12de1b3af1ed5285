import type { z } from "zod";

/**
 * A form's fields as the input of the domain schema that will parse them (issue 18, ADR
 * 0020). Every field the schema names is handed over as it was posted: a string, or a list
 * for a field posted more than once (`lists`). An absent field is undefined, and so is a
 * blank one where the schema may go without it (optional, or with a default), so the
 * default applies; a blank required field stays "" and gets the schema's own message
 * ("required", "not a date"). Nothing is coerced: a forged value
 * ("holder=OWNER") reaches the schema as posted and fails there with its field error,
 * instead of being turned into a valid one here. Numbers and booleans stay the caller's
 * (e.g. versionOf), since a form posts only text.
 */
export function formInput<S extends z.ZodObject>(
  schema: S,
  formData: FormData,
  /** prefix: the fields of one row of a repeated group, e.g. "documents.0.". */
  opts: { lists?: readonly (keyof z.input<S> & string)[]; prefix?: string } = {},
): z.input<S> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const posted = `${opts.prefix ?? ""}${name}`;
    if (opts.lists?.includes(name)) {
      out[name] = formData.getAll(posted).filter((v): v is string => typeof v === "string" && v.trim() !== "");
      continue;
    }
    const value = formData.get(posted);
    const mayOmit = (field as z.ZodType).safeParse(undefined).success;
    out[name] = typeof value !== "string" || (mayOmit && value.trim() === "") ? undefined : value;
  }
  // Not a promise about the values: the domain function parses this with the same schema
  // (parseInput) and refuses what does not fit, field by field.
  return out as z.input<S>;
}
