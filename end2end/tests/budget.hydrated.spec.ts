import { test, expect, waitForHydration } from "./fixtures";
import { brotliCompressSync, constants } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BUDGET = Number(readFileSync(join(__dirname, "..", "..", "bench", "bundle-budget-bytes"), "utf8").trim());

/**
 * What a first visit really downloads (every script, stylesheet and WASM module the browser
 * fetched until the page and its lazy islands are live, plus the inline scripts), each
 * compressed with brotli at quality 11 as the server stores them. The same budget as
 * scripts/bundle_budget.py applies to `/` there; this covers pages with lazy islands, whose
 * chunks are only known once the browser asks for them.
 */
for (const path of ["/map"]) {
  test(`the first load of ${path} stays within the bundle budget`, async ({ page }, testInfo) => {
    const bodies: { url: string; size: number }[] = [];
    page.on("response", async (response) => {
      const url = new URL(response.url());
      if (!/\.(js|wasm|css)$/.test(url.pathname)) return;
      const body = await response.body();
      bodies.push({ url: url.pathname, size: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
    });
    await page.goto(path);
    await waitForHydration(page);
    if (path === "/map") await page.locator("#topic-map .map-node").first().hover();
    await page.waitForLoadState("networkidle");
    const inline = await page.$$eval('script:not([src]):not([type="application/ld+json"])', (scripts) => scripts.map((s) => s.textContent ?? "").join(""));
    const inlineSize = brotliCompressSync(Buffer.from(inline), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const total = bodies.reduce((sum, b) => sum + b.size, 0) + inlineSize;
    const table = [...bodies.map((b) => `${b.url}: ${b.size}`), `inline scripts: ${inlineSize}`, `total: ${total} of ${BUDGET}`].join("\n");
    await testInfo.attach(`bundle ${path}`, { body: table, contentType: "text/plain" });
    console.log(`first load of ${path} (brotli):\n${table}`);
    expect(bodies.some((b) => b.url.endsWith(".wasm")), "WASM loaded").toBe(true);
    expect(total, table).toBeLessThanOrEqual(BUDGET);
  });
}
