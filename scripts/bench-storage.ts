// `npm run bench` part "storage" (bench/README.md): throughput of a 20 MB file through the
// file store on disk and on an S3 API server (s3rver, in this process), and the app server's
// RSS while it streams a 200 MB disclosure package to a requester.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StorageBackend } from "@/lib/files/storage-backend";

export type BenchRow = {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
};

const MB = 1024 * 1024;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** `size` bytes of random-looking content in 1 MB pieces, never held whole. */
function content(size: number): Readable {
  const piece = crypto.randomBytes(MB);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(MB, size - sent);
      sent += n;
      this.push(piece.subarray(0, n));
    },
  });
}

async function throughput(backend: StorageBackend, size: number): Promise<{ upMBs: number; downMBs: number }> {
  const { setStorageBackend } = await import("@/lib/files/storage");
  const { putFileContent, openStoredFile } = await import("@/lib/files/file-store");
  setStorageBackend(backend);
  try {
    const ups: number[] = [];
    const downs: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const sealed = await putFileContent(content(size));
      ups.push(performance.now() - t);
      t = performance.now();
      let n = 0;
      for await (const p of await openStoredFile({ ...sealed, deletedAt: null })) n += (p as Buffer).length;
      downs.push(performance.now() - t);
      if (n !== size) throw new Error("size mismatch");
      await backend.remove(sealed.storageKey);
    }
    const best = (xs: number[]) => Math.min(...xs) / 1000;
    return { upMBs: size / MB / best(ups), downMBs: size / MB / best(downs) };
  } finally {
    setStorageBackend(null);
  }
}

/** In-process: the same 20 MB through both backends (best of three each). */
export async function storageThroughput(rows: BenchRow[], details: Record<string, unknown>): Promise<void> {
  const { diskStorage } = await import("@/lib/files/disk-storage");
  const { s3Storage } = await import("@/lib/files/s3-storage");
  const { startS3Server } = await import("@/tests/helpers/s3-server");
  const size = 20 * MB;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-bench-disk-"));
  const s3 = await startS3Server({ bucket: "madoguchi-bench" });
  try {
    console.log("Storage: 20 MB through disk and S3 (s3rver) …");
    const disk = await throughput(diskStorage(dir), size);
    const bucket = await throughput(
      s3Storage({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: "us-east-1",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      }),
      size,
    );
    details.storageThroughput = {
      disk: { upMBs: round(disk.upMBs), downMBs: round(disk.downMBs) },
      s3: { upMBs: round(bucket.upMBs), downMBs: round(bucket.downMBs) },
    };
    const mbs = (n: number) => `${n.toFixed(1)} MB/s`;
    rows.push({
      measure: "storage upload 20 MB (sealed): S3 vs disk",
      value: mbs(bucket.upMBs),
      baseline: mbs(disk.upMBs),
      ratio: round(bucket.upMBs / disk.upMBs),
      goal: "-",
      met: null,
    });
    rows.push({
      measure: "storage download 20 MB (opened): S3 vs disk",
      value: mbs(bucket.downMBs),
      baseline: mbs(disk.downMBs),
      ratio: round(bucket.downMBs / disk.downMBs),
      goal: "-",
      met: null,
    });
  } finally {
    await s3.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type LargePackage = { fileId: string; cookie: string; sizeBytes: number };

/** A published 200 MB package file and a requester session verified to download it (before the server starts). */
export async function prepareLargePackage(prisma: PrismaClient): Promise<LargePackage> {
  const { putFileContent, recordStoredFile } = await import("@/lib/files/file-store");
  const { createRequesterSession } = await import("@/lib/requester/requester-session");
  const request = await prisma.request.create({
    data: {
      reference: "DSR-2025-PKG001",
      type: "DISCLOSURE",
      status: "DECIDED",
      identity: "VERIFIED",
      fee: "NOT_REQUIRED",
      arrivedAt: new Date(),
      targetDays: 14,
      subjectName: "試験 花子",
    },
    select: { id: true },
  });
  const sizeBytes = 200 * MB;
  console.log("Storage: sealing a 200 MB package file …");
  const sealed = await putFileContent(content(sizeBytes));
  const file = await prisma.$transaction((tx) =>
    recordStoredFile(tx, sealed, {
      role: "DISCLOSURE_FILE",
      mimeType: "application/zip",
      originalName: "package.zip",
      requestId: request.id,
    }),
  );
  await prisma.disclosurePackage.create({
    data: {
      requestId: request.id,
      deliveryMethod: "ELECTRONIC",
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      files: { create: { fileId: file.id } },
    },
  });
  const { sessionToken } = await prisma.$transaction((tx) => createRequesterSession(tx, request.id, new Date()));
  await prisma.requesterSession.updateMany({
    where: { requestId: request.id },
    data: { downloadVerifiedAt: new Date() },
  });
  return { fileId: file.id, cookie: `madoguchi_requester=${sessionToken}`, sizeBytes };
}

/** Downloads the package from the running server, sampling the server's RSS every 100 ms. */
export async function packageDownloadMemory(
  base: string,
  pkg: LargePackage,
  rssMb: () => number,
  idleRss: number,
  rows: BenchRow[],
  details: Record<string, unknown>,
): Promise<void> {
  console.log("Storage: downloading the 200 MB package …");
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const t = performance.now();
  let received = 0;
  try {
    const res = await fetch(`${base}/api/status/package/${pkg.fileId}`, {
      headers: { cookie: pkg.cookie },
      redirect: "manual",
    });
    if (res.status !== 200 || !res.body) throw new Error(`download answered ${res.status}`);
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) received += next.value.byteLength;
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t) / 1000;
  if (received !== pkg.sizeBytes) throw new Error(`received ${received} of ${pkg.sizeBytes} bytes`);
  details.packageDownload = {
    bytes: received,
    seconds: round(seconds),
    MBs: round(received / MB / seconds),
    peakRssMb: round(peak, 0),
    idleRssMb: round(idleRss, 0),
  };
  rows.push({
    measure: "server RSS during a 200 MB package download",
    value: `${round(peak, 0)} MB`,
    baseline: `${round(idleRss, 0)} MB idle`,
    ratio: round(peak / idleRss),
    goal: "< 400 MB absolute",
    met: peak < 400,
    note: `whole tree of npm start, on the idle server before the submission load; ${round(received / MB / seconds, 1)} MB/s`,
  });
}
