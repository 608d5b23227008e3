import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// A DKIM key for the tests of outgoing mail: they sign with it and verify against its public half.
const dkim = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const dkimPrivate = dkim.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const dkimPublic = dkim.publicKey.export({ type: "spki", format: "der" }).toString("base64");

export default defineConfig({
  // "server-only" refuses to load outside a React server environment; tests are the server.
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src"), "server-only": path.resolve(import.meta.dirname, "src/test/server-only.ts") } },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Each file gets its own migrated database (PGlite in memory, or a fresh database on the
    // TEST_DATABASE_URL server), so files may run in parallel.
    testTimeout: 30_000,
    // Uploaded files and generated secrets go to a throwaway directory, not the checkout's .data.
    // One platform operator address for the operator-console tests.
    env: { DATA_DIR: path.join(os.tmpdir(), `deskhand-vitest-${process.pid}`), PLATFORM_ADMINS: "operator@platform.test", MAILBOX_PRIVATE_HOSTS: "true", SIGNUP_PROOF_COST: "1", INBOUND_MAIL_DOMAIN: "mail.deskhand.test",
      DKIM_PRIVATE_KEY: dkimPrivate,
      DKIM_SELECTOR: "vitest",
      DKIM_TEST_PUBLIC_KEY: dkimPublic,
    },
    hookTimeout: 120_000,
  },
});
