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
 * The kerngroep's cycle in the browser, three people in three browser contexts: the curator plans
 * a meeting and opens nominations, the practitioner nominates, the curator decides and orders the
 * agenda, the expert reflects, the practitioner prepares, the curator marks the case presented.
 * Each step runs after the one before (shared state below); axe-core checks every page on the way.
 */
const day = 24 * 60 * 60 * 1000;
const isoDate = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);

const A = 'Vroegsignalering met de gemeente';
const B = 'Budgetcoaching voor nieuwe huurders';
const C = 'Huisbezoek bij betalingsachterstand';
const MEETING = 'Themabijeenkomst huurachterstanden';

/** Clicks something that submits a form or follows a link, and waits for the next page. */
async function navigate(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The titles on the kerngroep's agenda, in order. */
const agendaTitles = (page: Page) => page.locator('.agenda-list .agenda-item h3').allTextContents();

describeBrowser('in the browser: a themabijeenkomst from nomination to presentation', () => {
  let b: BrowserContext;
  let practitioner: TestUser;
  let expert: TestUser;
  let curator: TestUser;
  let caseA: number;
  let caseB: number;
  let caseC: number;
  let meetingUrl: string;
  let cur: Page;
  let prac: Page;
  let exp: Page;

  beforeAll(async () => {
    b = await startBrowserApp();
    const ds = b.ctx.db.dataSource;
    const orgA = await buildOrganization(ds, { name: 'Woonstichting De Vaart' });
    const orgB = await buildOrganization(ds, { name: 'Kenniscentrum Wonen', kind: 'kennisinstituut' });
    const orgC = await buildOrganization(ds, { name: 'Gemeente Zwolle', kind: 'gemeente' });
    practitioner = await buildUser(ds, { organizationId: orgA.id, name: 'Petra Praktijk' });
    expert = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id, name: 'Erik Expert' });
    curator = await buildUser(ds, { roles: ['curator'], organizationId: orgB.id, name: 'Karin Kerngroep' });
    const stranger = await buildUser(ds, { organizationId: orgC.id });
    caseA = await buildCase(ds, practitioner, {
      title: A,
      summary: 'Bellen bij de eerste gemiste huur, samen met de gemeente.',
      themes: ['incasso'],
    });
    caseB = await buildCase(ds, stranger, { title: B, themes: ['incasso'] });
    caseC = await buildCase(ds, stranger, { title: C, themes: ['incasso'] });
    await b.ctx.indexer.whenIdle();
    [cur, prac, exp] = await Promise.all([b.newPage(), b.newPage(), b.newPage()]);
    await keyboardLoginAs(cur, b, curator);
    await keyboardLoginAs(prac, b, practitioner);
    await keyboardLoginAs(exp, b, expert);
  });
  afterAll(() => b?.close());

  it('the curator plans a meeting through the form (errors first) and opens nominations', async () => {
    await cur.goto(`${b.baseUrl}/bijeenkomsten`);
    await expectAccessible(cur);
    await navigate(cur, () => cur.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click());
    expect(new URL(cur.url()).pathname).toBe('/bijeenkomsten/nieuw');
    await expectAccessible(cur);

    // A date in the past and no theme: the form comes back with Dutch messages and the input kept.
    await cur.fill('#veld-title', MEETING);
    await cur.fill('#veld-date', isoDate(-2 * day));
    await cur.fill('#veld-startTime', '13:30');
    await cur.fill('#veld-locationName', 'Kantoor Woonstichting De Vaart');
    await navigate(cur, () => cur.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click());
    const summary = cur.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('Kies minstens één thema.');
    // The past date is said on this first submit too, not only once the theme is fixed.
    await expect(summary.textContent()).resolves.toContain('kan niet in het verleden liggen');
    // Focus moves to the error summary, so a screen reader announces it.
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await cur.inputValue('#veld-locationName')).toBe('Kantoor Woonstichting De Vaart');
    await expectAccessible(cur);
    await screenshot(cur, 'meeting-form-errors');

    await cur.check('#thema-incasso');
    await navigate(cur, () => cur.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click());
    await expect(cur.locator('.error-summary').textContent()).resolves.toContain('verleden');
    expect(await cur.isChecked('#thema-incasso')).toBe(true);
    await expectAccessible(cur);

    await cur.fill('#veld-date', isoDate(30 * day));
    await cur.fill('#veld-endTime', '16:30');
    await cur.fill('#veld-locationAddress', 'Havenstraat 1, Zwolle');
    await cur.selectOption('#veld-focusRole', 'verhuurder');
    await cur.fill('#veld-description', 'We bespreken **vroegsignalering** met gemeente en wijkteam.');
    await cur.check(`#expert-${expert.id}`);
    await cur.fill('#veld-nominationDeadline', isoDate(14 * day));
    await navigate(cur, () => cur.getByRole('button', { name: 'Bijeenkomst aanmaken' }).click());
    expect(cur.url()).toMatch(/\/bijeenkomsten\/\d+$/);
    meetingUrl = new URL(cur.url()).pathname;
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('aangemaakt');
    await expect(cur.locator('.prose strong').first().textContent()).resolves.toBe('vroegsignalering');
    await expectAccessible(cur);

    await navigate(cur, () => cur.getByRole('link', { name: 'Voordrachten en agenda' }).click());
    await navigate(cur, () => cur.getByRole('button', { name: 'Voordrachten openen' }).click());
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('voordragen');

    await cur.goto(`${b.baseUrl}/bijeenkomsten`);
    await expect(cur.locator('.meeting-list').first().textContent()).resolves.toContain(MEETING);
    await expectAccessible(cur);
    await screenshot(cur, 'meetings-list');
  });

  it('the practitioner nominates their own case from the meeting page; the curator two more from case pages', async () => {
    await prac.goto(`${b.baseUrl}${meetingUrl}`);
    await expectAccessible(prac);
    // Only the practitioner's own organisation's published cases are offered.
    const offered = await prac.locator('#veld-caseId option').allTextContents();
    expect(offered).toContain(A);
    expect(offered).not.toContain(B);
    // Without a motivation: refused, the choice kept.
    await prac.selectOption('#veld-caseId', { label: A });
    await navigate(prac, () => prac.getByRole('button', { name: 'Voordragen' }).click());
    await expect(prac.locator('.error-summary').textContent()).resolves.toContain(
      'De motivatie is verplicht',
    );
    expect(await prac.locator('#veld-caseId option:checked').textContent()).toBe(A);
    await expectAccessible(prac);
    await prac.fill('#veld-motivation', 'Werkt goed samen met de gemeente.');
    await navigate(prac, () => prac.getByRole('button', { name: 'Voordragen' }).click());
    await expect(prac.locator('[role=status]').first().textContent()).resolves.toContain('voorgedragen');
    await expect(prac.locator('section[aria-labelledby=mijn-voordrachten]').textContent()).resolves.toContain(
      'In behandeling',
    );
    await expectAccessible(prac);
    await screenshot(prac, 'meeting-nominated');

    // Curators nominate any case, from the case page.
    for (const caseId of [caseB, caseC]) {
      await cur.goto(`${b.baseUrl}/casussen/${caseId}`);
      await cur.locator('summary', { hasText: `Voordragen voor ${MEETING}` }).click();
      await cur.getByLabel('Waarom past deze casus bij de bijeenkomst?').fill('Past bij het thema.');
      await navigate(cur, () => cur.getByRole('button', { name: 'Voordragen' }).click());
      expect(new URL(cur.url()).pathname).toBe(`/casussen/${caseId}`);
      await expect(
        cur.locator('section[aria-labelledby=bijeenkomsten-titel]').textContent(),
      ).resolves.toContain('Voorgedragen voor');
    }
  });

  it('the curator decides all three in one submit (one decline with the keyboard only) and orders the agenda with buttons and drag and drop', async () => {
    await cur.goto(`${b.baseUrl}${meetingUrl}/voordrachten`);
    await expect(cur.locator('#open-titel').textContent()).resolves.toContain('(3)');
    // Nothing is chosen for the kerngroep.
    expect(await cur.locator('input[type=radio]:checked').count()).toBe(0);
    await expectAccessible(cur);
    await screenshot(cur, 'nominations-pending');

    const card = (title: string) =>
      cur.locator('li.card', { has: cur.getByRole('heading', { name: title }) });
    const focused = () =>
      cur.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    // A selected without a place (last), C selected in first place...
    await card(A).getByLabel('Selecteren voor de agenda').check();
    await card(C).getByLabel('Selecteren voor de agenda').check();
    await card(C)
      .getByLabel(/Plaats op de agenda/)
      .fill('1');
    // ...and B, keyboard only: from the case link into the radio group, arrow to "Niet selecteren",
    // on to the place field and submit with Enter, forgetting the feedback a decline needs.
    await card(B).getByRole('link', { name: B }).focus();
    await cur.keyboard.press('Tab'); // the radio group (nothing checked: its first button)
    await cur.keyboard.press('ArrowDown'); // "Niet selecteren"
    await cur.keyboard.press('Tab'); // agenda place
    await navigate(cur, () => cur.keyboard.press('Enter'));
    // The whole submit is refused; the summary takes focus and links to the field; choices kept.
    const refused = cur.locator('.decisions-form .error-summary');
    await expect(refused.textContent()).resolves.toContain('Geef de indiener een toelichting');
    await expect(refused.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await card(B).locator('input[value=not_selected]').isChecked()).toBe(true);
    expect(await card(A).locator('input[value=selected]').isChecked()).toBe(true);
    expect(
      await card(C)
        .getByLabel(/Plaats op de agenda/)
        .inputValue(),
    ).toBe('1');
    await expect(cur.locator('#open-titel').textContent()).resolves.toContain('(3)'); // nothing saved
    await expectAccessible(cur);
    await screenshot(cur, 'nominations-refused');
    await cur.keyboard.press('Tab'); // the link in the summary
    await cur.keyboard.press('Enter'); // to the feedback field
    await expect(focused()).resolves.toMatch(/^veld-feedback-\d+$/);
    await cur.keyboard.type('Bewaren we voor de bijeenkomst over leefbaarheid.');
    await cur.getByRole('button', { name: 'Besluiten opslaan' }).focus();
    await navigate(cur, () => cur.keyboard.press('Enter'));
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain(
      '2 casussen geselecteerd en één voordracht niet geselecteerd',
    );
    await expect(cur.locator('section[aria-labelledby=afgewezen-titel]').textContent()).resolves.toContain(
      'Bewaren we voor de bijeenkomst over leefbaarheid.',
    );
    expect(await agendaTitles(cur)).toEqual([C, A]);
    await expectAccessible(cur);

    // The buttons: A one place up.
    // (The hidden part of a button's name comes after a space: "Omhoog : <titel>".)
    const upA = cur.getByRole('button', { name: new RegExp(`^Omhoog\\s*: ${A}$`) });
    await upA.focus();
    await navigate(cur, () => cur.keyboard.press('Enter'));
    expect(await agendaTitles(cur)).toEqual([A, C]);
    // The page comes back on the moved item, focused, so the keyboard can move it on from there.
    expect(new URL(cur.url()).hash).toMatch(/^#agendapunt-\d+$/);
    await expect(
      cur.locator('.agenda-item', { hasText: A }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);

    // Drag and drop (agenda.js posts the whole order as JSON and reloads): C back on top.
    // Like a hand: small steps, then a last wiggle once the card has moved under the pointer, so
    // the drop lands on the dragged card itself (which once refused it and lost the new order).
    // The agenda's top at the top of the window: scrolling while dragging would keep A under the pointer.
    await cur.evaluate(() => document.getElementById('agenda')!.scrollIntoView({ block: 'start' }));
    const from = (await cur.locator('.agenda-item', { hasText: C }).boundingBox())!;
    const to = (await cur.locator('.agenda-item', { hasText: A }).boundingBox())!;
    const reloaded = cur.waitForEvent('load', { timeout: 15_000 });
    await cur.mouse.move(from.x + 40, from.y + 10);
    await cur.mouse.down();
    await cur.mouse.move(to.x + 40, to.y + 10, { steps: 12 });
    await cur.mouse.move(to.x + 45, to.y + 12, { steps: 3 });
    await cur.mouse.up();
    await reloaded;
    expect(await agendaTitles(cur)).toEqual([C, A]);

    // Someone else reorders meanwhile (a second tab): this page's order is stale, the move is
    // refused with 409 and the page shows the current order with the explanation, focused.
    const other = await cur.context().newPage();
    await other.goto(cur.url());
    await navigate(other, () =>
      other.getByRole('button', { name: new RegExp(`^Omhoog\\s*: ${A}$`) }).click(),
    );
    await other.close();
    const stale = cur.waitForResponse((r) => r.url().endsWith('/agenda'));
    await navigate(cur, () => cur.getByRole('button', { name: new RegExp(`^Omlaag\\s*: ${C}$`) }).click());
    expect((await stale).status()).toBe(409);
    const notice = cur.locator('[role=alert]', { hasText: 'door iemand anders gewijzigd' });
    await expect(notice.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await agendaTitles(cur)).toEqual([A, C]);
    await expectAccessible(cur);
    await navigate(cur, () => cur.getByRole('button', { name: new RegExp(`^Omhoog\\s*: ${C}$`) }).click());
    expect(await agendaTitles(cur)).toEqual([C, A]);
    await expectAccessible(cur);
    await screenshot(cur, 'nominations-agenda');

    await navigate(cur, () => cur.getByRole('button', { name: /Agenda vaststellen/ }).click());
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('vastgesteld');
  });

  it('the expert writes a reflection on the case page, tied to the meeting, and edits it', async () => {
    await exp.goto(`${b.baseUrl}/casussen/${caseA}`);
    await expectAccessible(exp);
    // An empty reflection is refused on the same page.
    await navigate(exp, () => exp.getByRole('button', { name: 'Reflectie plaatsen' }).click());
    await expect(exp.locator('.error-summary').textContent()).resolves.toContain('De reflectie is verplicht');
    await expectAccessible(exp);

    await exp.fill('#veld-body', 'Sterke aanpak. Let op de **privacy** bij het delen van gegevens.');
    const meetingOption = await exp
      .locator('#veld-meetingId option', { hasText: MEETING })
      .getAttribute('value');
    await exp.selectOption('#veld-meetingId', meetingOption!);
    await navigate(exp, () => exp.getByRole('button', { name: 'Reflectie plaatsen' }).click());
    const reflection = exp.locator('article.reflection', { hasText: 'Sterke aanpak.' });
    await expect(reflection.locator('strong').textContent()).resolves.toBe('privacy');
    await expect(reflection.textContent()).resolves.toContain(MEETING);
    await screenshot(exp, 'case-reflection');

    await navigate(exp, () => reflection.getByRole('link', { name: 'Bewerken' }).click());
    expect(exp.url()).toMatch(/\/reflecties\/\d+\/bewerken$/);
    await expectAccessible(exp);
    await exp.fill(
      '#veld-body',
      'Sterke aanpak. Let op de **privacy** bij het delen van gegevens met het wijkteam.',
    );
    await navigate(exp, () => exp.getByRole('button', { name: 'Opslaan' }).click());
    await expect(exp.locator('article.reflection').textContent()).resolves.toContain('met het wijkteam');
  });

  it('the practitioner reads the notifications, the preparation page and the printable dossier', async () => {
    await prac.goto(`${b.baseUrl}/`);
    // Nomination decided, agenda set, reflection on my case.
    await expect(prac.locator('.count-badge').textContent()).resolves.toMatch(/^3\s*ongelezen$/);
    await navigate(prac, () => prac.getByRole('link', { name: /Meldingen/ }).click());
    const list = prac.locator('.notification-list');
    await expect(list.textContent()).resolves.toContain('schreef een reflectie op uw casus');
    await expect(list.textContent()).resolves.toContain('geselecteerd');
    await expectAccessible(prac);
    await screenshot(prac, 'notifications');
    await navigate(prac, () => prac.getByRole('button', { name: 'Alles als gelezen markeren' }).click());
    expect(await prac.locator('.count-badge').count()).toBe(0);
    await expectAccessible(prac);

    await prac.goto(`${b.baseUrl}${meetingUrl}`);
    const agenda = prac.locator('.agenda-list > li h3');
    expect(await agenda.allTextContents()).toEqual([C, A]);
    await prac.locator('.agenda-list summary', { hasText: '1 reflectie' }).click();
    await expect(prac.locator('.agenda-list').textContent()).resolves.toContain('met het wijkteam');
    await expect(prac.locator('section[aria-labelledby=mijn-voordrachten]').textContent()).resolves.toContain(
      'Geselecteerd',
    );
    await expectAccessible(prac);
    await screenshot(prac, 'meeting-preparation');
    // On a phone: one column, the practical details before the agenda, nothing wider than the screen.
    await prac.setViewportSize({ width: 390, height: 844 });
    await expect(prac.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(prac, 'meeting-preparation-phone');
    await prac.setViewportSize({ width: 1280, height: 720 });

    await navigate(prac, () => prac.getByRole('link', { name: 'Dossier om te printen' }).click());
    expect(new URL(prac.url()).pathname).toBe(`${meetingUrl}/dossier`);
    await expect(prac.locator('.dossier-case h2').allTextContents()).resolves.toEqual([C, A]);
    await expect(prac.locator('.dossier').textContent()).resolves.toContain('Aanleiding van de casus.');
    await expect(prac.locator('.dossier').textContent()).resolves.not.toContain(B);
    await expectAccessible(prac);
    await screenshot(prac, 'dossier');

    // On paper: no navigation or buttons, each case on a new page.
    await prac.emulateMedia({ media: 'print' });
    await expect(prac.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(prac.locator('.site-footer').isVisible()).resolves.toBe(false);
    await expect(prac.locator('.dossier .no-print').isVisible()).resolves.toBe(false);
    const breaks = await prac
      .locator('.dossier-case')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(['page', 'page']);
    await screenshot(prac, 'dossier-print');
    await prac.emulateMedia({ media: 'screen' });
  });

  it('after the meeting the curator marks it held and the case presented; the case page says so', async () => {
    await b.ctx.db.dataSource.query(
      `UPDATE meetings SET starts_at = now() - interval '2 hours', ends_at = NULL WHERE id = $1`,
      [Number(meetingUrl.split('/').pop())],
    );
    await cur.goto(`${b.baseUrl}${meetingUrl}/voordrachten`);
    await navigate(cur, () => cur.getByRole('button', { name: 'Markeren als gehouden' }).click());
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('gehouden');
    // Decisions and the order are closed now (no forms, no dragging); only "presented" remains.
    expect(await cur.locator('.decision-form').count()).toBe(0);
    expect(await cur.locator('[data-agenda-for], .agenda-item[draggable=true]').count()).toBe(0);
    await navigate(cur, () =>
      cur.getByRole('button', { name: new RegExp(`^Markeren als gepresenteerd\\s*: ${A}$`) }).click(),
    );
    await expect(cur.locator('[role=status]').first().textContent()).resolves.toContain('gepresenteerd');
    await expectAccessible(cur);
    await screenshot(cur, 'nominations-held');

    await prac.goto(`${b.baseUrl}/casussen/${caseA}`);
    await expect(
      prac.locator('section[aria-labelledby=bijeenkomsten-titel]').textContent(),
    ).resolves.toContain('Gepresenteerd op');
    await expectAccessible(prac);
  });
});

/**
 * The nominations page as the kerngroep uses it on a laptop (1,366 px) and a phone (390 px), with
 * and without JavaScript: nothing pre-chosen, a wrong place refused with the range named, several
 * decisions saved in one submit, the agenda set after the list (with the rest explicitly left).
 * axe-core runs with JavaScript only (it needs it). Screenshots in test-results/screenshots.
 */
describeBrowser(
  'in the browser: the nominations page at desktop and phone width, with and without JavaScript',
  () => {
    const DESKTOP = { width: 1366, height: 900 };
    const PHONE = { width: 390, height: 844 };
    let b: BrowserContext;
    let curator: TestUser;
    let nominator: TestUser;

    beforeAll(async () => {
      b = await startBrowserApp();
      const ds = b.ctx.db.dataSource;
      const org = await buildOrganization(ds, { name: 'Woonbedrijf Ieder1' });
      curator = await buildUser(ds, { roles: ['curator'], organizationId: org.id, name: 'Karin Kerngroep' });
      nominator = await buildUser(ds, { organizationId: org.id, name: 'Nina Indiener' });
    });
    afterAll(() => b?.close());

    /** A meeting open for nominations with three nominated cases, fresh for each run. */
    async function meetingWithNominations(label: string) {
      const ds = b.ctx.db.dataSource;
      const [{ id }] = await ds.query(
        `INSERT INTO meetings (title, starts_at, status) VALUES ($1, now() + interval '30 days', 'nominations_open') RETURNING id`,
        [`Bijeenkomst ${label}`],
      );
      const titles = [`Portiekgesprekken ${label}`, `Buurtbemiddeling ${label}`, `Wijkbudget ${label}`];
      for (const title of titles) {
        const caseId = await buildCase(ds, nominator, { title, themes: ['leefbaarheid'] });
        await ds.query(
          `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation) VALUES ($1, $2, $3, 'Past goed.')`,
          [id, caseId, nominator.id],
        );
      }
      return { id: id as number, titles };
    }

    for (const [width, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      for (const javaScriptEnabled of [true, false]) {
        const label = `${width}-${javaScriptEnabled ? 'js' : 'nojs'}`;
        it(`decides, refuses a wrong place and sets the agenda (${width} ${viewport.width} px, ${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
          const { id, titles } = await meetingWithNominations(label);
          const [first, second, third] = titles;
          const context = await b.browser.newContext({ viewport, javaScriptEnabled });
          const page = await context.newPage();
          try {
            await keyboardLoginAs(page, b, curator);
            await page.goto(`${b.baseUrl}/bijeenkomsten/${id}/voordrachten`);
            const card = (title: string) =>
              page.locator('li.card', { has: page.getByRole('heading', { name: title }) });
            const accessible = async () => {
              if (javaScriptEnabled) await expectAccessible(page);
            };

            // Nothing chosen; one save button; the set-agenda button below every nomination.
            expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
            expect(await page.getByRole('button', { name: 'Besluiten opslaan' }).count()).toBe(1);
            const lastCard = (await card(third).boundingBox())!;
            const setAgenda = page.getByRole('button', {
              name: 'Agenda vaststellen en deelnemers informeren',
            });
            expect((await setAgenda.boundingBox())!.y).toBeGreaterThan(lastCard.y + lastCard.height);
            // Nothing wider than the screen.
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
              viewport.width,
            );
            await accessible();
            await screenshot(page, `nominations-${label}-open`);

            // Two decisions at once, one with place 9 where the agenda will hold two: refused whole.
            await card(first).getByLabel('Selecteren voor de agenda').check();
            await card(second).getByLabel('Selecteren voor de agenda').check();
            await card(second)
              .getByLabel(/Plaats op de agenda/)
              .fill('9');
            await navigate(page, () => page.getByRole('button', { name: 'Besluiten opslaan' }).click());
            const summary = page.locator('.decisions-form .error-summary');
            await expect(summary.textContent()).resolves.toContain('Kies een plaats van 1 tot en met 2');
            expect(
              await card(second)
                .getByLabel(/Plaats op de agenda/)
                .inputValue(),
            ).toBe('9');
            expect(await card(first).locator('input[value=selected]').isChecked()).toBe(true);
            await expect(page.locator('#open-titel').textContent()).resolves.toContain('(3)');
            if (javaScriptEnabled)
              await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
            await accessible();
            await screenshot(page, `nominations-${label}-refused`);

            // Place 1 instead: both saved in one submit, in that order.
            await card(second)
              .getByLabel(/Plaats op de agenda/)
              .fill('1');
            await navigate(page, () => page.getByRole('button', { name: 'Besluiten opslaan' }).click());
            await expect(page.locator('[role=status]').first().textContent()).resolves.toContain(
              '2 casussen geselecteerd',
            );
            expect(await agendaTitles(page)).toEqual([second, first]);
            await expect(page.locator('#open-titel').textContent()).resolves.toContain('(1)');

            // The agenda is not set while one is undecided, unless the rest is explicitly left.
            await navigate(page, () => setAgenda.click());
            const notice = page.locator('.alert-error[role=alert]');
            await expect(notice.textContent()).resolves.toContain('Er is nog één voordracht zonder besluit');
            await accessible();
            await screenshot(page, `nominations-${label}-undecided-left`);
            await page.getByLabel('De overige voordracht niet behandelen').check();
            await navigate(page, () => setAgenda.click());
            await expect(page.locator('[role=status]').first().textContent()).resolves.toContain(
              'vastgesteld',
            );
            await expect(
              page.locator('section[aria-labelledby=afgewezen-titel]').textContent(),
            ).resolves.toContain('niet behandeld');
            await accessible();
            await screenshot(page, `nominations-${label}-agenda-set`);
          } finally {
            await context.close();
          }
        });
      }
    }
  },
);
