import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { customers } from "../customers/schema";
import { ticketEvents, ticketMessages, tickets } from "./schema";
import { priorities } from "./values";
import { slaKinds } from "../sla/values";
import { matchedByValues } from "../outbox/values";

// What tickets.get sends to the panel, field by field: a column added to a table reaches the
// browser only once it is named here (tRPC strips everything an output schema does not list).

const ticketFields = createSelectSchema(tickets)
  .pick({
    id: true,
    number: true,
    subject: true,
    customerId: true,
    departmentId: true,
    assigneeMembershipId: true,
    status: true,
    channel: true,
    tags: true,
    heldReason: true,
    deletedAt: true,
    archivedAt: true,
    mergedIntoTicketId: true,
    version: true,
    lastCustomerMessageAt: true,
    lastActivityAt: true,
    firstResponseAt: true,
    solvedAt: true,
    priorityManual: true,
    priorityScore: true,
    priorityReasons: true,
    slaPolicyId: true,
    slaFirstResponseDueAt: true,
    slaNextResponseDueAt: true,
    slaResolutionDueAt: true,
    slaPausedAt: true,
    slaBreaches: true,
    slaDueAt: true,
    createdAt: true,
  })
  .extend({ priority: z.enum(priorities) });

const person = z.object({ membershipId: z.uuid(), name: z.string(), avatarColor: z.string() });

const attachment = z.object({ id: z.uuid(), messageId: z.uuid().nullable(), fileName: z.string(), contentType: z.string(), size: z.number() });

const message = createSelectSchema(ticketMessages)
  .pick({ id: true, ticketId: true, kind: true, authorMembershipId: true, customerId: true, body: true, channel: true, createdAt: true, authorEmail: true })
  .extend({
    authorName: z.string().nullable(),
    attachments: z.array(attachment),
    mailOriginalId: z.uuid().nullable(),
    matchedBy: z.enum(matchedByValues).nullable(),
    spamReason: z.string().nullable(),
    withheld: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  });

const event = createSelectSchema(ticketEvents)
  .pick({ id: true, ticketId: true, actorMembershipId: true, type: true, data: true, createdAt: true })
  .extend({ actorName: z.string().nullable() });

const slaClock = z.object({
  kind: z.enum(slaKinds),
  dueAt: z.date().nullable(),
  targetMinutes: z.number().nullable(),
  remainingMinutes: z.number().nullable(),
  state: z.enum(["stopped", "paused", "running"]),
  breached: z.boolean(),
  warning: z.boolean(),
});

export const ticketOutput = z.object({
  ticket: ticketFields,
  customer: createSelectSchema(customers).pick({ id: true, email: true, name: true, phone: true, blockedAt: true, vip: true, createdAt: true }),
  department: z.object({ id: z.uuid(), name: z.string() }),
  assignee: person.nullable(),
  messages: z.array(message),
  events: z.array(event),
  ratings: z.array(z.object({ messageId: z.uuid(), quality: z.number(), speed: z.number(), comment: z.string(), updatedAt: z.date() })),
  sla: z.object({ timeZone: z.string(), businessHours: z.boolean(), paused: z.boolean(), clocks: z.array(slaClock) }),
  followers: z.array(z.object({ email: z.string(), name: z.string().nullable(), addedBy: z.enum(["mail", "agent"]), createdAt: z.date() })),
});
