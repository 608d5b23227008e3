// The script of the page inside the widget iframe, built into public/widget-frame.js by
// scripts/build-widget.mjs. Vanilla and small: it reads the desk's config (JSON the page embeds,
// see frame-page.ts), draws the ticket form, posts it to /api/widget/KEY/tickets and shows the
// confirmation. With the loader (public/widget.js) on the embedding page it talks by postMessage:
// it says {type:'ready'} and {type:'close'}, and takes 'prefill', 'identify' and 'focus'.
import { fill, h, icon, present, safeUrl } from "./frame-dom";
import { filePicker } from "./frame-files";
import type { FrameConfig, FrameField } from "./frame-page";
import { suggestions } from "./frame-suggest";

type FieldName = FrameField["name"];
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Identity = { email: string; name: string; hash: string };
type Answer = { number?: number; link?: string; email?: string; error?: string; message?: string; fields?: Record<string, string> | null };

const config = JSON.parse(document.getElementById("deskhand-config")!.textContent!) as FrameConfig;
const t = config.t;
const api = (path: string) => `/api/widget/${encodeURIComponent(config.key)}/${path}`;

const framed = window.parent !== window;
// Opened by the loader (it names the page's origin) or previewed in Settings: the frame can be closed.
const closable = framed && (config.parentOrigin !== null || config.preview);
/** To the embedding page's origin when the server confirmed it; 'ready' and 'close' carry nothing private. */
const toParent = (type: string) => framed && window.parent.postMessage({ type }, config.parentOrigin ?? "*");

// ——— the form ———

const controls: Partial<Record<FieldName, Control>> = {};
const errors: Partial<Record<FieldName | "files", HTMLElement>> = {};
const alertBox = h("div", { class: "alert", role: "alert" });
const signedNote = h("p", { class: "signed", id: "signed", hidden: true });
const suggest = suggestions(t.suggestions!, api("suggest"));
const picker = filePicker(t, config, (problem) => setError("files", problem));
errors.files = picker.error;

function controlFor(field: FrameField): Control {
  const common = { id: `f-${field.name}`, name: field.name, required: field.required, "aria-required": field.required ? "true" : null };
  const placeholder = t[`${field.name}Placeholder`];
  const kinds: Record<string, Record<string, unknown>> = {
    name: { type: "text", autocomplete: "name", maxlength: 120 },
    email: { type: "email", autocomplete: "email", inputmode: "email", maxlength: 254, spellcheck: "false" },
    subject: { type: "text", maxlength: 200, autocomplete: "off" },
    phone: { type: "tel", autocomplete: "tel", maxlength: 40 },
  };
  if (field.name === "message") return h("textarea", { ...common, placeholder, rows: 5, maxlength: 50000 });
  if (field.name === "department") {
    return h("select", common, h("option", { value: "", text: t.departmentChoose }), ...config.departments.map((d) => h("option", { value: d.id, text: d.name })));
  }
  return h("input", { ...common, placeholder, ...kinds[field.name] });
}

function fieldBlock(field: FrameField): HTMLElement {
  const control = controlFor(field);
  controls[field.name] = control;
  const error = h("p", { class: "err", id: `f-${field.name}-e`, hidden: true });
  errors[field.name] = error;
  control.addEventListener("input", () => {
    setError(field.name, null);
    if (!firstInvalid() && alertBox.textContent === t.fixFields) alertBox.textContent = "";
  });
  const marker = field.required ? h("span", { class: "req", "aria-hidden": "true", text: "*" }) : h("span", { class: "opt", text: t.optional });
  return h("div", { class: "field" }, h("label", { for: control.id }, t[`${field.name}Label`] ?? field.name, marker), control, error);
}

const honeypot = h("input", { type: "text", name: "website", id: "f-website", tabindex: "-1", autocomplete: "off" });
const spinner = h("span", { class: "spin", hidden: true });
const sendLabel = h("span", { text: t.send });
const sendButton = h("button", { type: "submit", class: "btn" }, spinner, sendLabel);
const shownFields = config.fields.filter((f) => f.enabled && (f.name !== "department" || config.departments.length > 0));
const form = h(
  "form",
  { novalidate: true, "aria-labelledby": "title", onsubmit: submit },
  alertBox,
  signedNote,
  ...shownFields.map(fieldBlock),
  picker.block,
  // The honeypot: people never see or reach it; a bot that fills it in gets its ticket held as spam.
  h("div", { class: "hp", "aria-hidden": "true" }, h("label", { for: "f-website", text: t.honeypot }), honeypot),
  sendButton,
);
const suggestSource = controls.subject ?? controls.message;
if (suggestSource) suggest.watch(suggestSource);

const doneBox = h("div", { class: "done", hidden: true });
const main = h("div", { class: "main" }, suggest.box, form, doneBox);

document.getElementById("app")!.replaceChildren(
  ...present([
    config.preview ? h("div", { class: "ribbon" }, h("b", { text: t.preview }), t.previewNote) : null,
    h(
      "header",
      { class: "head" },
      h("h1", { id: "title", text: config.deskName }),
      h("p", { text: config.greeting || t.intro }),
      closable ? h("button", { type: "button", class: "x", "aria-label": t.close, title: t.close, onclick: () => toParent("close") }, icon("close")) : null,
    ),
    main,
  ]),
);

// ——— errors ———

function setError(name: FieldName | "files", message: string | null) {
  const box = errors[name];
  if (!box) return;
  box.textContent = message ?? "";
  box.hidden = !message;
  const control = name === "files" ? picker.input : controls[name];
  if (!control) return;
  const described = [name === "email" && identity ? "signed" : "", name === "files" ? "f-files-hint" : "", message ? box.id : ""].filter(Boolean).join(" ");
  if (described) control.setAttribute("aria-describedby", described);
  else control.removeAttribute("aria-describedby");
  if (message) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

function clearErrors() {
  alertBox.textContent = "";
  for (const name of Object.keys(errors) as (FieldName | "files")[]) setError(name, null);
}

const firstInvalid = () => form.querySelector<HTMLElement>("[aria-invalid=true]");

/** The same rules the server applies, so most mistakes show before anything is sent. */
function validate(): boolean {
  let ok = true;
  for (const field of shownFields) {
    const value = controls[field.name]!.value.trim();
    if (field.required && !value) setError(field.name, t.requiredError!);
    else if (field.name === "email" && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) setError(field.name, t.emailInvalid!);
    else continue;
    ok = false;
  }
  return ok;
}

// ——— identity and prefill, from the embedding page ———

let identity: Identity | null = null;
const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");

function lock(name: "email" | "name", value: string) {
  const control = controls[name] as HTMLInputElement | undefined;
  if (!control || !value) return;
  control.value = value;
  control.readOnly = true;
  setError(name, null);
}

/** A visitor the site vouches for (the hash is checked by the server): their email and name are fixed. */
function identify(data: Record<string, unknown>) {
  const email = text(data.email, 254);
  const hash = text(data.hash, 128);
  if (!email || !hash) return;
  identity = { email, name: text(data.name, 120), hash };
  lock("email", email);
  lock("name", identity.name);
  signedNote.replaceChildren(icon("user", 18), h("span", { text: fill(t.signedInAs!, { email }) }));
  signedNote.hidden = false;
}

function forgetIdentity() {
  identity = null;
  signedNote.hidden = true;
  for (const name of ["email", "name"] as const) {
    const control = controls[name] as HTMLInputElement | undefined;
    if (control) control.readOnly = false;
  }
  setError("email", null);
}

/** Suggestions from the site: they fill only what the visitor has not typed. */
function prefill(data: Record<string, unknown>) {
  for (const [name, max] of [["name", 120], ["email", 254], ["subject", 200], ["message", 50000], ["phone", 40]] as const) {
    const control = controls[name];
    const value = text(data[name], max);
    if (control && value && !control.value) control.value = value;
  }
}

function focusFirst() {
  const target = form.hidden ? doneBox.querySelector("h2") : form.querySelector<HTMLElement>("input:not([readonly]):not([tabindex='-1']),textarea,select");
  target?.focus();
}

window.addEventListener("message", (event) => {
  if (!framed || event.source !== window.parent) return;
  if (config.parentOrigin && event.origin !== config.parentOrigin) return;
  const message = event.data as { type?: unknown; data?: unknown } | null;
  if (!message || typeof message !== "object") return;
  const data = (message.data && typeof message.data === "object" ? message.data : {}) as Record<string, unknown>;
  if (message.type === "prefill") prefill(data);
  else if (message.type === "identify") identify(data);
  else if (message.type === "focus") focusFirst();
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && closable) toParent("close");
});

// ——— sending ———

let sending = false;
function setSending(on: boolean) {
  sending = on;
  sendButton.disabled = on;
  sendButton.setAttribute("aria-busy", String(on));
  spinner.hidden = !on;
  sendLabel.textContent = on ? t.sending! : t.send!;
}

async function submit(event: Event) {
  event.preventDefault();
  if (sending) return;
  clearErrors();
  if (!validate()) {
    alertBox.textContent = t.fixFields!;
    firstInvalid()?.focus();
    return;
  }
  // The Settings page's preview looks real but sends nothing.
  if (config.preview) return;

  const body = new FormData();
  for (const [name, control] of Object.entries(controls)) body.append(name === "department" ? "departmentId" : name, control.value);
  body.append("website", honeypot.value);
  if (identity) {
    body.append("identityEmail", identity.email);
    body.append("identityName", identity.name);
    body.append("identityHash", identity.hash);
  }
  for (const file of picker.files()) body.append("files", file, file.name);
  body.append("articlesRead", suggest.read().join(","));

  setSending(true);
  let response: Response;
  let answer: Answer;
  try {
    response = await fetch(api("tickets"), { method: "POST", body, headers: { "X-Deskhand-Widget": "1" } });
    answer = (await response.json()) as Answer;
  } catch {
    setSending(false);
    alertBox.textContent = t.networkError!;
    return;
  }
  setSending(false);
  if (response.ok && answer.number) return showDone(answer.number, answer.link ?? "", answer.email ?? "");
  // The site's signature did not hold: the visitor can still write with the email they type.
  if (answer.error === "widget.identityInvalid") forgetIdentity();
  alertBox.textContent = answer.message || t.networkError!;
  for (const [name, message] of Object.entries(answer.fields ?? {})) setError((name === "departmentId" ? "department" : name) as FieldName, message);
  firstInvalid()?.focus();
}

function showDone(number: number, link: string, email: string) {
  const href = safeUrl(link);
  const heading = h("h2", { tabindex: "-1", text: fill(t.receivedTitle!, { number }) });
  doneBox.replaceChildren(
    ...present([
      h("div", { class: "check" }, icon("check", 30)),
      heading,
      h("p", { text: t.receivedText }),
      email ? h("p", { text: fill(t.receivedMail!, { email }) }) : null,
      href ? h("p", {}, h("a", { class: "btn2", href, target: "_blank", rel: "noopener" }, t.viewRequest, h("span", { class: "sr", text: ` ${t.newTab}` }))) : null,
      href ? h("p", { class: "muted", text: t.linkNote }) : null,
      h("button", { type: "button", class: "again", onclick: startAgain, text: t.another }),
    ]),
  );
  form.hidden = true;
  suggest.box.hidden = true;
  doneBox.hidden = false;
  main.scrollTop = 0;
  heading.focus();
}

function startAgain() {
  form.reset();
  picker.clear();
  clearErrors();
  suggest.clear();
  if (identity) identify(identity);
  doneBox.hidden = true;
  form.hidden = false;
  focusFirst();
}

toParent("ready");
