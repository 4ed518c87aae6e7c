import { parse } from 'node-html-parser';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { CaseSearch } from '../../src/search/case-search';
import { reindexAll } from '../../src/search/indexer';
import { startProgress } from '../../src/progress/terminal-progress';
import { buildCase, buildOrganization, buildUser, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let curator: ReturnType<typeof request.agent>;
const members: Array<ReturnType<typeof request.agent>> = [];
let caseIds: number[] = [];

const ds = () => ctx.db.dataSource;
const stats = (query: string) =>
  ds()
    .query(`SELECT searches, zero_results, clicks FROM search_query_stats WHERE query = $1`, [query])
    .then((rows: Array<{ searches: number; zero_results: number; clicks: number }>) => rows[0] ?? null);

beforeAll(async () => {
  ctx = await createTestApp();
  // A known collection: three published cases over three years, one draft, one reflection,
  // one meeting with two nominations of which one selected.
  const corporation = await buildOrganization(ds(), { kind: 'woningcorporatie' });
  const municipality = await buildOrganization(ds(), { kind: 'gemeente' });
  const author = await buildUser(ds(), { organizationId: corporation.id });
  const expert = await buildUser(ds(), { roles: ['expert'], organizationId: municipality.id });
  caseIds = [
    await buildCase(ds(), author, {
      title: 'Huurachterstand vroeg signaleren',
      themes: ['incasso'],
      roles: ['verhuurder'],
    }),
    await buildCase(ds(), author, {
      title: 'Renovatie met bewoners',
      themes: ['incasso', 'renovatie'],
      roles: ['verhuurder', 'opdrachtgever'],
    }),
    await buildCase(ds(), author, { title: 'Nieuwbouw', themes: ['renovatie'], roles: ['ontwikkelaar'] }),
  ];
  await buildCase(ds(), author, { title: 'Concept', themes: ['overlast'], status: 'draft' });
  await ds().query(
    `UPDATE cases SET published_at = make_date(y, 6, 1) FROM (VALUES ($1::int, 2024), ($2::int, 2025), ($3::int, 2026)) AS v(id, y) WHERE cases.id = v.id`,
    caseIds,
  );
  await ds().query(`INSERT INTO reflections (case_id, author_id, body) VALUES ($1, $2, 'Goed voorbeeld.')`, [
    caseIds[0],
    expert.id,
  ]);
  const [meeting] = await ds().query(
    `INSERT INTO meetings (title, starts_at, status) VALUES ('Themabijeenkomst incasso', '2026-03-10T14:00:00Z', 'held') RETURNING id`,
  );
  await ds().query(
    `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, status) VALUES ($1, $2, $4, 'selected'), ($1, $3, $4, 'pending')`,
    [meeting.id, caseIds[0], caseIds[1], author.id],
  );
  await ctx.indexer.whenIdle();
  // Counted thirteen and eleven months ago: the first search of a new day forgets the older one.
  await ds().query(
    `INSERT INTO search_query_stats (day, query, searches) VALUES
       (current_date - interval '13 months', 'te oud', 5), (current_date - interval '11 months', 'nog bewaard', 5)`,
  );

  curator = request.agent(ctx.app);
  await loginAs(curator, await buildUser(ds(), { roles: ['curator'] }));
  for (let i = 0; i < 3; i++) {
    const agent = request.agent(ctx.app);
    const member: TestUser = await buildUser(ds(), { organizationId: corporation.id });
    await loginAs(agent, member);
    members.push(agent);
  }
});
afterAll(() => ctx.close());

describe('counting searches', () => {
  it('counts a submitted search once, never the live search while typing, and after a pause once', async () => {
    const [a] = members;
    for (const partial of ['h', 'hu', 'huura', 'huurachterstand'])
      await a.get('/casussen').query({ q: partial, fragment: '1' }).expect(200);
    expect(await ds().query(`SELECT query FROM search_query_stats WHERE searches < 5`)).toEqual([]);

    // The live search asks once more after a pause (tellen=1): that one counts.
    await a.get('/casussen').query({ q: 'huurachterstand', fragment: '1', tellen: '1' }).expect(200);
    expect(await stats('huurachterstand')).toEqual({ searches: 1, zero_results: 0, clicks: 0 });
    // Kept twelve months: the first count of the day forgot the older rows.
    expect(await stats('te oud')).toBeNull();
    expect(await stats('nog bewaard')).not.toBeNull();
    // The form submitted (Enter) by the same member the same day: still one member.
    await a.get('/casussen').query({ q: 'Huurachterstand' }).expect(200);
    expect((await stats('huurachterstand'))!.searches).toBe(1);
    // Another member submitting: two.
    await members[1].get('/casussen').query({ q: 'huurachterstand ' }).expect(200);
    expect((await stats('huurachterstand'))!.searches).toBe(2);
  });

  it('stores no member with a query: only day, query and counts', async () => {
    const columns = await ds().query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'search_query_stats' ORDER BY ordinal_position`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'day',
      'query',
      'searches',
      'zero_results',
      'clicks',
    ]);
  });

  it('never stores a query with an e-mail address or phone number, and cuts long ones like the search page', async () => {
    const [a] = members;
    await a.get('/casussen').query({ q: 'jan.jansen@example.nl huurachterstand' }).expect(200);
    await a.get('/casussen').query({ q: 'bel 06-12345678 terug' }).expect(200);
    await a.get('/casussen').query({ q: 'contact +31 20 123 4567' }).expect(200);
    const stored = await ds().query(
      `SELECT query FROM search_query_stats WHERE query LIKE '%@%' OR query LIKE 'bel %' OR query LIKE 'contact %'`,
    );
    expect(stored).toEqual([]);
    // Years and a house number are no personal data.
    await a.get('/casussen').query({ q: 'huurachterstand 2019-2023' }).expect(200);
    expect(await stats('huurachterstand 2019-2023')).toMatchObject({ searches: 1 });

    const long = `${'leefbaarheid '.repeat(30)}einde`;
    const page = await a.get('/casussen').query({ q: long }).expect(200);
    expect(page.text).toContain('is ingekort');
    const [row] = await ds().query(`SELECT query FROM search_query_stats WHERE query LIKE 'leefbaarheid%'`);
    expect(row.query).toBe(long.slice(0, 200).trim());
  });

  it('counts opening a case from the results as a click on that query', async () => {
    for (const agent of members) {
      await agent.get('/casussen').query({ q: 'renovatie' }).expect(200);
      await agent
        .get(`/casussen/${caseIds[1]}`)
        .set('Referer', 'http://127.0.0.1/casussen?q=renovatie')
        .set('Host', '127.0.0.1')
        .expect(200);
    }
    // From elsewhere (another site, another page): not a click.
    await members[0]
      .get(`/casussen/${caseIds[0]}`)
      .set('Referer', 'https://elders.example/casussen?q=renovatie')
      .expect(200);
    expect(await stats('renovatie')).toEqual({ searches: 3, zero_results: 0, clicks: 3 });
  });
});

describe('search insight (Beheer → Inzicht)', () => {
  beforeAll(async () => {
    // Found nothing: three members (shown), and a query of only two members (never shown).
    for (const agent of members) await agent.get('/casussen').query({ q: 'xyzzyquux' }).expect(200);
    for (const agent of members.slice(0, 2)) await agent.get('/casussen').query({ q: 'zeldzaamwoord' });
    // Found, but nobody opened a case.
    for (const agent of members) await agent.get('/casussen').query({ q: 'nieuwbouw' }).expect(200);
  });

  it('lists frequent, zero-result and unclicked queries of at least three members, with links', async () => {
    const page = await curator.get('/beheer/inzicht').expect(200);
    const html = parse(page.text);
    const list = (id: string) =>
      html
        .querySelector(`section[aria-labelledby="${id}"]`)!
        .querySelectorAll('tbody tr')
        .map((tr) => tr.querySelector('td a')!.text.trim());
    expect(list('vaak-titel')).toEqual(['nieuwbouw', 'renovatie', 'xyzzyquux']);
    expect(list('niets-titel')).toEqual(['xyzzyquux']);
    expect(list('ongeopend-titel')).toEqual(['nieuwbouw']);
    expect(page.text).not.toContain('zeldzaamwoord');
    expect(page.text).not.toContain('huurachterstand</a>'); // two members only
    expect(page.text).toContain('nooit met wie er zocht');
    expect(page.text).toContain('href="/casussen?q=xyzzyquux"');

    // One click from a zero-result query to a thesaurus group starting with it.
    const add = html.querySelector('section[aria-labelledby="niets-titel"] a.button')!;
    expect(add.getAttribute('href')).toBe('/beheer/thesaurus/nieuw?term=xyzzyquux');
    const form = await curator.get(add.getAttribute('href')!).expect(200);
    expect(form.text).toMatch(/<textarea id="veld-terms"[^>]*>\s*xyzzyquux\s*<\/textarea>/);

    // A month without data; a month that is no month.
    const empty = await curator.get('/beheer/inzicht?maand=2020-01').expect(200);
    expect(empty.text).toContain('Geen zoekvragen boven de drempel');
    await curator.get('/beheer/inzicht?maand=2026-13').expect(400);
    await members[0].get('/beheer/inzicht').expect(403);
  });

  it('draws the collection as SVG charts with the expected marks, each with its table and CSV', async () => {
    const page = await curator.get('/beheer/inzicht').expect(200);
    const html = parse(page.text);
    const marks = (slug: string) => {
      const block = html.querySelector(`#grafiek-${slug}-blok`)!;
      expect(block.querySelector('svg[role="img"] title')).not.toBeNull();
      expect(block.querySelector('table caption')).not.toBeNull();
      return block.querySelectorAll('svg .mark').length;
    };
    expect(marks('themas')).toBe(2 * 3); // two themes × 2024–2026 (the draft's theme is not there)
    expect(marks('rollen')).toBe(4 * 3); // four roles × three years
    expect(marks('reflecties')).toBe(3); // one bar per year
    expect(marks('bijeenkomsten')).toBe(2); // nominated and selected for one meeting
    expect(marks('organisaties')).toBe(6 * 2); // every organisation kind: cases and reflections
    // Drawn on the server: no script in the charts.
    expect(html.querySelectorAll('section[aria-labelledby="collectie-titel"] script')).toEqual([]);

    const themes = html.querySelector('#grafiek-themas-blok table')!;
    const cells = (tr: ReturnType<typeof parse>) => tr.querySelectorAll('th, td').map((c) => c.text.trim());
    expect(themes.querySelectorAll('tr').map(cells)).toEqual([
      ['Thema', '2024', '2025', '2026', 'Totaal'],
      ['Incasso en huurachterstanden', '1', '1', '0', '2'],
      ['Renovatie', '0', '1', '1', '2'],
    ]);
    // Themes with few cases: every theme with fewer than three (those without any too).
    const thin = html.querySelectorAll('.thin-themes li').map((li) => li.text);
    expect(thin).toContain('Overlast: nog geen casussen');
    expect(thin).toContain('Renovatie: 2 casussen');

    const csv = await curator.get('/beheer/inzicht/reflecties.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('casusbank-reflecties.csv');
    expect(csv.text.replace('\uFEFF', '').split('\r\n')).toEqual([
      'Jaar,Gepubliceerd,Met reflectie,Aandeel',
      '2024,1,1,100%',
      '2025,1,0,0%',
      '2026,1,0,0%',
      '',
    ]);
    const meetings = await curator.get('/beheer/inzicht/bijeenkomsten.csv').expect(200);
    expect(meetings.text).toContain('Themabijeenkomst incasso,2026-03-10,2,1');
    await curator.get('/beheer/inzicht/onbekend.csv').expect(404);
  });
});

describe('progress of long work', () => {
  it('shows a running rebuild on /readyz and on the Beheer page', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const reached = new Promise<void>((r) => (arrived = r));
    const slow = {
      engine: 'embedded',
      upsert: async () => {
        arrived();
        await gate;
      },
      remove: async () => undefined,
    } as unknown as CaseSearch;
    const rebuild = reindexAll(ds(), [slow], undefined, {
      indexer: ctx.indexer,
      allEngines: ctx.indexer.engineNames,
    });
    await reached;
    const ready = await request(ctx.app).get('/readyz').expect(200);
    expect(ready.body.checks.search.progress).toMatchObject({
      label: 'zoekindex (embedded) opnieuw opbouwen',
      unit: 'casussen',
      done: 0,
      total: 4,
    });
    const beheer = await curator.get('/beheer').expect(200);
    expect(beheer.text).toContain('De zoekindex wordt opnieuw opgebouwd.');
    expect(beheer.text).toMatch(/zoekindex \(embedded\) opnieuw opbouwen: 0 van 4 casussen \(0%\)/);
    release();
    await rebuild;
    expect((await request(ctx.app).get('/readyz').expect(200)).body.checks.search.progress).toBeUndefined();
    expect((await curator.get('/beheer').expect(200)).text).not.toContain('wordt opnieuw opgebouwd');
  });

  it('draws a bar with count, rate and time left on a terminal, and plain lines otherwise', () => {
    const capture = (isTTY: boolean) => {
      let text = '';
      const stream = Object.assign(
        new Writable({
          write(chunk, _enc, done) {
            text += String(chunk);
            done();
          },
        }),
        { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
      );
      return { stream, text: () => text };
    };
    let clock = 0;
    const now = () => clock;

    const pipe = capture(false);
    const plain = startProgress('importeren', 1000, {
      unit: 'casussen',
      stream: pipe.stream,
      everyMs: 1000,
      now,
    });
    clock = 500;
    plain.update(100); // within a second of the first line: no line
    clock = 2000;
    plain.update(400);
    clock = 4000;
    plain.update(1000);
    plain.stop();
    expect(pipe.text().split('\n')).toEqual([
      'importeren: 0 van 1.000 casussen (0%), 0 per seconde, resterende tijd nog onbekend',
      'importeren: 400 van 1.000 casussen (40%), 200 per seconde, nog ongeveer 3 s',
      'importeren: 1.000 van 1.000 casussen (100%), 250 per seconde, nog ongeveer 0 s',
      '',
    ]);
    // eslint-disable-next-line no-control-regex -- a terminal's cursor codes are what is checked
    expect(pipe.text()).not.toMatch(/\r|\u001b\[/);

    const tty = capture(true);
    clock = 0;
    const bar = startProgress('importeren', 1000, { unit: 'casussen', stream: tty.stream, now });
    clock = 2000;
    bar.update(400);
    bar.stop();
    // cli-progress redraws one line in place: cursor movement, a bar, count, rate and time left.
    // eslint-disable-next-line no-control-regex -- a terminal's cursor codes are what is checked
    expect(tty.text()).toMatch(/\u001b\[/);
    expect(tty.text()).toContain('importeren [');
    expect(tty.text()).toContain('400/1000 casussen | 200,0/s | nog ongeveer 3 s');
  });
});
