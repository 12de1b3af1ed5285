import { z } from "zod";

// The bodies Madoguchi POSTs to a system's webhook URL. They carry ids and the request
// reference only — never personal data; the system fetches the task with its token.

export const webhookEvents = ["task.created", "request.closed"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const SIGNATURE_HEADER = "Madoguchi-Signature";
export const EVENT_HEADER = "Madoguchi-Event";
export const DELIVERY_HEADER = "Madoguchi-Delivery";

export const taskCreatedDataSchema = z.object({
  systemKey: z.string(),
  taskId: z.string().meta({ description: "Fetch it with GET /api/v1/tasks/{id}." }),
  requestReference: z.string(),
  action: z.enum(["CORRECT", "ADD", "DELETE", "SUSPEND_USE", "STOP_THIRD_PARTY", "ALTERNATIVE_MEASURE"]),
  categories: z.array(z.number().int().min(1).max(11)),
});

export const requestClosedDataSchema = z.object({
  systemKey: z.string(),
  requestReference: z.string(),
  taskIds: z.array(z.string()).meta({ description: "This system's tasks for the request." }),
});

const envelope = {
  id: z.string().meta({
    description: "The event id; also sent as Madoguchi-Delivery. Receivers ignore an id they have already processed.",
  }),
  createdAt: z.iso.datetime(),
};

export const taskCreatedEventSchema = z
  .object({ ...envelope, type: z.literal("task.created"), data: taskCreatedDataSchema })
  .meta({ title: "TaskCreatedEvent" });
export const requestClosedEventSchema = z
  .object({ ...envelope, type: z.literal("request.closed"), data: requestClosedDataSchema })
  .meta({ title: "RequestClosedEvent" });

export type TaskCreatedData = z.output<typeof taskCreatedDataSchema>;
export type RequestClosedData = z.output<typeof requestClosedDataSchema>;
