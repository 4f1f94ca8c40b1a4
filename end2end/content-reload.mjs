// Edit → visible in the browser for a content edit under `cargo leptos watch`
// (bench/content-reload.sh starts the watcher): Chromium shows /issues/dns; RUNS times the
// script appends a unique sentence to content/issues/dns.md and measures the time until
// the page in the browser shows it (the server reloads the content, cargo-leptos reloads
// the page). Then it breaks the front matter and measures the time until the browser shows
// the error page with file:line:column, and back after the fix. Restores the file.
// Usage: node content-reload.mjs BASE_URL CONTENT_FILE
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const [base, file] = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 5);
const original = readFileSync(file, "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.goto(`${base}/issues/dns`);

// Waits until the page the browser shows contains `text` (reloads replace the document).
async function visible(text, started) {
  await page.waitForFunction((t) => document.body?.innerText.includes(t), text, { timeout: 30_000, polling: 20 });
  return Math.round(performance.now() - started);
}

const times = [];
let broken, fixed;
try {
  for (let run = 1; run <= runs; run++) {
    const marker = `Reload check ${run} ${Date.now()}.`;
    const started = performance.now();
    writeFileSync(file, `${original}\n${marker}\n`);
    times.push(await visible(marker, started));
    writeFileSync(file, original);
    await visible("How it connects", performance.now());
    await page.waitForTimeout(1500);
  }
  let started = performance.now();
  writeFileSync(file, original.replace('focus_areas = ["improving-technical-security"]', 'focus_areas = ["nowhere"]'));
  broken = await visible("issues/dns.md:", started);
  started = performance.now();
  writeFileSync(file, original);
  fixed = await visible("How it connects", started);
} finally {
  writeFileSync(file, original);
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log("| change | edit → visible in Chromium (ms) |");
console.log("|---|---:|");
console.log(`| overview edit, median of ${runs} (all: ${sorted.join(", ")}) | ${sorted[Math.floor((runs - 1) / 2)]} |`);
console.log(`| broken front matter → error page with file:line:column | ${broken} |`);
console.log(`| fixed → the page again | ${fixed} |`);
