import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { email, personName } from "../kernel/inputs";
import { channels, priorities, ticketStatuses } from "./values";

export const ticketId = z.uuid("ticket.notFound");
export const subject = textInput().trim().min(1, "ticket.subjectRequired").max(200, "ticket.subjectTooLong");
export const messageBody = textInput().trim().min(1, "ticket.bodyRequired").max(50_000, "ticket.bodyTooLong");
export const tagName = textInput()
  .trim()
  .toLowerCase()
  .min(1, "ticket.tagInvalid")
  .max(40, "ticket.tagInvalid")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, "ticket.tagInvalid");
/** Most tags on one ticket. */
export const tagsMax = 20;
export const tagList = z.array(tagName).max(tagsMax, "ticket.tooManyTags");
export const status = z.enum(ticketStatuses);
export const priority = z.enum(priorities);

/** A ticket filed by staff on a customer's behalf. */
export const createTicketInput = z.strictObject({
  subject,
  body: messageBody,
  customerEmail: email,
  customerName: personName.optional(),
  departmentId: z.uuid("department.notFound"),
  /** Left out ("Automatic"), the desk's priority rules decide. */
  priority: priority.optional(),
  assigneeMembershipId: z.uuid("staff.notFound").nullable().default(null),
  tags: tagList.default([]),
});

export const views = ["all", "mine", "unassigned", "pending", "solved", "trash", "held"] as const;
export type InboxView = (typeof views)[number];
export const sorts = ["newest", "oldest", "priority", "lastCustomer", "dueSoonest"] as const;
export type InboxSort = (typeof sorts)[number];

export const inboxInput = {
  view: z.enum(views).default("all"),
  departmentId: z.uuid().nullish(),
  status: z.array(status).max(6).optional(),
  priority: z.array(priority).max(4).optional(),
  assignee: z.union([z.literal("me"), z.literal("none"), z.uuid()]).nullish(),
  tag: tagName.nullish(),
  customerId: z.uuid().nullish(),
  from: textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid").nullish(),
  to: textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid").nullish(),
  sort: z.enum(sorts).default("newest"),
  cursor: textInput().max(200).nullish(),
  direction: z.enum(["forward", "backward"]).optional(),
  limit: z.number().int().min(1).max(100).default(50),
};

export const replyInput = {
  ticketId,
  body: messageBody,
  kind: z.enum(["reply", "note"]),
  /** The conversation version the author saw; a newer one means someone else wrote meanwhile. */
  expectedVersion: z.number().int().min(0),
  setStatus: status.nullish(),
  addTags: tagList.default([]),
  attachmentIds: z.array(z.uuid("file.notFound")).max(10, "file.tooMany").default([]),
};

/** What staff may change on a ticket (one ticket or many at once). */
export const ticketChanges = z.strictObject({
  status: status.optional(),
  priority: priority.optional(),
  assigneeMembershipId: z.uuid("staff.notFound").nullable().optional(),
  tags: tagList.optional(),
});
/** Words, a ticket number (#1042) or an email address. */
export const ticketSearchQuery = textInput().max(200);
/** "Forward to another department", with a note for its staff. */
export const forwardFields = { ticketId, departmentId: z.uuid("department.notFound"), note: textInput().max(5000, "ticket.bodyTooLong").nullish() };
export const forwardForm = z.object({ departmentId: forwardFields.departmentId, note: forwardFields.note });
export const mergeFields = { sourceId: ticketId, targetId: ticketId };
/** A customer's message taken out of a ticket into a new ticket with its own subject. */
export const splitFields = { ticketId, messageId: z.uuid("ticket.messageNotFound"), subject };
export const bulkFields = {
  ticketIds: z.array(ticketId).min(1).max(100, "ticket.bulkTooMany"),
  action: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("update"), changes: ticketChanges }),
    z.strictObject({ type: z.literal("trash") }),
    z.strictObject({ type: z.literal("restore") }),
  ]),
};
export const trashChoice = { ticketId, trashed: z.boolean() };
export const presenceFields = { ticketId, typing: z.boolean() };

export { channels };

/** A follower of a ticket: someone besides the requester who gets the public replies in Cc. */
export const followerFields = { ticketId, email, name: textInput().trim().max(120, "follower.nameTooLong").optional() };
export const followerRemoval = { ticketId, email };
