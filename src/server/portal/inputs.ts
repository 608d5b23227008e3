import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { deskSlug, email } from "../kernel/inputs";
// Pure zod: the forms import this file too.

/** A customer link's token: the only credential on the customer's side. */
export const portalToken = textInput().max(100);
const ticketNumber = z.number().int().min(1).max(2_000_000_000).nullish();

export const portalViewInput = z.strictObject({ token: portalToken, number: ticketNumber });
export const portalStatusInput = z.strictObject({ token: portalToken, number: ticketNumber, status: z.enum(["closed", "open"]) });

/** A customer's rating of one reply: quality and speed from 1 to 5, and a comment. */
export const ratingFields = {
  quality: z.number().int().min(1, "rating.scale").max(5, "rating.scale"),
  speed: z.number().int().min(1, "rating.scale").max(5, "rating.scale"),
  comment: textInput().trim().max(2000, "rating.commentTooLong").default(""),
};
export const rateReplyInput = z.strictObject({ token: portalToken, number: ticketNumber, messageId: z.uuid("rating.notRateable"), ...ratingFields });

/** "Check my ticket": a link to the customer's tickets is mailed to this address (website is the honeypot). */
export const requestLinkInput = z.strictObject({ desk: deskSlug, email, website: textInput().max(500).default("") });
