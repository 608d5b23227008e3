import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets a second dev server run beside a build in the same checkout (NEXT_DIST_DIR=.next-dev).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite loads its WASM next to its module, argon2 is a native addon, and rate-limiter-flexible
  // imports drizzle-orm by a computed name (bundled, that import fails): keep them unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "rate-limiter-flexible"],
  poweredByHeader: false,
  async headers() {
    // Downloads (attachments, mail originals, article images) set every header themselves — a
    // sandboxing CSP and no referrer — and a rule here would replace them, so they are left out.
    const downloads = "api/files/(?!upload)|api/mail/original/|t/[^/]+/files/|help/[^/]+/files/";
    return [
      {
        source: `/((?!${downloads}).*)`,
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // The staff panel and the public site may not be framed; the widget page sets its own policy.
        source: `/((?!widget/|${downloads}).*)`,
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
