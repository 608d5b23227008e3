import { expect, test, type Page } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

async function fileTicket(page: Page, slug: string, ticket: { email: string; subject: string; priority: "Low" | "Normal" | "High" | "Urgent" }) {
  await page.goto(`/d/${slug}/tickets/new`);
  await expect(page.getByRole("heading", { name: "New ticket", level: 1 })).toBeVisible();
  await page.getByLabel("Customer email").fill(ticket.email);
  await page.getByLabel("Subject").fill(ticket.subject);
  await page.getByLabel("Message").fill("Please help.");
  await page.getByLabel("Priority").selectOption({ label: ticket.priority });
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${slug}/tickets/[0-9a-f-]{36}$`));
}

test("the owner sets an SLA policy, files a ticket, watches its clock and finds it first under Due soonest", async ({ page }) => {
  const desk = uniqueDesk("Sla");
  await signUp(page, desk);
  await finishWizard(page, desk);

  await page.goto(`/d/${desk.slug}/settings`);
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "SLA" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}/settings/sla$`));
  await expect(page.getByText("No SLA policies yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Business hours" })).toBeVisible();

  // A policy without any target is refused with the reason, and nothing is saved.
  await page.getByRole("button", { name: "Add policy" }).click();
  const dialog = page.getByRole("dialog", { name: "New SLA policy" });
  await dialog.getByLabel("Priority", { exact: true }).selectOption({ label: "Urgent" });
  await dialog.getByRole("button", { name: "Save policy" }).click();
  await expect(dialog.getByText("Set at least one target.")).toBeVisible();

  await dialog.getByLabel("First response").fill("45");
  await expect(dialog.getByText("45 min")).toBeVisible();
  await dialog.getByLabel("Resolution").fill("480");
  await dialog.getByLabel("Counted in").selectOption({ label: "Calendar hours" });
  await dialog.getByLabel("On breach: Priority").selectOption({ label: "Raise one step" });
  await dialog.getByRole("button", { name: "Save policy" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Policy saved.")).toBeVisible();
  const row = page.getByTestId("sla-policy");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Whole desk");
  await expect(row).toContainText("Urgent");
  await expect(row).toContainText("45 min");
  await expect(row).toContainText("8 h");
  await expect(row).toContainText("Calendar hours");

  // The urgent ticket gets clocks; a later low one has none, so "newest" would list it first.
  await fileTicket(page, desk.slug, { email: "ann@example.com", subject: "Checkout is down", priority: "Urgent" });
  const clocks = page.getByTestId("sla-clocks");
  await expect(clocks.getByTestId("sla-clock-first_response")).toContainText("First response");
  await expect(clocks.getByTestId("sla-clock-first_response")).toContainText(/Due .+/);
  await expect(clocks.getByTestId("sla-clock-first_response")).toContainText(/\d+ min left/);
  await expect(clocks.getByTestId("sla-clock-resolution")).toContainText(/\d+ h( \d+ min)? left/);

  await fileTicket(page, desk.slug, { email: "bob@example.com", subject: "Question about invoices", priority: "Low" });
  await expect(page.getByTestId("sla-clocks")).toContainText("No SLA policy applies to this ticket.");

  await page.goto(`/d/${desk.slug}`);
  await expect(page.getByTestId("ticket-row").first()).toContainText("Question about invoices");
  await page.getByLabel("Sort").selectOption({ label: "Due soonest" });
  await expect(page).toHaveURL(/sort=dueSoonest/);
  const first = page.getByTestId("ticket-row").first();
  await expect(first).toContainText("Checkout is down");
  await expect(first.getByTestId("sla-due-badge")).toContainText(/Due in \d+ min/);
  await expect(page.getByTestId("ticket-row").nth(1)).toContainText("Question about invoices");
});
