// Traces the keystrokes of search-latency.mjs in Chromium and prints, for the slowest, the
// wall time (keydown to the results' change), the input event's wall and CPU time, and what
// the renderer's main thread spent the most time on meanwhile. A keystroke whose wall time
// is far above its CPU time waited for a core (other processes, or the hypervisor's steal).
// Usage: node search-trace.mjs [BASE_URL]   (TOP=N for more keystrokes; the trace is kept
// in /tmp/search-trace.json for chrome://tracing or Perfetto)
import fs from "node:fs";
import { launchSearch, typeWords } from "./search-typing.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3200";
const tracePath = "/tmp/search-trace.json";
const { browser, page } = await launchSearch(base);
// Each keystroke becomes a user-timing measure, from its keydown to the results' change.
await page.evaluate(() => {
  const w = window;
  w.keys = 0;
  addEventListener("keydown", () => { w.keys++; w.open = true; performance.mark(`k${w.keys}`); }, true);
  new MutationObserver(() => {
    if (w.open) {
      w.open = false;
      performance.measure(`"${document.querySelector("#site-search-q").value}"`, `k${w.keys}`);
    }
  }).observe(document.querySelector("[data-search-results]"), { subtree: true, childList: true, characterData: true, attributes: true });
});
await browser.startTracing(page, {
  path: tracePath,
  categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.gc"],
});
await typeWords(page);
await browser.stopTracing();
await browser.close();

const { traceEvents } = JSON.parse(fs.readFileSync(tracePath, "utf8"));
const opened = new Map();
const keystrokes = [];
for (const e of traceEvents) {
  if (!e.cat?.includes("blink.user_timing") || !e.name.startsWith('"')) continue;
  const id = e.id2?.local ?? e.id;
  if (e.ph === "b") opened.set(id, e);
  const begin = opened.get(id);
  if (e.ph === "e" && begin) keystrokes.push({ query: e.name, ts: begin.ts, dur: e.ts - begin.ts, pid: begin.pid, tid: begin.tid });
}
const ms = (us) => (us / 1000).toFixed(1);
const mainThread = (k) => traceEvents.filter((e) => e.ph === "X" && e.pid === k.pid && e.tid === k.tid && e.ts >= k.ts && e.ts < k.ts + k.dur);
keystrokes.sort((a, b) => b.dur - a.dur);
console.log(`keystrokes traced: ${keystrokes.length}`);
for (const k of keystrokes.slice(0, Number(process.env.TOP ?? 5))) {
  const events = mainThread(k);
  const input = events.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "input");
  console.log(`\n${k.query}: ${ms(k.dur)} ms; input event ${input ? `${ms(input.dur)} ms wall, ${ms(input.tdur ?? 0)} ms CPU` : "not found"}`);
  for (const e of events.filter((e) => e.dur >= 500).sort((a, b) => b.dur - a.dur).slice(0, 6)) {
    console.log(`  ${ms(e.dur).padStart(6)} ms  ${e.name} ${e.args?.data?.type ?? ""}`);
  }
}
