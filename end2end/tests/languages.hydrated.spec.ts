import { test, expect, waitForHydration, expectNoAxeViolations } from "./fixtures";

const html = (page: import("@playwright/test").Page) => page.locator("html");
const switcher = (page: import("@playwright/test").Page, name: string) =>
  page.getByRole("navigation", { name }).getByRole("link");

const marker = (page: import("@playwright/test").Page) =>
  page.evaluate(() => (window as unknown as { marker?: string }).marker);

test("switching language mid-journey, and back and forward keep each page's language", async ({ page }) => {
  await page.goto("/issues/dns");
  await waitForHydration(page);

  // A switch loads the other language's page as a document of its own.
  await switcher(page, "Language").getByText("Français").click();
  await expect(page).toHaveURL(/\/fr\/issues\/dns$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Système de noms de domaine (DNS)");
  await expect(page.getByRole("searchbox", { name: "Rechercher parmi les enjeux" })).toBeVisible();
  await waitForHydration(page);
  // Within a language, links navigate on the client.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));

  const related = page.getByRole("region", { name: "Liens avec les autres enjeux" });
  await related.getByRole("link", { name: "Extensions de sécurité du DNS (DNSSEC)" }).click();
  await expect(page).toHaveURL(/\/fr\/issues\/dnssec$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Extensions de sécurité du DNS (DNSSEC)");
  await expect(page.getByRole("region", { name: "Chiffres clés" })).toBeVisible();
  expect(await marker(page)).toBe("same document");

  await switcher(page, "Langue").getByText("Español").click();
  await expect(page).toHaveURL(/\/es\/issues\/dnssec$/);
  await expect(html(page)).toHaveAttribute("lang", "es");
  await expect(page.getByRole("searchbox", { name: "Buscar entre los temas" })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/fr\/issues\/dnssec$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Extensions de sécurité du DNS (DNSSEC)");
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/issues\/dns$/);
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domain Name System (DNS)");
  await expect(page.getByRole("searchbox", { name: "Search the issues" })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/\/fr\/issues\/dns$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Système de noms de domaine (DNS)");
  await expect(page.getByRole("region", { name: "Liens avec les autres enjeux" })).toBeVisible();
});

test("search in French ranks the French words, accents optional, and links stay French", async ({ page }) => {
  await page.goto("/fr/");
  await waitForHydration(page);
  const box = page.getByRole("searchbox", { name: "Rechercher parmi les enjeux" });
  await box.fill("securite technique");
  const results = page.locator(".search-results__list");
  await expect(results.getByRole("link", { name: /Améliorer la sécurité technique/ })).toBeVisible();
  await expect(results.getByRole("link").first()).toHaveAttribute("href", /^\/fr\/issues\//);
  await expect(page.getByRole("heading", { name: /Résultats pour « securite technique »/ })).toBeVisible();
  await expect(page).toHaveURL(/\/fr\/\?q=securite/);
});

test("search in Spanish after switching from English fetches the Spanish search data", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.getByRole("searchbox", { name: "Search the issues" }).fill("encryption");
  await expect(page.locator(".search-results__list").getByRole("link", { name: "Encryption", exact: true })).toBeVisible();
  await switcher(page, "Language").getByText("Español").click();
  await expect(html(page)).toHaveAttribute("lang", "es");
  await waitForHydration(page);
  await page.getByRole("searchbox", { name: "Buscar entre los temas" }).fill("cifrado");
  const results = page.locator(".search-results__list");
  await expect(results.getByRole("link", { name: "Cifrado", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "Cifrado", exact: true })).toHaveAttribute("href", "/es/issues/encryption");
});

test("the browser ranks French and Spanish exactly as the server does, inflected forms included", async ({ page }) => {
  const cases: [string, string, string[]][] = [
    ["fr", "Rechercher parmi les enjeux", ["reseaux communautaires", "adresses IP", "securisees", "chiffr", "gouvernance internet"]],
    ["es", "Buscar entre los temas", ["redes comunitarias", "direccion IP", "informacion", "tecnologias", "privacidd"]],
  ];
  const titles = () => page.locator(".search-results__list .search-result__title").allTextContents();
  for (const [lang, boxName, queries] of cases) {
    for (const query of queries) {
      await page.goto(`/${lang}/?q=${encodeURIComponent(query)}`);
      await waitForHydration(page);
      const fromServer = await titles();
      expect(fromServer.length, query).toBeGreaterThan(0);
      const box = page.getByRole("searchbox", { name: boxName });
      // Clear the server's results through the client first, so what follows is the client's.
      await box.fill("zzzzzz");
      await expect(page.locator(".search-results__list .search-result__title")).toHaveCount(0);
      await box.fill("");
      await box.pressSequentially(query);
      await expect(page.getByRole("status")).toContainText(query);
      await expect.poll(titles, { message: `${lang}: ${query}` }).toEqual(fromServer);
    }
  }
});

test("a French chip reads its count with CLDR's singular for 0, in the browser too", async ({ page }) => {
  // Start on a results page, so the results island (not the server) redraws the chips.
  await page.goto("/fr/?q=internet");
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same document"));
  await page.getByRole("searchbox", { name: "Rechercher parmi les enjeux" }).fill("dnssec");
  await expect(page.getByRole("status")).toContainText("dnssec");
  expect(await marker(page)).toBe("same document");
  const chips = page.getByRole("navigation", { name: "Filtrer par axe prioritaire" });
  const zero = chips.locator(".chip__count").filter({ hasText: /^, 0 enjeux?$/ }).first();
  await expect(zero).toHaveText(", 0 enjeu");
});

for (const path of ["/fr/", "/es/issues/dns", "/fr/map", "/es/glossary"]) {
  test(`no axe violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await waitForHydration(page);
    await expectNoAxeViolations(page, path);
  });
}
