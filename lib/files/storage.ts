import { env, type Env } from "@/lib/server/env";
import { diskStorage } from "./disk-storage";
import { s3Storage } from "./s3-storage";
import type { StorageBackend } from "./storage-backend";

/** The backend STORAGE names, built from the validated environment. */
export function backendFromEnv(e: Env): StorageBackend {
  if (e.STORAGE === "s3") {
    return s3Storage({
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET ?? "",
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    });
  }
  return diskStorage(e.STORAGE_DIR);
}

let current: StorageBackend | undefined;

export function storage(): StorageBackend {
  current ??= backendFromEnv(env());
  return current;
}

/** Replaces the backend for this process (the storage tests run the same suite on both; the benchmark compares them). `null` goes back to the environment's. */
export function setStorageBackend(backend: StorageBackend | null): void {
  current = backend ?? undefined;
}

export function fileKey(): Buffer {
  return Buffer.from(env().FILE_ENCRYPTION_KEY, "base64");
}
