import type { Page } from 'playwright-core';
import { UsersService } from '../../src/accounts/users.service';
import { buildCase, buildOrganization, buildUser, TEST_PASSWORD, type TestUser } from '../support/factories';
import {
  describeBrowser,
  keyboardLogin,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

/**
 * The everyday path (issue 15) as a new member walks it, at desktop (1,366 px) and phone width
 * (390 px), with and without JavaScript: a draft with a title only and its attachments, nothing
 * irreversible in one click, results before the filters on a phone, a readable error page, and
 * an invitation that signs the new member in. Screenshots land in test-results/screenshots.
 */
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describeBrowser('in the browser: the everyday path', () => {
  let b: BrowserContext;
  let member: TestUser;
  beforeAll(async () => {
    b = await startBrowserApp();
    member = await buildUser(b.ctx.db.dataSource);
    for (const theme of ['overlast', 'leefbaarheid', 'incasso', 'renovatie']) {
      await buildCase(b.ctx.db.dataSource, member, { title: `Aanpak ${theme} in de wijk`, themes: [theme] });
    }
    await b.ctx.indexer.whenIdle();
  });
  afterAll(() => b?.close());

  async function pageFor(viewport: { width: number; height: number }, javaScriptEnabled: boolean) {
    const context = await b.browser.newContext({ viewport, javaScriptEnabled });
    const page = await context.newPage();
    await keyboardLogin(page, b.baseUrl, member.email, TEST_PASSWORD);
    return page;
  }
  const click = (page: Page, name: string | RegExp) =>
    Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  it('saves a draft with a title only, uploads while writing, then asks before archiving or deleting, with undo (desktop, JavaScript)', async () => {
    const page = await pageFor(DESKTOP, true);
    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    await page.fill('#veld-title', 'Portiekgesprekken in Zuid');
    await click(page, 'Opslaan als concept');
    expect(page.url()).toMatch(/\/casussen\/\d+$/);
    await page.goto(`${page.url()}/bewerken`);
    await expect(page.locator('#nog-nodig').textContent()).resolves.toContain(
      'samenvatting, rol van de corporatie, thema’s',
    );

    // The file uploads as soon as it is chosen; the text typed meanwhile stays in the form.
    await page.fill('#veld-summary', 'Bewoners en corporatie praten per portiek.');
    await page.setInputFiles('#veld-bijlagen', {
      name: 'portiek.png',
      mimeType: 'image/png',
      buffer: PNG_1X1,
    });
    await page.waitForSelector('[data-attachment-list] a:has-text("portiek.png")');
    await expect(page.locator('.upload-status').textContent()).resolves.toContain(
      '“portiek.png” is toegevoegd.',
    );
    expect(await page.inputValue('#veld-summary')).toBe('Bewoners en corporatie praten per portiek.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-edit-with-attachment-desktop');

    await page.check('#rol-verhuurder');
    await page.check('#thema-overlast');
    await click(page, 'Opslaan en publiceren');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('gepubliceerd');

    // Archive asks once more, then offers the way back.
    await page.locator('summary', { hasText: 'Archiveren' }).click();
    await click(page, 'Ja, casus archiveren');
    await expect(page.locator('.alert').first().textContent()).resolves.toContain('gearchiveerd');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-archived-with-undo-desktop');
    await click(page, 'Ongedaan maken');
    await expect(page.locator('.alert').first().textContent()).resolves.toContain('hersteld');

    // Deleting an attachment asks once more too.
    await page.locator('#bijlagen summary', { hasText: 'Verwijder' }).click();
    await expect(page.locator('#bijlagen .confirm[open]').textContent()).resolves.toContain(
      'Weet u het zeker?',
    );
    await click(page, 'Ja, bijlage verwijderen');
    await expect(page.locator('.alert').first().textContent()).resolves.toContain('is verwijderd');
    await expect(page.locator('#bijlagen').textContent()).resolves.toContain('Geen bijlagen.');
    await page.context().close();
  });

  it('puts the results first on a phone, with the filters behind "Filters (n actief)", without JavaScript', async () => {
    const page = await pageFor(PHONE, false);
    await page.goto(`${b.baseUrl}/casussen`);
    // Without JavaScript the js-only buttons stay hidden.
    const firstHit = await page.locator('.hit').first().boundingBox();
    expect(firstHit!.y).toBeLessThan(PHONE.height);
    expect(await page.getByRole('link', { name: /Filter aanzetten: Overlast/ }).isVisible()).toBe(false);
    await screenshot(page, 'everyday-search-phone-nojs');

    await page.locator('summary.filters-summary').click();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /Filter aanzetten: Overlast/ }).click(),
    ]);
    await expect(page.locator('summary.filters-summary').textContent()).resolves.toMatch(
      /Filters\s+\(1 actief\)/,
    );
    // The count and the active filter stay above the results; the facets are folded again.
    const count = await page.locator('#aantal-resultaten').boundingBox();
    const hit = await page.locator('.hit').first().boundingBox();
    expect(count!.y).toBeLessThan(hit!.y);
    expect(await page.locator('.chip', { hasText: 'Overlast' }).isVisible()).toBe(true);
    expect(hit!.y).toBeLessThan(PHONE.height);
    await screenshot(page, 'everyday-search-phone-filtered-nojs');

    // Attachment and archive confirmations work without JavaScript as well (a details).
    const id = await buildCase(b.ctx.db.dataSource, member, { title: 'Zonder script archiveren' });
    await page.goto(`${b.baseUrl}/casussen/${id}`);
    expect(await page.getByRole('button', { name: 'Link kopiëren' }).isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Archiveren' }).click();
    await click(page, 'Ja, casus archiveren');
    await expect(page.locator('.alert').first().textContent()).resolves.toContain('gearchiveerd');
    await page.context().close();
  });

  it('is accessible at phone width with JavaScript: search, case form and error page', async () => {
    const page = await pageFor(PHONE, true);
    await page.goto(`${b.baseUrl}/casussen`);
    expect(await page.locator('details.filters-toggle').getAttribute('open')).toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-search-phone');

    await page.goto(`${b.baseUrl}/casussen/nieuw`);
    await page.fill('#veld-title', 'Alleen een titel');
    await click(page, 'Opslaan en publiceren');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      'De samenvatting is verplicht.',
    );
    expect(await page.inputValue('#veld-title')).toBe('Alleen een titel');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-publish-missing-phone');

    // An error page for people: what happened, a way on, no "Inloggen" for who is signed in.
    await page.goto(`${b.baseUrl}/casussen/999999`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Deze pagina bestaat niet');
    expect(await page.getByRole('link', { name: 'Inloggen' }).count()).toBe(0);
    await expect(page.locator('.request-id').textContent()).resolves.toMatch(/Noem dan deze code/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'everyday-404-phone');
    await page.context().close();
  });

  it('signs an invited member in once the password is set (phone, without JavaScript)', async () => {
    const org = await buildOrganization(b.ctx.db.dataSource);
    const { token } = await new UsersService(b.ctx.db.dataSource).invite(
      { email: 'nieuw.lid@example.nl', name: 'Nieuw Lid', organizationId: org.id, roles: ['practitioner'] },
      { id: null },
    );
    const context = await b.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${b.baseUrl}/uitnodiging/${token}`);
    await page.fill('#veld-password', 'een-lang-en-eigen-wachtwoord');
    await page.fill('#veld-confirm', 'een-lang-en-eigen-wachtwoord');
    await click(page, 'Wachtwoord instellen');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain(
      'Uw wachtwoord is ingesteld.',
    );
    await expect(page.locator('.user-menu').textContent()).resolves.toContain('Nieuw Lid');
    await screenshot(page, 'everyday-invited-signed-in-phone');
    await context.close();
  });
});
