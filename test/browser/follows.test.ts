import { buildCase, buildUser, type TestUser } from '../support/factories';
import {
  describeBrowser,
  keyboardLoginAs,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

describeBrowser('in the browser: following and notification settings', () => {
  let b: BrowserContext;
  let member: TestUser;
  const ds = () => b.ctx.db.dataSource;

  beforeAll(async () => {
    b = await startBrowserApp();
    member = await buildUser(ds(), { name: 'Fleur Volger' });
    const author = await buildUser(ds());
    await buildCase(ds(), author, { title: 'Wijkcoaches bij huurachterstand', themes: ['incasso'] });
    await b.ctx.indexer.whenIdle();
  });
  afterAll(() => b?.close());

  it('follows a search and a theme, stops one, and sets e-mail; accessible at desktop and phone width', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, member);
    await page.goto(`${b.baseUrl}/casussen`);
    await page.locator('#zoekvraag').fill('wijkcoaches');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=wijkcoaches/);
    await page.getByRole('button', { name: 'Volg deze zoekopdracht' }).click();
    await page.waitForURL(/\/casussen\?q=wijkcoaches/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'U volgt nu: “wijkcoaches”',
    );

    await page.getByRole('link', { name: 'Wat ik volg' }).first().click();
    await page.waitForURL(/\/volg$/);
    await page.selectOption('#volg-thema', 'incasso');
    await page.getByRole('button', { name: 'Volg dit thema' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/volg$/);
    await expect(page.locator('#volg-theme + ul').textContent()).resolves.toContain(
      'Incasso en huurachterstanden',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'follows-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'follows-phone');
    await page.getByRole('button', { name: /Niet meer volgen.*Zoekopdracht.*wijkcoaches/ }).click();
    await page.waitForURL(/\/volg$/);
    expect(await page.locator('#volg-search').count()).toBe(0);

    // The home page puts what is new in the followed theme first.
    await page.goto(`${b.baseUrl}/`);
    await expect(page.locator('.home-followed').textContent()).resolves.toContain(
      'Wijkcoaches bij huurachterstand',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${b.baseUrl}/instellingen/meldingen`);
    await page.getByLabel('Dagelijks overzicht').check();
    await page.getByLabel('Een reactie bij een casus die u volgt').selectOption('off');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/instellingen\/meldingen$/);
    await expect(page.getByLabel('Dagelijks overzicht').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Een reactie bij een casus die u volgt').inputValue()).resolves.toBe('off');
    await page.close();
  });
});
