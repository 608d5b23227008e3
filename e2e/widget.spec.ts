import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { finishWizard, signOut, signUp, uniqueDesk } from "./helpers";

/** A third-party site on another port: a page that embeds the widget with one line, and CSS that would break a careless widget. */
async function thirdPartySite(key: string, baseURL: string) {
  const html = `<!doctype html><html lang="en"><head><title>Shop</title>
    <style>* { font-size: 40px !important; color: red !important } button { display: none !important }</style></head>
    <body><h1>Welcome to the Shop</h1>
    <script src="${baseURL}/widget.js" data-desk="${key}" async></script></body></html>`;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The id of one of the desk's departments, through the panel's API. */
async function departmentId(page: Page, slug: string, name: string) {
  return page.evaluate(
    async ({ desk, name }) => {
      const listed = await fetch(`/api/trpc/departments.list?input=${encodeURIComponent(JSON.stringify({ json: { desk } }))}`);
      const departments = (await listed.json()).result.data.json as { id: string; name: string }[];
      return departments.find((d) => d.name === name)!.id;
    },
    { desk: slug, name },
  );
}

test("a visitor files a ticket through the widget on another site, follows it by the private link and rates the answer", async ({ page, browser, baseURL }) => {
  const desk = uniqueDesk("Widget");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // An agent of Support, to check later that agents never see ratings.
  const supportId = await departmentId(page, desk.slug, "Support");
  const agentEmail = `agent-${desk.slug}@example.com`;
  const invitation = await page.evaluate(
    async ({ desk, email, supportId }) => {
      const response = await fetch("/api/trpc/staff.invite", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { desk, email, name: "Ada Agent", role: "agent", grants: { [supportId]: "reply" } } }),
      });
      return (await response.json()).result.data.json as { link: string };
    },
    { desk: desk.slug, email: agentEmail, supportId },
  );

  // Settings → Widget: the site that may embed the widget, then the one line to paste.
  await page.goto(`/d/${desk.slug}/settings/widget`);
  const snippet = page.getByLabel("Widget code");
  await expect(snippet).toContainText('data-desk="wk_');
  const key = /data-desk="(wk_[A-Za-z0-9_-]+)"/.exec((await snippet.textContent())!)![1]!;
  const shop = await thirdPartySite(key, baseURL!);
  try {
    await page.getByLabel("Site address").fill(shop.origin);
    await page.getByRole("button", { name: "Add site" }).click();
    await expect(page.getByRole("list", { name: "Allowed sites" })).toContainText(shop.origin);
    await page.getByRole("button", { name: "Save widget" }).click();
    await expect(page.getByText("Widget settings saved")).toBeVisible();

    // The visitor, on the shop's site: launcher, form, a file, the confirmation with the number.
    const visitor = await browser.newContext();
    const site = await visitor.newPage();
    await site.goto(shop.origin);
    const launcher = site.getByRole("button", { name: "Open support chat" });
    await launcher.click();
    const form = site.frameLocator("iframe[title]");
    await form.getByLabel("Your name").fill("Vera Visitor");
    await form.getByLabel("Email").fill("vera@example.com");
    await form.getByLabel("Subject").fill("<img src=x onerror=alert(1)> parcel missing");
    await form.getByLabel("Message").fill("My parcel has not arrived yet. Receipt attached.");
    await form.locator("input[type=file]").setInputFiles({ name: "receipt.txt", mimeType: "text/plain", buffer: Buffer.from("Order 1234, paid") });
    await form.getByRole("button", { name: "Send" }).click();
    await expect(form.getByText("Request #1001 received")).toBeVisible();
    const privateLink = (await form.getByRole("link", { name: /View your request/ }).getAttribute("href"))!;
    expect(privateLink).toMatch(/\/t\/[A-Za-z0-9_-]{43}$/);

    // The owner answers in the panel: a private note, then a public reply.
    await page.goto(`/d/${desk.slug}`);
    await page.getByRole("link", { name: /parcel missing/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "<img src=x onerror=alert(1)> parcel missing" })).toBeVisible();
    const conversation = page.getByRole("list", { name: "Conversation" });
    await expect(conversation.getByRole("link", { name: /receipt\.txt/ })).toBeVisible();
    await expect(async () => {
      await page.getByRole("tab", { name: "Private note" }).click();
      await expect(page.getByRole("textbox", { name: "Private note for colleagues" })).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await page.getByRole("textbox", { name: "Private note for colleagues" }).fill("Internal: courier lost it, refund quietly.");
    await page.getByRole("textbox", { name: "Private note for colleagues" }).press("Control+Enter");
    await expect(conversation.getByText("Internal: courier lost it, refund quietly.")).toBeVisible();
    await page.getByRole("tab", { name: "Reply" }).click();
    await page.getByRole("textbox", { name: "Reply to the customer" }).fill("We are sending a new parcel today.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(conversation.getByText("We are sending a new parcel today.")).toBeVisible();

    // The visitor's private page: the reply, never the note; a reply back; a rating.
    await site.goto(privateLink);
    await expect(site.getByText("We are sending a new parcel today.")).toBeVisible();
    await expect(site.getByText("<img src=x onerror=alert(1)> parcel missing").first()).toBeVisible();
    await expect(site.getByText(/courier lost it/)).toHaveCount(0);
    await site.getByLabel("Your reply").fill("Thank you, I will wait for it.");
    await site.getByRole("button", { name: "Send reply" }).click();
    await expect(site.getByText("Thank you, I will wait for it.")).toBeVisible();
    await site.getByRole("button", { name: "Rate this answer" }).click();
    await site.getByRole("group", { name: "How helpful was the answer?" }).getByRole("radio", { name: /^5 of 5/ }).check({ force: true });
    await site.getByRole("group", { name: "How fast did we answer?" }).getByRole("radio", { name: /^4 of 5/ }).check({ force: true });
    await site.getByLabel("Comment (optional)").fill("Quick and kind.");
    await site.getByRole("button", { name: "Send rating" }).click();
    await expect(site.getByText("Thank you for your rating!")).toBeVisible();
    await visitor.close();

    // The owner sees the rating in Reports (the Statistics option) and on the reply.
    const ticketPage = page.url();
    await page.goto(`/d/${desk.slug}/billing`);
    await page.getByRole("checkbox", { name: /Statistics & reports/ }).check();
    await page.getByRole("button", { name: "Update options" }).click();
    await page.getByRole("alertdialog", { name: "Update options?" }).getByRole("button", { name: "Update options" }).click();
    await expect(page.getByRole("alertdialog", { name: "Update options?" })).toBeHidden();
    await page.goto(`/d/${desk.slug}/reports`);
    await expect(page.getByText("Quick and kind.")).toBeVisible();
    await page.goto(ticketPage);
    await expect(page.getByText("Quick and kind.")).toBeVisible();

    // The agent does not.
    await signOut(page);
    await page.goto(new URL(invitation.link).pathname);
    await page.getByLabel("Your name").fill("Ada Agent");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: `Join ${desk.businessName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
    await page.goto(`/d/${desk.slug}/reports`);
    await expect(page.getByText("Your own work: tickets assigned to you and your replies. Customer ratings are seen by owners and admins only.")).toBeVisible();
    await expect(page.getByTestId("report-satisfaction")).toHaveCount(0);
    await expect(page.getByText("Quick and kind.")).toHaveCount(0);
    await page.goto(`/d/${desk.slug}`);
    await page.getByRole("link", { name: /parcel missing/ }).first().click();
    await expect(page.getByRole("list", { name: "Conversation" }).getByText("We are sending a new parcel today.")).toBeVisible();
    await expect(page.getByText("Quick and kind.")).toHaveCount(0);
  } finally {
    await shop.close();
  }
});

test("the widget stays off sites the desk has not allowed; the help center offers the form and 'check my ticket'", async ({ page, browser, baseURL }) => {
  const desk = uniqueDesk("Origins");
  await signUp(page, desk);
  await finishWizard(page, desk);
  await page.goto(`/d/${desk.slug}/settings/widget`);
  const snippet = page.getByLabel("Widget code");
  await expect(snippet).toContainText('data-desk="wk_');
  const key = /data-desk="(wk_[A-Za-z0-9_-]+)"/.exec((await snippet.textContent())!)![1]!;
  const allowed = await thirdPartySite(key, baseURL!);
  const elsewhere = await thirdPartySite(key, baseURL!);
  try {
    await page.getByLabel("Site address").fill(allowed.origin);
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByRole("button", { name: "Save widget" }).click();
    await expect(page.getByText("Widget settings saved")).toBeVisible();

    // The widget page framed by hand: the allowed site may, any other is refused by the browser
    // (CSP frame-ancestors), and there the loader draws no launcher at all.
    const visitor = await browser.newContext();
    const frameByHand = async (tab: Page) =>
      tab.evaluate((src) => {
        const frame = document.createElement("iframe");
        frame.id = "by-hand";
        frame.src = src;
        document.body.append(frame);
      }, `${baseURL}/widget/${key}`);
    const good = await visitor.newPage();
    await good.goto(allowed.origin);
    await expect(good.getByRole("button", { name: "Open support chat" })).toBeVisible();
    await frameByHand(good);
    await expect(good.frameLocator("#by-hand").getByRole("button", { name: "Send" })).toBeVisible();
    const stranger = await visitor.newPage();
    await stranger.goto(elsewhere.origin);
    await frameByHand(stranger);
    await stranger.waitForTimeout(1_500);
    await expect(stranger.getByRole("button", { name: "Open support chat" })).toHaveCount(0);
    await expect(stranger.frameLocator("#by-hand").getByRole("button", { name: "Send" })).toHaveCount(0);

    // The public help center: the request form in place, and a neutral answer to "check my ticket".
    const help = await visitor.newPage();
    await help.goto(`/help/${desk.slug}`);
    await help.getByRole("link", { name: "Submit a request" }).first().click();
    await expect(help.frameLocator("iframe").getByRole("button", { name: "Send" })).toBeVisible();
    await help.getByRole("link", { name: "Check my ticket" }).first().click();
    await help.getByLabel("Your email").fill("nobody@example.com");
    await help.getByRole("button", { name: "Send me a link" }).click();
    await expect(help.getByText("If we have requests from nobody@example.com, we have sent a link to it.")).toBeVisible();
    await visitor.close();
  } finally {
    await allowed.close();
    await elsewhere.close();
  }
});
