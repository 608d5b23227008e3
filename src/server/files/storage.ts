import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/env";

// Files live on local disk under DATA_DIR/files, addressed by generated keys (tenant/id), never by
// the name a person gave. Several instances need a shared volume here; S3-compatible storage is
// not implemented yet.
const root = () => path.join(dataDir, "files");

function pathOf(key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`Invalid storage key ${key}`);
  return path.join(root(), key);
}

export async function writeStoredFile(key: string, bytes: Uint8Array): Promise<void> {
  const target = pathOf(key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, bytes, { flag: "wx" });
}

export async function readStoredFile(key: string): Promise<Buffer> {
  return fs.readFile(pathOf(key));
}

export async function deleteStoredFile(key: string): Promise<void> {
  await fs.rm(pathOf(key), { force: true });
}
