import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskStorage, s3Storage, type FileStorage } from "./storage";

// A local stand-in for an S3-compatible server (tests only: s3rver keeps objects in a directory).
let server: S3rver;
let s3: FileStorage;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "deskhand-s3-"));
beforeAll(async () => {
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: "deskhand-files", configs: [] }] });
  const { port } = await server.run();
  s3 = s3Storage({ bucket: "deskhand-files", region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("file storage", () => {
  const key = () => `${randomUUID()}/${randomUUID()}`;

  it("keeps, returns and removes files in an S3-compatible bucket and on local disk alike", async () => {
    const disk = diskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "deskhand-disk-")));
    for (const store of [s3, disk]) {
      const k = key();
      const bytes = new Uint8Array([0, 1, 2, 250, 251, 252]);
      await store.write(k, bytes);
      expect([...(await store.read(k))]).toEqual([...bytes]);
      await store.remove(k);
      await expect(store.read(k)).rejects.toThrow();
    }
  });

  it("refuses a key that is not a generated one, before any request", async () => {
    for (const store of [s3, diskStorage(os.tmpdir())]) {
      await expect(store.write("../../etc/passwd", new Uint8Array([1]))).rejects.toThrow("Invalid storage key");
      await expect(store.read("tenant/file.txt")).rejects.toThrow("Invalid storage key");
    }
  });
});
