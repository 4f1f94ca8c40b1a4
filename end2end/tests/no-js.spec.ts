import { test, expect, allIssues, expectNoAxeViolationsWithoutScripts } from "./fixtures";

test("the home page lists every issue without JavaScript", async ({ page }) => {
  await page.goto("/");
  const issues = await allIssues(page);
  expect(issues).toHaveLength(26);
  const listing = page.locator("#issues, #emerging");
  for (const issue of issues) {
    await expect(listing.getByRole("link", { name: issue.title, exact: true })).toHaveAttribute("href", `/issues/${issue.slug}`);
  }
  await expect(page.getByRole("heading", { name: "Emerging issues" })).toBeVisible();
});

test("every issue page is readable without JavaScript", async ({ page }) => {
  const issues = await allIssues(page);
  for (const issue of issues) {
    const response = await page.goto(`/issues/${issue.slug}`);
    expect(response?.status(), issue.slug).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(issue.title);
    await expect(page).toHaveTitle(`${issue.title} · Internet Issues Explorer`);
    await expect(page.locator(".isoc-quote blockquote p").first()).not.toBeEmpty();
    await expect(page.locator(".issue__overview .prose p").nth(1)).not.toBeEmpty();
    await expect(page.getByText(/^Last reviewed/)).toBeVisible();
    const icon = page.locator(".issue__header img");
    await expect(icon).toHaveAttribute("alt", /\w/);
    // The icon really loaded.
    expect(await icon.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
});

test("links work as plain links without JavaScript", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Privacy", exact: true }).click();
  await expect(page).toHaveURL(/\/issues\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await page.locator(".issue__connections").getByRole("link", { name: "Encryption" }).click();
  await expect(page).toHaveURL(/\/issues\/encryption$/);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/human-rights$/);
  await page.getByRole("link", { name: "Building Trust" }).first().click();
  await expect(page).toHaveURL(/\/issues\/building-trust$/);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "All issues" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("focus area filters work without JavaScript", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Filter by focus area" }).getByRole("link", { name: "Connecting the World" }).click();
  await expect(page).toHaveURL(/\?focus=connecting-the-world$/);
  await expect(page.getByRole("link", { name: "Internet Exchange Points (IXPs)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Privacy", exact: true })).toHaveCount(0);
});

test("the 404 page works without JavaScript", async ({ page, expectNotFound }) => {
  expectNotFound(/\/nowhere$/);
  const response = await page.goto("/nowhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Browse all issues" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the search works as a form without JavaScript", async ({ page }) => {
  await page.goto("/issues/tls");
  const box = page.getByRole("searchbox", { name: "Search the issues" });
  await box.fill("privasy");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/\?q=privasy$/);
  const titles = page.locator(".search-results__list .search-result__title");
  await expect(titles.first()).toHaveText("Privacy");
  await expect(titles.first().locator("mark")).toHaveText("Privacy");
  await expect(page.getByRole("status")).toContainText("“privasy”");
  await expect(page.locator(".explorer__listing")).toBeHidden();
  const filters = page.getByRole("navigation", { name: "Filter by focus area" });
  await filters.getByRole("link", { name: /Building Trust/ }).click();
  await expect(page).toHaveURL(/\/\?q=privasy&focus=building-trust$/);
  await expect(titles.first()).toHaveText("Privacy");
  await expect(box).toHaveValue("privasy");
});

test("no results and unknown issues offer the closest issues without JavaScript", async ({ page, expectNotFound }) => {
  await page.goto("/?q=dnsex%20quux");
  await expect(page.getByText("No issue matches “dnsex quux”.")).toBeVisible();
  await expect(page.locator(".search-results__suggestions a")).toHaveCount(3);
  expectNotFound(/\/issues\/dnsec$/);
  const response = await page.goto("/issues/dnsec");
  expect(response?.status()).toBe(404);
  await expect(page.locator(".error-page__suggestions a").first()).toHaveText("Domain Name System Security Extensions (DNSSEC)");
});

test("a full issue page reads without JavaScript, and a glossary link goes there and back", async ({ page }) => {
  await page.goto("/issues/securing-bgp");
  for (const heading of ["Overview", "Key facts", "Key standards", "Further reading", "Terms on this page"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const facts = page.locator(".fact");
  expect(await facts.count()).toBeGreaterThan(0);
  for (const fact of await facts.all()) {
    await expect(fact.locator("time")).toHaveAttribute("datetime", /^\d{4}(-\d{2}){0,2}$/);
    await expect(fact.getByRole("link")).toHaveAttribute("href", /^https:\/\//);
  }
  await expect(page.getByRole("link", { name: "RFC 4271" })).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc4271");
  // The first use of BGP in the text is marked and links to its glossary entry.
  const term = page.locator(".isoc-quote a.term, .prose a.term").filter({ hasText: /^BGP$/ });
  await expect(term).toHaveCount(1);
  await expect(term.locator("abbr")).toHaveAttribute("title", "Border Gateway Protocol");
  await term.click();
  await expect(page).toHaveURL(/\/glossary#bgp$/);
  await expect(page.locator("#bgp")).toBeInViewport();
  await expect(page.locator("#bgp")).toContainText("Border Gateway Protocol");
  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/securing-bgp$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Securing Border Gateway Protocol (BGP)");
});

test("the glossary works without JavaScript: letters jump, terms link to their issues", async ({ page }) => {
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  await page.getByRole("navigation", { name: "Jump to a letter" }).getByRole("link", { name: "R", exact: true }).click();
  await expect(page).toHaveURL(/#letter-r$/);
  await expect(page.locator("#letter-r")).toBeInViewport();
  const entry = page.locator(".glossary__entry").filter({ has: page.locator("#rpki") });
  await entry.getByRole("link", { name: "Securing BGP" }).click();
  await expect(page).toHaveURL(/\/issues\/securing-bgp$/);
});

test("every node of the map is a working link without JavaScript", async ({ page }) => {
  await page.goto("/map");
  const nodes = page.locator("#topic-map .map-node");
  await expect(nodes).toHaveCount(26);
  for (const href of await nodes.evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
    expect((await page.request.get(href ?? "")).status(), `${href}`).toBe(200);
  }
  await page.locator('#topic-map .map-node[data-slug="manrs"]').click();
  await expect(page).toHaveURL(/\/issues\/manrs$/);
  await page.getByRole("link", { name: "See MANRS on the topic map" }).click();
  await expect(page).toHaveURL(/\/map\?issue=manrs$/);
  await expect(page.locator('#topic-map .map-node[data-slug="manrs"]')).toHaveClass(/is-active/);
  await expect(page.locator(".map-panel:not([hidden]) h2")).toHaveText("Mutually Agreed Norms for Routing Security (MANRS)");
  // The plain lists carry the same connections for screen readers and text browsers.
  await expect(page.getByRole("heading", { name: "The issues and their connections" })).toBeVisible();
});

test("the map narrows to one kind of connection through plain links", async ({ page }) => {
  await page.goto("/map?issue=dns");
  const all = await page.locator("#topic-map .map-edge").count();
  const legend = page.getByRole("navigation", { name: /Kinds of connection/ });
  await legend.getByRole("link", { name: "Protects / is protected by" }).click();
  await expect(page).toHaveURL(/\/map\?issue=dns&relation=protects$/);
  const kept = page.locator("#topic-map .map-edge");
  expect(await kept.count()).toBeLessThan(all);
  expect(await page.locator("#topic-map .map-edge:not(.map-edge--protects)").count()).toBe(0);
  await expect(legend.getByRole("link", { name: "Protects / is protected by" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator(".map-panel:not([hidden])")).toContainText("is protected by Domain Name System Security Extensions (DNSSEC)");
  // The search keeps the relation; "All connections" brings every line back.
  await page.getByLabel("Highlight issues matching").fill("routing");
  await page.getByRole("button", { name: "Highlight" }).click();
  await expect(page).toHaveURL(/relation=protects/);
  await legend.getByRole("link", { name: "All connections" }).click();
  await expect(page.locator("#topic-map .map-edge")).toHaveCount(all);
});

test("an issue page says how it connects and where the quote is dated", async ({ page }) => {
  await page.goto("/issues/ipv6");
  const note = page.getByRole("complementary", { name: /Editor’s notes? on the quote/ });
  await expect(note).toContainText("hundreds of millions of people are still to come online");
  await note.getByRole("link", { name: /2\.2 billion on Connecting the World/ }).click();
  await expect(page).toHaveURL(/\/issues\/connecting-the-world$/);
  const connections = page.getByRole("region", { name: "How it connects" });
  await expect(connections.getByRole("heading", { level: 3, name: "Connecting the World includes" })).toBeVisible();
  await connections.getByRole("link", { name: "IPv6" }).click();
  await expect(page).toHaveURL(/\/issues\/ipv6$/);
  await page.getByRole("link", { name: "What changed across the explorer" }).click();
  await expect(page).toHaveURL(/\/changes$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What changed");
});

for (const path of ["/", "/?focus=building-trust", "/issues/dns", "/issues/ipv6", "/glossary", "/changes", "/?q=routing", "/map?issue=dns", "/map?relation=protects", "/no-such-page"]) {
  test(`axe finds no violations on ${path} without JavaScript`, async ({ browser, baseURL }) => {
    await expectNoAxeViolationsWithoutScripts(browser, baseURL ?? "", path);
  });
}

test("the theme form works without JavaScript and the choice is remembered", async ({ page }) => {
  await page.goto("/issues/dns");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  const form = page.getByRole("group", { name: "Theme" });
  await form.getByLabel("Dark").check();
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(17, 21, 28)");
  await page.getByRole("link", { name: "Glossary" }).first().click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("group", { name: "Theme" }).getByLabel("Dark")).toBeChecked();
  await page.getByRole("group", { name: "Theme" }).getByLabel("System").check();
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
});

for (const theme of ["light", "dark"] as const) {
  for (const path of ["/", "/issues/dns", "/map?issue=dns", "/glossary", "/no-such-page"]) {
    test(`axe finds no violations on ${path} without JavaScript in the ${theme} theme`, async ({ browser, baseURL }) => {
      await expectNoAxeViolationsWithoutScripts(browser, baseURL ?? "", path, theme);
    });
  }
}
