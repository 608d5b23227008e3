import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/env";

/**
 * The key that signs sessions: AUTH_SECRET when set (required when several instances serve one
 * site), else a random key made once and kept in DATA_DIR, so a first run needs no env file.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // Instances on one Postgres would each make their own and sign each other's users out.
  if (env.DATABASE_URL) throw new Error("AUTH_SECRET must be set when DATABASE_URL is set (the same value on every instance).");
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another worker wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
