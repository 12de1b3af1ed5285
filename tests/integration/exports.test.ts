import { beforeEach, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest } from "@/tests/helpers/request-fixtures";
import { storeFile } from "@/lib/files/file-store";
import { exportRequestArchive, exportRequestListCsv } from "@/lib/operations/exports";
import type { StaffActor } from "@/lib/audit/actor";

const admin: StaffActor = { type: "STAFF", id: "a", role: "ADMIN" };
const officer: StaffActor = { type: "STAFF", id: "o", role: "OFFICER" };

describe("exports", () => {
  beforeEach(resetDatabase);

  it("exports one request as JSON plus its decrypted files, audited", async () => {
    const r = await createRequest({ subjectName: "山田 花子" });
    await prisma.$transaction((tx) =>
      storeFile(tx, {
        role: "IDENTITY_DOCUMENT",
        content: Buffer.from("%PDF-1.4 id"),
        mimeType: "application/pdf",
        originalName: "免許証.pdf",
        requestId: r.id,
      }),
    );
    const { fileName, content } = await exportRequestArchive({ actor: admin, input: { requestId: r.id } });
    expect(fileName).toBe(`${r.reference}.zip`);
    const files = unzipSync(new Uint8Array(content));
    const json = JSON.parse(strFromU8(files["request.json"] ?? new Uint8Array())) as {
      request: { reference: string; subjectName: string };
    };
    expect(json.request).toMatchObject({ reference: r.reference, subjectName: "山田 花子" });
    const docName = Object.keys(files).find((k) => k.startsWith("files/identity_document/"));
    expect(docName).toMatch(/免許証\.pdf$/);
    expect(strFromU8(files[docName ?? ""] ?? new Uint8Array())).toBe("%PDF-1.4 id");
    expect(await prisma.auditEvent.count({ where: { action: "request.exported", requestId: r.id } })).toBe(1);
  });

  it("exports the list as CSV with a BOM, without names unless asked, and guards formulas", async () => {
    await createRequest({ subjectName: '=HYPERLINK("x")', type: "CORRECTION" });
    await createRequest({ subjectName: "佐藤 健" });
    const plain = await exportRequestListCsv({ actor: admin, input: {} });
    expect([...plain.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = plain.content.toString("utf8");
    expect(plain.rows).toBe(2);
    expect(text).not.toContain("佐藤");
    expect(text.split("\r\n")[0]).toContain('"reference"');
    const withNames = (
      await exportRequestListCsv({ actor: admin, input: { includePersonalData: true, type: ["CORRECTION"] } })
    ).content.toString("utf8");
    expect(withNames).toContain(`"'=HYPERLINK(""x"")"`);
    expect(withNames).not.toContain("佐藤");
  });

  it("lists every request once, in arrival order, across pages (also when arrival times are equal)", async () => {
    const at = new Date(Date.now() - 3 * 86_400_000);
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await createRequest({ arrivedAt: i < 3 ? at : new Date(at.getTime() + i * 60_000) }));
    const { content, rows } = await exportRequestListCsv({ actor: admin, input: {}, batchSize: 2 });
    expect(rows).toBe(5);
    const refs = content
      .toString("utf8")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => JSON.parse(l.split(",")[0] ?? '""') as string);
    expect([...refs].sort()).toEqual(made.map((r) => r.reference).sort());
    expect(refs.slice(3)).toEqual(made.slice(3).map((r) => r.reference));
  });

  it("is for admins only", async () => {
    const r = await createRequest();
    await expect(exportRequestArchive({ actor: officer, input: { requestId: r.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportRequestListCsv({ actor: null, input: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(exportRequestListCsv({ actor: admin, input: { from: "2026-13-01" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
