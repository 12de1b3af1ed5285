import { z } from "zod";
import type { ApiScope } from "./api-tokens";
import {
  apiErrorSchema,
  completeTaskBodySchema,
  completeTaskResponseSchema,
  listTasksQuerySchema,
  listTasksResponseSchema,
  taskIdParamSchema,
  taskResponseSchema,
} from "./api-schemas";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  requestClosedEventSchema,
  taskCreatedEventSchema,
} from "./webhook-schemas";

// The OpenAPI 3.1 document, generated from the zod schemas the handlers parse with.
// apiOperations is also the list of routes: a test checks that every operation has a
// route file under app/api and every route file has an operation.

type Io = "input" | "output";

/** Named schemas of the document: request bodies are described as accepted (input), answers as sent (output). */
export const componentSchemas = {
  CompleteTaskRequest: { schema: completeTaskBodySchema, io: "input" },
  TaskList: { schema: listTasksResponseSchema, io: "output" },
  TaskResponse: { schema: taskResponseSchema, io: "output" },
  CompleteTaskResponse: { schema: completeTaskResponseSchema, io: "output" },
  Error: { schema: apiErrorSchema, io: "output" },
  TaskCreatedEvent: { schema: taskCreatedEventSchema, io: "output" },
  RequestClosedEvent: { schema: requestClosedEventSchema, io: "output" },
} satisfies Record<string, { schema: z.ZodType; io: Io }>;

export type ComponentName = keyof typeof componentSchemas;

export type ApiOperation = {
  method: "get" | "post";
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** Absent: no token needed. */
  scope?: ApiScope;
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: ComponentName;
  /** null: the answer is this document itself. */
  response: ComponentName | null;
  errors: readonly (400 | 401 | 403 | 404 | 409 | 413)[];
};

const taskPath = { id: taskIdParamSchema };

export const apiOperations: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/tasks",
    operationId: "listTasks",
    scope: "tasks:read",
    query: listTasksQuerySchema,
    response: "TaskList",
    errors: [400, 401, 403],
    summary: "List this system's tasks",
    description:
      "Only the calling token's system's tasks, oldest first. Each carries the work and the fewest subject fields needed to find the record; never identity documents or files.",
  },
  {
    method: "get",
    path: "/api/v1/tasks/{id}",
    operationId: "getTask",
    scope: "tasks:read",
    pathParams: taskPath,
    response: "TaskResponse",
    errors: [400, 401, 403, 404],
    summary: "Read one task",
    description: "A task of another system is 404, exactly like an unknown id. A blank or over-long id is 400.",
  },
  {
    method: "post",
    path: "/api/v1/tasks/{id}/complete",
    operationId: "completeTask",
    scope: "tasks:write",
    pathParams: taskPath,
    body: "CompleteTaskRequest",
    response: "CompleteTaskResponse",
    errors: [400, 401, 403, 404, 409, 413],
    summary: "Mark a task done or failed",
    description:
      "Recorded in the audit log with the token as actor. When the last task of a request is done, the request closes and the requester is notified. 409: the task is already done, or changed since the given version.",
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    response: null,
    errors: [],
    summary: "This document",
    description: "The OpenAPI 3.1 description of this API; no token needed.",
  },
];

/** A zod schema as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), without the $schema key. */
export function jsonSchemaOf(schema: z.ZodType, io: Io): Record<string, unknown> {
  const out: Record<string, unknown> = { ...z.toJSONSchema(schema, { io }) };
  delete out.$schema;
  return out;
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName) => ({ "application/json": { schema: ref(name) } });

const errorText: Record<number, string> = {
  400: "Invalid input: fieldErrors lists message keys by field.",
  401: "Missing, unknown or revoked token.",
  403: "The token lacks the scope this operation needs.",
  404: "No such task for this system.",
  409: "The task is already finished or changed since the given version (STALE_VERSION, INVALID_STATE).",
  413: "The body is larger than 16 KiB (PAYLOAD_TOO_LARGE); refused while it streams in.",
};

function parametersOf(op: ApiOperation) {
  const path = Object.entries(op.pathParams ?? {}).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    schema: jsonSchemaOf(schema, "input"),
  }));
  const query = Object.entries(op.query?.shape ?? {}).map(([name, schema]) => {
    const s = schema as z.ZodType;
    return { name, in: "query", required: !s.safeParse(undefined).success, schema: jsonSchemaOf(s, "input") };
  });
  return [...path, ...query];
}

function operationObject(op: ApiOperation) {
  const responses: Record<string, unknown> = {
    200: op.response
      ? { description: "OK", content: json(op.response) }
      : { description: "OK", content: { "application/json": { schema: { type: "object" } } } },
  };
  for (const status of op.errors) responses[status] = { description: errorText[status], content: json("Error") };
  const parameters = parametersOf(op);
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    ...(op.scope ? { security: [{ bearerAuth: [op.scope] }] } : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
    responses,
  };
}

const signatureDoc =
  `${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the system's webhook secret>. ` +
  "Reject old timestamps (e.g. over 5 minutes). Answer 2xx once stored; any other answer or a timeout is retried with backoff, " +
  `so deduplicate on ${DELIVERY_HEADER}.`;

function webhookObject(summary: string, body: ComponentName) {
  const header = (name: string, description: string) => ({
    name,
    in: "header",
    required: true,
    schema: { type: "string" },
    description,
  });
  return {
    post: {
      summary,
      description: signatureDoc,
      parameters: [
        header(SIGNATURE_HEADER, "Timestamp and HMAC signature."),
        header(EVENT_HEADER, "The event type."),
        header(DELIVERY_HEADER, "The event id, for idempotency."),
      ],
      requestBody: { required: true, content: json(body) },
      responses: { "2XX": { description: "Received." } },
    },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const schemas = Object.fromEntries(
    Object.entries(componentSchemas).map(([name, c]) => [name, jsonSchemaOf(c.schema, c.io)]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Madoguchi systems-of-record API",
      version: "1.0.0",
      description:
        "Internal systems list and complete the deletion, correction and suspension tasks of data subject requests, and receive signed webhooks when tasks are created and requests close.",
    },
    servers: [{ url: "/" }],
    paths,
    webhooks: {
      "task.created": webhookObject("A task was created for this system", "TaskCreatedEvent"),
      "request.closed": webhookObject("A request this system had tasks for was closed", "RequestClosedEvent"),
    },
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token (mdg_…) issued by an admin on the console data map page. Scopes: tasks:read, tasks:write.",
        },
      },
    },
  };
}
