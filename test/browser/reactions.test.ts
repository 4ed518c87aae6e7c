import type { Page } from 'playwright-core';
import { buildCase, buildOrganization, buildUser, type TestUser } from '../support/factories';
import {
  describeBrowser,
  keyboardLoginAs,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

/**
 * Meedenken in the browser: member A's case asks the community a question, member B reacts (with
 * JavaScript) and points to his own case, A marks the reaction "Dit hielp mij" (without
 * JavaScript), and the search page's facet finds the question as answered, with and without
 * JavaScript. axe-core checks the pages where scripts run, at desktop and phone width.
 */
const QUESTION_CASE = 'Huurders met een betalingsregeling';
const LINKED_CASE = 'Wijkcoaches bij betalingsachterstand';

async function navigate(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

describeBrowser('in the browser: a question answered by a colleague', () => {
  let b: BrowserContext;
  let anna: TestUser;
  let bram: TestUser;
  let caseUrl: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const ds = b.ctx.db.dataSource;
    const orgA = await buildOrganization(ds, { name: 'Woonstichting De Vaart' });
    const orgB = await buildOrganization(ds, { name: 'Gemeente Zwolle', kind: 'gemeente' });
    anna = await buildUser(ds, { organizationId: orgA.id, name: 'Anna Auteur' });
    bram = await buildUser(ds, { organizationId: orgB.id, name: 'Bram Buur' });
    const id = await buildCase(ds, anna, {
      title: QUESTION_CASE,
      question: 'Hoe houden jullie contact met huurders die een regeling hebben?',
    });
    await buildCase(ds, bram, { title: LINKED_CASE });
    caseUrl = `${b.baseUrl}/casussen/${id}`;
  });
  afterAll(() => b?.close());

  it('B reacts and links his own case; the form says what is wrong first', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, bram);
    await page.goto(caseUrl);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expect(page.locator('#reactie-body-hint').textContent()).resolves.toContain(
      'Hoogstens 4.000 tekens',
    );
    // Empty first: the error summary, the field marked, nothing lost.
    await page.selectOption('#reactie-linkedCaseId', { label: LINKED_CASE });
    await navigate(page, () => page.getByRole('button', { name: 'Reactie plaatsen' }).click());
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Uw reactie is verplicht.');
    expect(await page.locator('#reactie-linkedCaseId option:checked').textContent()).toBe(LINKED_CASE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.fill('#reactie-body', 'Wij bellen elke maand, samen met de **wijkcoach**.');
    await navigate(page, () => page.getByRole('button', { name: 'Reactie plaatsen' }).click());
    const reaction = page.locator('article.reaction').first();
    await expect(reaction.locator('strong').textContent()).resolves.toBe('wijkcoach');
    await expect(reaction.getByRole('link', { name: LINKED_CASE }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reactions-reacted-phone');
    await page.context().close();
  }, 60_000);

  it('A marks it "Dit hielp mij" without JavaScript; the facet finds the question answered, with and without', async () => {
    const context = await b.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await keyboardLoginAs(page, b, anna);
    await page.goto(caseUrl);
    await navigate(page, () => page.getByRole('button', { name: /^Dit hielp mij/ }).click());
    await expect(page.locator('.case-header').textContent()).resolves.toContain('Vraag beantwoord');
    await expect(page.locator('.badge-helpful').count()).resolves.toBe(2); // header and reaction
    await b.ctx.indexer.whenIdle();
    for (const javaScriptEnabled of [false, true]) {
      const p = javaScriptEnabled ? await b.newPage() : page;
      if (javaScriptEnabled) await keyboardLoginAs(p, b, anna);
      await p.goto(`${b.baseUrl}/casussen`);
      await navigate(p, () => p.getByRole('link', { name: /Beantwoord/ }).click());
      expect(p.url()).toContain('vraag=beantwoord');
      expect(await p.locator('.hit-title').allTextContents()).toEqual([QUESTION_CASE]);
      if (javaScriptEnabled) {
        expect(await seriousA11yViolations(p)).toEqual([]);
        await p.context().close();
      }
    }
    await context.close();
  }, 60_000);
});
