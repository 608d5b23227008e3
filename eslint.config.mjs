import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Text in an input schema is declared with textInput() (src/lib/text-input.ts), which refuses
      // what Postgres cannot store (NUL, unpaired surrogates) as a field error instead of a 500.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string'], CallExpression[callee.object.object.name='z'][callee.property.name='string']",
          message: "Declare text with textInput() from @/lib/text-input: it refuses NUL and unpaired surrogates.",
        },
      ],
    },
  },
  {
    // One tenant door: only src/server/tenancy opens a desk scope (tests read rows through it too).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server/tenancy/**", "src/**/*.test.ts", "src/test/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/tenancy/scope", "@/server/tenancy/scope"], message: "Open a desk scope through a door of src/server/tenancy (asMember, viaWidgetKey, forEachDesk, …), never withTenant itself." },
          ],
        },
      ],
    },
  },
  {
    // The server knows nothing of Next.js, React or the tRPC client (route handlers and page
    // loaders under src/app are where the two meet). Auth.js's own module is the one exception.
    files: ["src/server/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/tenancy/scope", "@/server/tenancy/scope"], message: "Open a desk scope through a door of src/server/tenancy (asMember, viaWidgetKey, forEachDesk, …), never withTenant itself." },
            { group: ["next", "next/*", "react", "react-dom", "react/*", "@/trpc/*", "@/components/*", "@/app/*"], message: "src/server knows nothing of Next.js, React, the tRPC client or the UI." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/tenancy/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "react", "react/*", "@/trpc/*", "@/components/*", "@/app/*"], message: "src/server knows nothing of Next.js, React, the tRPC client or the UI." }] }],
    },
  },
  {
    // Components take from the server only what a form or a page shows: input schemas, the
    // permission helpers and types (type imports are erased). The report tables are pure and
    // shared by the Reports page and its CSV export.
    files: ["src/components/**/*.ts", "src/components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/tenancy/scope", "@/server/tenancy/scope"], message: "Open a desk scope through a door of src/server/tenancy, never withTenant itself." },
            {
              regex: "^@/server/(?![\\w-]+/(inputs|values)$|kernel/permissions$|reports/tables$)",
              allowTypeImports: true,
              message: "Components import from the server only input schemas (…/inputs), permission helpers (kernel/permissions) and types. Page loaders live beside their pages under src/app.",
            },
          ],
        },
      ],
    },
  },
  {
    // Environment variables are not user input, and output schemas describe what we send.
    files: ["src/env.ts", "src/server/*/outputs.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", ".data/**", ".e2e-data/**", "next-env.d.ts", "public/widget.js", "public/widget-frame.js"]),
]);
