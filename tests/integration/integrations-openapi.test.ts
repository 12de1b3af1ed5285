import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileErrors, validate } from "@readme/openapi-parser";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import {
  apiErrorSchema,
  completeTaskBodySchema,
  completeTaskResponseSchema,
  listTasksQuerySchema,
  listTasksResponseSchema,
  taskIdParamSchema,
  taskResponseSchema,
} from "@/lib/integrations/api-schemas";
import { requestClosedEventSchema, taskCreatedEventSchema } from "@/lib/integrations/webhook-schemas";

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
  webhooks: Record<string, unknown>;
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const root = path.resolve(__dirname, "../..");

async function servedDocument(): Promise<Doc> {
  const res = openApiRoute();
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

/** What the document must say: z.toJSONSchema of the schema the handler parses with, as is. */
function expected(schema: z.ZodType, io: "input" | "output") {
  const out: Record<string, unknown> = { ...z.toJSONSchema(schema, { io }) };
  delete out.$schema;
  return out;
}

/** Every route file under app/api/v1 plus the document's own route, by URL path. */
function routeFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url =
          "/" +
          path
            .relative(path.join(root, "app"), path.dirname(full))
            .split(path.sep)
            .join("/")
            .replace(/\[(\w+)\]/g, "{$1}");
        found.set(url, full);
      }
    }
  };
  walk(path.join(root, "app/api/v1"));
  found.set("/api/openapi.json", path.join(root, "app/api/openapi.json/route.ts"));
  return found;
}

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by a maintained validator", async () => {
    const doc = await servedDocument();
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(doc.webhooks).sort()).toEqual(["request.closed", "task.created"]);
    // The validator does look: a path parameter left undeclared is an error.
    const broken = structuredClone(doc);
    delete broken.paths["/api/v1/tasks/{id}"]?.get?.parameters;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("has a route file exporting each documented method, and documents every route file's methods", async () => {
    const doc = await servedDocument();
    const files = routeFiles();
    expect([...files.keys()].sort()).toEqual(Object.keys(doc.paths).sort());
    for (const [url, file] of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase());
      expect(exported.sort(), url).toEqual(Object.keys(doc.paths[url] ?? {}).sort());
    }
  });

  it("describes bodies, answers and parameters exactly as the handlers' zod schemas", async () => {
    const doc = await servedDocument();
    expect(doc.components.schemas).toEqual({
      CompleteTaskRequest: expected(completeTaskBodySchema, "input"),
      TaskList: expected(listTasksResponseSchema, "output"),
      TaskResponse: expected(taskResponseSchema, "output"),
      CompleteTaskResponse: expected(completeTaskResponseSchema, "output"),
      Error: expected(apiErrorSchema, "output"),
      TaskCreatedEvent: expected(taskCreatedEventSchema, "output"),
      RequestClosedEvent: expected(requestClosedEventSchema, "output"),
    });
    const ref = (name: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${name}` } } });
    const list = doc.paths["/api/v1/tasks"]?.get;
    expect(list?.responses["200"]).toMatchObject({ content: ref("TaskList") });
    expect(list?.parameters).toEqual(
      Object.entries(listTasksQuerySchema.shape).map(([name, s]) => ({
        name,
        in: "query",
        required: false,
        schema: expected(s, "input"),
      })),
    );
    const one = doc.paths["/api/v1/tasks/{id}"]?.get;
    expect(one?.responses["200"]).toMatchObject({ content: ref("TaskResponse") });
    expect(one?.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: expected(taskIdParamSchema, "input") },
    ]);
    // A blank or over-long id is refused with 400 by the handler, so the document lists it (issue 17, bug 9).
    expect(Object.keys(one?.responses ?? {}).sort()).toEqual(["200", "400", "401", "403", "404"]);
    const complete = doc.paths["/api/v1/tasks/{id}/complete"]?.post;
    expect(complete?.requestBody).toEqual({ required: true, content: ref("CompleteTaskRequest") });
    expect(complete?.responses["200"]).toMatchObject({ content: ref("CompleteTaskResponse") });
    expect(Object.keys(complete?.responses ?? {}).sort()).toEqual(["200", "400", "401", "403", "404", "409", "413"]);
    // The answer schema really is what the handler sends: a subject never carries an address field.
    expect(JSON.stringify(doc.components.schemas.TaskResponse)).not.toMatch(
      /"(postalCode|addressLine|phone|documents?|files?)"/,
    );
  });
});
