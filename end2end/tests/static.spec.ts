import { test, expect, waitForHydration, expectNoAxeViolations } from "./fixtures";

// The static export (`server export`) served by nginx from its files and `_headers`: pages
// hydrate under the exported hash-based CSP, links navigate on the client, the islands work.
// The fixture fails every test on a console error, a CSP violation or a hydration warning.

test("the exported home page hydrates under its own CSP and lists every issue", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"] ?? "").toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+ 'wasm-unsafe-eval'/);
  await waitForHydration(page);
  await expect(page.locator(".issue-card")).toHaveCount(26);
  await expectNoAxeViolations(page, "/ (static export)");
});

test("links between exported pages navigate on the client", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System Security Extensions (DNSSEC)");
  await page.locator('a[data-shortcut="map"]').click();
  await expect(page).toHaveURL(/\/map$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("the map and theme islands work from the exported files", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  await page.locator('.map-node[data-slug="dns"]').hover();
  await expect(page.locator('.map-node[data-slug="dns"]')).toHaveClass(/is-active/);
  await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("the search data is served as JSON from its exported file", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  const data = page.waitForResponse((response) => response.url().endsWith("/api/search-index/en"));
  await page.getByRole("searchbox").focus();
  const response = await data;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect((await response.json()).lang).toBe("en");
});

test("a French exported page fetches the French search data from its own file", async ({ page }) => {
  await page.goto("/fr/");
  await waitForHydration(page);
  const data = page.waitForResponse((response) => response.url().endsWith("/api/search-index/fr"));
  await page.getByRole("searchbox", { name: "Rechercher parmi les enjeux" }).focus();
  const response = await data;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const index = await response.json();
  expect(index.lang).toBe("fr");
  expect(index.docs.map((doc: { title: string }) => doc.title)).toContain("Réseaux communautaires");
});

test("an unknown path gets the exported 404 page, which hydrates", async ({ page, expectNotFound }) => {
  expectNotFound(/\/no-such-page$/);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await waitForHydration(page);
});
