import { test, expect, waitForHydration, expectNoAxeViolations } from "./fixtures";

const SITE = "Internet Issues Explorer";

test("links between issues navigate on the client, and back works", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  // A full page load would wipe this marker; client-side navigation keeps it.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));

  await page.getByRole("link", { name: "Domain Name System (DNS)", exact: true }).click();
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");
  await expect(page).toHaveTitle(`Domain Name System (DNS) · ${SITE}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /address book/);

  const related = page.getByRole("region", { name: "How it connects" });
  await related.getByRole("link", { name: "Domain Name System Security Extensions (DNSSEC)" }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System Security Extensions (DNSSEC)");
  await expect(page).toHaveTitle(`Domain Name System Security Extensions (DNSSEC) · ${SITE}`);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");

  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveTitle(SITE);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");
});

test("previous and next walk the issues in order", async ({ page }) => {
  await page.goto("/issues/women-in-tech");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/artificial-intelligence$/);
  await expect(page.getByText("Emerging issue", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/blockchain$/);
  await expect(page.getByRole("link", { name: /Next/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page).toHaveURL(/\/issues\/artificial-intelligence$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("focus area filters narrow the listing without a reload", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await expect(page.locator(".issue-card")).toHaveCount(26);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  const filters = page.getByRole("navigation", { name: "Filter by focus area" });
  await filters.getByRole("list").getByRole("link", { name: "Building Trust" }).click();
  await expect(page).toHaveURL(/\?focus=building-trust$/);
  await expect(page.getByRole("link", { name: "Privacy", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Internet Exchange Points (IXPs)" })).toHaveCount(0);
  const chips = filters.getByRole("list");
  await expect(chips.getByRole("link", { name: "Building Trust" })).toHaveAttribute("aria-current", "page");
  await expect(chips.getByRole("link", { name: "All issues" })).not.toHaveAttribute("aria-current", /.*/);
  await chips.getByRole("link", { name: "All issues" }).click();
  await expect(page.locator(".issue-card")).toHaveCount(26);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("an unknown issue shows the 404 page with a way back", async ({ page, expectNotFound }) => {
  expectNotFound(/\/issues\/no-such-issue$/);
  const response = await page.goto("/issues/no-such-issue");
  expect(response?.status()).toBe(404);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Browse all issues" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".issue-card")).toHaveCount(26);
});

test("client navigation to an unknown issue shows the not-found page", async ({ page, expectNotFound }) => {
  // The islands router fetches the new page's HTML, which answers 404.
  expectNotFound(/\/issues\/gone$/);
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.evaluate(() => {
    // Push a bad URL through the router, as a stale link would.
    const link = document.createElement("a");
    link.href = "/issues/gone";
    link.textContent = "stale";
    document.querySelector("main")?.append(link);
    link.click();
  });
  await expect(page).toHaveURL(/\/issues\/gone$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("There is no issue called “gone”.")).toBeVisible();
});

test("a client-side navigation starts the new page at the top with focus on it", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto("/");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  const blockchain = page.getByRole("link", { name: "Blockchain", exact: true });
  await blockchain.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await blockchain.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Blockchain");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator("main")).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("the skip link moves focus to the content without fetching the page again", async ({ page }) => {
  await page.goto("/issues/tls");
  await waitForHydration(page);
  // Chromium may re-check the favicon on a fragment change; the page itself must not reload.
  const pageFetches: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/issues/tls") pageFetches.push(request.url());
  });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/issues\/tls#main$/);
  await expect(page.locator("main")).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/tls$/);
  expect(pageFetches).toEqual([]);
});

test("connection lists of different lengths are replaced, not merged", async ({ page }) => {
  // Building Trust has five connections and DNSSEC four: a node-by-node patch would leave one.
  await page.goto("/issues/building-trust");
  await waitForHydration(page);
  const related = page.locator(".issue__connections li");
  await expect(related).toHaveCount(5);
  await page.locator(".issue__connections").getByRole("link", { name: "Domain Name System Security Extensions (DNSSEC)" }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  const fresh = await (await page.request.get("/issues/dnssec")).text();
  const expected = (fresh.match(/<li data-relation=/g) ?? []).length;
  expect(expected).toBeGreaterThan(2);
  await expect(related).toHaveCount(expected);
  // Each connection keeps its grouping heading and its reason after the client-side swap.
  await expect(page.getByRole("heading", { level: 3, name: "DNSSEC protects" })).toBeVisible();
});

test("pages carry a hash-based Content-Security-Policy that hydration and navigation respect", async ({ page }) => {
  const response = await page.goto("/issues/ipv6");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+ 'wasm-unsafe-eval'/);
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("nonce-");
  await waitForHydration(page);
  // Client-side navigations to pages with other inline scripts (JSON-LD, the search results
  // island, the map) and to the 404 page, which keeps a per-request nonce.
  await page.locator(".issue__connections").getByRole("link").first().click();
  await expect(page).not.toHaveURL(/\/issues\/ipv6$/);
  await page.locator('a[data-shortcut="map"]').click();
  await expect(page).toHaveURL(/\/map$/);
  await page.locator('a[data-shortcut="home"]').click();
  await expect(page).toHaveURL(/\/$/);
  // The fixture fails the test on any CSP violation or console error.
});

test("the 404 page, rendered per request, hydrates under its nonce", async ({ page, expectNotFound }) => {
  expectNotFound(/\/no-such-page$/);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  expect(response?.headers()["content-security-policy"] ?? "").toMatch(/'nonce-[\w-]{16,}'/);
  await waitForHydration(page);
});

test("a normal load after the islands router fetched the same page gets the full page", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  // The router fetches /issues/dns with an Islands-Router header: a shorter document with no
  // hydration scripts. The browser's HTTP cache keeps it; Vary must keep it from a normal load.
  const routerFetch = page.waitForResponse(
    (response) => response.url().endsWith("/issues/dns") && response.request().headers()["islands-router"] !== undefined,
  );
  await page.getByRole("link", { name: "Domain Name System (DNS)", exact: true }).click();
  expect((await routerFetch).status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");

  await page.goto("/issues/dns");
  await waitForHydration(page);
  await expect(page.locator('script[type="module"]')).not.toHaveCount(0);
});

test("every asset the page links loads", async ({ page }) => {
  await page.goto("/");
  const urls = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement | HTMLImageElement>("link[href], script[src], img[src]")]
      .map((element) => ("href" in element && element.href) || ("src" in element && element.src) || "")
      .filter((url) => url.startsWith(location.origin)),
  );
  expect(urls.some((url) => url.endsWith(".css"))).toBe(true);
  expect(urls.some((url) => url.endsWith(".wasm"))).toBe(true);
  for (const url of new Set(urls)) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
  }
});

// ---------- search ----------

const searchBox = (page: import("@playwright/test").Page) => page.getByRole("searchbox", { name: "Search the issues" });
const resultTitles = (page: import("@playwright/test").Page) => page.locator(".search-results__list .search-result__title");

test("typing searches in place, keeps one history entry, and back restores box and results", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  await searchBox(page).click();
  // The first keystroke opens the results page in place (one history entry)...
  await page.keyboard.type("b");
  await expect(page).toHaveURL(/\/\?q=b$/);
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "true");
  const entries = await page.evaluate(() => history.length);
  // ...and the keystrokes after it replace that entry.
  await page.keyboard.type("gp");
  await expect(page).toHaveURL(/\/\?q=bgp$/);
  await expect(resultTitles(page).first()).toHaveText("Securing Border Gateway Protocol (BGP)");
  await expect(resultTitles(page).first().locator("mark")).toHaveText(["Border", "Gateway", "Protocol", "BGP"]);
  const count = await resultTitles(page).count();
  await expect(page.getByRole("status")).toHaveText(count === 1 ? "1 issue matches “bgp”" : `${count} issues match “bgp”`);
  await expect(page.locator(".explorer__listing")).toBeHidden();
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // A filter chip combines with the query and shows counts for it.
  const filters = page.getByRole("navigation", { name: "Filter by focus area" });
  const security = filters.getByRole("link", { name: /Improving Technical Security/ });
  await expect(security.locator(".chip__count")).not.toHaveText(/^\s*,?\s*0/);
  await security.click();
  await expect(page).toHaveURL(/\?q=bgp&focus=improving-technical-security$/);
  await expect(resultTitles(page).first()).toHaveText("Securing Border Gateway Protocol (BGP)");
  await expect(filters.getByRole("link", { name: /Improving Technical Security/ })).toHaveAttribute("aria-current", "page");

  await page.goBack();
  await expect(page).toHaveURL(/\/\?q=bgp$/);
  await expect(searchBox(page)).toHaveValue("bgp");
  await expect(resultTitles(page).first()).toHaveText("Securing Border Gateway Protocol (BGP)");
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("a chip clicked right after typing keeps the typed query in the entry it leaves", async ({ page }) => {
  // The address is recorded when the browser is idle: following a link at once must not
  // lose it, nor record it over the link's address.
  await page.goto("/?q=b");
  await waitForHydration(page);
  await expect(page.locator("[data-search-results]")).toHaveAttribute("data-ready", "true");
  await searchBox(page).press("End");
  await page.keyboard.type("gp");
  await page.getByRole("navigation", { name: "Filter by focus area" }).getByRole("link", { name: /Improving Technical Security/ }).click();
  await expect(page).toHaveURL(/\?q=bgp&focus=improving-technical-security$/);
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\?q=bgp&focus=improving-technical-security$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?q=bgp$/);
  await expect(searchBox(page)).toHaveValue("bgp");
});

test("slash focuses the search from an issue page, typing goes to the results, Esc clears", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  await page.getByRole("link", { name: "All issues" }).first().focus();
  await page.keyboard.press("/");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type("privasy", { delay: 30 });
  await expect(page).toHaveURL(/\/\?q=privasy$/);
  await expect(resultTitles(page).first()).toHaveText("Privacy");
  await expect(searchBox(page)).toHaveValue("privasy");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(searchBox(page)).toHaveValue("");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".explorer__listing")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("arrow keys move through the results and Enter opens one on the client", async ({ page }) => {
  await page.goto("/?q=dns");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
  const links = page.locator(".search-results__list a");
  await expect(links.first()).toBeVisible();
  await searchBox(page).focus();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const first = await links.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${first}$`));
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("kept");
});

test("a search without results says so and offers the closest issues", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await searchBox(page).fill("dnsex quux");
  await expect(page.getByText("No issue matches “dnsex quux”.")).toBeVisible();
  await expect(page.locator(".search-results__suggestions a")).toHaveCount(3);
  await expect(page.getByRole("status")).toHaveText("No issues match “dnsex quux”");
});

test("the browser ranks exactly as the server does", async ({ page }) => {
  for (const query of ["bgp", "domain name system", "privasy", "enc", "internet of things", "e-mail", "trust", "goverance", "routing security", "ixp"]) {
    await page.goto(`/?q=${encodeURIComponent(query)}`);
    await waitForHydration(page);
    const fromServer = await resultTitles(page).allTextContents();
    expect(fromServer.length, query).toBeGreaterThan(0);
    // Clear the server's results through the client first, so what follows is the client's.
    await searchBox(page).fill("zzzzzz");
    await expect(page.getByText("No issue matches “zzzzzz”.")).toBeVisible();
    await searchBox(page).fill("");
    await searchBox(page).pressSequentially(query);
    await expect(page.getByRole("status")).toContainText(`“${query}”`);
    await expect.poll(() => resultTitles(page).allTextContents(), { message: query }).toEqual(fromServer);
  }
});

test("an unknown issue address suggests the closest issues", async ({ page, expectNotFound }) => {
  expectNotFound(/\/issues\/dnsec$/);
  const response = await page.goto("/issues/dnsec");
  expect(response?.status()).toBe(404);
  const suggestions = page.locator(".error-page__suggestions a");
  await expect(suggestions.nth(0)).toHaveText("Domain Name System Security Extensions (DNSSEC)");
  await expect(suggestions.nth(1)).toHaveText("Domain Name System (DNS)");
});

test("the search code loads only where results are shown", async ({ page }) => {
  const chunks: string[] = [];
  page.on("request", (request) => {
    if (/\/pkg\/split_.*\.wasm$/.test(new URL(request.url()).pathname)) chunks.push(request.url());
  });
  await page.goto("/");
  await waitForHydration(page);
  await page.goto("/issues/dns");
  await waitForHydration(page);
  expect(chunks, "no lazy chunk on pages without results").toEqual([]);
  await page.goto("/?q=bgp");
  await waitForHydration(page);
  await searchBox(page).fill("bgpx");
  await expect(page.getByText("No issue matches “bgpx”.")).toBeVisible();
  expect(chunks.length, "the results island's chunk").toBeGreaterThan(0);
});

test("an active filter chip toggles off, and back and forward restore both states", async ({ page }) => {
  await page.goto("/?q=privacy&focus=building-trust");
  await waitForHydration(page);
  const filters = page.getByRole("navigation", { name: "Filter by focus area" });
  const trust = filters.getByRole("link", { name: /Building Trust/ });
  await expect(trust).toHaveAttribute("aria-current", "page");
  await trust.click();
  await expect(page).toHaveURL(/\/\?q=privacy$/);
  await expect(filters.getByRole("link", { name: /Building Trust/ })).not.toHaveAttribute("aria-current", /.*/);
  await expect(resultTitles(page).first()).toHaveText("Privacy");
  await page.goBack();
  await expect(page).toHaveURL(/focus=building-trust$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/\?q=privacy$/);
  await expect(searchBox(page)).toHaveValue("privacy");
  await expect(resultTitles(page).first()).toHaveText("Privacy");
});

test("a glossary link in an issue's text opens the entry on the client, and back returns", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  const term = page.locator(".prose a.term").filter({ hasText: /^ICANN$/ });
  await expect(term.locator("abbr")).toHaveAttribute("title", "Internet Corporation for Assigned Names and Numbers");
  await term.click();
  await expect(page).toHaveURL(/\/glossary#icann$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  await expect(page.locator("#icann")).toBeInViewport();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");
  // From the entry to another issue that uses the term, then back twice.
  const entry = page.locator(".glossary__entry").filter({ has: page.locator("#icann") });
  await entry.getByRole("link", { name: "Internet Governance" }).click();
  await expect(page).toHaveURL(/\/issues\/internet-governance$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/glossary#icann$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");
  await expect(page.getByRole("heading", { level: 2, name: "Key facts" })).toBeVisible();
});

test("client navigation between issues replaces overview, facts and standards", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.getByRole("link", { name: "RFC 9364" })).toBeVisible();
  await expect(page.getByRole("link", { name: "RFC 1034" })).toHaveCount(0);
  const overview = await (await page.request.get("/api/issues/dnssec")).json();
  const firstParagraph = overview.overview_text.split("\n\n")[0].replace(/\s+/g, " ");
  await expect(page.locator(".prose p").first()).toHaveText(firstParagraph);
});

for (const path of ["/", "/issues/securing-bgp", "/issues/blockchain", "/glossary", "/changes", "/?q=encryption", "/no-such-page"]) {
  test(`axe finds no violations on ${path} once hydrated`, async ({ page, expectNotFound }) => {
    expectNotFound(/\/no-such-page$/);
    await page.goto(path);
    await waitForHydration(page);
    await expectNoAxeViolations(page, `${path} (hydrated)`);
  });
}

test("the canonical address and preview tags follow client-side navigation", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  const canonical = page.locator('link[rel="canonical"]');
  await expect(canonical).toHaveCount(1);
  await expect(canonical).toHaveAttribute("href", /\/issues\/dnssec$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Domain Name System Security Extensions (DNSSEC)");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /\/issues\/dnssec$/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(2);
});

test("the theme switches at once, without a reload, and the server remembers it", async ({ page, context }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const form = page.getByRole("group", { name: "Theme" });
  await expect(form.getByRole("button", { name: "Apply" })).toBeHidden();
  await form.getByLabel("Dark").check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(17, 21, 28)");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect((await context.cookies()).find((cookie) => cookie.name === "theme")?.value).toBe("dark");
  // Pages fetched by the islands router and full loads both come in the chosen theme.
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("group", { name: "Theme" }).getByLabel("Dark")).toBeChecked();
  // Keyboard: arrows move the choice, and each choice applies at once.
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  // "System" clears the cookie: the same cacheable pages as a visitor who never chose.
  expect((await context.cookies()).find((cookie) => cookie.name === "theme")).toBeUndefined();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("a chosen theme stays through client-side navigation", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "theme", value: "dark", url: baseURL ?? "" }]);
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectNoAxeViolations(page, "/issues/dnssec (dark, hydrated)");
});

for (const theme of ["light", "dark"]) {
  for (const path of ["/", "/issues/securing-bgp", "/map?issue=dns", "/glossary"]) {
    test(`axe finds no violations on ${path} in the ${theme} theme`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
      await page.goto(path);
      await waitForHydration(page);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expectNoAxeViolations(page, `${path} (${theme})`);
    });
  }
}

/** Presses Tab until the focused element is a link whose href ends with `href`. */
async function tabToLink(page: import("@playwright/test").Page, href: string): Promise<void> {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ?? "");
    if (focused === href) return;
  }
  throw new Error(`Tab never reached a link to ${href}`);
}

test("a whole journey works with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await tabToLink(page, "/issues/dns");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");
  await tabToLink(page, "/issues/dnssec");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System Security Extensions (DNSSEC)");
  // Back to the listing through the breadcrumb, then into another focus area.
  await tabToLink(page, "/");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await tabToLink(page, "/?focus=building-trust");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?focus=building-trust$/);
  await expect(page.locator(".issue-card")).toHaveCount(6);
});

test("keyboard shortcuts: arrows step through issues, g h and g m jump, ? lists them", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/issues\/dnssec$/);
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/\/issues\/dns$/);
  // Modifier keys and typing in a field do nothing.
  await page.keyboard.press("Control+ArrowRight");
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await page.keyboard.press("g");
  await page.keyboard.press("m");
  await expect(page).toHaveURL(/\/map$/);
  await page.keyboard.press("g");
  await page.keyboard.press("h");
  await expect(page).toHaveURL(/\/$/);
  await page.locator('.issue-card a[href="/issues/privacy"]').first().focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  expect(await help.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await expect(help.getByText("The topic map")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Privacy");
  await page.getByRole("searchbox").first().focus();
  await page.keyboard.type("gh");
  await expect(page).toHaveURL(/\?q=gh$/);
});
