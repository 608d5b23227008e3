import { z } from "zod";
import { createTRPCRouter, deskInput, deskProcedure, pageInput, requires } from "../trpc";
import { getCustomer, listCustomers, setCustomerBlocked } from "./service";

const customerId = z.uuid("customer.notFound");

export const customersRouter = createTRPCRouter({
  list: deskProcedure
    .input(deskInput({ ...pageInput, query: z.string().max(200).nullish() }))
    .query(({ ctx, input }) => listCustomers(ctx.tx, { query: input.query ?? null, cursor: input.cursor ?? null, limit: input.limit })),
  get: deskProcedure.input(deskInput({ customerId })).query(({ ctx, input }) => getCustomer(ctx.tx, input.customerId)),
  setBlocked: requires("desk.settings")
    .input(deskInput({ customerId, blocked: z.boolean() }))
    .mutation(({ ctx, input }) => setCustomerBlocked(ctx.tx, ctx.actor, input.customerId, input.blocked)),
});
