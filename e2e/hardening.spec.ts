import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

// What an outside attacker tries against the production build, over plain HTTP.

test("over-size bodies get 413 on every kind of route before they are read", async ({ request }) => {
  const big = (mb: number) => Buffer.alloc(mb * 1024 * 1024, "x");
  const cases: { url: string; mb: number; headers?: Record<string, string> }[] = [
    { url: "/api/trpc/desk.signUp", mb: 3, headers: { "content-type": "application/json" } },
    { url: "/api/widget/wk_unknown/tickets", mb: 51, headers: { "content-type": "multipart/form-data; boundary=x" } },
    { url: "/api/portal/reply", mb: 51, headers: { "content-type": "multipart/form-data; boundary=x" } },
    { url: "/api/files/upload", mb: 11, headers: { "content-type": "multipart/form-data; boundary=x" } },
    { url: "/api/mail/inbound/unknown-key", mb: 31 },
    { url: "/api/stripe/webhook", mb: 1 },
    { url: "/api/auth/callback/credentials", mb: 1, headers: { "content-type": "application/x-www-form-urlencoded" } },
  ];
  for (const { url, mb, headers } of cases) {
    const response = await request.post(url, { data: big(mb), headers });
    expect(response.status(), url).toBe(413);
    const body = (await response.json()) as { error: string; requestId: string };
    expect(body.error, url).toBe("body.tooLarge");
    expect(response.headers()["x-request-id"], url).toBe(body.requestId);
  }
});

test("a download keeps its own sandbox and referrer headers; hostile text in the widget form is a field error", async ({ page, baseURL }) => {
  const desk = uniqueDesk("Harden");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // A staff upload, then its download, as the panel's composer does it.
  const uploaded = await page.request.post("/api/files/upload", {
    headers: { origin: baseURL! },
    multipart: { desk: desk.slug, file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Call the customer back.") } },
  });
  expect(uploaded.status()).toBe(200);
  const { id } = (await uploaded.json()) as { id: string };
  const download = await page.request.get(`/api/files/${id}?desk=${desk.slug}`);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe("Call the customer back.");
  const headers = download.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-disposition"]).toMatch(/^attachment; filename="notes.txt"/);
  // Pages keep the site-wide policy.
  const panel = await page.request.get(`/d/${desk.slug}`);
  expect(panel.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");

  // The widget form, posted by hand with a NUL in the subject: 400 naming the field, no 500.
  await page.goto(`/d/${desk.slug}/settings/widget`);
  const key = /data-desk="(wk_[A-Za-z0-9_-]+)"/.exec((await page.getByLabel("Widget code").textContent())!)![1]!;
  const posted = await page.request.post(`/api/widget/${key}/tickets`, {
    headers: { origin: baseURL!, "x-deskhand-widget": "1" },
    multipart: { email: "visitor@example.com", subject: "Order\u0000 missing", message: "Where is my order?" },
  });
  expect(posted.status()).toBe(400);
  const refusal = (await posted.json()) as { fields: Record<string, string> };
  expect(refusal.fields.subject).toMatch(/cannot be saved/);
});
