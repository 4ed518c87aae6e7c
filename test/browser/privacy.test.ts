import type { Page } from 'playwright-core';
import { buildOrganization, buildUser, type TestUser } from '../support/factories';
import {
  describeBrowser,
  keyboardLoginAs,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

/**
 * The privacy check as an author meets it: publishing a case with a tenant's name and BSN shows
 * the findings above the form, "Aanpassen" selects the text in its field, removing it publishes;
 * the kerngroep's review page. axe-core at desktop and phone width.
 */
async function navigate(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

describeBrowser('in the browser: the privacy check before publishing', () => {
  let b: BrowserContext;
  let author: TestUser;
  let curator: TestUser;

  beforeAll(async () => {
    b = await startBrowserApp();
    const ds = b.ctx.db.dataSource;
    const org = await buildOrganization(ds, { name: 'Woonstichting De Vaart' });
    author = await buildUser(ds, { organizationId: org.id, name: 'Petra Praktijk' });
    curator = await buildUser(ds, { roles: ['curator'], organizationId: org.id, name: 'Karin Kerngroep' });
  });
  afterAll(() => b?.close());

  it('shows the findings in context, selects one in its field, and publishes once it is gone', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, author);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    await page.fill('#veld-title', 'Huisbezoek bij achterstand');
    await page.fill('#veld-summary', 'Samen met het wijkteam op bezoek.');
    await page.check('#rol-verhuurder');
    await page.check('#thema-incasso');
    const context = 'We bezochten mevrouw Jansen thuis. Haar BSN 123456782 stond op de brief.';
    await page.fill('#veld-context', context);
    await page.check('#zichtbaar-kerngroep-experts');
    await navigate(page, () => page.getByRole('button', { name: 'Opslaan en publiceren' }).click());

    const panel = page.locator('.privacy-check');
    await panel.waitFor();
    expect(await panel.locator('mark').allTextContents()).toEqual(['mevrouw Jansen', '123456782']);
    // What was typed is still there, the chosen visibility too, and the panel has the focus.
    expect(await page.inputValue('#veld-context')).toBe(context);
    expect(await page.isChecked('#zichtbaar-kerngroep-experts')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('privacy-check'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-check-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // "Aanpassen" at the BSN: the field gets the focus with the number selected.
    await panel.locator('a', { hasText: '123456782' }).click();
    const selected = await page.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement;
      return { id: field.id, text: field.value.slice(field.selectionStart, field.selectionEnd) };
    });
    expect(selected).toEqual({ id: 'veld-context', text: '123456782' });
    await page.keyboard.type('[BSN]');
    await page.fill(
      '#veld-context',
      (await page.inputValue('#veld-context')).replace('mevrouw Jansen', 'een huurster'),
    );
    await navigate(page, () => page.getByRole('button', { name: 'Opslaan en publiceren' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/casussen\/\d+$/);
    await page.getByText('Alleen zichtbaar voor: kerngroep en experts').waitFor();
    expect(await page.textContent('main')).toContain('Haar BSN [BSN] stond op de brief.');
  });

  it('lets the author confirm instead, and the kerngroep review it', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, author);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    await page.fill('#veld-title', 'Samenwerking met de wijkagent');
    await page.fill('#veld-summary', 'Korte lijnen met de politie.');
    await page.check('#rol-samenwerkingspartner');
    await page.check('#thema-overlast');
    await page.fill('#veld-approach', 'De wijkagent, de heer Visser, belde ons direct.');
    await navigate(page, () => page.getByRole('button', { name: 'Opslaan en publiceren' }).click());
    await page.getByLabel('Dit zijn geen gegevens van cliënten of huurders').check();
    await navigate(page, () => page.getByRole('button', { name: 'Opslaan en publiceren' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/casussen\/\d+$/);

    const cur = await b.newPage();
    await keyboardLoginAs(cur, b, curator);
    await cur.goto(`${b.baseUrl}/beheer/privacy`);
    expect(await cur.locator('main').textContent()).toContain('Samenwerking met de wijkagent');
    expect(await cur.locator('mark').allTextContents()).toContain('de heer Visser');
    expect(await seriousA11yViolations(cur)).toEqual([]);
    await navigate(cur, () => cur.getByRole('button', { name: /^Gecontroleerd/ }).click());
    expect(await cur.locator('main').textContent()).toContain('Niets na te kijken.');
  });
});
