import type { Env } from "@/env";

export type SettingsCheck = { errors: string[]; warnings: string[] };

/**
 * Settings that are fine for a quick start but wrong for production. An error stops the server
 * before it serves anyone; a warning is logged.
 */
export function checkProductionSettings(env: Pick<Env, "DATABASE_URL" | "AUTH_SECRET" | "NODE_ENV">): SettingsCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    errors.push(
      "AUTH_SECRET is not set. With DATABASE_URL every instance must sign sessions with the same secret: set AUTH_SECRET (at least 16 characters, e.g. `openssl rand -base64 32`) on every instance.",
    );
  }
  if (!env.DATABASE_URL && env.NODE_ENV === "production") {
    warnings.push(
      "Running on the embedded database (PGlite) with NODE_ENV=production: one process only, no second instance, no backups by the database server. Set DATABASE_URL to a Postgres server for production.",
    );
  }
  return { errors, warnings };
}
