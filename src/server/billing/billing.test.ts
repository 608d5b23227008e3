import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { fileTicket } from "@/test/tickets";
import { unsafeFindDeskAccess } from "../tenancy/member";
import { tenants } from "../kernel/schema";
import { tickets } from "../tickets/schema";
import { assertOption } from "./account";
import { chargeDesk } from "./charge";
import { addDays, billingDay } from "./days";
import { billingAccounts, ledgerEntries, plans } from "./schema";
import { startTopUp } from "./stripe";
import { createTicket } from "../tickets/create";
import { withTenant } from "@/server/tenancy/scope";
import { applyStripeEvent, verifyWebhook } from "../platform/stripe-events";
import { runBilling } from "../platform/billing-job";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;
const WEBHOOK_SECRET = "whsec_test_secret_for_deskhand";

/** The balance equals the sum of the ledger, for every desk — checked after every scenario. */
async function assertLedgerInvariant() {
  const rows = await database.db.execute(sql`
    select a.tenant_id, a.balance, coalesce((select sum(l.amount) from ledger_entries l where l.tenant_id = a.tenant_id), 0) as total
    from billing_accounts a`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { balance: string | number; total: string | number }[];
  expect(list.length).toBeGreaterThan(0);
  for (const row of list) expect(Number(row.balance)).toBe(Number(row.total));
}

const accountOf = async (desk: Desk) => (await database.db.select().from(billingAccounts).where(eq(billingAccounts.tenantId, desk.tenantId)))[0]!;
const ledgerOf = (desk: Desk) => database.db.select().from(ledgerEntries).where(eq(ledgerEntries.tenantId, desk.tenantId)).orderBy(ledgerEntries.id);
const setAccount = (desk: Desk, values: Partial<typeof billingAccounts.$inferInsert>) => database.db.update(billingAccounts).set(values).where(eq(billingAccounts.tenantId, desk.tenantId));
const today = () => billingDay("UTC");

/** A Stripe event as Stripe would send it: a JSON body and its signature header, made with the SDK's test helper. */
function signed(event: Record<string, unknown>) {
  const payload = JSON.stringify({ object: "event", api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), livemode: false, ...event });
  return verifyWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }), WEBHOOK_SECRET);
}
const completed = (id: string, session: string, amount: number, paymentIntent: string) =>
  signed({ id, type: "checkout.session.completed", data: { object: { id: session, object: "checkout.session", payment_status: "paid", amount_total: amount, payment_intent: paymentIntent } } });
const refunded = (id: string, paymentIntent: string, amountRefunded: number) =>
  signed({ id, type: "charge.refunded", data: { object: { id: `ch_${paymentIntent}`, object: "charge", payment_intent: paymentIntent, amount_refunded: amountRefunded } } });

// A local stand-in for the Stripe API (tests only): Checkout sessions get an id and a page address.
let stripeApi: http.Server;
let stripe: Stripe;
let sessions = 0;
beforeAll(async () => {
  stripeApi = http.createServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    // A payment intent with its charge, whose receipt page the ledger links to.
    const intent = /^\/v1\/payment_intents\/([^/?]+)/.exec(request.url ?? "");
    if (intent) {
      response.end(JSON.stringify({ id: intent[1], object: "payment_intent", latest_charge: { id: `ch_${intent[1]}`, object: "charge", receipt_url: `https://pay.stripe.test/receipts/${intent[1]}` } }));
      return;
    }
    sessions += 1;
    response.end(JSON.stringify({ id: `cs_test_${sessions}`, object: "checkout.session", url: `https://checkout.stripe.test/pay/cs_test_${sessions}`, request: request.url }));
  });
  await new Promise<void>((resolve) => stripeApi.listen(0, "127.0.0.1", resolve));
  stripe = new Stripe("sk_test_deskhand", { host: "127.0.0.1", port: (stripeApi.address() as AddressInfo).port, protocol: "http" });
});
afterAll(() => new Promise<void>((resolve) => stripeApi.close(() => resolve())));

describe("billing", () => {
  it("grants the trial credit once at sign-up and starts charging the next day", async () => {
    const desk = await readyDesk(database.db, "bill-trial", ["Support"]);
    const account = await accountOf(desk);
    expect(account).toMatchObject({ balance: 2000, status: "active", billingStarts: addDays(today(), 1), chargedThrough: null });
    expect((await ledgerOf(desk)).map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([["trial", 2000, 2000]]);
    expect(await withTenant(database.db, desk.tenantId, (tx) => chargeDesk(tx, desk.tenantId))).toMatchObject({ charged: 0 });
    const overview = await desk.owner.billing.overview({ desk: desk.slug });
    expect(overview).toMatchObject({ balance: 2000, dailyPrice: 50, daysLeft: 40, plan: { id: "standard" }, paymentsConfigured: false });
    await assertLedgerInvariant();
  });

  it("charges the plan chosen in the setup wizard from the next billing day in the desk's time zone", async () => {
    const { signUpDesk } = await import("@/test/callers");
    const desk = await signUpDesk(database.db, { slug: "bill-wizard" });
    const setup = { desk: desk.slug, displayName: "Wizard", locale: "en" as const, timeZone: "Pacific/Kiritimati", departments: ["Support"], widgetFields: (await import("../widget/inputs")).defaultWidgetFields };
    expect((await refusal(desk.owner.desk.completeSetup({ ...setup, planId: "platinum" }))).code).toBe("BAD_REQUEST");
    await desk.owner.desk.completeSetup({ ...setup, planId: "pro" });
    expect((await desk.owner.billing.overview({ desk: desk.slug })).plan.id).toBe("pro");
    expect((await database.db.select().from(billingAccounts).where(eq(billingAccounts.tenantId, desk.tenantId)))[0]!.billingStarts).toBe(addDays(billingDay("Pacific/Kiritimati"), 1));
  });

  it("catches up three missed days, once each, even with two runs at the same time", async () => {
    const desk = await readyDesk(database.db, "bill-catchup", ["Support"]);
    await setAccount(desk, { billingStarts: addDays(today(), -2) });
    const runs = await Promise.all([runBilling(database.db), runBilling(database.db)]);
    expect(runs.reduce((n, r) => n + r.charged, 0)).toBeGreaterThanOrEqual(3);
    const charges = (await ledgerOf(desk)).filter((e) => e.kind === "charge");
    expect(charges.map((c) => [c.day, c.amount])).toEqual([
      [addDays(today(), -2), -50],
      [addDays(today(), -1), -50],
      [today(), -50],
    ]);
    expect(await accountOf(desk)).toMatchObject({ balance: 1850, chargedThrough: today() });
    await runBilling(database.db);
    expect((await ledgerOf(desk)).filter((e) => e.kind === "charge")).toHaveLength(3);
    await assertLedgerInvariant();
  });

  it("suspends a desk that cannot pay, holds new tickets, and a top-up pays, resumes and releases them in order", async () => {
    const desk = await readyDesk(database.db, "bill-suspend", ["Support"]);
    await database.db.update(tenants).set({ planId: "standard" }).where(eq(tenants.id, desk.tenantId));
    await setAccount(desk, { billingStarts: addDays(today(), -1) });
    await database.db.execute(sql`insert into ledger_entries (tenant_id, id, kind, amount, balance_after, description) values (${desk.tenantId}, gen_random_uuid(), 'adjustment', -1970, 30, 'test: spend the trial')`);
    await setAccount(desk, { balance: 30 });
    await runBilling(database.db);
    expect(await accountOf(desk)).toMatchObject({ status: "suspended", chargedThrough: null, balance: 30 });
    // Every member may know the desk is paused (for the panel's banner), and nothing more; other desks may not.
    const agent = await inviteAndJoin(database.db, desk, { email: "agent@bill-suspend.test" });
    expect(await agent.caller.billing.paused({ desk: desk.slug })).toBe(true);
    expect((await refusal(agent.caller.billing.overview({ desk: desk.slug }))).code).toBe("FORBIDDEN");
    const stranger = await readyDesk(database.db, "bill-suspend-other", ["Support"]);
    expect((await refusal(stranger.owner.billing.paused({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect(await stranger.owner.billing.paused({ desk: stranger.slug })).toBe(false);
    const first = await fileTicket(desk, { subject: "First while suspended" });
    const second = await fileTicket(desk, { subject: "Second while suspended" });
    expect([first.heldReason, second.heldReason]).toEqual(["suspended", "suspended"]);
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets).toEqual([]);
    const lowMail = await database.db.execute(sql`select kind from outbox where tenant_id = ${desk.tenantId} and kind = 'billing.lowBalance'`);
    expect((Array.isArray(lowMail) ? lowMail : (lowMail as { rows: unknown[] }).rows).length).toBe(1);

    // The owner starts a top-up; Stripe reports it paid (twice: a replay changes nothing).
    await database.db.update(tenants).set({ planId: "standard" }).where(eq(tenants.id, desk.tenantId));
    const access = (await unsafeFindDeskAccess(database.db, desk.slug, desk.userId))!;
    const owner = { tenantId: desk.tenantId, userId: desk.userId, membershipId: access.membershipId, access: access.access, ip: null };
    const { url } = await withTenant(database.db, desk.tenantId, (tx) => startTopUp(tx, owner, 1000, stripe));
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const session = `cs_test_${sessions}`;
    expect(await applyStripeEvent(database.db, completed("evt_1", session, 1000, "pi_1"), stripe)).toEqual({ applied: true });
    expect((await ledgerOf(desk)).find((e) => e.kind === "topup")?.stripeReceiptUrl).toBe("https://pay.stripe.test/receipts/pi_1");
    expect(await applyStripeEvent(database.db, completed("evt_1", session, 1000, "pi_1"))).toEqual({ applied: false });
    expect(await applyStripeEvent(database.db, completed("evt_1b", session, 1000, "pi_1"))).toEqual({ applied: false });
    // Yesterday, when the desk was paused, is not charged: only today is.
    expect(await accountOf(desk)).toMatchObject({ status: "active", balance: 1030 - 50, chargedThrough: today() });
    const inbox = await desk.owner.tickets.inbox({ desk: desk.slug, sort: "oldest" });
    expect(inbox.tickets.map((t) => t.subject)).toEqual(["First while suspended", "Second while suspended"]);
    await assertLedgerInvariant();

    // A refund: one entry however often it is sent.
    expect(await applyStripeEvent(database.db, refunded("evt_2", "pi_1", 400))).toEqual({ applied: true });
    expect(await applyStripeEvent(database.db, refunded("evt_2", "pi_1", 400))).toEqual({ applied: false });
    expect((await accountOf(desk)).balance).toBe(580);
    await assertLedgerInvariant();
  });

  it("answers 'retry later' to a refund that arrives before its payment, and applies both once in the end", async () => {
    const desk = await readyDesk(database.db, "bill-order", ["Support"]);
    // A checkout the desk started (as createCheckout records it: the row and its directory key).
    await database.db.execute(sql`insert into checkout_sessions (tenant_id, id, stripe_session_id, amount) values (${desk.tenantId}, gen_random_uuid(), 'cs_order', 700)`);
    await database.db.execute(sql`insert into global_keys (kind, key, desk_id) values ('stripe_checkout', 'cs_order', ${desk.tenantId})`);
    expect(await applyStripeEvent(database.db, refunded("evt_r", "pi_order", 700))).toEqual({ applied: false, retry: true });
    expect(await applyStripeEvent(database.db, completed("evt_c", "cs_order", 700, "pi_order"))).toEqual({ applied: true });
    expect(await applyStripeEvent(database.db, refunded("evt_r", "pi_order", 700))).toEqual({ applied: true });
    expect((await accountOf(desk)).balance).toBe(2000);
    expect((await ledgerOf(desk)).map((e) => e.kind)).toEqual(["trial", "topup", "refund"]);
    // A forged or tampered event is refused before anything happens.
    const payload = JSON.stringify({ id: "evt_forged", type: "checkout.session.completed" });
    expect(() => verifyWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong_secret" }), WEBHOOK_SECRET)).toThrow();
    expect(() => verifyWebhook(payload, null, WEBHOOK_SECRET)).toThrow();
    await assertLedgerInvariant();
  });

  it("with one ticket left today, 50 concurrent creations give exactly one normal ticket and 49 held; the next day releases within its limit", async () => {
    const desk = await readyDesk(database.db, "bill-limit", ["Support"]);
    await database.db.insert(plans).values({ id: "tiny", name: "Tiny", dailyPrice: 10, agentSeats: 2, ticketsPerDay: 3, position: 9 }).onConflictDoNothing();
    await database.db.update(tenants).set({ planId: "tiny" }).where(eq(tenants.id, desk.tenantId));
    await setAccount(desk, { ticketsDay: today(), ticketsToday: 2 });
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        withTenant(database.db, desk.tenantId, (tx) =>
          createTicket(tx, desk.tenantId, { subject: `Rush ${i}`, body: "Hello", customer: { email: `rush${i}@example.com` }, departmentId: desk.departmentIds.Support!, channel: "widget" }, null),
        ),
      ),
    );
    expect(created.filter((t) => t.heldReason === null)).toHaveLength(1);
    expect(created.filter((t) => t.heldReason === "plan_limit")).toHaveLength(49);
    expect((await accountOf(desk)).ticketsToday).toBe(3);

    // The next billing day: three of the held tickets come out, oldest first.
    await setAccount(desk, { ticketsDay: addDays(today(), -1) });
    await runBilling(database.db);
    const live = await database.db.select({ number: tickets.number, held: tickets.heldReason }).from(tickets).where(eq(tickets.tenantId, desk.tenantId)).orderBy(tickets.id);
    const heldNumbers = created.filter((t) => t.heldReason).map((t) => t.number).sort((a, b) => a - b);
    expect(live.filter((t) => t.held === null).map((t) => t.number)).toEqual(expect.arrayContaining(heldNumbers.slice(0, 3)));
    expect(live.filter((t) => t.held === "plan_limit")).toHaveLength(46);

    // Upgrading releases at once as far as the new plan allows today.
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    expect((await database.db.select().from(tickets).where(eq(tickets.heldReason, "plan_limit"))).filter((t) => t.tenantId === desk.tenantId)).toHaveLength(0);
    await assertLedgerInvariant();
  });

  it("keeps a desk an operator paused paused, whatever the balance, until an operator resumes it", async () => {
    const desk = await readyDesk(database.db, "bill-manual", ["Support"]);
    const { setDeskStatus } = await import("../platform/operator");
    const operator = { userId: desk.userId, email: "operator@example.com", ip: null };
    await setDeskStatus(database.db, operator, { tenantId: desk.tenantId, status: "suspended" });
    await runBilling(database.db);
    expect(await accountOf(desk)).toMatchObject({ status: "suspended", suspendedManually: true });
    expect((await fileTicket(desk, { subject: "While paused" })).heldReason).toBe("suspended");
    await setDeskStatus(database.db, operator, { tenantId: desk.tenantId, status: "active" });
    expect(await accountOf(desk)).toMatchObject({ status: "active", suspendedManually: false });
    expect((await desk.owner.tickets.inbox({ desk: desk.slug })).tickets.map((t) => t.subject)).toEqual(["While paused"]);
    await assertLedgerInvariant();
  });

  it("opens the operator console only to a listed address its owner has verified, and records every adjustment", async () => {
    const { signUpUnconfirmed, callerAs, mailedLink } = await import("@/test/callers");
    const operator = await signUpUnconfirmed(database.db, { slug: "bill-operator", email: "operator@platform.test" });
    const customerDesk = await readyDesk(database.db, "bill-operated", ["Support"]);
    expect(await operator.owner.platform.isOperator()).toBe(false);
    expect((await refusal(operator.owner.platform.desks())).code).toBe("FORBIDDEN");
    // The confirmation link from the sign-up mail makes the address trusted.
    const token = await mailedLink(database.db, "operator@platform.test", "verify-email");
    const anonymous = await callerAs(database.db);
    expect(await anonymous.account.verifyEmail({ token })).toMatchObject({ step: "signIn", ticket: expect.any(String) });
    expect((await refusal(anonymous.account.verifyEmail({ token }))).code).toBe("NOT_FOUND");
    expect(await operator.owner.platform.isOperator()).toBe(true);
    expect((await operator.owner.platform.desks()).map((d) => d.slug)).toContain("bill-operated");
    await operator.owner.platform.adjust({ tenantId: customerDesk.tenantId, amount: 500, reason: "Goodwill credit" });
    expect((await refusal(operator.owner.platform.adjust({ tenantId: customerDesk.tenantId, amount: -99_999, reason: "Too much" }))).message).toBe("billing.insufficientBalance");
    expect(await accountOf(customerDesk)).toMatchObject({ balance: 2500 });
    const events = await customerDesk.owner.audit.list({ desk: customerDesk.slug });
    expect(JSON.stringify(events)).toContain("Goodwill credit");
    // An agent of a desk is no operator.
    expect((await refusal(customerDesk.owner.platform.plans())).code).toBe("FORBIDDEN");
    await assertLedgerInvariant();
  });

  it("charges the difference for today when a desk moves to a dearer plan after today's charge", async () => {
    const desk = await readyDesk(database.db, "bill-upgrade", ["Support"]);
    await setAccount(desk, { billingStarts: today() });
    await runBilling(database.db);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: [] });
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    expect((await ledgerOf(desk)).map((e) => [e.kind, e.amount])).toEqual([
      ["trial", 2000],
      ["charge", -50],
      ["adjustment", -50],
      ["adjustment", -50],
    ]);
    await assertLedgerInvariant();
  });

  it("refuses a downgrade below the seats in use, gates options, and keeps billing to the owner", async () => {
    const desk = await readyDesk(database.db, "bill-plan", ["Support"]);
    await desk.owner.billing.changePlan({ desk: desk.slug, planId: "pro", options: [] });
    for (const email of ["a@bill-plan.test", "b@bill-plan.test"]) await desk.owner.staff.invite({ desk: desk.slug, email, name: "X", role: "agent", grants: {} });
    const error = await refusal(desk.owner.billing.changePlan({ desk: desk.slug, planId: "standard", options: [] }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("billing.downgradeSeats");
    expect(await withTenant(database.db, desk.tenantId, (tx) => assertOption(tx, "statistics"))).toBeUndefined();

    const other = await readyDesk(database.db, "bill-options", ["Support"]);
    await expect(withTenant(database.db, other.tenantId, (tx) => assertOption(tx, "statistics"))).rejects.toMatchObject({ messageKey: "billing.optionMissing" });
    expect(await other.owner.billing.changePlan({ desk: other.slug, planId: "standard", options: ["statistics", "mail"] })).toMatchObject({ dailyPrice: 70 });
    expect(await withTenant(database.db, other.tenantId, (tx) => assertOption(tx, "statistics"))).toBeUndefined();
    expect((await refusal(other.owner.billing.overview({ desk: desk.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(desk.owner.billing.topUp({ desk: desk.slug, amount: 1000 }))).message).toBe("billing.paymentsNotConfigured");
    await assertLedgerInvariant();
  });
});
