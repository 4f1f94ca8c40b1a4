// The typing that search-latency.mjs measures and search-trace.mjs traces: the results page
// with the search data fetched, then 68 keystrokes typing and erasing four words.

import { chromium } from "@playwright/test";

/** Starts Debian Chromium with the results page open and the search data in. */
export async function launchSearch(base) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage();
  await openSearch(page, base);
  return { browser, page };
}

/** Opens the results page in `page` and waits until the search data is in. */
async function openSearch(page, base) {
  await page.goto(`${base}/?q=a`);
  await page.waitForFunction(() => document.body.dataset.hydrated === "true");
  const box = page.locator("#site-search-q");
  await box.fill("");
  // Warm up: the first keystroke fetches the search data.
  await box.pressSequentially("x");
  await page.waitForFunction(() => document.querySelector("[role=status]")?.textContent?.includes("“x”"));
  await box.fill("");
}

/** Types and erases each word, one key every 40 ms; returns the number of keystrokes. */
export async function typeWords(page) {
  const words = ["privacy", "routing", "encryption", "governance"];
  let keystrokes = 0;
  for (const word of words) {
    for (const letter of word) {
      await page.keyboard.press(letter);
      await page.waitForTimeout(40);
      keystrokes++;
    }
    for (let i = 0; i < word.length; i++) {
      await page.keyboard.press("Backspace");
      await page.waitForTimeout(40);
      keystrokes++;
    }
  }
  return keystrokes;
}
