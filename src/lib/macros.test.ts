import { describe, expect, it } from "vitest";
import { renderMacros, unknownMacros, type MacroValues } from "./macros";

const values: MacroValues = {
  "customer.name": "Ирина",
  "customer.email": "irina@example.com",
  "ticket.number": "1042",
  "ticket.subject": "Refund",
  "agent.name": "Sam",
  "desk.name": "Acme",
  "department.name": "Payments",
};

describe("macros", () => {
  it("substitutes every known placeholder, spaces inside braces allowed", () => {
    expect(renderMacros("Hi {{customer.name}}, about #{{ ticket.number }} ({{ticket.subject}}) — {{agent.name}}, {{desk.name}} {{department.name}} <{{customer.email}}>", values)).toBe(
      "Hi Ирина, about #1042 (Refund) — Sam, Acme Payments <irina@example.com>",
    );
  });
  it("reports unknown placeholders once each and leaves them unsubstituted", () => {
    const text = "Dear {{customer.fullname}}, {{ticket.number}} {{customer.fullname}} {{order.id}}";
    expect(unknownMacros(text)).toEqual(["customer.fullname", "order.id"]);
    expect(renderMacros(text, values)).toBe("Dear {{customer.fullname}}, 1042 {{customer.fullname}} {{order.id}}");
  });
  it("finds nothing to report in plain text", () => {
    expect(unknownMacros("Thanks for writing in! {not a macro}")).toEqual([]);
  });
});
