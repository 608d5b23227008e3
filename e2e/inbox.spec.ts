import { expect, test, type Page } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

type NewTicket = { email: string; name?: string; subject: string; message: string; priority?: "Low" | "Normal" | "High" | "Urgent"; tags?: string };

/** Files a ticket through the New ticket form and waits for the ticket's own page. */
async function fileTicket(page: Page, slug: string, ticket: NewTicket) {
  await page.goto(`/d/${slug}/tickets/new`);
  await expect(page.getByRole("heading", { name: "New ticket", level: 1 })).toBeVisible();
  await page.getByLabel("Customer email").fill(ticket.email);
  if (ticket.name) await page.getByLabel("Customer name").fill(ticket.name);
  await page.getByLabel("Subject").fill(ticket.subject);
  await page.getByLabel("Message").fill(ticket.message);
  if (ticket.priority) await page.getByLabel("Priority").selectOption({ label: ticket.priority });
  if (ticket.tags) await page.getByLabel("Tags").fill(ticket.tags);
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${slug}/tickets/[0-9a-f-]{36}$`));
}

test("the owner files a ticket, finds it in the inbox by number and priority, and a second inbox shows new tickets live", async ({ page, browser }) => {
  const desk = uniqueDesk("Inbox");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // A new desk starts with an empty inbox and its queues.
  await expect(page.getByRole("heading", { name: "All open", level: 1 })).toBeVisible();
  await expect(page.getByText("No open tickets")).toBeVisible();
  const queues = page.getByRole("navigation", { name: "Queues" });
  await expect(queues.getByRole("link", { name: /^Unassigned/ })).toContainText("0");

  // The form shows its own field errors before anything is sent.
  await page.getByRole("link", { name: "New ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}/tickets/new$`));
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByText("Enter a subject.")).toBeVisible();
  await expect(page.getByText("Write a message.")).toBeVisible();

  await fileTicket(page, desk.slug, {
    email: "jane@example.com",
    name: "Jane Doe",
    subject: "Refund for order 5512",
    message: "I was charged twice for order 5512. Please refund one of the payments.",
    priority: "High",
    tags: "billing, refund",
  });

  // The inbox lists it with its number (a new desk's first ticket is #1001), requester and priority.
  await page.goto(`/d/${desk.slug}`);
  const list = page.getByRole("table", { name: "All open" });
  const row = list.getByRole("row").filter({ hasText: "Refund for order 5512" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("#1001");
  await expect(row).toContainText("Jane Doe");
  await expect(row).toContainText("High");
  await expect(row).toContainText("#billing");
  await expect(queues.getByRole("link", { name: /^Unassigned/ })).toContainText("1");

  // Filtering by priority: urgent only hides it; high shows it again. The filter lives in the URL.
  const filters = page.getByRole("search", { name: "Filter tickets" });
  await filters.getByRole("button", { name: "Priority" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Urgent" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]priority=urgent(&|$)/);
  await expect(page.getByText("No tickets match these filters")).toBeVisible();
  await expect(page.getByRole("link", { name: "Refund for order 5512" })).toHaveCount(0);

  await page.reload();
  await filters.getByRole("button", { name: "Priority: Urgent" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Urgent" }).click();
  await page.getByRole("menuitemcheckbox", { name: "High" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]priority=high(&|$)/);
  await expect(page.getByRole("link", { name: "Refund for order 5512" })).toBeVisible();
  await filters.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/priority=/);

  // A second browser, signed in as the same owner, keeps the inbox open without reloading.
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await second.goto(`/d/${desk.slug}`);
  await expect(second).toHaveURL(/\/signin\?callbackUrl=/);
  await second.getByLabel("Email").fill(desk.email);
  await second.getByLabel("Password").fill(desk.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await expect(second.getByRole("link", { name: "Refund for order 5512" })).toBeVisible();
  await expect(second.getByRole("link", { name: "Package arrived damaged" })).toHaveCount(0);

  // The first browser files another ticket; the second one shows it (and the new count) by itself.
  await fileTicket(page, desk.slug, {
    email: "sam@example.com",
    subject: "Package arrived damaged",
    message: "The box was crushed and the lamp inside is broken.",
  });
  await expect(second.getByRole("link", { name: "Package arrived damaged" })).toBeVisible({ timeout: 10_000 });
  await expect(second.getByRole("table", { name: "All open" }).getByRole("row").filter({ hasText: "Package arrived damaged" })).toContainText("#1002");
  await expect(second.getByRole("navigation", { name: "Queues" }).getByRole("link", { name: /^Unassigned/ })).toContainText("2");
  await secondContext.close();
});
