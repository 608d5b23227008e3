import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL runs the journeys against a server you started yourself (a dev server, say);
// without it Playwright starts the production build on a fresh embedded database.
const externalBaseUrl = process.env.E2E_BASE_URL;
const systemChromium = "/usr/bin/chromium";
const dataDir = ".e2e-data";
// The app's outgoing mail goes to a sink that writes each message to <mailDir>/<n>.eml (readMail in
// e2e/helpers.ts); the company sign-in goes to a local OpenID Connect provider.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 2);
const mailDir = `${dataDir}/mail`;
const oidcClient = { id: "deskhand-e2e", secret: "e2e-client-secret-not-for-production" };


export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: fs.existsSync(systemChromium) ? systemChromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: externalBaseUrl ? undefined : [{
    // The production build made by `npm run test:e2e`, on a fresh embedded database. (This file is
    // also loaded by each worker, so the clean-up belongs to the server command, not up here.)
    command: `node -e "require('fs').rmSync('${dataDir}', { recursive: true, force: true })" && npx next start --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATA_DIR: dataDir,
      DEMO_SEED: "false",
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      SIGNIN_MAX_FAILURES: "3",
      PLATFORM_ADMINS: "operator@e2e.test",
      // The mailbox journey reads a Dovecot started on this machine.
      MAILBOX_PRIVATE_HOSTS: "true",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_SEND_SECONDS: "1",
      // Every journey signs up from 127.0.0.1 with example.com addresses, and needs no real work.
      SIGNUP_PROOF_COST: "5",
      SIGNUP_PER_CLIENT_PER_HOUR: "100000",
      SIGNUP_PER_DOMAIN_PER_HOUR: "100000",
      OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
      OIDC_CLIENT_ID: oidcClient.id,
      OIDC_CLIENT_SECRET: oidcClient.secret,
      OIDC_NAME: "Example SSO",
    },
  }, {
    command: `node e2e/servers/mail-sink.mjs ${smtpPort} ${mailDir}`,
    port: smtpPort,
    reuseExistingServer: false,
    timeout: 30_000,
  }, {
    command: `node e2e/servers/oidc-provider.mjs ${oidcPort} http://127.0.0.1:${port} ${oidcClient.id} ${oidcClient.secret}`,
    url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
    reuseExistingServer: false,
    timeout: 30_000,
  }],
});
