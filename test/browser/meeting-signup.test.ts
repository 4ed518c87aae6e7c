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
 * A meeting's own life in the browser: the kerngroep writes the programme, one member signs up
 * with a guest (JavaScript on), another without JavaScript lands on the waiting list and moves up
 * when the first cancels; the kerngroep checks presence; afterwards it writes the verslag and a member reads
 * it; the dossier prints with page numbers and a running header. axe-core checks the pages where
 * scripts run (it hangs without them), at desktop and phone width.
 */
const MEETING = 'Werkbezoek Uden: wonen en zorg';
const HELD = 'Themabijeenkomst leefbaarheid';
const CASE = 'Zorgwoningen in de wijk';

async function navigate(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), click()]);
}
async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describeBrowser('in the browser: programme, sign-up and verslag', () => {
  let b: BrowserContext;
  let curator: TestUser;
  let expert: TestUser;
  let anna: TestUser;
  let bart: TestUser;
  let meetingId: number;
  let heldId: number;
  let caseId: number;
  let nominationId: number;
  let cur: Page;
  let withJs: Page;
  let noJs: Page;

  beforeAll(async () => {
    b = await startBrowserApp();
    const ds = b.ctx.db.dataSource;
    const orgA = await buildOrganization(ds, { name: 'Woonstichting Maasland' });
    const orgB = await buildOrganization(ds, { name: 'Area Wonen' });
    curator = await buildUser(ds, { roles: ['curator'], organizationId: orgB.id, name: 'Karin Kerngroep' });
    expert = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id, name: 'Erik Expert' });
    anna = await buildUser(ds, { organizationId: orgA.id, name: 'Anna de Vries' });
    bart = await buildUser(ds, { organizationId: orgB.id, name: 'Bart Bos' });
    caseId = await buildCase(ds, anna, { title: CASE, question: 'Hoe houden jullie de wijk betrokken?' });
    [{ id: meetingId }] = await ds.query(
      `INSERT INTO meetings (title, starts_at, ends_at, location_name, location_address, location_postcode, location_city,
                             capacity, max_guests_per_organization, status)
       VALUES ($1, now() + interval '30 days', now() + interval '30 days 4 hours', 'Kantoor Area Wonen', 'Leeuweriksweg 12',
               '5402 XD', 'Uden', 2, 2, 'agenda_set') RETURNING id`,
      [MEETING],
    );
    [{ id: nominationId }] = await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position)
       VALUES ($1, $2, $3, 'Past', 'selected', 1) RETURNING id`,
      [meetingId, caseId, anna.id],
    );
    [{ id: heldId }] = await ds.query(
      `INSERT INTO meetings (title, starts_at, status) VALUES ($1, now() - interval '1 day', 'held') RETURNING id`,
      [HELD],
    );
    await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position, presented_at)
       VALUES ($1, $2, $3, 'Past', 'selected', 1, now() - interval '1 day')`,
      [heldId, caseId, anna.id],
    );
    await ds.query(
      `INSERT INTO meeting_signups (meeting_id, user_id, organization_id, status, present) VALUES ($1, $2, $3, 'aangemeld', true)`,
      [heldId, bart.id, orgB.id],
    );
    cur = await b.newPage();
    withJs = await b.newPage();
    noJs = await (await b.browser.newContext({ javaScriptEnabled: false })).newPage();
    await Promise.all([
      keyboardLoginAs(cur, b, curator),
      keyboardLoginAs(withJs, b, anna),
      keyboardLoginAs(noJs, b, bart),
    ]);
  });
  afterAll(() => b?.close());

  it('the kerngroep writes the programme (times out of order refused, input kept)', async () => {
    await cur.goto(`${b.baseUrl}/bijeenkomsten/${meetingId}/programma`);
    await expectAccessible(cur);
    await cur.fill('#veld-slot-1-start', '13.30');
    await cur.fill('#veld-slot-1-title', 'Locatiebezoek');
    await cur.fill('#veld-slot-2-start', '13.00');
    await cur.fill('#veld-slot-2-end', '13.30');
    await cur.fill('#veld-slot-2-title', 'Ontvangst');
    await navigate(cur, () => cur.getByRole('button', { name: 'Programma opslaan' }).click());
    const summary = cur.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('zet de onderdelen op volgorde van tijd');
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await cur.inputValue('#veld-slot-2-title')).toBe('Ontvangst');
    await expectAccessible(cur);
    await screenshot(cur, 'meeting-programme-errors');

    await cur.fill('#veld-slot-1-start', '13.00');
    await cur.fill('#veld-slot-1-end', '13.30');
    await cur.fill('#veld-slot-1-title', 'Ontvangst');
    await cur.fill('#veld-slot-2-start', '13.30');
    await cur.fill('#veld-slot-2-end', '14.30');
    await cur.fill('#veld-slot-2-title', 'Casus');
    await cur.selectOption('#veld-slot-2-case', String(nominationId));
    await cur.selectOption('#veld-slot-2-presenter', String(anna.id));
    await cur.selectOption('#veld-slot-2-expert', String(expert.id));
    await navigate(cur, () => cur.getByRole('button', { name: 'Programma opslaan' }).click());
    const programme = cur.locator('section[aria-labelledby=programma]');
    await expect(programme.textContent()).resolves.toMatch(/13\.00–13\.30\s*Ontvangst[\s\S]*13\.30–14\.30/);
    await expect(programme.textContent()).resolves.toContain('Presentatie: Anna de Vries');
    await expectAccessible(cur);
  });

  it('a member signs up with a guest; one without JavaScript waits and moves up when she cancels', async () => {
    await withJs.goto(`${b.baseUrl}/bijeenkomsten/${meetingId}`);
    await expect(withJs.locator('#aanmelden').textContent()).resolves.toBe('Aanmelden');
    await expectAccessible(withJs);
    await withJs.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(withJs);
    await withJs.setViewportSize({ width: 1280, height: 800 });
    await withJs.getByLabel('Naam').first().fill('Gert Gast');
    await withJs.getByLabel('Organisatie').first().fill('Gemeente Uden');
    await withJs.getByLabel('E-mailadres').first().fill('gert@uden.nl');
    await navigate(withJs, () => withJs.getByRole('button', { name: 'Aanmelden', exact: true }).click());
    await expect(withJs.locator('[role=status]').first().textContent()).resolves.toContain(
      'U bent aangemeld',
    );
    const block = withJs.locator('section.signup');
    await expect(block.textContent()).resolves.toContain('Uw gasten: Gert Gast (Gemeente Uden).');
    await expectAccessible(withJs);
    await screenshot(withJs, 'meeting-signed-up');

    // Full now (2 seats): without JavaScript, the form still works and puts Bart on the waiting list.
    await noJs.goto(`${b.baseUrl}/bijeenkomsten/${meetingId}`);
    await expect(noJs.locator('section.signup').textContent()).resolves.toContain('De bijeenkomst is vol.');
    await navigate(noJs, () => noJs.getByRole('button', { name: 'Aanmelden voor de wachtlijst' }).click());
    await expect(noJs.locator('section.signup').textContent()).resolves.toMatch(
      /Uw aanmelding:\s*Op de wachtlijst\s*\(plaats 1\)/,
    );
    await screenshot(noJs, 'meeting-waiting-list-nojs');

    await navigate(withJs, () => withJs.getByRole('button', { name: 'Afmelden' }).click());
    await expect(withJs.locator('[role=status]').first().textContent()).resolves.toContain('U bent afgemeld');
    await noJs.reload();
    await expect(noJs.locator('section.signup').textContent()).resolves.toMatch(/Uw aanmelding:\s*Aangemeld/);
  });

  it('on the day the kerngroep checks presence on the attendance list', async () => {
    await cur.goto(`${b.baseUrl}/bijeenkomsten/${meetingId}`);
    await navigate(cur, () => cur.getByRole('link', { name: 'Aanmeldingen en aanwezigheid' }).click());
    await expect(cur.locator('table').first().textContent()).resolves.toContain('Area Wonen');
    await cur.getByRole('group', { name: 'Aanwezigheid van Bart Bos' }).getByLabel('Aanwezig').check();
    await navigate(cur, () => cur.getByRole('button', { name: 'Aanwezigheid opslaan' }).click());
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('opgeslagen');
    expect(
      await cur.getByRole('group', { name: 'Aanwezigheid van Bart Bos' }).getByLabel('Aanwezig').isChecked(),
    ).toBe(true);
    await expectAccessible(cur);
    await screenshot(cur, 'meeting-attendance');
  });

  it('after the meeting the kerngroep writes the verslag; members read it and find it on the case', async () => {
    await cur.goto(`${b.baseUrl}/bijeenkomsten/${heldId}`);
    await navigate(cur, () => cur.getByRole('link', { name: 'Verslag schrijven' }).click());
    await expectAccessible(cur);
    await cur.fill('#veld-body', '## Wat kwam eruit\n\nEen middag vol **praktijk**.');
    await cur
      .getByLabel(`Wat we leerden van “${CASE}”`)
      .fill('Een vaste ronde met de wijkverpleegkundige werkt.');
    await screenshot(cur, 'meeting-report-form');
    await navigate(cur, () => cur.getByRole('button', { name: 'Verslag publiceren' }).click());
    await expect(cur.locator('h1').textContent()).resolves.toBe(`Verslag: ${HELD}`);
    await expectAccessible(cur);

    await noJs.goto(`${b.baseUrl}/meldingen`);
    await navigate(noJs, () =>
      noJs
        .getByRole('link', { name: /Het verslag van/ })
        .first()
        .click(),
    );
    await expect(noJs.locator('.prose strong').textContent()).resolves.toBe('praktijk');
    await expect(noJs.locator('section[aria-labelledby=wat-we-leerden]').textContent()).resolves.toContain(
      'Een vaste ronde met de wijkverpleegkundige werkt.',
    );
    await screenshot(noJs, 'meeting-report-nojs');
    await noJs.goto(`${b.baseUrl}/casussen/${caseId}`);
    await expect(
      noJs.locator('section[aria-labelledby=bijeenkomsten-titel]').textContent(),
    ).resolves.toContain(`Besproken op ${HELD}: Een vaste ronde`);
  });

  it('the dossier prints the programme first, with page numbers and a running header', async () => {
    await cur.goto(`${b.baseUrl}/bijeenkomsten/${meetingId}/dossier`);
    await expectAccessible(cur);
    const pdf = await cur.pdf({ format: 'A4' });
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: false,
    });
    expect(totalPages).toBeGreaterThanOrEqual(2); // the case starts on a page of its own
    expect(text[0]).toContain(`Pagina 1 van ${totalPages}`);
    expect(text[totalPages - 1]).toContain(`Pagina ${totalPages} van ${totalPages}`);
    for (const page of text) expect(page).toContain(MEETING);
    expect(text[0].indexOf('Programma')).toBeLessThan(text[0].indexOf('Agenda'));
    expect(text.join('\n')).toContain('Hoe houden jullie de wijk betrokken?');
    expect(text.join('\n')).not.toContain('Zet in uw agenda');
  });
});
