import { MAX_VISITOR_FILES } from "../public/limits";
import { eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { defaultDepartment } from "../departments/service";
import { DeskError } from "../errors";
import { storeUpload, type Upload } from "../files/service";
import { countWidgetSubmission } from "../kb/public";
import { issueCustomerLink } from "../customers/links";
import { mailTicketReceived } from "../customers/mail";
import { consumeLimits } from "../kernel/limits";
import { createTicket } from "../tickets/create";
import { ticketMessages } from "../tickets/schema";
import type { WidgetSubmission } from "./inputs";
import { identityValid, widgetPublicConfig } from "./service";
import { cutText } from "@/lib/text-input";
import { viaWidgetKey } from "../tenancy/public";

/** "My printer is jammed again.\nIt says…" → "My printer is jammed again." (at most 80 characters). */
export function subjectFromMessage(message: string): string {
  const line = message.split("\n").find((l) => l.trim())?.trim() ?? "";
  return line.length > 80 ? `${cutText(line, 79)}…` : line;
}

/**
 * A visitor files a ticket through the widget (or the help center, which embeds it). The desk
 * comes from the public key; the fields the desk requires are checked; a valid identity hash
 * stands in for the typed email. The ticket goes through createTicket like every channel, so a
 * stop-list match, a blocked customer or the honeypot hold it instead of refusing it — and the
 * visitor gets the same confirmation either way. The confirmation mail (with the private link)
 * goes only for tickets that are not held, so the form cannot be used to mail strangers.
 */
export async function submitFromWidget(db: Database, publicKey: string, input: WidgetSubmission, uploads: Upload[], meta: { ip: string | null; articlesRead?: string[] }) {
  const filed = await viaWidgetKey(db, publicKey, async (tx, widget) => {
    if (uploads.length > MAX_VISITOR_FILES) throw new DeskError("BAD_REQUEST", "file.tooManyForVisitor", { fields: { files: "file.tooManyForVisitor" }, params: { max: MAX_VISITOR_FILES } });
    await consumeLimits(tx, [
      ["submitPerIp", meta.ip],
      ["submitPerDesk", widget.tenantId],
    ]);
    const config = await widgetPublicConfig(tx, widget);
    let email = input.email;
    let name = input.name;
    if (input.identity) {
      if (!identityValid(widget, input.identity)) throw new DeskError("BAD_REQUEST", "widget.identityInvalid");
      email = input.identity.email;
      name = input.identity.name || name;
    }
    const values: Record<string, string> = { name, email, subject: input.subject, message: input.message, phone: input.phone, department: input.departmentId };
    const fields: Record<string, string> = {};
    for (const field of config.fields) {
      if (field.enabled && field.required && !values[field.name] && !(field.name === "department" && config.departments.length === 0)) fields[field.name] = "widget.required";
    }
    if (!email) fields.email = "widget.required";
    if (!input.message) fields.message = "widget.required";
    let departmentId = input.departmentId;
    if (departmentId && !config.departments.some((d) => d.id === departmentId)) fields.department = "department.notFound";
    if (Object.keys(fields).length) throw new DeskError("BAD_REQUEST", "widget.fixFields", { fields });
    if (!departmentId) {
      const first = config.departments[0] ?? (await defaultDepartment(tx));
      if (!first) throw new DeskError("BAD_REQUEST", "widget.noDepartment");
      departmentId = first.id;
    }
    const ticket = await createTicket(
      tx,
      widget.tenantId,
      {
        subject: input.subject || subjectFromMessage(input.message),
        body: input.message,
        customer: { email, name, phone: input.phone || null },
        departmentId,
        channel: "widget",
        ip: meta.ip,
        suspectedSpam: input.website.trim() !== "",
      },
      null,
    );
    if (uploads.length) {
      const [first] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)).limit(1);
      for (const upload of uploads) await storeUpload(tx, { tenantId: widget.tenantId, membershipId: null }, upload, { ticketId: ticket.id, messageId: first!.id });
    }
    // Articles the visitor read in the widget did not answer the question: not deflections.
    await countWidgetSubmission(tx, widget.tenantId, meta.articlesRead ?? []);
    const link = await issueCustomerLink(tx, widget.tenantId, { customerId: ticket.customerId, ticketId: ticket.id });
    if (!ticket.heldReason) await mailTicketReceived(tx, widget.tenantId, ticket, link.url);
    return { number: ticket.number, link: link.url, email };
  });
  if (!filed) throw new DeskError("NOT_FOUND", "widget.notFound");
  return filed;
}
