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
    // Environment variables are not user input.
    files: ["src/env.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", ".data/**", ".e2e-data/**", "next-env.d.ts", "public/widget.js", "public/widget-frame.js"]),
]);
