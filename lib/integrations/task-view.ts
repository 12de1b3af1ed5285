import type { Prisma } from "@/lib/generated/prisma/client";
import { apiTaskSchema, type ApiTask } from "./api-schemas";

// What a system of record sees of a task: the work, and the fewest subject fields that
// find the person's record there. The action never widens them (every action first has to
// find the record); the categories the task touches decide:
//   - name, kana and customer ID: always (they identify a record in any system);
//   - email: only for contact data (Art 2.1 items 1, 3, 7), which such systems key by address;
//   - birth date: only for employee records (items 8–10), to tell namesakes apart.
// Postal address, phone, agent details, identity documents and files never leave here; the
// values a correction needs are in the task's instructions.
const EMAIL_CATEGORIES = new Set([1, 3, 7]);
const BIRTH_DATE_CATEGORIES = new Set([8, 9, 10]);

export const apiTaskSelect = {
  id: true,
  version: true,
  action: true,
  status: true,
  instructions: true,
  categories: true,
  resultNote: true,
  createdAt: true,
  completedAt: true,
  request: {
    select: {
      reference: true,
      customerId: true,
      subjectName: true,
      subjectNameKana: true,
      email: true,
      subjectBirthDate: true,
    },
  },
} satisfies Prisma.TaskSelect;

export type ApiTaskRow = Prisma.TaskGetPayload<{ select: typeof apiTaskSelect }>;

export function subjectFieldsFor(categories: readonly number[]): { email: boolean; birthDate: boolean } {
  return {
    email: categories.some((c) => EMAIL_CATEGORIES.has(c)),
    birthDate: categories.some((c) => BIRTH_DATE_CATEGORIES.has(c)),
  };
}

/** The task as the API answers it, checked against the documented schema. */
export function toApiTask(t: ApiTaskRow): ApiTask {
  const r = t.request;
  const wants = subjectFieldsFor(t.categories);
  return apiTaskSchema.parse({
    id: t.id,
    version: t.version,
    requestReference: r.reference,
    action: t.action,
    status: t.status,
    instructions: t.instructions,
    categories: t.categories,
    subject: {
      customerId: r.customerId,
      name: r.subjectName,
      nameKana: r.subjectNameKana,
      ...(wants.email ? { email: r.email } : {}),
      ...(wants.birthDate
        ? { birthDate: r.subjectBirthDate ? r.subjectBirthDate.toISOString().slice(0, 10) : null }
        : {}),
    },
    resultNote: t.resultNote,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt ? t.completedAt.toISOString() : null,
  });
}
