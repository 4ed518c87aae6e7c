import { buildCase, buildUser, TEST_PASSWORD } from '../support/factories';
import {
  describeBrowser,
  keyboardLogin,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

describeBrowser('in the browser: searching cases', () => {
  let b: BrowserContext;
  let email: string;
  beforeAll(async () => {
    b = await startBrowserApp();
    const ds = b.ctx.db.dataSource;
    const user = await buildUser(ds);
    email = user.email;
    const themes = ['incasso', 'renovatie', 'overlast', 'leefbaarheid'];
    for (let i = 0; i < 26; i++) {
      await buildCase(ds, user, {
        title: `Buurtaanpak ${i + 1}: ${i % 2 ? 'overlast in de wijk' : 'leefbaarheid in de straat'}`,
        summary: `Een casus over wijkbeheer nummer ${i + 1}.`,
        themes: [themes[i % 4]],
        roles: [i % 3 ? 'verhuurder' : 'samenwerkingspartner'],
        year: 2018 + (i % 6),
      });
    }
    await b.ctx.indexer.whenIdle();
  });
  afterAll(() => b?.close());

  it('types a query, picks two facets, removes a chip and pages on; accessible throughout', async () => {
    const page = await b.newPage();
    await keyboardLogin(page, b.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Results update while typing, and the URL follows.
    await page.fill('#zoekvraag', 'wijkbeheer');
    await page.waitForFunction(() => location.search.includes('q=wijkbeheer'));
    await page.waitForFunction(() =>
      document.querySelector('#aantal-resultaten')?.textContent?.includes('26'),
    );

    await page.getByRole('link', { name: /Filter aanzetten: Overlast/ }).click();
    await page.waitForURL(/thema=overlast/);
    await page.getByRole('link', { name: /Filter aanzetten: Leefbaarheid/ }).click();
    await page.waitForURL(/thema=leefbaarheid/);
    // The query typed before stays part of the state.
    expect(page.url()).toContain('q=wijkbeheer');
    expect(await page.inputValue('#zoekvraag')).toBe('wijkbeheer');
    // 6 cases on each theme; one facet's values combine with OR.
    await expect(page.locator('#aantal-resultaten').textContent()).resolves.toContain('12 casussen');
    expect(await page.locator('.chip').count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'search-facets');

    await page.locator('.chip', { hasText: 'Overlast' }).click();
    await page.waitForURL((url) => !url.search.includes('thema=overlast'));
    await expect(page.locator('#aantal-resultaten').textContent()).resolves.toContain('6 casussen');

    await page.goto(`${b.baseUrl}/casussen?q=wijkbeheer`);
    await page.getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL(/pagina=2/);
    await expect(page.locator('[aria-current=page]', { hasText: 'Pagina 2 van 2' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('works with JavaScript disabled', async () => {
    const context = await b.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await keyboardLogin(page, b.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen`);
    await page.fill('#zoekvraag', 'overlast');
    await Promise.all([page.waitForNavigation(), page.press('#zoekvraag', 'Enter')]);
    expect(page.url()).toContain('q=overlast');
    // 13 titles say "overlast" and 6 more cases have the theme.
    await expect(page.locator('#aantal-resultaten').textContent()).resolves.toContain('19 casussen');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /Filter aanzetten: Samenwerkingspartner/ }).click(),
    ]);
    expect(page.url()).toContain('rol=samenwerkingspartner');
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('says what it did: a corrected typo, words found nowhere, related words; a new query ranks by relevance', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await b.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await keyboardLogin(page, b.baseUrl, email, TEST_PASSWORD);
      // Browsing shows "Nieuwste eerst"; a query typed into the same form is ranked by relevance.
      await page.goto(`${b.baseUrl}/casussen`);
      expect(await page.inputValue('#sorteer')).toBe('nieuwste');
      await page.fill('#zoekvraag', 'wijkbeheerr');
      await Promise.all([page.waitForNavigation(), page.press('#zoekvraag', 'Enter')]);
      await page.waitForSelector('.search-correction');
      expect(await page.inputValue('#sorteer')).toBe('relevantie');
      await expect(page.locator('.search-correction').textContent()).resolves.toContain(
        'Resultaten voor wijkbeheer',
      );
      // axe runs as a script in the page: checked where scripts run (the markup is the same without).
      if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);
      // The words as typed, on request: nothing has them, and the page offers the correction.
      await Promise.all([
        page.waitForURL(/letterlijk=1/),
        page.getByRole('link', { name: /Zoek in plaats daarvan naar/ }).click(),
      ]);
      await expect(page.locator('.no-results').textContent()).resolves.toContain('Bedoelde u');

      await page.goto(`${b.baseUrl}/casussen?q=${encodeURIComponent('wijkbeheer xyzzyplof')}`);
      await expect(page.locator('.search-partial').textContent()).resolves.toContain('xyzzyplof');
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);
      if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `search-partial-${javaScriptEnabled ? 'js' : 'nojs'}`);
      await context.close();
    }
  }, 150_000);
});
