// The tag that names a ticket in mail subjects: "[ACME-1042]". Built and read in this one place,
// so the mail we send and the replies we thread agree on it.

/** "ACME-1042": the desk's address in capitals and the ticket's number. */
export const ticketTagText = (slug: string, number: number) => `${slug.toUpperCase()}-${number}`;

/** "[ACME-1042]", as it leads a subject. */
export const ticketTag = (slug: string, number: number) => `[${ticketTagText(slug, number)}]`;

/** Finds this desk's tag in a subject (any case) and gives the ticket number it names. */
export function ticketNumberInSubject(slug: string, subject: string): number | null {
  const match = new RegExp(`\\[${slug.replace(/[^a-z0-9-]/g, "")}-(\\d{1,9})\\]`, "i").exec(subject);
  return match ? Number(match[1]) : null;
}
