// Size budgets of the widget (../shared/DESIGN.md): the loader every embedding page downloads, and
// everything the widget iframe page ships (its script plus the HTML, estimated for a large desk in
// the longer language). Builds the widget scripts first when they are missing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { frameHtml, type FrameConfig } from "@/widget/frame-page";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** The widget page of a desk with every field, twenty departments and the longest greeting. */
function largestFrameHtml(): string {
  const pages = ["en", "ru"].map((locale) => {
    const t = JSON.parse(fs.readFileSync(path.join(root, "messages", locale, "widget.json"), "utf8")) as Record<string, string>;
    const config: FrameConfig = {
      key: "wk_0123456789abcdefABCD",
      deskName: "Acme Customer Care & Returns",
      greeting: "Ж".repeat(280),
      parentOrigin: "https://www.shop.example.com",
      preview: false,
      fields: (["name", "email", "subject", "message", "phone", "department"] as const).map((name) => ({ name, enabled: true, required: true })),
      departments: Array.from({ length: 20 }, (_, i) => ({ id: `0199a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, "0")}`, name: `Отдел возвратов и обменов ${i + 1}` })),
      maxFiles: 5,
      maxFileBytes: 10 * 1024 * 1024,
      t,
    };
    return frameHtml(config, { locale, color: "#4f46e5", position: "right" });
  });
  return pages.reduce((a, b) => (Buffer.byteLength(a) >= Buffer.byteLength(b) ? a : b));
}

export async function widgetSizes(): Promise<{ file: string; bytes: number; gzip: number; budget: number }[]> {
  const loaderPath = path.join(root, "public/widget.js");
  const framePath = path.join(root, "public/widget-frame.js");
  if (!fs.existsSync(loaderPath) || !fs.existsSync(framePath)) execFileSync(process.execPath, [path.join(root, "scripts/build-widget.mjs")], { cwd: root, stdio: "inherit" });
  const loader = await fs.promises.readFile(loaderPath);
  const frame = await fs.promises.readFile(framePath);
  const html = largestFrameHtml();
  return [
    { file: "public/widget.js", bytes: loader.length, gzip: gzip(loader), budget: 3 * 1024 },
    { file: "public/widget-frame.js + /widget/KEY page", bytes: frame.length + Buffer.byteLength(html), gzip: gzip(frame) + gzip(html), budget: 80 * 1024 },
  ];
}
