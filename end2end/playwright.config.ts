import { defineConfig } from "@playwright/test";

// The server under test is started by scripts/test (release build) or by hand; see README.
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3100";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without these flags Chromium keeps trying to reach hosts this machine cannot see.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "hydrated", testMatch: /hydrated\.spec\.ts$/, use: { javaScriptEnabled: true } },
    { name: "no-js", testMatch: /no-js\.spec\.ts$/, use: { javaScriptEnabled: false } },
    // The static export behind a plain file server (scripts/static_export_test.sh).
    { name: "static", testMatch: /static\.spec\.ts$/, use: { javaScriptEnabled: true } },
  ],
});
