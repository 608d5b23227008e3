import { type Channel, type Priority } from "../tickets/values";

/** One rule's condition, as the scoring sees it. */
export type RuleCondition =
  | { kind: "vip" }
  | { kind: "domain"; domains: string[] }
  | { kind: "department"; departmentId: string }
  | { kind: "words"; words: string[] }
  | { kind: "channel"; channels: Channel[] }
  | { kind: "waiting"; hours: number };

export type ScoringRule = { id: string; name: string; weight: number; enabled: boolean; condition: RuleCondition };

/** Score ≤ lowAtMost → low; ≥ urgentAtLeast → urgent; ≥ highAtLeast → high; otherwise normal. */
export type Thresholds = { lowAtMost: number; highAtLeast: number; urgentAtLeast: number };
export const defaultThresholds: Thresholds = { lowAtMost: -10, highAtLeast: 10, urgentAtLeast: 30 };

/** What the rules may look at on one ticket. */
export type TicketFacts = {
  customerVip: boolean;
  customerEmail: string;
  /** The ticket's department and every department above it. */
  departmentIds: readonly string[];
  subject: string;
  body: string;
  channel: Channel;
  /** Hours since the first customer message no public staff reply has answered; null when none waits. */
  waitingHours: number | null;
};

/** A rule that fired, as stored on the ticket and shown beside its priority. */
export type PriorityReason = { ruleId: string; name: string; weight: number };

export type PriorityScore = { score: number; priority: Priority; reasons: PriorityReason[] };

export function priorityForScore(score: number, thresholds: Thresholds): Priority {
  if (score >= thresholds.urgentAtLeast) return "urgent";
  if (score >= thresholds.highAtLeast) return "high";
  if (score <= thresholds.lowAtMost) return "low";
  return "normal";
}

/** The sum of the weights of the enabled rules whose condition holds, and the priority it maps to. */
export function scoreTicket(facts: TicketFacts, rules: readonly ScoringRule[], thresholds: Thresholds): PriorityScore {
  const reasons = rules.filter((rule) => rule.enabled && holds(rule.condition, facts)).map(({ id, name, weight }) => ({ ruleId: id, name, weight }));
  const score = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { score, priority: priorityForScore(score, thresholds), reasons };
}

function holds(condition: RuleCondition, facts: TicketFacts): boolean {
  switch (condition.kind) {
    case "vip":
      return facts.customerVip;
    case "domain":
      return inDomains(facts.customerEmail, condition.domains);
    case "department":
      return facts.departmentIds.includes(condition.departmentId);
    case "words": {
      const text = `${facts.subject}\n${facts.body}`.toLowerCase();
      return condition.words.some((word) => containsWord(text, word.toLowerCase()));
    }
    case "channel":
      return condition.channels.includes(facts.channel);
    case "waiting":
      return facts.waitingHours !== null && facts.waitingHours > condition.hours;
  }
}

/** The email's domain is one of the domains, or a subdomain of one ("mail.acme.com" is in "acme.com"). */
function inDomains(email: string, domains: readonly string[]): boolean {
  const domain = email.trim().toLowerCase().split("@")[1] ?? "";
  if (!domain) return false;
  return domains.some((d) => {
    const wanted = d.trim().toLowerCase().replace(/^@/, "");
    return wanted !== "" && (domain === wanted || domain.endsWith(`.${wanted}`));
  });
}

/** Whole word or phrase, Unicode-aware: "outage" matches "Outage!" but not "outages"; "сбой" works too. */
function containsWord(text: string, word: string): boolean {
  const trimmed = word.trim();
  if (!trimmed) return false;
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/** Departments from this one up to the top of its tree. */
export function departmentLine(departmentId: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const line: string[] = [];
  let current: string | null | undefined = departmentId;
  while (current && !line.includes(current)) {
    line.push(current);
    current = parentOf.get(current);
  }
  return line;
}
