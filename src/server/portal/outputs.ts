import { z } from "zod";
import { messageKinds, ticketStatuses } from "../tickets/values";

// What a customer's page receives, field by field: nothing the desk stores about the customer or
// the ticket reaches a stranger holding a link unless it is named here (tRPC strips the rest).

const desk = z.object({ displayName: z.string(), slug: z.string(), locale: z.enum(["en", "ru"]) });

const listedTicket = z.object({ number: z.number(), subject: z.string(), status: z.enum(ticketStatuses), createdAt: z.date(), lastActivityAt: z.date() });

const message = z.object({
  id: z.uuid(),
  kind: z.enum(messageKinds),
  body: z.string(),
  createdAt: z.date(),
  authorName: z.string().nullable(),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), size: z.number() })),
  rating: z.object({ quality: z.number(), speed: z.number(), comment: z.string(), createdAt: z.date() }).nullable(),
  rateable: z.boolean(),
});

const viewer = { desk, customer: z.object({ email: z.string() }) };

/** A "check my ticket" link lists the customer's tickets; a ticket's own link shows that ticket. */
export const portalViewOutput = z.union([
  z.object({ ...viewer, tickets: z.array(listedTicket), ticket: z.null() }),
  z.object({
    ...viewer,
    tickets: z.null(),
    ticket: z.object({
      number: z.number(),
      subject: z.string(),
      status: z.enum(ticketStatuses),
      departmentName: z.string(),
      createdAt: z.date(),
      version: z.number(),
      messages: z.array(message),
    }),
  }),
]);

export const portalStatusOutput = z.object({ status: z.enum(ticketStatuses) });

export const portalRatingOutput = z.object({ quality: z.number(), speed: z.number(), comment: z.string() });

export const linkRequestOutput = z.object({ sent: z.boolean() });
