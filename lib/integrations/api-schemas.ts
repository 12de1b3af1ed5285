import { z } from "zod";
import { TaskStatus } from "@/lib/generated/prisma/enums";
import { errorCodes } from "@/lib/errors";

// Every body and query of the systems-of-record API. Handlers parse with these and the
// OpenAPI document (lib/integrations/openapi.ts) is generated from the same objects, so
// the description cannot drift from what the server accepts and answers.

const taskActions = ["CORRECT", "ADD", "DELETE", "SUSPEND_USE", "STOP_THIRD_PARTY", "ALTERNATIVE_MEASURE"] as const;

export const taskIdParamSchema = z
  .string()
  .trim()
  .min(1, { message: "errors.required" })
  .max(64, { message: "errors.tooLong" })
  .meta({ description: "The task id, as listed by GET /api/v1/tasks." });

export const listTasksQuerySchema = z.object({
  status: z.enum(TaskStatus, { message: "integrations.errors.taskStatus" }).default("OPEN").meta({
    description:
      "Which tasks to list. OPEN (default) is the work to do; FAILED tasks may be completed again after a retry.",
  }),
  limit: z.coerce
    .number({ message: "integrations.errors.limit" })
    .int({ message: "integrations.errors.limit" })
    .min(1, { message: "integrations.errors.limit" })
    .max(200, { message: "integrations.errors.limit" })
    .default(50)
    .meta({ description: "Page size, 1–200." }),
  cursor: z
    .string()
    .trim()
    .min(1)
    .max(64, { message: "errors.tooLong" })
    .optional()
    .meta({ description: "nextCursor from the previous page." }),
});

export const completeTaskBodySchema = z
  .object({
    status: z.enum(["DONE", "FAILED"], { message: "integrations.errors.completeStatus" }).meta({
      description:
        "DONE: the work was carried out. FAILED: it could not be (the note says why); the task stays to be retried.",
    }),
    note: z
      .string({ message: "errors.required" })
      .trim()
      .min(1, { message: "errors.required" })
      .max(2000, { message: "errors.tooLong" })
      .meta({
        description:
          "What was done, or what went wrong. Shown to staff; write no personal data beyond what the task carried.",
      }),
    version: z
      .number({ message: "console.errors.version" })
      .int({ message: "console.errors.version" })
      .min(0, { message: "console.errors.version" })
      .optional()
      .meta({
        description:
          "The task version you read. When given and the task has changed since, the answer is 409 STALE_VERSION.",
      }),
  })
  .meta({ title: "CompleteTaskRequest" });

export const taskSubjectSchema = z
  .object({
    customerId: z.string().nullable().meta({ description: "The customer or account ID the requester gave, if any." }),
    name: z.string().meta({ description: "The data subject's name." }),
    nameKana: z.string().nullable().meta({ description: "The name in kana, if given." }),
    email: z.string().nullable().optional().meta({
      description: "Only for systems holding contact data (Art 2.1 items 1, 3, 7), where records are keyed by address.",
    }),
    birthDate: z.iso
      .date()
      .nullable()
      .optional()
      .meta({ description: "Only for employee records (Art 2.1 items 8–10), to tell namesakes apart." }),
  })
  .meta({
    description:
      "The fewest fields that find the person's record in this system. Never postal address, phone, identity documents or files; values to correct travel in instructions.",
  });

export const apiTaskSchema = z
  .object({
    id: z.string(),
    version: z.number().int().min(0),
    requestReference: z.string().meta({ description: "Human reference of the request, e.g. DSR-2026-000123." }),
    action: z.enum(taskActions),
    status: z.enum(TaskStatus),
    instructions: z
      .string()
      .meta({ description: "What to do in this system, including corrected values for corrections." }),
    categories: z
      .array(z.number().int().min(1).max(11))
      .meta({ description: "The Art 2.1 items of the privacy policy this task is about." }),
    subject: taskSubjectSchema,
    resultNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ title: "Task" });

export const listTasksResponseSchema = z.object({
  tasks: z.array(apiTaskSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last page." }),
});

export const taskResponseSchema = z.object({ task: apiTaskSchema });

export const completeTaskResponseSchema = z.object({
  task: apiTaskSchema,
  requestClosed: z
    .boolean()
    .meta({ description: "True when this was the last open task and the request is now closed." }),
});

export const apiErrorSchema = z.object({
  error: z.enum([...errorCodes, "INTERNAL"]),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({
    description: 'For 400: message keys by field (e.g. note: ["errors.required"]); _form for the whole body.',
  }),
});

export type ApiTask = z.output<typeof apiTaskSchema>;
export type ListTasksResponse = z.output<typeof listTasksResponseSchema>;
export type TaskResponse = z.output<typeof taskResponseSchema>;
export type CompleteTaskResponse = z.output<typeof completeTaskResponseSchema>;
