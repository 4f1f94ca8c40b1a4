import { test, expect, waitForHydration, expectNoAxeViolations } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

const node = (page: Page, slug: string): Locator => page.locator(`#topic-map .map-node[data-slug="${slug}"]`);

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.locator(".map-node__disc").boundingBox();
  if (!box) throw new Error("node not drawn");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function focusedSlug(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest(".map-node")?.getAttribute("data-slug") ?? null);
}

test("hovering and focusing a node lights up it and its neighbours and fills the panel", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  await expect(page.getByRole("button", { name: "Zoom in" })).toBeVisible();
  await node(page, "dns").hover();
  await expect(node(page, "dns")).toHaveClass(/is-active/);
  const related = await (await page.request.get("/api/issues/dns")).json();
  const neighbours: string[] = related.related.map((link: { slug: string }) => link.slug);
  for (const slug of neighbours) await expect(node(page, slug)).toHaveClass(/is-neighbour/);
  await expect(node(page, "blockchain")).not.toHaveClass(/is-neighbour|is-active/);
  await expect(page.locator("#topic-map")).toHaveClass(/has-active/);
  const activeEdges = page.locator("#topic-map .map-edge.is-active");
  await expect(activeEdges).toHaveCount(neighbours.length);
  const panel = page.locator(".map-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Domain Name System (DNS)");
  await expect(panel.getByRole("listitem")).toHaveCount(neighbours.length);

  await node(page, "privacy").focus();
  await expect(node(page, "privacy")).toHaveClass(/is-active/);
  await expect(node(page, "dns")).not.toHaveClass(/is-active/);
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Privacy");
  await expect(page).toHaveURL(/\/map\?issue=privacy$/);
});

test("the relation legend narrows the lines by keyboard, and the panel words each connection", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  const chip = page.getByRole("navigation", { name: /Kinds of connection/ }).getByRole("link", { name: "Is part of / includes" });
  await chip.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/map\?relation=part-of$/);
  await expect(page.locator("#topic-map .map-edge:not(.map-edge--part-of)")).toHaveCount(0);
  await expect(page.locator("#topic-map .map-edge.map-edge--part-of").first()).toBeVisible();
  await node(page, "privacy").focus();
  await expect(page.locator(".map-panel:not([hidden])")).toContainText("is part of Building Trust");
  await expectNoAxeViolations(page, "/map?relation=part-of (hydrated)");
});

test("arrow keys move focus to the nearest node in that direction", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  await node(page, "dns").focus();
  const moves: [string, (from: { x: number; y: number }, to: { x: number; y: number }) => boolean][] = [
    ["ArrowUp", (from, to) => to.y < from.y],
    ["ArrowRight", (from, to) => to.x > from.x],
    ["ArrowDown", (from, to) => to.y > from.y],
    ["ArrowLeft", (from, to) => to.x < from.x],
  ];
  for (const [key, inDirection] of moves) {
    const fromSlug = await focusedSlug(page);
    const from = await centre(node(page, fromSlug ?? ""));
    await page.keyboard.press(key);
    const toSlug = await focusedSlug(page);
    expect(toSlug, `${key} from ${fromSlug}`).not.toBe(fromSlug);
    const to = await centre(node(page, toSlug ?? ""));
    expect(inDirection(from, to), `${key}: ${fromSlug} → ${toSlug}`).toBe(true);
    await expect(node(page, toSlug ?? "")).toHaveClass(/is-active/);
  }
});

test("Enter opens a node on the client and Back returns to the map with it selected", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  await node(page, "ipv6").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/issues\/ipv6$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("IPv6");
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same document");
  await page.goBack();
  await expect(page).toHaveURL(/\/map\?issue=ipv6$/);
  await expect(node(page, "ipv6")).toHaveClass(/is-active/);
  await expect(page.locator(".map-panel").getByRole("heading", { level: 2 })).toHaveText("IPv6");
});

test("labels and nodes do not overlap as drawn, and the zoom buttons scale the map", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/map");
  await waitForHydration(page);
  const boxes = await page.$$eval("#topic-map .map-node__label, #topic-map .map-node__disc", (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { name: `${element.closest(".map-node")?.getAttribute("data-slug")} ${element.getAttribute("class")}`, box: [box.left, box.top, box.right, box.bottom] };
    }),
  );
  expect(boxes.length).toBe(52);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i].box, boxes[j].box];
      const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
      expect(overlap, `${boxes[i].name} overlaps ${boxes[j].name}`).toBe(false);
    }
  }
  const svg = page.locator("#topic-map");
  const svgBox = await svg.boundingBox();
  for (const { name, box } of boxes) {
    expect(box[0] >= (svgBox?.x ?? 0) && box[2] <= (svgBox?.x ?? 0) + (svgBox?.width ?? 0), `${name} cut off`).toBe(true);
  }
  const before = svgBox?.width ?? 0;
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => (await svg.boundingBox())?.width ?? 0).toBeGreaterThan(before * 1.2);
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect.poll(async () => Math.round((await svg.boundingBox())?.width ?? 0)).toBe(Math.round(before));
});

test("focus chips and a search dim and ring the map", async ({ page }) => {
  await page.goto("/map");
  await waitForHydration(page);
  await page.getByRole("navigation", { name: "Dim the map to a focus area" }).getByRole("link", { name: "Building Trust" }).click();
  await expect(page).toHaveURL(/\/map\?focus=building-trust$/);
  await expect(node(page, "dns")).toHaveClass(/is-outside/);
  await expect(node(page, "privacy")).not.toHaveClass(/is-outside/);
  await page.getByLabel("Highlight issues matching").fill("bgp");
  await page.getByRole("button", { name: "Highlight" }).click();
  await expect(page).toHaveURL(/\/map\?q=bgp&focus=building-trust$/);
  await expect(node(page, "securing-bgp")).toHaveClass(/is-match/);
});

for (const width of [375, 1280]) {
  test(`screenshot of /map at ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/map?issue=securing-bgp");
    await waitForHydration(page);
    const path = testInfo.outputPath(`map-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`map-${width}`, { path, contentType: "image/png" });
    // Wide or narrow, the drawing is there and reachable: on a phone it scrolls in its box.
    await expect(page.locator("#topic-map")).toBeVisible();
    const viewport = page.locator("#map-viewport");
    const scrollable = await viewport.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrollable).toBe(width < 1000);
  });
}

test("axe finds no violations on /map once hydrated", async ({ page }) => {
  await page.goto("/map?issue=dns");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/map (hydrated)");
});
