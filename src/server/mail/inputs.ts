import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { templateKinds } from "../outbox/values";
// Pure zod: the forms import this file too.

/** Which customer mail, in which language. */
export const templateKey = {
  kind: z.enum(templateKinds),
  locale: z.enum(["en", "ru"]),
};
/** A customer mail's subject and Markdown body, with {{placeholders}}. */
export const templateWording = {
  subject: textInput().trim().min(1, "mailTemplate.subjectRequired").max(300, "mailTemplate.subjectTooLong"),
  body: textInput().trim().min(1, "mailTemplate.bodyRequired").max(20_000, "mailTemplate.bodyTooLong"),
};
export const templateWordingForm = z.object(templateWording);

/** The rules of incoming mail: where forwarded mail goes, which senders are our own, the hourly limit per sender. */
export const inboundRulesFields = {
  defaultDepartmentId: z.uuid().nullable(),
  ownAddresses: z.array(z.email("inboundRules.addressInvalid").trim().toLowerCase().max(254, "inboundRules.addressInvalid")).max(20, "inboundRules.tooManyAddresses"),
  maxNewPerHour: z.number("inboundRules.limitInvalid").int("inboundRules.limitInvalid").min(1, "inboundRules.limitInvalid").max(1000, "inboundRules.limitInvalid"),
};
export const inboundRulesForm = z.object(inboundRulesFields);

export const failedMailId = z.uuid();
export const mailboxId = z.uuid();

const hostName = textInput()
  .trim()
  .toLowerCase()
  .min(1, "mailbox.hostRequired")
  .max(253, "mailbox.hostInvalid")
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^[0-9.]+$|^[0-9a-f:]+$/, "mailbox.hostInvalid");

/** The connection fields, shared by "test" and "save". An empty password on an existing mailbox keeps the stored one. */
export const connectionFields = {
  host: hostName,
  port: z.number("mailbox.portInvalid").int("mailbox.portInvalid").min(1, "mailbox.portInvalid").max(65535, "mailbox.portInvalid"),
  secure: z.boolean(),
  username: textInput().trim().min(1, "mailbox.usernameRequired").max(254, "mailbox.usernameTooLong"),
  password: textInput().max(500, "mailbox.passwordTooLong"),
};
export const mailboxFields = {
  ...connectionFields,
  address: z.email("mailbox.addressInvalid").trim().toLowerCase().max(254, "mailbox.addressInvalid"),
  folder: textInput().trim().min(1, "mailbox.folderRequired").max(200, "mailbox.folderTooLong"),
  departmentId: z.uuid().nullable(),
  enabled: z.boolean(),
};
export const mailboxForm = z.object(mailboxFields);
/** A mailbox being edited has its id; a new one has none. */
export const optionalMailboxId = { id: mailboxId.nullish() };

/** Settings → Mail → Sending: the name customers see, and the desk's own address to send from. */
const senderName = textInput().trim().max(80, "sending.nameTooLong");
export const senderNameFields = { senderName: senderName.nullable() };
/** The form's field: empty means the default name. */
export const senderNameForm = z.object({ senderName });
export const sendingAddressFields = { address: z.email("sending.addressInvalid").trim().toLowerCase().max(254, "sending.addressInvalid") };
export const sendingAddressForm = z.object(sendingAddressFields);
/** The desk's own SMTP server; an empty password keeps the stored one. */
export const smtpFields = {
  host: hostName,
  port: z.number("mailbox.portInvalid").int("mailbox.portInvalid").min(1, "mailbox.portInvalid").max(65535, "mailbox.portInvalid"),
  /** "none" only for a server on the platform's own network (MAILBOX_PRIVATE_HOSTS): credentials never cross the internet in the clear. */
  security: z.enum(["tls", "starttls", "none"]),
  username: textInput().trim().max(254, "mailbox.usernameTooLong"),
  password: textInput().max(500, "mailbox.passwordTooLong"),
};
export const smtpForm = z.object(smtpFields);
export const sendingToken = textInput().trim().regex(/^[A-Za-z0-9_-]{43}$/, "sending.linkInvalid");
