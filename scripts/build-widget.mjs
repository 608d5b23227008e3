// `npm run build:widget`: bundles the embeddable loader (src/widget/loader.ts → public/widget.js)
// and the script of the widget page (src/widget/frame.ts → public/widget-frame.js) with esbuild,
// prints their sizes and fails when one is over its budget (../shared/DESIGN.md, Budgets).
// Runs before every `next build` (npm run build, npm start, test:e2e) and `npm run dev`.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outputs = [
  { entry: "src/widget/loader.ts", out: "public/widget.js", budget: 3 * 1024 },
  { entry: "src/widget/frame.ts", out: "public/widget-frame.js", budget: 80 * 1024 },
];

fs.mkdirSync(path.join(root, "public"), { recursive: true });
let over = false;
for (const { entry, out, budget } of outputs) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    legalComments: "none",
    logLevel: "warning",
  });
  const bytes = fs.readFileSync(path.join(root, out));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const fits = gzip <= budget;
  over ||= !fits;
  console.log(`${out.padEnd(24)} ${String(bytes.length).padStart(6)} B, ${String(gzip).padStart(6)} B gzip (budget ${budget} B gzip)${fits ? "" : "  OVER BUDGET"}`);
}
if (over) process.exit(1);
