import { buildUser, TEST_PASSWORD } from '../support/factories';
import {
  describeBrowser,
  keyboardLogin,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describeBrowser('in the browser: writing a case', () => {
  let b: BrowserContext;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.close());

  it('writes a case, keeps the input on an error, adds an attachment, publishes it and finds it; accessible', async () => {
    const user = await buildUser(b.ctx.db.dataSource);
    const page = await b.newPage();
    await keyboardLogin(page, b.baseUrl, user.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.fill('#veld-title', 'Buurtconciërges in de Vogelwijk');
    await page.fill(
      '#veld-summary',
      'Twee buurtconciërges houden de portieken schoon en signaleren eenzaamheid.',
    );
    await page.check('#rol-verhuurder');
    await page.fill('#veld-context', 'Veel **klachten** over vervuilde portieken.');
    // Publish without a theme: the form comes back with the message and everything typed.
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Opslaan en publiceren' }).click(),
    ]);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Kies minstens één thema.');
    expect(await page.inputValue('#veld-title')).toBe('Buurtconciërges in de Vogelwijk');
    expect(await page.isChecked('#rol-verhuurder')).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The Markdown preview is rendered on the server.
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).first().click();
    await expect(page.locator('#voorbeeld-context strong').textContent()).resolves.toBe('klachten');

    await page.check('#thema-leefbaarheid');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Opslaan als concept', exact: true }).click(),
    ]);
    expect(page.url()).toMatch(/\/casussen\/\d+$/);
    await expect(page.locator('.badge-status').first().textContent()).resolves.toContain('Concept');

    // With JavaScript the file uploads as soon as it is chosen; the case page then shows it.
    await Promise.all([
      page.waitForNavigation(),
      page.setInputFiles('#veld-bijlagen', { name: 'portiek.png', mimeType: 'image/png', buffer: PNG_1X1 }),
    ]);
    await expect(page.locator('#bijlagen').textContent()).resolves.toContain('portiek.png');

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Publiceren' }).click()]);
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('gepubliceerd');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'case-page');

    await b.ctx.indexer.whenIdle();
    await page.goto(`${b.baseUrl}/casussen?q=buurtconcierges`);
    await expect(page.locator('.hit-title').first().textContent()).resolves.toContain(
      'Buurtconciërges in de Vogelwijk',
    );
    await page.close();
  });
});
