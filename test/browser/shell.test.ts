import { generate } from 'otplib';
import { buildUser, TEST_PASSWORD } from '../support/factories';
import {
  describeBrowser,
  keyboardLogin,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

describeBrowser('in the browser: shell, login and navigation', () => {
  let b: BrowserContext;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.close());

  it('shows the login page first, accessibly, and refuses a wrong password with a Dutch message', async () => {
    const user = await buildUser(b.ctx.db.dataSource);
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await keyboardLogin(page, b.baseUrl, user.email, 'niet-het-goede-wachtwoord');
    await expect(page.locator('[role=alert]').first().textContent()).resolves.toContain('klopt niet');
    expect(await page.inputValue('#veld-email')).toBe(user.email);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('logs in with the keyboard only, follows the navigation, and logs out', async () => {
    const user = await buildUser(b.ctx.db.dataSource, { name: 'Fatima el Amrani' });
    const page = await b.newPage();
    await keyboardLogin(page, b.baseUrl, user.email, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('h1').textContent()).resolves.toContain('Welkom');

    // The skip link is the first thing the keyboard reaches, and it is visible when focused.
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'home');

    for (const link of await page.locator('nav[aria-label=Hoofdmenu] a').all()) {
      const href = await link.getAttribute('href');
      const response = await page.goto(`${b.baseUrl}${href}`);
      // Every navigation target answers (pages of later issues may still be 404, never 500).
      expect(response!.status()).toBeLessThan(500);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }

    await page.goto(`${b.baseUrl}/`);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen/);
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('uitgelogd');
    await page.goto(`${b.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.close();
  });

  it('asks an admin for the second factor after the password', async () => {
    const admin = await buildUser(b.ctx.db.dataSource, { roles: ['admin'] });
    const page = await b.newPage();
    await keyboardLogin(page, b.baseUrl, admin.email, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/inloggen/code');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.fill('#veld-code', await generate({ secret: admin.totpSecret! }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${b.baseUrl}/`);
    await expect(page.locator('nav[aria-label=Hoofdmenu]').textContent()).resolves.toContain('Beheer');
    await page.close();
  });
});
