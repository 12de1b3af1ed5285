import { describe, expect, it } from "vitest";
import { readBodyCapped, readJsonCapped } from "@/lib/server/read-body";

// Issue 15 item 3: the cap holds while the body streams in, whatever Content-Length says.

function streamedRequest(
  chunks: number,
  chunkBytes: number,
  headers: Record<string, string> = {},
): { req: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  const req = new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled };
}

describe("capped body reading", () => {
  it("stops reading at the cap of an undeclared body and refuses it with 413", async () => {
    const { req, pulled } = streamedRequest(100, 64 * 1024);
    await expect(readBodyCapped(req, 256 * 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // Only what fits under the cap (plus the chunk that crossed it, and one the stream buffered ahead) was read.
    expect(pulled()).toBeLessThanOrEqual(7);
  });

  it("refuses a declared length past the cap before reading anything", async () => {
    const { req, pulled } = streamedRequest(100, 64 * 1024, { "content-length": String(100 * 64 * 1024) });
    await expect(readBodyCapped(req, 256 * 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("reads a body under the cap whole, and JSON that does not parse as null", async () => {
    expect((await readBodyCapped(streamedRequest(3, 1000).req, 16 * 1024)).length).toBe(3000);
    expect(await readJsonCapped(new Request("http://localhost/x", { method: "POST", body: '{"a":1}' }), 1024)).toEqual({
      a: 1,
    });
    expect(await readJsonCapped(new Request("http://localhost/x", { method: "POST", body: "{nope" }), 1024)).toBeNull();
  });
});
