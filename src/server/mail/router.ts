import { hasOption } from "../billing/account";
import { TRPCError } from "@trpc/server";
import { withTenant } from "../db/tenant";
import { can } from "../staff/permissions";
import { createTRPCRouter, deskAccessProcedure, deskInput, pageInput, requires } from "../trpc";
import { accountFor, deleteMailbox, listMailboxes, pollMailbox, saveMailbox, storedMailbox, testConnection } from "./mailboxes";
import { dismissFailedMail, inboundOverview, retryFailedMail, saveInboundRules } from "./inbound";
import { listOutbox } from "./outbox";
import { getDesk } from "../desks/service";
import { connectionFields, failedMailId, inboundRulesFields, mailboxFields, mailboxId, optionalMailboxId, templateKey as template, templateWording as wording } from "./inputs";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "./templates";

/**
 * Settings work that goes over the network (a mail server, a name server): membership checked like
 * every desk procedure, but no transaction is held open across the network (a slow server must not
 * hold the embedded database's only connection). Each step opens its own short scope.
 */
const mailServerProcedure = deskAccessProcedure.use(({ ctx, next }) => {
  if (!can(ctx.actor.access, "desk.settings")) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
  return next();
});

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
    .query(async ({ ctx, input }) => {
      const desk = await getDesk(ctx.tx);
      return previewTemplate(input.kind, input, desk.displayName, desk.slug);
    }),
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
    .query(async ({ ctx }) => ({ enabled: await hasOption(ctx.tx, "mail"), mailboxes: await listMailboxes(ctx.tx) })),
  saveMailbox: mailServerProcedure.input(deskInput({ ...optionalMailboxId, ...mailboxFields })).mutation(({ ctx, input }) => saveMailbox(ctx.db, ctx.actor, input)),
  deleteMailbox: requires("desk.settings")
    .input(deskInput({ id: mailboxId }))
    .mutation(({ ctx, input }) => deleteMailbox(ctx.tx, ctx.actor, input.id)),
  /** "Test connection": logs in with what the form holds and lists the folders to choose from. */
  testMailbox: mailServerProcedure.input(deskInput({ ...optionalMailboxId, ...connectionFields })).mutation(async ({ ctx, input }) => {
    const account = await withTenant(ctx.db, ctx.actor.tenantId, async (tx) => {
      if (!(await hasOption(tx, "mail"))) throw new TRPCError({ code: "FORBIDDEN", message: "billing.optionMissing" });
      return accountFor(tx, input);
    });
    return testConnection(account);
  }),
  /** "Check now": reads the mailbox at once instead of waiting for the next poll. */
  checkMailbox: mailServerProcedure.input(deskInput({ id: mailboxId })).mutation(async ({ ctx, input }) => {
    await withTenant(ctx.db, ctx.actor.tenantId, (tx) => storedMailbox(tx, input.id));
    return pollMailbox(ctx.db, ctx.actor.tenantId, input.id);
  }),
});
