import { z } from "zod";
import { textInput } from "@/lib/text-input";

// Fields every domain's inputs share, so each is declared once: a desk's address, a person's name,
// an email address and a password. Messages are keys of the "errors" namespace.

export const reservedSlugs = new Set([
  "admin", "administrator", "api", "app", "assets", "auth", "billing", "blog", "d", "dashboard", "deskhand",
  "docs", "help", "login", "logout", "mail", "new", "platform", "pricing", "privacy", "public", "root",
  "settings", "signin", "signout", "signup", "static", "status", "support", "system", "t", "terms", "widget", "www",
]);

export const deskSlug = textInput({ error: "slug.required" })
  .trim()
  .toLowerCase()
  .min(3, "slug.tooShort")
  .max(40, "slug.tooLong")
  .regex(/^[a-z0-9-]+$/, "slug.characters")
  .regex(/^[a-z0-9].*[a-z0-9]$/, "slug.edges")
  .refine((s) => !s.includes("--"), "slug.doubleHyphen")
  .refine((s) => !reservedSlugs.has(s), "slug.reserved");

export const personName = textInput().trim().min(1, "name.required").max(120, "name.tooLong");
export const email = textInput().trim().toLowerCase().max(254, "email.tooLong").pipe(z.email("email.invalid"));
export const password = textInput().min(10, "password.tooShort").max(200, "password.tooLong");
