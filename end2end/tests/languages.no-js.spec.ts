import { test, expect, expectNoAxeViolationsWithoutScripts } from "./fixtures";

test("French and Spanish pages are complete without JavaScript, and the switcher is plain links", async ({ page }) => {
  await page.goto("/fr/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator(".issue-card")).toHaveCount(26);
  const card = page.getByRole("link", { name: "Chiffrement", exact: true });
  await expect(card).toHaveAttribute("href", "/fr/issues/encryption");
  await card.click();
  await expect(page).toHaveURL(/\/fr\/issues\/encryption$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chiffrement");
  await page.getByRole("navigation", { name: "Langue" }).getByText("Español").click();
  await expect(page).toHaveURL(/\/es\/issues\/encryption$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cifrado");
  await page.goBack();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("the search form answers in the page's language without JavaScript", async ({ page }) => {
  await page.goto("/es/");
  await page.getByRole("searchbox", { name: "Buscar entre los temas" }).fill("tecnologia");
  await page.getByRole("button", { name: "Buscar", exact: true }).click();
  await expect(page).toHaveURL(/\/es\/\?q=tecnologia$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: /Resultados para «tecnologia»/ })).toBeVisible();
});

test("the French 404 offers the closest issues in French", async ({ page, expectNotFound }) => {
  expectNotFound(/\/fr\/issues\/dnss$/);
  const response = await page.goto("/fr/issues/dnss");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: "Extensions de sécurité du DNS (DNSSEC)" })).toHaveAttribute("href", "/fr/issues/dnssec");
});

for (const path of ["/fr/", "/es/issues/dns", "/es/map", "/fr/glossary"]) {
  test(`no axe violations on ${path} without JavaScript`, async ({ browser, baseURL }) => {
    await expectNoAxeViolationsWithoutScripts(browser, baseURL ?? "", path);
  });
}
