import { describe, expect, it } from "vitest";
import { defaultThresholds, departmentLine, priorityForScore, scoreTicket, type RuleCondition, type ScoringRule, type TicketFacts } from "./score";

const facts: TicketFacts = {
  customerVip: false,
  customerEmail: "ann@shop.example.com",
  departmentIds: ["dep-billing", "dep-root"],
  subject: "Checkout is down",
  body: "Since this morning every payment fails with an error.",
  channel: "widget",
  waitingHours: 2,
};
const rule = (condition: RuleCondition, weight = 10, extra: Partial<ScoringRule> = {}): ScoringRule => ({ id: `r-${condition.kind}`, name: condition.kind, weight, enabled: true, condition, ...extra });
const score = (rules: ScoringRule[], overrides: Partial<TicketFacts> = {}) => scoreTicket({ ...facts, ...overrides }, rules, defaultThresholds);

describe("priority scoring", () => {
  it.each<[string, RuleCondition, Partial<TicketFacts>, boolean]>([
    ["a VIP customer", { kind: "vip" }, { customerVip: true }, true],
    ["not a VIP customer", { kind: "vip" }, {}, false],
    ["an important organisation's domain", { kind: "domain", domains: ["example.com"] }, {}, true],
    ["a subdomain of it", { kind: "domain", domains: ["shop.example.com"] }, {}, true],
    ["another organisation", { kind: "domain", domains: ["example.org", "ample.com"] }, {}, false],
    ["the department itself", { kind: "department", departmentId: "dep-billing" }, {}, true],
    ["a department above it", { kind: "department", departmentId: "dep-root" }, {}, true],
    ["another department", { kind: "department", departmentId: "dep-sales" }, {}, false],
    ["a word of the subject, any case", { kind: "words", words: ["DOWN"] }, {}, true],
    ["a phrase of the body", { kind: "words", words: ["payment fails"] }, {}, true],
    ["part of a longer word", { kind: "words", words: ["pay", "check"] }, {}, false],
    ["a Russian word, any case", { kind: "words", words: ["сбой"] }, { subject: "Сбой оплаты", body: "" }, true],
    ["a Russian word inside another", { kind: "words", words: ["сбой"] }, { subject: "Сбойный модуль", body: "" }, false],
    ["the channel", { kind: "channel", channels: ["mail", "widget"] }, {}, true],
    ["another channel", { kind: "channel", channels: ["panel"] }, {}, false],
    ["waiting longer than the hours", { kind: "waiting", hours: 1 }, {}, true],
    ["waiting exactly the hours", { kind: "waiting", hours: 2 }, {}, false],
    ["answered (not waiting)", { kind: "waiting", hours: 1 }, { waitingHours: null }, false],
  ])("%s: fires %s", (_name, condition, overrides, fires) => {
    const result = score([rule(condition, 15)], overrides);
    expect(result.reasons).toEqual(fires ? [{ ruleId: `r-${condition.kind}`, name: condition.kind, weight: 15 }] : []);
    expect(result.score).toBe(fires ? 15 : 0);
  });

  it("adds up the weights of the rules that fire, negative ones too, in rule order", () => {
    const result = score([rule({ kind: "vip" }, 20), rule({ kind: "words", words: ["down"] }, 5), rule({ kind: "channel", channels: ["widget"] }, -3), rule({ kind: "waiting", hours: 48 }, 50)], { customerVip: true });
    expect(result).toEqual({
      score: 22,
      priority: "high",
      reasons: [
        { ruleId: "r-vip", name: "vip", weight: 20 },
        { ruleId: "r-words", name: "words", weight: 5 },
        { ruleId: "r-channel", name: "channel", weight: -3 },
      ],
    });
  });

  it("leaves disabled rules out", () => {
    expect(score([rule({ kind: "vip" }, 40, { enabled: false })], { customerVip: true })).toEqual({ score: 0, priority: "normal", reasons: [] });
  });

  it.each([
    [-50, "low"],
    [-10, "low"],
    [-9, "normal"],
    [9, "normal"],
    [10, "high"],
    [29, "high"],
    [30, "urgent"],
    [500, "urgent"],
  ] as const)("maps score %i to %s with the default thresholds", (value, priority) => {
    expect(priorityForScore(value, defaultThresholds)).toBe(priority);
  });

  it("uses the desk's own thresholds", () => {
    const thresholds = { lowAtMost: 0, highAtLeast: 5, urgentAtLeast: 6 };
    expect([0, 1, 5, 6].map((s) => priorityForScore(s, thresholds))).toEqual(["low", "normal", "high", "urgent"]);
  });

  it("walks a department up to the top of its tree", () => {
    const parentOf = new Map<string, string | null>([
      ["c", "b"],
      ["b", "a"],
      ["a", null],
    ]);
    expect(departmentLine("c", parentOf)).toEqual(["c", "b", "a"]);
    expect(departmentLine("x", parentOf)).toEqual(["x"]);
  });
});
