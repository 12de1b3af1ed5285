import { afterAll, beforeAll } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { backendFromEnv, setStorageBackend, storage } from "@/lib/files/storage";
import { startS3Server, type S3Server } from "@/tests/helpers/s3-server";

export type StorageKind = "disk" | "s3";

/**
 * Runs the enclosing describe block on one storage backend: the local disk (the default),
 * or a real S3 API (s3rver) started for the block and stopped after it.
 */
export function useStorageBackend(kind: StorageKind): void {
  let s3: S3Server | undefined;
  beforeAll(async () => {
    if (kind === "s3") {
      s3 = await startS3Server();
      setStorageBackend(backendFromEnv(parseEnv({ ...process.env, ...s3.env })));
    } else setStorageBackend(null);
    await storage().check();
  });
  afterAll(async () => {
    setStorageBackend(null);
    await s3?.close();
  });
}
