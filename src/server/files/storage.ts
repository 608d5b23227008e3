import fs from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { dataDir, env } from "@/env";

// Files are addressed by generated keys (tenant/id), never by the name a person gave: on local
// disk under DATA_DIR/files by default, or in an S3-compatible bucket when S3_BUCKET is set (what
// several instances share).

export type FileStorage = {
  write(key: string, bytes: Uint8Array): Promise<void>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

function checkKey(key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`Invalid storage key ${key}`);
  return key;
}

/** Local disk under a directory. */
export function diskStorage(root: string): FileStorage {
  const pathOf = (key: string) => path.join(root, checkKey(key));
  return {
    async write(key, bytes) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, bytes, { flag: "wx" });
    },
    read: async (key) => fs.readFile(pathOf(key)),
    remove: async (key) => fs.rm(pathOf(key), { force: true }),
  };
}

export type S3Config = { bucket: string; region: string; endpoint?: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };

/** An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …) through the AWS SDK. */
export function s3Storage(config: S3Config): FileStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
    // Checksums only where a request needs them: S3-compatible servers differ in what they accept.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    async write(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: checkKey(key), Body: bytes, ContentType: "application/octet-stream" }));
    },
    async read(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: checkKey(key) }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: checkKey(key) }));
    },
  };
}

let configured: FileStorage | null = null;
function storage(): FileStorage {
  configured ??= env.S3_BUCKET
    ? s3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
      })
    : diskStorage(path.join(dataDir, "files"));
  return configured;
}

export const writeStoredFile = (key: string, bytes: Uint8Array) => storage().write(key, bytes);
export const readStoredFile = (key: string) => storage().read(key);
export const deleteStoredFile = (key: string) => storage().remove(key);
