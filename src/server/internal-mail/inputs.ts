import { z } from "zod";
import { textInput } from "@/lib/text-input";
// Pure zod: the forms import this file too. The database checks the same bounds (schema.ts).

/** Longest internal message and subject. */
export const internalBodyMax = 10_000;
export const internalSubjectMax = 200;
/** Most colleagues one message may go to. */
export const recipientsMax = 20;

export const internalSubject = textInput().trim().min(1, "internalMail.subjectRequired").max(internalSubjectMax, "internalMail.subjectTooLong");
// Not trimmed: Markdown may start with indentation; only a body of nothing but spaces is empty.
export const internalBody = textInput()
  .max(internalBodyMax, "internalMail.bodyTooLong")
  .refine((body) => body.trim().length > 0, "internalMail.bodyRequired");
export const threadId = z.uuid("internalMail.notFound");
export const recipientIds = z
  .array(z.uuid("internalMail.recipientNotFound"))
  .min(1, "internalMail.recipientsRequired")
  .max(recipientsMax, "internalMail.tooManyRecipients");
export const linkedTicketNumber = z
  .number("internalMail.ticketNumberInvalid")
  .int("internalMail.ticketNumberInvalid")
  .min(1, "internalMail.ticketNumberInvalid")
  .max(999_999_999, "internalMail.ticketNumberInvalid")
  .nullish();

/** "New message": the form validates with this, and so does the server. */
export const startThreadInput = z.strictObject({
  recipients: recipientIds,
  subject: internalSubject,
  body: internalBody,
  ticketNumber: linkedTicketNumber,
});
export type StartThreadInput = z.infer<typeof startThreadInput>;

export const replyInput = z.strictObject({ threadId, body: internalBody });
export type ReplyInput = z.infer<typeof replyInput>;
