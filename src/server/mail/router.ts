import { z } from "zod";
import { createTRPCRouter, deskInput, pageInput, publicProcedure, requires, requiresOverNetwork } from "../trpc";
import { confirmSendingAddress, removeSendingAddress, requestSendingAddress, saveSenderName, saveSmtp, sendingOverview, testSmtp, usePlatformSending } from "./sending";
import { checkMailbox, deleteMailbox, mailboxesOverview, saveMailbox, testMailbox } from "./mailboxes";
import { retryFailedMail } from "./inbound";
import { listOutbox } from "../outbox/outbox";
import { senderNameFields, sendingAddressFields, sendingToken, smtpFields, connectionFields, failedMailId, inboundRulesFields, mailboxFields, mailboxId, optionalMailboxId, templateKey as template, templateWording as wording } from "./inputs";
import { listTemplates, previewDeskTemplate, resetTemplate, saveTemplate } from "../outbox/templates";
import { markNotSpam, markSpam } from "./spam";
import { ticketId } from "../tickets/inputs";
import { dismissFailedMail, inboundOverview, saveInboundRules } from "./settings";

export const mailRouter = createTRPCRouter({
  outbox: requires("desk.settings")
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listOutbox(ctx.tx, { cursor: input.cursor ?? null, limit: input.limit })),
  /** Settings → Mail templates: each customer mail in both languages, the desk's wording or the default. */
  templates: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listTemplates(ctx.tx)),
  saveTemplate: requires("desk.settings")
    .input(deskInput({ ...template, ...wording }))
    .mutation(({ ctx, input }) => saveTemplate(ctx.tx, ctx.actor.tenantId, input)),
  resetTemplate: requires("desk.settings")
    .input(deskInput(template))
    .mutation(({ ctx, input }) => resetTemplate(ctx.tx, input)),
  previewTemplate: requires("desk.settings")
    .input(deskInput({ ...template, ...wording }))
    .query(({ ctx, input }) => previewDeskTemplate(ctx.tx, input)),
  /** Settings → Mail → Sending: the sender name, the desk's own address and how its mail leaves. */
  sending: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => sendingOverview(ctx.tx, ctx.actor.tenantId)),
  saveSenderName: requires("desk.settings")
    .input(deskInput(senderNameFields))
    .mutation(({ ctx, input }) => saveSenderName(ctx.tx, ctx.actor, input.senderName)),
  requestSendingAddress: requires("desk.settings")
    .input(deskInput(sendingAddressFields))
    .mutation(({ ctx, input }) => requestSendingAddress(ctx.tx, ctx.actor, input.address)),
  removeSendingAddress: requires("desk.settings")
    .input(deskInput({}))
    .mutation(({ ctx }) => removeSendingAddress(ctx.tx, ctx.actor)),
  saveSmtp: requiresOverNetwork("desk.settings")
    .input(deskInput(smtpFields))
    .mutation(({ ctx, input: { desk: _d, ...input } }) => saveSmtp(ctx.scope, ctx.actor, input)),
  usePlatformSending: requires("desk.settings")
    .input(deskInput({}))
    .mutation(({ ctx }) => usePlatformSending(ctx.tx, ctx.actor)),
  testSmtp: requiresOverNetwork("desk.settings")
    .input(deskInput({}))
    .mutation(({ ctx }) => testSmtp(ctx.scope, ctx.actor, ctx.user.email)),
  /** The link mailed to a sending address: its page's button confirms it. */
  confirmSendingAddress: publicProcedure.input(z.object({ token: sendingToken })).mutation(({ ctx, input }) => confirmSendingAddress(ctx.db, input.token)),
  /** Possible spam → "Not spam": the ticket joins the queues and its sender is trusted. */
  notSpam: requires("desk.settings")
    .input(deskInput({ ticketId }))
    .mutation(({ ctx, input }) => markNotSpam(ctx.tx, ctx.actor, input.ticketId)),
  /** Possible spam → "Spam": the sender goes on the stop-list and the ticket to the trash. */
  spam: requires("desk.settings")
    .input(deskInput({ ticketId }))
    .mutation(({ ctx, input }) => markSpam(ctx.tx, ctx.actor, input.ticketId)),
  /** Settings → Mail: the forwarding address to give a mail server, and mail that could not be imported. */
  inbound: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => inboundOverview(ctx.tx, ctx.actor.tenantId)),
  /** The rules of incoming mail: where forwarded mail goes, which senders are our own, the hourly limit per sender. */
  saveInboundRules: requires("desk.settings")
    .input(deskInput(inboundRulesFields))
    .mutation(({ ctx, input }) => saveInboundRules(ctx.tx, ctx.actor, input)),
  /** Failed mail → Retry: imports the kept original again; on success it leaves the list. */
  retryFailure: requires("desk.settings")
    .input(deskInput({ id: failedMailId }))
    .mutation(({ ctx, input }) => retryFailedMail(ctx.tx, ctx.actor.tenantId, input.id)),
  /** Failed mail → Dismiss: junk nobody needs; the original stays stored. */
  dismissFailure: requires("desk.settings")
    .input(deskInput({ id: failedMailId }))
    .mutation(({ ctx, input }) => dismissFailedMail(ctx.tx, input.id)),
  /** Settings → Mail → Mailboxes: the IMAP accounts the desk reads (never their passwords). */
  mailboxes: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => mailboxesOverview(ctx.tx)),
  saveMailbox: requiresOverNetwork("desk.settings").input(deskInput({ ...optionalMailboxId, ...mailboxFields })).mutation(({ ctx, input }) => saveMailbox(ctx.scope, ctx.actor, input)),
  deleteMailbox: requires("desk.settings")
    .input(deskInput({ id: mailboxId }))
    .mutation(({ ctx, input }) => deleteMailbox(ctx.tx, ctx.actor, input.id)),
  /** "Test connection": logs in with what the form holds and lists the folders to choose from. */
  testMailbox: requiresOverNetwork("desk.settings")
    .input(deskInput({ ...optionalMailboxId, ...connectionFields }))
    .mutation(({ ctx, input }) => testMailbox(ctx.scope, input)),
  /** "Check now": reads the mailbox at once instead of waiting for the next poll. */
  checkMailbox: requiresOverNetwork("desk.settings").input(deskInput({ id: mailboxId })).mutation(({ ctx, input }) => checkMailbox(ctx.scope, input.id)),
});
