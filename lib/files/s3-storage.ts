import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { StorageBackend } from "./storage-backend";

export type S3Settings = {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

const PREFIX = "files/";

function notFound(e: unknown): boolean {
  return (
    e instanceof S3ServiceException &&
    (e.$metadata.httpStatusCode === 404 || e.name === "NotFound" || e.name === "NoSuchKey")
  );
}

/**
 * Objects in one bucket under `files/`. Uploads go through lib-storage's multipart Upload,
 * which holds at most `queueSize` parts of `partSize` in memory, so a 200 MB package costs
 * ~20 MB of buffers, not 200 MB. Without explicit keys the SDK's default chain is used
 * (instance roles, AWS_* variables).
 */
export function s3Storage(s: S3Settings): StorageBackend {
  const client = new S3Client({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: s.forcePathStyle,
    credentials:
      s.accessKeyId && s.secretAccessKey
        ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey }
        : undefined,
  });
  const Key = (key: string) => `${PREFIX}${key}`;
  return {
    async put(key, body) {
      const upload = new Upload({
        client,
        params: { Bucket: s.bucket, Key: Key(key), Body: body, ContentType: "application/octet-stream" },
        partSize: 5 * 1024 * 1024,
        queueSize: 4,
        // A failed multipart upload is aborted, so no parts linger in the bucket.
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async get(key) {
      const out = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: Key(key) }));
      if (out.Body instanceof Readable) return out.Body;
      throw new Error("object storage returned no stream");
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: Key(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: s.bucket, Key: Key(key) }));
        return true;
      } catch (e) {
        if (notFound(e)) return false;
        throw e;
      }
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: s.bucket, Prefix: PREFIX, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          if (o.Key) yield { key: o.Key.slice(PREFIX.length), modifiedAt: o.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: s.bucket }));
    },
  };
}
