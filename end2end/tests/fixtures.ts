import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every test fails on any console error, uncaught page error, or warning that mentions
 * hydration, so a silent hydration mismatch cannot pass.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" || /hydrat/i.test(text)) {
          problems.push(`console.${message.type()}: ${text}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      await use(problems);
      expect(problems, "console errors, page errors or hydration warnings").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the WASM bundle has hydrated the page (the frontend marks <body>). */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

/** Slugs and titles of all issues, from the JSON API the server offers integrators. */
export async function allIssues(page: Page): Promise<{ slug: string; title: string }[]> {
  const response = await page.request.get("/api/issues");
  expect(response.status()).toBe(200);
  const index = await response.json();
  return index.sections.flatMap((section: { issues: { slug: string; title: string }[] }) => section.issues);
}
