/** The placeholders a canned reply may use, substituted when the reply is sent. */
export const macroNames = [
  "customer.name",
  "customer.email",
  "ticket.number",
  "ticket.subject",
  "agent.name",
  "desk.name",
  "department.name",
] as const;
export type MacroName = (typeof macroNames)[number];
export type MacroValues = Record<MacroName, string>;

const pattern = /\{\{\s*([a-zA-Z_.]+)\s*\}\}/g;

/** Names of the placeholders in a text that Deskhand does not know, in order, without repeats. */
export function unknownMacros(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    if (!(macroNames as readonly string[]).includes(match[1]!)) unknown.add(match[1]!);
  }
  return [...unknown];
}

/** Substitutes every known placeholder; unknown ones are left for unknownMacros to report. */
export function renderMacros(text: string, values: MacroValues): string {
  return text.replace(pattern, (whole, name: string) => ((macroNames as readonly string[]).includes(name) ? values[name as MacroName] : whole));
}
