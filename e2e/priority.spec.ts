import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

// Against a dev server (E2E_BASE_URL), Next's dev-tools button would also answer to the name "Next".
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const style = document.createElement("style");
      style.textContent = "nextjs-portal { display: none !important; }";
      document.head.append(style);
    });
  });
});

test("the owner adds a priority rule, a ticket with its word comes in urgent with the reason, is set by hand and returned to automatic", async ({ page }) => {
  const desk = uniqueDesk("Prio");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // Settings → Priority starts empty and explains itself.
  await page.goto(`/d/${desk.slug}/settings`);
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Priority" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}/settings/priority$`));
  await expect(page.getByText("No rules yet")).toBeVisible();

  // A rule without words is refused in the form, with the field to fix.
  const form = page.getByRole("region", { name: "Add a rule" });
  await form.getByLabel("Name").fill("Outage reports");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByText("Enter at least one word or phrase.")).toBeVisible();

  await form.getByLabel("Words or phrases").fill("outage, down");
  await form.getByLabel("Weight").fill("40");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("Rule “Outage reports” added.")).toBeVisible();
  const rule = page.getByTestId("priority-rule").filter({ hasText: "Outage reports" });
  await expect(rule).toContainText("Mentions “outage”, “down”");
  await expect(rule).toContainText("+40");

  // Thresholds must be in order.
  await page.getByLabel("High from").fill("-20");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("High must start above the low threshold.")).toBeVisible();
  await page.getByLabel("High from").fill("10");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Thresholds saved.")).toBeVisible();

  // A ticket with the word, priority left to the rules ("Automatic", the default).
  await page.goto(`/d/${desk.slug}/tickets/new`);
  await expect(page.getByLabel("Priority")).toHaveValue("");
  await page.getByLabel("Customer email").fill("olga@example.com");
  await page.getByLabel("Subject").fill("Site outage since 9am");
  await page.getByLabel("Message").fill("Nothing loads for our whole office.");
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}/tickets/[0-9a-f-]{36}$`));

  const side = page.getByRole("complementary");
  const reasons = side.getByTestId("priority-reasons");
  await expect(side.getByLabel("Priority", { exact: true })).toHaveValue("urgent");
  await expect(reasons).toContainText("Automatic: score 40");
  await expect(reasons).toContainText("Outage reports");
  await expect(reasons).toContainText("+40");

  // Set by hand: the rules leave it alone, and the way back is offered.
  await side.getByLabel("Priority", { exact: true }).selectOption("normal");
  await expect(reasons).toContainText("Set by hand");
  await expect(side.getByLabel("Priority", { exact: true })).toHaveValue("normal");

  await reasons.getByRole("button", { name: "Return to automatic" }).click();
  await expect(reasons).toContainText("Automatic: score 40");
  await expect(side.getByLabel("Priority", { exact: true })).toHaveValue("urgent");
  await expect(page.getByText(/returned the priority to automatic/)).toBeVisible();
  await expect(page.getByText("Score 40: Outage reports +40").first()).toBeVisible();

  // A new rule can be tried on the latest tickets before it is saved.
  await page.goto(`/d/${desk.slug}/settings/priority`);
  const add = page.getByRole("region", { name: "Add a rule" });
  await add.getByLabel("Name").fill("Office");
  await add.getByLabel("Words or phrases").fill("office");
  await add.getByLabel("Weight").fill("5");
  await add.getByRole("button", { name: "Try on recent tickets" }).click();
  await expect(add.getByTestId("priority-trial")).toContainText("Fires on 1 of the last 1 tickets; none would change priority.");
  await expect(add.getByTestId("priority-trial")).toContainText("Site outage since 9am");
  await expect(page.getByTestId("priority-rule")).toHaveCount(1);
});
