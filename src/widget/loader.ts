// The embeddable loader, built into public/widget.js (≤ 3 KB gzip, no dependencies) by
// scripts/build-widget.mjs. A site pastes
//   <script src="https://DESKHAND/widget.js" data-desk="wk_…" async></script>
// It asks Deskhand for the desk's look (answered only to sites the desk allows), draws a launcher
// inside a shadow root (nothing leaks either way between the page's CSS and ours), and on open
// shows the widget page (/widget/KEY) in an iframe. Page API, usable before this script loads:
//   window.Deskhand = window.Deskhand || function () { (Deskhand.q = Deskhand.q || []).push(arguments) };
//   Deskhand("open") · Deskhand("close") · Deskhand("prefill", { email, name, subject })
//   Deskhand("identify", { email, name, hash })   // hash: HMAC-SHA256 of the email with the desk's secret

type Command = (command: string, arg?: unknown) => void;
type Api = Command & { q?: ArrayLike<unknown>[]; loaded?: boolean };
type Config = { color: string; position: string; frame: string };

(() => {
  const w = window as unknown as { Deskhand?: Api };
  if (w.Deskhand?.loaded) return;
  const queued = w.Deskhand?.q ?? [];
  const script = (document.currentScript ?? document.querySelector("script[data-desk]")) as HTMLScriptElement | null;
  const key = script?.getAttribute("data-desk");
  const warn = (why: unknown) => console.warn("Deskhand: the support widget is not shown.", why);
  if (!script || !key) return warn("No data-desk on the script tag.");

  // Commands wait here until the launcher exists; if it never does, they are dropped.
  let run: Command | null = null;
  const waiting: [string, unknown][] = [];
  const api: Api = (command, arg) => (run ? run(command, arg) : waiting.push([command, arg]));
  api.loaded = true;
  w.Deskhand = api;
  for (const args of queued) api(args[0] as string, args[1]);

  fetch(`${new URL(script.src).origin}/api/widget/${encodeURIComponent(key)}/config`)
    .then((response) => (response.ok ? response.json() : Promise.reject(`HTTP ${response.status}`)))
    .then(mount)
    .catch(warn);

  function mount(config: Config) {
    const frameUrl = new URL(config.frame);
    const frameOrigin = frameUrl.origin;
    const color = /^#[0-9a-f]{6}$/i.test(config.color) ? config.color : "#4f46e5";
    const side = config.position === "left" ? "left" : "right";
    // The desk's language is the frame's business; the launcher speaks the page's.
    const ru = /^ru/i.test(document.documentElement.lang || navigator.language);
    const [openLabel, closeLabel, title] = ru ? ["Открыть чат поддержки", "Закрыть чат поддержки", "Поддержка"] : ["Open support chat", "Close support chat", "Support"];

    const host = document.createElement("div");
    host.setAttribute("data-deskhand", "");
    const root = host.attachShadow({ mode: "open" });
    const svg = (d: string, cls: string) =>
      `<svg class="${cls}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="${d}"/></svg>`;
    root.innerHTML =
      `<style>:host{all:initial!important}*{box-sizing:border-box}` +
      `.b,.p{position:fixed;${side}:20px;z-index:2147483000}` +
      `.b{bottom:20px;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;background:${color};color:${ink(color)};cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s}` +
      `.b:hover{transform:scale(1.06)}.b:focus-visible{outline:3px solid ${color};outline-offset:3px}` +
      `.b svg{width:28px;height:28px}.c path{fill:currentColor}.o .c,.x{display:none}.o .x{display:block}` +
      `.p{bottom:88px;width:380px;height:600px;max-width:calc(100vw - 40px);max-height:calc(100vh - 108px);border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 48px rgba(0,0,0,.25)}` +
      `.p[hidden]{display:none}iframe{display:block;width:100%;height:100%;border:0}` +
      `@media (max-width:480px){.p{top:0;left:0;bottom:0;right:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0}.o .b{display:none}}` +
      `@media (prefers-reduced-motion:reduce){.b{transition:none}}</style>` +
      `<div><div class="p" role="dialog" aria-label="${title}" hidden></div>` +
      `<button class="b" type="button" aria-expanded="false">${svg("M12 3.5c-5 0-9 3.4-9 7.7 0 2.3 1.2 4.4 3 5.8L5.3 20.5l4.2-2c.8.2 1.6.3 2.5.3 5 0 9-3.4 9-7.6s-4-7.7-9-7.7z", "c")}${svg("M6 6l12 12M18 6L6 18", "x")}</button></div>`;
    const wrap = root.lastElementChild as HTMLElement;
    const panel = wrap.firstElementChild as HTMLElement;
    const button = wrap.lastElementChild as HTMLButtonElement;
    button.setAttribute("aria-label", openLabel);

    let frame: HTMLIFrameElement | null = null;
    let ready = false;
    let opened = false;
    // prefill and identify wait for the frame to say it is ready.
    let outbox: object[] = [];
    const post = (message: object) => frame?.contentWindow?.postMessage(message, frameOrigin);
    const send = (message: object) => (ready ? post(message) : outbox.push(message));

    const open = () => {
      if (opened) return;
      opened = true;
      if (!frame) {
        frame = document.createElement("iframe");
        frame.title = title;
        frameUrl.searchParams.set("origin", location.origin);
        frame.src = frameUrl.href;
        panel.append(frame);
      }
      panel.hidden = false;
      wrap.className = "o";
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-label", closeLabel);
      frame.focus();
      if (ready) post({ type: "focus" });
    };
    const close = () => {
      if (!opened) return;
      opened = false;
      panel.hidden = true;
      wrap.className = "";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-label", openLabel);
      button.focus();
    };

    button.onclick = () => (opened ? close() : open());
    root.addEventListener("keydown", (event) => (event as KeyboardEvent).key === "Escape" && close());
    window.addEventListener("message", (event) => {
      if (!frame || event.source !== frame.contentWindow || event.origin !== frameOrigin) return;
      const type = (event.data as { type?: string } | null)?.type;
      if (type === "ready") {
        ready = true;
        outbox.forEach(post);
        outbox = [];
        if (opened) post({ type: "focus" });
      } else if (type === "close") close();
    });

    run = (command, arg) => {
      if (command === "open") open();
      else if (command === "close") close();
      else if (command === "prefill" || command === "identify") {
        // Only strings cross to the frame (whatever else a page passes may not be cloneable).
        const data: Record<string, string> = {};
        for (const [k, v] of Object.entries(arg ?? {})) if (typeof v === "string") data[k] = v;
        send({ type: command, data });
      }
    };
    const add = () => {
      document.body.append(host);
      waiting.forEach(([command, arg]) => run!(command, arg));
    };
    if (document.body) add();
    else document.addEventListener("DOMContentLoaded", add);
  }

  /** White or near-black, whichever reads better on the desk's colour (WCAG contrast). */
  function ink(hex: string): string {
    const n = parseInt(hex.slice(1), 16);
    const l = [n >> 16, (n >> 8) & 255, n & 255]
      .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    return 1.05 / (l + 0.05) >= (l + 0.05) / 0.06 ? "#fff" : "#111827";
  }
})();
