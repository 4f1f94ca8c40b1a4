// Keystroke-to-results latency of the search island in Debian Chromium: for each of 68
// keystrokes (typing and erasing words), the time from the keydown event to the first
// change of the results on the page (a MutationObserver on the island). Prints median and
// worst. Usage: node search-latency.mjs [BASE_URL]   (bench/search-latency.sh runs it)
import { launchSearch, typeWords } from "./search-typing.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3200";
const { browser, page } = await launchSearch(base);
await page.evaluate(() => {
  const w = window;
  w.latencies = [];
  addEventListener("keydown", (event) => { w.started = performance.now(); w.key = event.key; }, true);
  new MutationObserver(() => {
    if (w.started !== undefined) {
      w.latencies.push({ ms: performance.now() - w.started, key: w.key, query: document.querySelector("#site-search-q").value });
      w.started = undefined;
    }
  }).observe(document.querySelector("[data-search-results]"), { subtree: true, childList: true, characterData: true, attributes: true });
});
const keystrokes = await typeWords(page);
const measured = await page.evaluate(() => window.latencies);
const latencies = measured.map((m) => m.ms).sort((a, b) => a - b);
await browser.close();
if (process.env.SHOW_SLOWEST) {
  for (const m of [...measured].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.SHOW_SLOWEST))) {
    console.log(`  ${m.ms.toFixed(1)} ms: ${m.key} → "${m.query}"`);
  }
}
const median = latencies[Math.floor(latencies.length / 2)];
console.log(`keystrokes: ${keystrokes}, measured: ${latencies.length}`);
console.log(`keystroke to results: median ${median.toFixed(2)} ms, worst ${latencies.at(-1).toFixed(2)} ms`);
if (latencies.length < keystrokes) process.exitCode = 1;
