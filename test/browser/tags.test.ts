import { buildCase, buildUser, TEST_PASSWORD } from '../support/factories';
import {
  describeBrowser,
  keyboardLogin,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

describeBrowser('in the browser: tag suggestions (public/js/tags.js)', () => {
  let b: BrowserContext;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b?.close());

  it('suggests for the tag being typed, also after the first one, by keyboard; accessible', async () => {
    const ds = b.ctx.db.dataSource;
    const user = await buildUser(ds);
    await buildCase(ds, user, { tags: ['vroegsignalering', 'wijkaanpak', 'wijkteam'] });
    const page = await b.newPage();
    await keyboardLogin(page, b.baseUrl, user.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    const input = page.locator('#veld-tags');
    const list = page.locator('#veld-tags-suggesties');
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    await expect(input.getAttribute('list')).resolves.toBeNull(); // the native list is replaced

    await input.focus();
    await page.keyboard.type('vroeg');
    await expect(list.isVisible()).resolves.toBe(true);
    await expect(list.locator('[role=option]').allTextContents()).resolves.toEqual(['vroegsignalering']);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('veld-tags-suggesties-0');
    await page.keyboard.press('Enter'); // takes the suggestion; does not submit the form
    expect(new URL(page.url()).pathname).toBe('/casussen/nieuw');
    await expect(input.inputValue()).resolves.toBe('vroegsignalering, ');
    await expect(list.isVisible()).resolves.toBe(false);

    // The second tag gets suggestions too (a datalist stops after the first), minus ones already chosen.
    await page.keyboard.type('wijk');
    await expect(list.locator('[role=option]').allTextContents()).resolves.toEqual([
      'wijkaanpak',
      'wijkteam',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(list.locator('[aria-selected=true]').textContent()).resolves.toBe('wijkteam');
    await page.keyboard.press('Enter');
    await expect(input.inputValue()).resolves.toBe('vroegsignalering, wijkteam, ');

    // Escape closes the list and leaves the text as typed.
    await page.keyboard.type('wijk');
    await expect(list.locator('[role=option]').allTextContents()).resolves.toEqual(['wijkaanpak']);
    await page.keyboard.press('Escape');
    await expect(list.isVisible()).resolves.toBe(false);
    await expect(input.inputValue()).resolves.toBe('vroegsignalering, wijkteam, wijk');
    await page.close();
  });

  it('leaves a plain text input with its datalist when JavaScript is off', async () => {
    const user = await buildUser(b.ctx.db.dataSource);
    const context = await b.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await keyboardLogin(page, b.baseUrl, user.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    const input = page.locator('#veld-tags');
    await expect(input.getAttribute('list')).resolves.toBe('trefwoord-suggesties');
    await expect(input.getAttribute('role')).resolves.toBeNull();
    await expect(page.locator('#veld-tags-suggesties').count()).resolves.toBe(0);
    await context.close();
  });
});
