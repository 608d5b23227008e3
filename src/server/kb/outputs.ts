import { z } from "zod";

// What the public help centre's procedures send to a visitor, field by field.

export const articleHitsOutput = z.array(z.object({ id: z.uuid(), title: z.string(), slug: z.string(), summary: z.string(), snippet: z.string(), url: z.string() }));

export const voteOutput = z.object({ ok: z.boolean() });

export const commentOutput = z.object({ pending: z.boolean() });
