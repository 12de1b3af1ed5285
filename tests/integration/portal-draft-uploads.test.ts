import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import {
  addDraftUpload,
  listDraftUploads,
  newDraftKey,
  purgeExpiredDrafts,
  removeDraftUpload,
} from "@/lib/uploads/draft-uploads";
import { fileExistsOnDisk, readStoredFile } from "@/lib/files/file-store";
import { jobHandlers } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { heicWithExif, jpegWithMetadata, minimalPdf, windowsExecutable } from "@/tests/fixtures/files/build-fixtures";

const t0 = new Date("2026-11-30T03:00:00Z");

describe("draft uploads", () => {
  beforeEach(resetDatabase);

  it("stores an upload encrypted, without metadata, under the draft key's HMAC only", async () => {
    const draftKey = newDraftKey();
    const up = await addDraftUpload({ draftKey, file: { bytes: jpegWithMetadata(), name: "免許証.jpg" }, now: t0 });
    expect(up).toMatchObject({
      originalName: "免許証.jpg",
      mimeType: "image/jpeg",
      expiresAt: new Date(t0.getTime() + 86_400_000),
    });
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: up.id } });
    expect(row.role).toBe("IDENTITY_DOCUMENT");
    expect(row.draftKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.draftKeyHash).not.toContain(draftKey);
    const content = await readStoredFile(row);
    expect(content.includes(Buffer.from("GPS-EXIF-MARKER"))).toBe(false);
    expect(await listDraftUploads({ draftKey, now: t0 })).toHaveLength(1);
    expect(await listDraftUploads({ draftKey: newDraftKey(), now: t0 })).toHaveLength(0);
  });

  it("removes a file only with the same draft key", async () => {
    const draftKey = newDraftKey();
    const up = await addDraftUpload({ draftKey, file: { bytes: minimalPdf(), name: "a.pdf" }, now: t0 });
    await expect(removeDraftUpload({ draftKey: newDraftKey(), fileId: up.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await prisma.storedFile.count()).toBe(1);
    const { storageKey } = await prisma.storedFile.findUniqueOrThrow({ where: { id: up.id } });
    await removeDraftUpload({ draftKey, fileId: up.id });
    expect(await prisma.storedFile.count()).toBe(0);
    expect(await fileExistsOnDisk(storageKey)).toBe(false);
  });

  it("refuses a renamed .exe, a 50 MB file and a seventh file, writing nothing", async () => {
    const draftKey = newDraftKey();
    await expect(
      addDraftUpload({ draftKey, file: { bytes: windowsExecutable(), name: "passport.pdf" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: ["errors.fileType"] } });
    await expect(
      addDraftUpload({ draftKey, file: { bytes: Buffer.alloc(50 * 1024 * 1024, 0x25), name: "big.pdf" } }),
    ).rejects.toMatchObject({ fieldErrors: { file: ["errors.fileTooLarge"] } });
    expect(await prisma.storedFile.count()).toBe(0);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        addDraftUpload({ draftKey, file: { bytes: heicWithExif(), name: `p${i}.heic` }, now: t0 }).catch(
          (e: unknown) => e,
        ),
      ),
    );
    expect(await prisma.storedFile.count()).toBe(6);
    await expect(
      addDraftUpload({ draftKey, file: { bytes: minimalPdf(), name: "7.pdf" }, now: t0 }),
    ).rejects.toMatchObject({ fieldErrors: { files: ["errors.tooManyFiles"] } });
    expect(await prisma.storedFile.count()).toBe(6);
  });

  it("refuses a malformed draft key", async () => {
    await expect(listDraftUploads({ draftKey: "short" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  // Sixty sealed uploads take a while on a busy machine: a longer limit than the default,
  // so the loop is not cut off (a cut-off loop keeps writing into the next test's database).
  it("limits uploads per client across drafts", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 60; i++)
      await addDraftUpload({
        draftKey: newDraftKey(),
        file: { bytes: minimalPdf(), name: "a.pdf" },
        clientKey: "203.0.113.9",
        now: t0,
      });
    await expect(
      addDraftUpload({
        draftKey: newDraftKey(),
        file: { bytes: minimalPdf(), name: "a.pdf" },
        clientKey: "203.0.113.9",
        now: t0,
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await prisma.storedFile.count()).toBe(60);
  });

  it("purges expired drafts through the scheduled job", async () => {
    const old = await addDraftUpload({
      draftKey: newDraftKey(),
      file: { bytes: minimalPdf(), name: "old.pdf" },
      now: new Date(Date.now() - 25 * 3_600_000),
    });
    const fresh = await addDraftUpload({ draftKey: newDraftKey(), file: { bytes: minimalPdf(), name: "new.pdf" } });
    const { storageKey } = await prisma.storedFile.findUniqueOrThrow({ where: { id: old.id } });
    const job = jobHandlers.get("portal.purge-expired-drafts");
    expect(job).toBeDefined();
    await job?.({}, { prisma, jobId: "j", workerName: "test" });
    // Only this test's two drafts are looked at, so rows another test left behind cannot change the answer.
    const ours = { id: { in: [old.id, fresh.id] } };
    expect((await prisma.storedFile.findMany({ where: ours, select: { id: true } })).map((f) => f.id)).toEqual([
      fresh.id,
    ]);
    expect(await fileExistsOnDisk(storageKey)).toBe(false);
    await purgeExpiredDrafts();
    expect(await prisma.storedFile.count({ where: ours })).toBe(1);
  });
});
