import { eq } from "drizzle-orm";
import { on } from "node:events";
import { users } from "../auth/schema";
import { announce, ticketBus, type TicketChange } from "../realtime/bus";
import { can } from "../staff/permissions";
import { createTRPCRouter, deskAccessProcedure, deskInput, deskProcedure } from "../trpc";
import { bulkUpdate, forwardTicket, purgeTicket, releaseTicket, trashTicket, updateTicket } from "./actions";
import { ticketFor } from "./access";
import { getTicket, replyToTicket } from "./conversation";
import { createTicketOnBehalf } from "./create";
import {
  bulkFields,
  createTicketInput,
  forwardFields,
  inboxInput,
  mergeFields,
  presenceFields,
  replyInput,
  splitFields,
  ticketChanges as changes,
  ticketId,
  ticketSearchQuery,
  trashChoice,
} from "./inputs";
import { listInbox, queueCounts } from "./inbox";
import { mergeTickets, splitMessage, unmergeTickets } from "./merge";
import { searchTickets } from "./search";
import { returnToAutomatic } from "../priority/evaluate";

export const ticketsRouter = createTRPCRouter({
  inbox: deskProcedure.input(deskInput(inboxInput)).query(({ ctx, input: { desk: _d, direction: _dir, ...query } }) => listInbox(ctx.tx, ctx.actor, query)),
  counts: deskProcedure.input(deskInput({})).query(({ ctx }) => queueCounts(ctx.tx, ctx.actor)),
  search: deskProcedure.input(deskInput({ query: ticketSearchQuery })).query(({ ctx, input }) => searchTickets(ctx.tx, ctx.actor, input.query)),
  get: deskProcedure.input(deskInput({ ticketId })).query(({ ctx, input }) => getTicket(ctx.tx, ctx.actor, input.ticketId)),
  create: deskProcedure
    .input(deskInput(createTicketInput.shape))
    .mutation(({ ctx, input: { desk: _d, ...input } }) => createTicketOnBehalf(ctx.tx, ctx.actor, input)),
  reply: deskProcedure.input(deskInput(replyInput)).mutation(({ ctx, input: { desk: _d, ...input } }) => replyToTicket(ctx.tx, ctx.actor, input)),
  update: deskProcedure
    .input(deskInput({ ticketId, changes }))
    .mutation(({ ctx, input }) => updateTicket(ctx.tx, ctx.actor, input.ticketId, input.changes)),
  forward: deskProcedure
    .input(deskInput(forwardFields))
    .mutation(({ ctx, input }) => forwardTicket(ctx.tx, ctx.actor, input.ticketId, input.departmentId, input.note ?? null)),
  trash: deskProcedure.input(deskInput(trashChoice)).mutation(({ ctx, input }) => trashTicket(ctx.tx, ctx.actor, input.ticketId, input.trashed)),
  /** The agent's priority stops winning: the desk's rules score the ticket again at once. */
  returnToAutomatic: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => returnToAutomatic(ctx.tx, ctx.actor, input.ticketId)),
  release: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => releaseTicket(ctx.tx, ctx.actor, input.ticketId)),
  purge: deskProcedure.input(deskInput({ ticketId })).mutation(({ ctx, input }) => purgeTicket(ctx.tx, ctx.actor, input.ticketId)),
  merge: deskProcedure
    .input(deskInput(mergeFields))
    .mutation(({ ctx, input }) => mergeTickets(ctx.tx, ctx.actor, input.sourceId, input.targetId)),
  unmerge: deskProcedure
    .input(deskInput(mergeFields))
    .mutation(({ ctx, input }) => unmergeTickets(ctx.tx, ctx.actor, input.targetId, input.sourceId)),
  split: deskProcedure
    .input(deskInput(splitFields))
    .mutation(({ ctx, input }) => splitMessage(ctx.tx, ctx.actor, input.ticketId, input.messageId, input.subject)),
  bulk: deskProcedure
    .input(deskInput(bulkFields))
    .mutation(({ ctx, input }) => bulkUpdate(ctx.tx, ctx.actor, input.ticketIds, input.action)),
  /** "I am looking at (or typing in) this ticket": colleagues see it live. */
  presence: deskProcedure.input(deskInput(presenceFields)).mutation(async ({ ctx, input }) => {
    const ticket = await ticketFor(ctx.tx, ctx.actor, input.ticketId);
    const [me] = await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
    await announce(ctx.tx, {
      tenantId: ctx.actor.tenantId,
      ticketId: ticket.id,
      departmentId: ticket.departmentId,
      kind: "presence",
      membershipId: ctx.actor.membershipId,
      typing: input.typing,
      name: me?.name ?? "",
    });
  }),
  /** Live changes the caller may see: ids only; the client refetches what it shows. */
  changes: deskAccessProcedure.input(deskInput({})).subscription(async function* ({ ctx, signal }) {
    const bus = await ticketBus(ctx.listen);
    for await (const [change] of on(bus, ctx.actor.tenantId, { signal }) as AsyncIterable<[TicketChange]>) {
      if (can(ctx.actor.access, "ticket.view", change.departmentId)) yield change;
    }
  }),
});
