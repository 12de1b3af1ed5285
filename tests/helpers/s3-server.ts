// A real S3 API server (s3rver) on this machine for tests and the benchmark: the same
// HTTP API, signatures and multipart uploads the AWS SDK uses against S3 or MinIO.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type S3Server = {
  endpoint: string;
  bucket: string;
  /** The variables a Madoguchi process needs to use this server. */
  env: Record<string, string>;
  close(): Promise<void>;
};

export async function startS3Server(opts: { port?: number; bucket?: string } = {}): Promise<S3Server> {
  const bucket = opts.bucket ?? "madoguchi-test";
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "madoguchi-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver's fixed credentials.
    env: {
      STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "1",
    },
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
