// The HTML of the page inside the widget iframe (served by src/app/widget/[key]/route.ts). Runs on
// the server but imports nothing server-only, so the bench can measure the page it produces.
// The page is a shell: a small stylesheet, the desk's config as JSON (never as script, so the CSP
// needs no inline script) and public/widget-frame.js, which draws the form (src/widget/frame.ts).

export type FrameField = { name: "name" | "email" | "subject" | "message" | "phone" | "department"; enabled: boolean; required: boolean };

/** What frame.ts reads from <script type="application/json" id="deskhand-config">. */
export type FrameConfig = {
  key: string;
  deskName: string;
  greeting: string;
  /** The page that embeds the frame, when it named itself and the desk allows it: where messages go. */
  parentOrigin: string | null;
  preview: boolean;
  fields: FrameField[];
  departments: { id: string; name: string }[];
  maxFiles: number;
  maxFileBytes: number;
  /** Every string of the frame, translated; {number}, {email} and {name} are filled in by the frame. */
  t: Record<string, string>;
};

export type FrameLook = { locale: string; color: string; position: "right" | "left" };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The relative luminance of #rrggbb (WCAG 2). */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** White or near-black, whichever reads better on the desk's colour. */
export function inkOn(color: string): string {
  const l = luminance(color);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.06 ? "#ffffff" : "#111827";
}

// Hand-written and small: the desk's colour arrives as --accent (with --ink for text on it).
const styles = `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;background:#fff;-webkit-font-smoothing:antialiased}
.app{display:flex;flex-direction:column;height:100%}
.ribbon{background:#fef3c7;color:#78350f;font-size:13px;padding:6px 16px;text-align:center}
.ribbon b{text-transform:uppercase;letter-spacing:.05em;font-size:11px;margin-right:6px}
.head{position:relative;background:var(--accent);color:var(--ink);padding:20px 56px 22px 20px}
.head h1{margin:0;font-size:19px;line-height:1.3;font-weight:650}
.head p{margin:6px 0 0;font-size:14px;opacity:.92;white-space:pre-line;overflow-wrap:anywhere}
.x{position:absolute;top:12px;right:12px;width:36px;height:36px;border:0;border-radius:50%;background:transparent;color:inherit;cursor:pointer;display:grid;place-items:center}
.x:hover{background:color-mix(in srgb,currentColor 16%,transparent)}
.x:focus-visible{outline:2px solid currentColor;outline-offset:1px}
.main{flex:1;overflow:auto;padding:20px}
.main:focus{outline:none}
svg{display:block}
.field{margin:0 0 16px}
label,.label{display:block;font-size:14px;font-weight:600;margin:0 0 6px}
.req{color:#b42318;margin-left:3px}
.opt{color:#6b7280;font-size:13px;font-weight:400;margin-left:6px}
input,select,textarea{font:inherit;color:inherit;width:100%;margin:0;padding:10px 12px;border:1px solid #d0d5dd;border-radius:10px;background:#fff;outline:2px solid transparent;transition:border-color .15s,box-shadow .15s}
textarea{min-height:128px;resize:vertical}
input::placeholder,textarea::placeholder{color:#9ca3af}
input:focus,select:focus,textarea:focus{border-color:var(--accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 28%,transparent)}
input[readonly]{background:#f3f4f6;color:#4b5563}
[aria-invalid=true]{border-color:#d92d20}
[aria-invalid=true]:focus{border-color:#d92d20;box-shadow:0 0 0 3px #fee4e2}
.err{color:#b42318;font-size:13px;margin:6px 0 0}
.alert{background:#fef3f2;border:1px solid #fecdca;color:#912018;border-radius:10px;padding:10px 12px;margin:0 0 16px;font-size:14px}
.alert:empty{display:none}
.signed{display:flex;align-items:center;gap:8px;background:#f3f4f6;border-radius:10px;padding:8px 12px;margin:0 0 16px;font-size:14px;color:#374151;overflow-wrap:anywhere}
.sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.attach{display:inline-flex;align-items:center;gap:8px;padding:8px 14px;border:1px dashed #98a2b3;border-radius:10px;background:#fff;font-weight:500;cursor:pointer;color:#344054;margin:0}
.attach:hover{border-color:var(--accent);color:var(--link)}
input.sr:focus-visible+.attach{outline:2px solid var(--accent);outline-offset:2px}
.hint{color:#6b7280;font-size:13px;margin:6px 0 0}
.files{list-style:none;margin:10px 0 0;padding:0}
.files li{display:flex;align-items:center;gap:10px;padding:6px 6px 6px 12px;border:1px solid #eaecf0;border-radius:10px;margin-top:6px;font-size:14px}
.files .name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.files .size{color:#6b7280;font-size:13px}
.rm{border:0;background:transparent;color:#6b7280;width:30px;height:30px;border-radius:8px;cursor:pointer;display:grid;place-items:center}
.rm:hover{background:#f2f4f7;color:#b42318}
.btn{display:flex;align-items:center;justify-content:center;gap:10px;width:100%;padding:12px 16px;border:0;border-radius:10px;background:var(--accent);color:var(--ink);font:inherit;font-weight:600;cursor:pointer;transition:filter .15s}
.btn:hover{filter:brightness(1.08)}
.btn:disabled{opacity:.75;cursor:progress}
.btn2{display:inline-flex;align-items:center;gap:8px;padding:10px 16px;border:1px solid #d0d5dd;border-radius:10px;background:#fff;color:#1f2937;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
.btn2:hover{background:#f9fafb}
.btn:focus-visible,.btn2:focus-visible,.rm:focus-visible,a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.spin{width:16px;height:16px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:spin .7s linear infinite}
@keyframes spin{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){.spin{animation-duration:2.5s}*{transition:none!important}}
a{color:var(--link)}
.suggest{border:1px solid #e4e7ec;background:#f9fafb;border-radius:12px;padding:12px 14px;margin:0 0 18px}
.suggest h2{margin:0 0 6px;font-size:14px}
.suggest ul{margin:0;padding:0;list-style:none}
.suggest li{padding:6px 0;border-top:1px solid #eaecf0}
.suggest li:first-child{border-top:0}
.suggest a{font-weight:600;text-decoration:none}
.suggest a:hover{text-decoration:underline}
.suggest p{margin:2px 0 0;color:#6b7280;font-size:13px}
.done{text-align:center;padding:28px 8px}
.done h2{margin:0 0 8px;font-size:20px}
.done h2:focus{outline:none}
.done p{margin:0 0 12px;color:#475467}
.check{width:60px;height:60px;border-radius:50%;margin:0 auto 18px;display:grid;place-items:center;background:color-mix(in srgb,var(--accent) 14%,#fff);color:var(--link)}
.muted{font-size:13px;color:#6b7280}
.again{margin-top:20px;background:none;border:0;color:var(--link);font:inherit;font-weight:600;cursor:pointer;text-decoration:underline;text-underline-offset:3px;padding:4px}
.again:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:4px}
[hidden]{display:none!important}
`.replace(/\n/g, "");

function page(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${head}</head><body>${body}</body></html>`;
}

/** The widget page of one desk. */
export function frameHtml(config: FrameConfig, look: FrameLook): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(look.color) ? look.color.toLowerCase() : "#4f46e5";
  const ink = inkOn(color);
  // Links and icons on white: the desk's colour, unless it is too light to read there.
  const link = luminance(color) > 0.4 ? "#1f2937" : color;
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const head = `<style>:root{--accent:${color};--ink:${ink};--link:${link}}${styles}</style>`;
  const body =
    `<div id="app" class="app" data-position="${look.position === "left" ? "left" : "right"}"><noscript><p style="padding:20px">${escapeHtml(config.t.noscript ?? "")}</p></noscript></div>` +
    `<script type="application/json" id="deskhand-config">${json}</script><script src="/widget-frame.js" defer></script>`;
  return page(look.locale, `${config.t.title ?? ""} · ${config.deskName}`, head, body);
}

/** An unknown key: a short page in the visitor's language. */
export function frameNotFoundHtml(locale: string, message: string): string {
  const head = `<style>body{font:15px/1.5 system-ui,sans-serif;color:#475467;display:grid;place-items:center;height:100vh;margin:0;padding:20px;text-align:center}</style>`;
  return page(locale, message, head, `<p>${escapeHtml(message)}</p>`);
}
