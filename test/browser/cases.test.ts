import type { Page } from 'playwright-core';
import { buildCase, buildUser, TEST_PASSWORD } from '../support/factories';
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

  const DESKTOP = { width: 1366, height: 900 };
  const PHONE = { width: 390, height: 844 };
  const save = (page: Page, name: string) =>
    Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  describe.each([
    ['desktop', DESKTOP, true],
    ['desktop', DESKTOP, false],
    ['phone', PHONE, true],
    ['phone', PHONE, false],
  ] as const)('the new-case form with a file (%s, JavaScript %s)', (width, viewport, javaScriptEnabled) => {
    const suffix = `${width}${javaScriptEnabled ? '' : '-nojs'}`;

    it('keeps the file through a form error and saves it with the draft', async () => {
      const user = await buildUser(b.ctx.db.dataSource);
      const context = await b.browser.newContext({ viewport, javaScriptEnabled });
      const page = await context.newPage();
      await keyboardLogin(page, b.baseUrl, user.email, TEST_PASSWORD);
      await page.goto(`${b.baseUrl}/casussen/nieuw`);
      // Controls that need the script are not shown without it.
      expect(await page.getByRole('button', { name: 'Voorbeeld tonen' }).first().isVisible()).toBe(
        javaScriptEnabled,
      );
      await page.fill('#veld-summary', 'Huurders met een achterstand krijgen binnen een week een gesprek.');
      await page.fill('#veld-contact', 'Sanne de Vries');
      await page.fill('#veld-contactEmail', 'sanne-zonder-apenstaartje');
      await page.setInputFiles('#veld-bijlagen', {
        name: 'portiek.png',
        mimeType: 'image/png',
        buffer: PNG_1X1,
      });
      if (javaScriptEnabled) {
        // Uploaded at once, with its progress and a message; the form then carries only its id.
        await page.waitForSelector('[data-pending-list] li:has-text("portiek.png")');
        await expect(page.locator('.case-files .upload-status').textContent()).resolves.toContain(
          '“portiek.png” is geüpload',
        );
        expect(await page.inputValue('#veld-bijlagen')).toBe('');
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      await screenshot(page, `new-case-file-chosen-${suffix}`);

      // No title and a wrong address: the form comes back with both errors, the text and the file.
      await save(page, 'Opslaan als concept');
      const summary = page.locator('.error-summary');
      await expect(summary.textContent()).resolves.toContain('De titel is verplicht.');
      await expect(summary.textContent()).resolves.toContain(
        'Het e-mailadres van de contactpersoon is geen geldig e-mailadres.',
      );
      expect(await page.inputValue('#veld-summary')).toBe(
        'Huurders met een achterstand krijgen binnen een week een gesprek.',
      );
      const kept = page.locator('[data-pending-list] li', { hasText: 'portiek.png' });
      await expect(kept.textContent()).resolves.toContain('bewaard, wordt toegevoegd bij opslaan');
      expect(await kept.locator('input[type=checkbox]').isChecked()).toBe(true);
      if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `new-case-file-error-${suffix}`);

      await page.fill('#veld-title', 'Vroeg bellen bij huurachterstand');
      await page.fill('#veld-contactEmail', 'sanne@example.nl');
      await page.fill('#veld-contactPhone', '038 123 45 67');
      await save(page, 'Opslaan als concept');
      expect(page.url()).toMatch(/\/casussen\/\d+$/);
      await expect(page.locator('[role=status]').first().textContent()).resolves.toContain(
        'De casus is als concept opgeslagen met 1 bijlage.',
      );
      await expect(page.locator('#bijlagen').textContent()).resolves.toContain('portiek.png');
      expect(await page.locator('a[href="mailto:sanne@example.nl"]').isVisible()).toBe(true);
      expect(await page.locator('a[href="tel:0381234567"]').isVisible()).toBe(true);
      if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `new-case-file-saved-${suffix}`);
      await context.close();
    });
  });

  it.each([
    ['with JavaScript: in place', true],
    ['without JavaScript: from the server', false],
  ] as const)('previews a reflection %s, saving nothing', async (_how, javaScriptEnabled) => {
    const author = await buildUser(b.ctx.db.dataSource);
    const expert = await buildUser(b.ctx.db.dataSource, { roles: ['expert'] });
    const id = await buildCase(b.ctx.db.dataSource, author, { title: 'Schuldhulp aan de keukentafel' });
    const context = await b.browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    await keyboardLogin(page, b.baseUrl, expert.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen/${id}`);
    await page.fill('#veld-body', 'Dit is **sterk**: de aanpak past in elke wijk.');
    const button = page.getByRole('button', { name: 'Voorbeeld', exact: true });
    if (javaScriptEnabled) {
      await button.click();
      await page.waitForSelector('#voorbeeld-body strong');
    } else {
      await Promise.all([page.waitForNavigation(), button.click()]);
    }
    await expect(page.locator('#voorbeeld-body strong').textContent()).resolves.toBe('sterk');
    expect(await page.inputValue('#veld-body')).toBe('Dit is **sterk**: de aanpak past in elke wijk.');
    if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `reflection-preview-phone${javaScriptEnabled ? '' : '-nojs'}`);
    const [{ n }] = await b.ctx.db.dataSource.query(
      `SELECT count(*)::int AS n FROM reflections WHERE case_id = $1`,
      [id],
    );
    expect(n).toBe(0);
    await context.close();
  });
});
