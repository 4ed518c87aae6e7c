import { buildCase, buildUser, type TestUser } from '../support/factories';
import {
  describeBrowser,
  keyboardLoginAs,
  screenshot,
  seriousA11yViolations,
  startBrowserApp,
  type BrowserContext,
} from '../support/browser';

describeBrowser('in the browser: Beheer → Inzicht', () => {
  let b: BrowserContext;
  let member: TestUser;
  let curator: TestUser;
  const ds = () => b.ctx.db.dataSource;

  beforeAll(async () => {
    b = await startBrowserApp();
    member = await buildUser(ds());
    curator = await buildUser(ds(), { roles: ['curator'] });
    const themes = ['incasso', 'renovatie', 'overlast'];
    for (let i = 0; i < 9; i++)
      await buildCase(ds(), member, {
        title: `Wijkaanpak ${i + 1}`,
        themes: [themes[i % 3]],
        roles: [i % 2 ? 'verhuurder' : 'opdrachtgever'],
      });
    await ds().query(
      `UPDATE cases SET published_at = make_date(2023 + (id % 4), 3, 1)`, // four years of publications
    );
    // Last month's searches, as if counted: enough members to be shown.
    await ds().query(
      `INSERT INTO search_query_stats (day, query, searches, zero_results, clicks)
       VALUES (current_date, 'wijkaanpak', 5, 0, 3), (current_date, 'woonwagenstandplaats', 4, 4, 0),
              (current_date, 'buurtbemiddeling', 3, 0, 0)`,
    );
    await b.ctx.indexer.whenIdle();
  });
  afterAll(() => b?.close());

  it('counts a live search once after a pause, not per key', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, member);
    await page.goto(`${b.baseUrl}/casussen`);
    await page.locator('#zoekvraag').pressSequentially('kangoeroeopvang', { delay: 25 });
    await page.waitForFunction(() => location.search.includes('q=kangoeroeopvang'));
    // Two seconds after the last key the live search counts the query, once (no prefix ever).
    const counted = () =>
      ds().query(`SELECT query, searches, zero_results FROM search_query_stats WHERE query LIKE 'k%'`);
    const deadline = Date.now() + 10_000;
    while ((await counted()).length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    expect(await counted()).toEqual([{ query: 'kangoeroeopvang', searches: 1, zero_results: 1 }]);
    await page.close();
  });

  it('shows search insight and accessible charts, at desktop and phone width', async () => {
    const page = await b.newPage();
    await keyboardLoginAs(page, b, curator);
    await page.goto(`${b.baseUrl}/beheer`);
    await page.getByRole('link', { name: 'Inzicht' }).click();
    await page.waitForURL(/\/beheer\/inzicht$/);
    await expect(page.locator('section[aria-labelledby="niets-titel"] tbody tr').count()).resolves.toBe(1);
    expect(await page.locator('svg.chart').count()).toBe(4); // no meetings yet: that chart says so
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'insight-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'insight-phone');

    // From a query that found nothing to a thesaurus group in one click.
    await page.getByRole('link', { name: /Thesaurusgroep toevoegen voor ‘woonwagenstandplaats’/ }).click();
    await page.waitForURL(/\/beheer\/thesaurus\/nieuw/);
    expect(await page.inputValue('#veld-terms')).toBe('woonwagenstandplaats');
    await page.close();
  });
});
