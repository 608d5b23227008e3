import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp, uniqueDesk } from "./helpers";

// Pages may compile on first use (a dev server on a busy machine): give navigation more time.
const slow = expect.configure({ timeout: 60_000 });

test.setTimeout(240_000);

test("the owner turns on statistics, sees the figures of a ticket they answered, changes the range and downloads a CSV", async ({ page }) => {
  const desk = uniqueDesk("Reports");
  await signUp(page, desk);
  await slow(page.getByRole("heading", { name: "Your desk" })).toBeVisible();
  // Clicked again until the page has hydrated and moves on.
  for (const step of ["Departments", "Ticket form"]) {
    await expect(async () => {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expect(page.getByRole("heading", { name: step })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  }
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Finish setup" }).click();
  await slow(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));

  // Standard without the option: the page says how to get it.
  await page.goto(`/d/${desk.slug}/reports`);
  await slow(page.getByText("Reports need the Statistics option")).toBeVisible();
  await page.getByRole("link", { name: "Open Billing" }).click();
  await slow(page.getByRole("checkbox", { name: /Statistics & reports/ })).toBeVisible();
  await page.getByRole("checkbox", { name: /Statistics & reports/ }).check();
  await page.getByRole("button", { name: "Update options" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Update options?" });
  await confirm.getByRole("button", { name: "Update options" }).click();
  await expect(confirm).toBeHidden();

  // A ticket, answered and solved by the owner.
  await page.goto(`/d/${desk.slug}/tickets/new`);
  await page.getByLabel("Customer email").fill("olga@example.com");
  await page.getByLabel("Subject").fill("Где мой заказ?");
  await page.getByLabel("Message").fill("Заказ 77 не пришёл.");
  await page.getByRole("button", { name: "Create ticket" }).click();
  await slow(page).toHaveURL(new RegExp(`/d/${desk.slug}/tickets/[0-9a-f-]{36}$`));
  const reply = page.getByRole("textbox", { name: "Reply to the customer" });
  await expect(async () => {
    await reply.fill("It ships today.");
    await expect(reply).toHaveValue("It ships today.", { timeout: 1_000 });
  }).toPass();
  await page.getByLabel("Status after sending").selectOption("solved");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("list", { name: "Conversation" }).getByText("It ships today.")).toBeVisible();

  // Reports: one ticket created and solved this month, answered within minutes.
  await page.goto(`/d/${desk.slug}/reports`);
  const byMonth = page.getByRole("table", { name: "By month" });
  await slow(byMonth.getByRole("row").last()).toContainText(/1\s*1$/);
  await expect(page.getByTestId("first-response")).toContainText(/min/);
  await expect(page.getByRole("table", { name: "By agent (the ticket's assignee)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Staff statistics" }).getByRole("row", { name: new RegExp(desk.ownerName) })).toContainText("1");

  // Another range: nothing happened in January 2025.
  await page.getByTestId("report-from").fill("2025-01-01");
  await page.getByTestId("report-to").fill("2025-01-31");
  await expect(page.getByTestId("report-rhythms").getByText("No tickets in this period.")).toBeVisible();
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(byMonth.getByRole("row").last()).toContainText(/1\s*1$/);

  // The table as CSV: UTF-8 with a byte order mark, a header row, the month's figures.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-byMonth").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^byMonth-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Month,Created,Solved");
  expect(lines.at(-1)).toMatch(/^\d{4}-\d{2},1,1$/);
});
