import { getDesk } from "../kernel/desk";
import { ticketTagText } from "@/lib/ticket-tag";
import { and, eq } from "drizzle-orm";
import { renderMarkdown } from "@/lib/markdown";
import en from "../../../messages/en/mail-templates.json";
import ru from "../../../messages/ru/mail-templates.json";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { cutText } from "@/lib/text-input";
import { mailTemplates } from "./schema";
import { templateKinds, type TemplateKind } from "./values";

const defaults: Record<"en" | "ru", Record<TemplateKind, { subject: string; body: string }>> = { en, ru };

/** The placeholders each customer mail may use; values are filled in when the mail is written. */
export const templateMacros: Record<TemplateKind, readonly string[]> = {
  "ticket.received": ["customer.name", "desk.name", "ticket.number", "ticket.subject", "ticket.tag", "ticket.link"],
  "ticket.reply": ["customer.name", "desk.name", "ticket.number", "ticket.subject", "ticket.tag", "ticket.link", "reply.body", "rate.link"],
  "ticket.solved": ["customer.name", "desk.name", "ticket.number", "ticket.subject", "ticket.tag", "ticket.link"],
  "portal.link": ["desk.name", "portal.link"],
};

const pattern = /\{\{\s*([a-zA-Z_.]+)\s*\}\}/g;

/** Placeholders a template uses that its kind does not offer, in order, without repeats. */
export function unknownTemplateMacros(kind: TemplateKind, text: string): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !templateMacros[kind].includes(name)))];
}

const fill = (text: string, values: Record<string, string>) => text.replace(pattern, (whole, name: string) => values[name] ?? whole);

/** The desk's wording of a mail (or the default), with its placeholders filled: subject, text and HTML. */
export async function renderMailTemplate(tx: TenantDb, kind: TemplateKind, locale: "en" | "ru", values: Record<string, string>) {
  const [custom] = await tx.select().from(mailTemplates).where(and(eq(mailTemplates.kind, kind), eq(mailTemplates.locale, locale)));
  const template = custom ?? defaults[locale][kind];
  const text = fill(template.body, values);
  return { subject: cutText(fill(template.subject, values).replace(/\s+/g, " ").trim(), 300), text, html: `<div style="font-family:sans-serif;line-height:1.5">${renderMarkdown(text)}</div>` };
}

/** Settings → Mail templates: every kind in both languages, the desk's wording or the default. */
export async function listTemplates(tx: TenantDb) {
  const custom = await tx.select().from(mailTemplates);
  return templateKinds.flatMap((kind) =>
    (["en", "ru"] as const).map((locale) => {
      const own = custom.find((c) => c.kind === kind && c.locale === locale);
      return { kind, locale, subject: (own ?? defaults[locale][kind]).subject, body: (own ?? defaults[locale][kind]).body, custom: Boolean(own), macros: templateMacros[kind], default: defaults[locale][kind] };
    }),
  );
}

export async function saveTemplate(tx: TenantDb, tenantId: string, input: { kind: TemplateKind; locale: "en" | "ru"; subject: string; body: string }) {
  const unknown = unknownTemplateMacros(input.kind, `${input.subject}\n${input.body}`);
  if (unknown.length) throw new DeskError("BAD_REQUEST", "macros.unknown", { fields: { body: "macros.unknown" }, params: { macros: unknown.map((m) => `{{${m}}}`).join(", ") } });
  await tx
    .insert(mailTemplates)
    .values({ tenantId, ...input })
    .onConflictDoUpdate({ target: [mailTemplates.tenantId, mailTemplates.kind, mailTemplates.locale], set: { subject: input.subject, body: input.body, updatedAt: new Date() } });
}

export async function resetTemplate(tx: TenantDb, input: { kind: TemplateKind; locale: "en" | "ru" }) {
  await tx.delete(mailTemplates).where(and(eq(mailTemplates.kind, input.kind), eq(mailTemplates.locale, input.locale)));
}

/** What the template would look like for a sample ticket (the preview in Settings). */
export function previewTemplate(kind: TemplateKind, input: { subject: string; body: string }, deskName: string, slug: string) {
  const sample: Record<string, string> = {
    "customer.name": "Pat Customer",
    "desk.name": deskName,
    "ticket.number": "1042",
    "ticket.subject": "The printer is offline",
    "ticket.tag": ticketTagText(slug, 1042),
    "ticket.link": "https://support.example.com/t/…",
    "reply.body": "We have restarted the print server: please try again.",
    "rate.link": "https://support.example.com/t/…?rate=…",
    "portal.link": "https://support.example.com/t/…",
  };
  const unknown = unknownTemplateMacros(kind, `${input.subject}\n${input.body}`);
  const text = fill(input.body, sample);
  return { subject: fill(input.subject, sample), text, html: renderMarkdown(text), unknown };
}

/** The preview beside the template editor: the desk's own name and address in the sample. */
export async function previewDeskTemplate(tx: TenantDb, input: { kind: TemplateKind; subject: string; body: string }) {
  const desk = await getDesk(tx);
  return previewTemplate(input.kind, input, desk.displayName, desk.slug);
}
