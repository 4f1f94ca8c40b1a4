import { test as base, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type Fixtures = {
  /**
   * Console problems seen so far. Any console error, uncaught page error, or warning that
   * mentions hydration fails the test, so a silent hydration mismatch cannot pass.
   */
  problems: string[];
  /**
   * Declares a URL the test expects to answer 404. Chromium logs every 404 response as a
   * console error; only those for declared URLs are excused.
   */
  expectNotFound: (url: RegExp) => void;
};

export const test = base.extend<Fixtures & { notFoundAllowed: RegExp[] }>({
  notFoundAllowed: async ({}, use) => use([]),
  expectNotFound: async ({ notFoundAllowed }, use) => use((url) => notFoundAllowed.push(url)),
  problems: [
    async ({ page, notFoundAllowed }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        const url = message.location().url;
        const excused =
          text.includes("status of 404") && notFoundAllowed.some((pattern) => pattern.test(url));
        // An island whose WASM function is missing stays dead with only a warning.
        if ((message.type() === "error" && !excused) || /hydrat|island/i.test(text)) {
          problems.push(`console.${message.type()}: ${text} (${url})`);
        }
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      // Content-Security-Policy violations are reported as events, too; collect them.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, "console errors, page errors or hydration warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the WASM bundle has hydrated the page (the frontend marks <body>) and, where
 * the page shows search results, until their lazily loaded island is live (it marks itself).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const results = page.locator("[data-search-results]");
  if ((await results.count()) > 0) await expect(results).toHaveAttribute("data-ready", "true");
}

/** Slugs and titles of all issues, from the JSON API the server offers integrators. */
export async function allIssues(page: Page): Promise<{ slug: string; title: string }[]> {
  const response = await page.request.get("/api/issues");
  expect(response.status()).toBe(200);
  const index = await response.json();
  return index.sections.flatMap((section: { issues: { slug: string; title: string }[] }) => section.issues);
}

/**
 * Runs axe-core over the page as it stands and fails with each violation's rule, help text
 * and first few offending elements. Works with JavaScript disabled too: axe runs in
 * Playwright's own script context, not the page's.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")})`,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * axe-core over a page as a visitor without JavaScript gets it. axe cannot run where
 * JavaScript is off, so this loads the page in a fresh context with every <script> element
 * removed from the server's HTML (and script files refused): the DOM is the server's
 * rendering, untouched by hydration.
 */
export async function expectNoAxeViolationsWithoutScripts(
  browser: Browser,
  baseURL: string,
  path: string,
  theme?: "light" | "dark",
): Promise<void> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  if (theme) await context.addCookies([{ name: "theme", value: theme, url: baseURL }]);
  try {
    const page = await context.newPage();
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (request.resourceType() === "script") return route.abort();
      if (request.resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
      await route.fulfill({ response, body: html });
    });
    await page.goto(path);
    expect(await page.locator("script").count(), "scripts left in the page").toBe(0);
    if (theme) await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await expectNoAxeViolations(page, `${path} (without JavaScript${theme ? `, ${theme}` : ""})`);
  } finally {
    await context.close();
  }
}
