import { Meilisearch, type Key } from 'meilisearch';
import type { ConfigError } from '../../src/config';
import { parseConfig } from '../../src/config';
import { ensureMeiliKeys, keySpecs, pickKey } from '../../src/search/meili-keys';
import {
  batchesBySize,
  capAttachmentText,
  MAX_ATTACHMENT_TEXT_PER_CASE,
  MEILI_SETTINGS,
  MeiliCaseSearch,
  SEARCH_TIMEOUT_MS,
} from '../../src/search/meili-search';
import type { SearchQuery, SearchResult } from '../../src/search/search-query';
import { doc, query } from '../support/search-documents';

// No Meilisearch server runs here. These tests read the adapter's own settings and the HTTP
// requests it really sends (global fetch is recorded and answered with canned replies), and
// fail when the two disagree in a way a real server answers with HTTP 400 or wrong results.

interface Recorded {
  method: string;
  path: string;
  body: any;
  auth: string | null;
}

let requests: Recorded[] = [];
/** Canned search hits per request; a test sets them before searching. */
let cannedHits: Array<Record<string, unknown>> = [];
let cannedTotal = 0;
let cannedKeys: Array<Partial<Key>> = [];
let hang = false;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function answer(method: string, path: string, body: any): Response {
  const task = (type: string) =>
    json(202, {
      taskUid: 1,
      indexUid: 'cases',
      status: 'enqueued',
      type,
      enqueuedAt: new Date().toISOString(),
    });
  if (path.startsWith('/tasks/')) return json(200, { uid: 1, status: 'succeeded', type: 'x' });
  if (path === '/multi-search')
    return json(200, {
      results: body.queries.map((q: any) => ({
        indexUid: q.indexUid,
        hits: q.hitsPerPage === 0 ? [] : cannedHits,
        totalHits: cannedTotal,
        page: q.page ?? 1,
        hitsPerPage: q.hitsPerPage,
        totalPages: 1,
        processingTimeMs: 1,
        query: q.q,
        facetDistribution: q.facets ? { [q.facets[0]]: {} } : undefined,
      })),
    });
  if (/^\/indexes\/[^/]+\/search$/.test(path))
    return json(200, {
      hits: body.filter?.some((f: string) => /^id = /.test(f))
        ? [{ id: 1, title: 'Huurachterstanden', themes: ['incasso'] }]
        : [{ id: 2 }],
      processingTimeMs: 1,
      query: body.q,
    });
  if (/^\/indexes\/[^/]+\/stats$/.test(path)) return json(200, { numberOfDocuments: 0 });
  if (/^\/indexes\/[^/]+$/.test(path) && method === 'GET')
    return json(200, { uid: 'cases', primaryKey: 'id' });
  if (path === '/keys' && method === 'GET')
    return json(200, { results: cannedKeys, offset: 0, limit: 1000, total: 0 });
  if (path === '/keys' && method === 'POST') return json(201, { ...body, uid: 'u', key: `new-${body.name}` });
  if (path === '/health') return json(200, { status: 'available' });
  return task(`${method} ${path}`);
}

beforeEach(() => {
  requests = [];
  cannedHits = [];
  cannedTotal = 0;
  cannedKeys = [];
  hang = false;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const auth = new Headers(init?.headers).get('authorization');
    requests.push({ method: init?.method ?? 'GET', path: url.pathname, body, auth });
    if (hang)
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    return answer(init?.method ?? 'GET', url.pathname, body);
  });
});
afterEach(() => jest.restoreAllMocks());

const viewer = { id: 7 };
const adapter = (extra: Partial<ConstructorParameters<typeof MeiliCaseSearch>[0]> = {}) =>
  new MeiliCaseSearch({
    url: 'http://meili.test:7700',
    adminKey: 'admin-key',
    searchKey: 'search-key',
    ...extra,
  });

/** Every search request the adapter sent: multi-search queries and single-index searches. */
const searchBodies = () =>
  requests.flatMap((r) =>
    r.path === '/multi-search' ? r.body.queries : /\/search$/.test(r.path) ? [r.body] : [],
  );

/** The attribute each comparison in a filter expression names (`status = "x"`, `themes IN [..]`, `id != 3`). */
const filteredAttributes = (filter: unknown): string[] =>
  [filter]
    .flat(3)
    .filter((f): f is string => typeof f === 'string')
    .flatMap((f) =>
      [
        ...f
          .replace(/"(?:[^"\\]|\\.)*"/g, '""')
          .matchAll(/([A-Za-z_][\w.]*)\s*(?:!=|=|>=|<=|>|<|\s+NOT\s+IN\b|\s+IN\b|\s+EXISTS\b|\s+IS\b)/g),
      ].map((m) => m[1]),
    )
    .filter((a) => !['AND', 'OR', 'NOT'].includes(a));

/** Queries that between them use every filter, every sort and every kind of page. */
const everyQuery: SearchQuery[] = [
  query(''),
  query('huurachterstand'),
  query('huurachterstand', { sort: 'newest' }),
  query('', { sort: 'title' }),
  query('"eerste gemiste betaling" -renovatie', { sort: 'relevance' }),
  query('', {
    filters: {
      roles: ['verhuurder'],
      themes: ['incasso', 'overlast'],
      organizationKinds: ['gemeente'],
      years: [2023],
      hasReflection: true,
      presented: false,
      statuses: ['published', 'archived', 'draft'],
    },
  }),
];

async function runEverything() {
  const search = adapter({ suggestions: { suggest: async () => [] } });
  for (const q of everyQuery) await search.search(q, viewer);
  await search.related({ caseId: 1, limit: 5 }, viewer);
  return search;
}

describe('Meilisearch adapter: settings and the requests it sends agree', () => {
  it('filters only on filterable attributes (related() included)', async () => {
    await runEverything();
    const used = new Set(searchBodies().flatMap((b: any) => filteredAttributes(b.filter)));
    // The requests must actually filter on these, or the check below proves nothing.
    expect([...used]).toEqual(
      expect.arrayContaining(['status', 'authorId', 'id', 'themes', 'roles', 'year']),
    );
    expect([...used].filter((a) => !MEILI_SETTINGS.filterableAttributes!.includes(a))).toEqual([]);
  });

  it('asks facet counts only of filterable attributes', async () => {
    await runEverything();
    const facets = searchBodies().flatMap((b: any) => b.facets ?? []);
    expect(facets.length).toBeGreaterThan(0);
    expect(facets.filter((a: string) => !MEILI_SETTINGS.filterableAttributes!.includes(a))).toEqual([]);
  });

  it('sorts only on sortable attributes, with the sort rule first in the ranking rules', async () => {
    await runEverything();
    const sorted = searchBodies().flatMap((b: any) => (b.sort ?? []).map((s: string) => s.split(':')[0]));
    expect(new Set(sorted)).toEqual(new Set(['updatedAt', 'titleSort']));
    expect(sorted.filter((a: string) => !MEILI_SETTINGS.sortableAttributes!.includes(a))).toEqual([]);
    expect(MEILI_SETTINGS.rankingRules![0]).toBe('sort');
    // The default browse (no q, no sort chosen) sorts, so it fails without the rule.
    expect(requests.find((r) => r.path === '/multi-search')!.body.queries[0].sort).toEqual([
      'updatedAt:desc',
    ]);
  });

  it('asks only for attributes the documents have and Meilisearch displays', async () => {
    await runEverything();
    const sample = (await captureUpsertedDoc()) as Record<string, any>;
    const exists = (path: string) => {
      const [head, tail] = path.split('.');
      if (!(head in sample)) return false;
      if (!tail) return true;
      const value = sample[head];
      return Array.isArray(value) && value.length > 0 && tail in value[0];
    };
    const displayed = MEILI_SETTINGS.displayedAttributes!;
    const asked = searchBodies().flatMap((b: any) => [
      ...(b.attributesToRetrieve ?? []),
      ...(b.attributesToHighlight ?? []),
      ...(b.attributesToCrop ?? []),
    ]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((a: string) => !exists(a))).toEqual([]);
    expect(asked.filter((a: string) => !displayed.includes('*') && !displayed.includes(a))).toEqual([]);
    // Searchable attributes name fields of the document too.
    expect(MEILI_SETTINGS.searchableAttributes!.filter((a) => !exists(a))).toEqual([]);
  });

  it('does not fetch whole bodies and attachment texts with every hit', async () => {
    await runEverything();
    const main = requests.find((r) => r.path === '/multi-search')!.body.queries[0];
    expect(main.attributesToRetrieve).toEqual(expect.arrayContaining(['id', 'title']));
    expect(main.attributesToRetrieve).not.toEqual(expect.arrayContaining(['body']));
    expect(main.attributesToRetrieve).not.toContain('attachments.text');
    expect(main.attributesToRetrieve).not.toContain('attachments');
    expect(main.attributesToRetrieve).not.toContain('*');
  });

  it('never sends an OR query as one q: the PostgreSQL mirror answers it', async () => {
    const fromPostgres: SearchResult = {
      total: 2,
      page: 1,
      perPage: 20,
      tookMs: 1,
      hits: [],
      facets: {
        role: {},
        theme: {},
        organizationKind: {},
        year: {},
        hasReflection: {},
        presented: {},
        answered: {},
      },
      suggestions: [],
    };
    const orQueries = { search: jest.fn(async () => fromPostgres) };
    const search = adapter({ orQueries });
    for (const q of ['renovatie of onderhoud', 'renovatie OR onderhoud', 'huur "sociale huur" of koop'])
      expect(await search.search(query(q), viewer)).toBe(fromPostgres);
    expect(orQueries.search).toHaveBeenCalledTimes(3);
    expect(requests).toEqual([]);
    // Without the mirror it refuses rather than sending an AND in disguise.
    await expect(adapter().search(query('renovatie of onderhoud'), viewer)).rejects.toThrow(/OF-zoekvraag/);
    expect(requests).toEqual([]);
    // Other queries reach Meilisearch, and no q sent there holds an OR word.
    await runEverything();
    const qs = searchBodies().map((b: any) => String(b.q ?? ''));
    expect(qs.filter((q: string) => /(^|\s)(of|or|OF|OR)(\s|$)/.test(q))).toEqual([]);
  });
});

/** The document as upsert() sends it to Meilisearch. */
async function captureUpsertedDoc() {
  const before = requests.length;
  await adapter().upsert([
    doc(3, {
      attachments: [{ id: 9, filename: 'plan.pdf', text: 'Tekst van het plan.', pageOffsets: [0] }],
      reactions: [{ id: 4, authorName: 'Bram Buur', text: 'Bel de kredietbank.' }],
    }),
  ]);
  return requests.slice(before).find((r) => /\/documents$/.test(r.path))!.body[0];
}

describe('Meilisearch adapter: keys', () => {
  it('searches with the search-only key and writes with the admin key', async () => {
    const search = adapter();
    await search.search(query('huur'), viewer);
    await search.related({ caseId: 1, limit: 3 }, viewer);
    await search.upsert([doc(1)]);
    const searches = requests.filter((r) => /search$/.test(r.path));
    const writes = requests.filter((r) => r.method !== 'GET' && !/search$/.test(r.path));
    expect(searches.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(searches.map((r) => r.auth))).toEqual(new Set(['Bearer search-key']));
    expect(new Set(writes.map((r) => r.auth))).toEqual(new Set(['Bearer admin-key']));
  });

  it('the web configuration never carries the master key, and production refuses it', () => {
    const master = 'the-real-master-key-0123456789';
    const dev = parseConfig({ MEILI_URL: 'http://meili:7700', MEILI_MASTER_KEY: master });
    expect(JSON.stringify(dev)).not.toContain(master);
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://casusbank.example.nl',
      MEILI_URL: 'http://search:7700',
    };
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(
      problems({ ...production, MEILI_MASTER_KEY: master, MEILI_ADMIN_KEY: 'a', MEILI_SEARCH_KEY: 's' }),
    ).toEqual([expect.stringMatching(/^MEILI_MASTER_KEY hoort niet bij de app/)]);
    expect(problems(production)).toEqual([
      expect.stringMatching(/^MEILI_ADMIN_KEY is verplicht/),
      expect.stringMatching(/^MEILI_SEARCH_KEY is verplicht/),
    ]);
    expect(problems({ ...production, MEILI_ADMIN_KEY: 'a', MEILI_SEARCH_KEY: 's' })).toEqual([]);
  });

  it('refuses the placeholder secrets of .env.example', () => {
    expect(() =>
      parseConfig({ SESSION_SECRET: 'change-me-session-secret-of-at-least-32-characters' }),
    ).toThrow(/SESSION_SECRET is nog de voorbeeldwaarde/);
    expect(() => parseConfig({ MEILI_SEARCH_KEY: 'CHANGE-ME' })).toThrow(
      /MEILI_SEARCH_KEY is nog de voorbeeldwaarde/,
    );
  });

  const key = (over: Partial<Key>): Key =>
    ({
      uid: 'u',
      description: '',
      name: 'casusbank-search',
      key: 'k',
      actions: ['search'],
      indexes: ['cases*'],
      expiresAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...over,
    }) as unknown as Key;

  it('never picks an expired key or one with another scope', () => {
    const spec = keySpecs().search;
    const now = new Date('2026-12-02T00:00:00Z');
    expect(pickKey([key({ expiresAt: '2026-12-01T00:00:00Z' as unknown as Date })], spec, now)).toBeNull();
    expect(pickKey([key({ indexes: ['*'] })], spec, now)).toBeNull();
    expect(pickKey([key({ actions: ['search', 'documents.add'] })], spec, now)).toBeNull();
    expect(
      pickKey([key({ key: 'still-valid', expiresAt: '2027-01-01T00:00:00Z' as unknown as Date })], spec, now)
        ?.key,
    ).toBe('still-valid');
    expect(pickKey([key({ key: 'forever' })], spec, now)?.key).toBe('forever');
  });

  it('meili:keys creates scoped, non-expiring keys where no usable one exists', async () => {
    cannedKeys = [key({ key: 'old-search', expiresAt: '2020-01-01T00:00:00Z' as unknown as Date }) as never];
    const master = new Meilisearch({ host: 'http://meili.test:7700', apiKey: 'master' });
    const keys = await ensureMeiliKeys(master);
    expect(keys).toEqual({
      adminKey: 'new-casusbank-indexer',
      searchKey: 'new-casusbank-search',
      created: ['casusbank-indexer', 'casusbank-search'],
    });
    const created = requests.filter((r) => r.path === '/keys' && r.method === 'POST').map((r) => r.body);
    expect(created).toEqual([
      expect.objectContaining({
        indexes: ['cases*'],
        expiresAt: null,
        actions: expect.not.arrayContaining(['*']),
      }),
      expect.objectContaining({ indexes: ['cases*'], expiresAt: null, actions: ['search'] }),
    ]);
  });
});

describe('Meilisearch adapter: hits, totals, time and size', () => {
  const hit = (matches: Record<string, unknown>, formatted: Record<string, unknown> = {}) => ({
    id: 4,
    title: 'Incasso-aanpak',
    summary: 'Samenvatting.',
    roles: ['verhuurder'],
    themes: ['incasso'],
    organizationName: 'Woonstichting',
    organizationKind: 'woningcorporatie',
    year: 2023,
    status: 'published',
    updatedAt: Date.UTC(2024, 0, 1),
    attachments: [{ id: 11, filename: 'verslag.pdf', pageOffsets: [0, 100, 200] }],
    _matchesPosition: matches,
    _formatted: { summary: 'Samenvatting.', ...formatted },
  });

  it('labels a hit "found in attachment" though the query word is also a theme slug or status', async () => {
    cannedTotal = 1;
    cannedHits = [
      hit(
        {
          themes: [{ start: 0, length: 7 }],
          status: [{ start: 0, length: 9 }],
          'attachments.text': [{ start: 150, length: 7, indices: [0] }],
        },
        { attachments: [{ text: '…het \u0002incasso\u0003-protocol…' }] },
      ),
    ];
    const [found] = (await adapter().search(query('incasso'), viewer)).hits;
    expect(found.attachment).toEqual({ id: 11, filename: 'verslag.pdf', page: 2 });
    expect(found.snippet).toContain('<mark>incasso</mark>');

    cannedHits = [
      hit({ title: [{ start: 0, length: 7 }], 'attachments.text': [{ start: 5, length: 7, indices: [0] }] }),
    ];
    const [inCase] = (await adapter().search(query('incasso'), viewer)).hits;
    expect(inCase.attachment).toBeUndefined();
  });

  it('labels a hit "found in a reaction of …" when only a reaction has the words', async () => {
    cannedTotal = 1;
    const withReactions = (matches: Record<string, unknown>) => ({
      ...hit(matches, {
        reactions: [{ text: 'Eens.' }, { text: 'Bel de \u0002kredietbank\u0003.' }],
      }),
      reactions: [
        { id: 7, authorName: 'Cor Collega' },
        { id: 8, authorName: 'Bram Buur' },
      ],
    });
    cannedHits = [withReactions({ 'reactions.text': [{ start: 7, length: 11, indices: [1] }] })];
    const [found] = (await adapter().search(query('kredietbank'), viewer)).hits;
    expect(found.reaction).toEqual({ id: 8, authorName: 'Bram Buur' });
    expect(found.snippet).toContain('<mark>kredietbank</mark>');
    cannedHits = [
      withReactions({
        body: [{ start: 0, length: 11 }],
        'reactions.text': [{ start: 7, length: 11, indices: [1] }],
      }),
    ];
    const [inCase] = (await adapter().search(query('kredietbank'), viewer)).hits;
    expect(inCase.reaction).toBeUndefined();
  });

  it('says when the total reached maxTotalHits', async () => {
    cannedTotal = MEILI_SETTINGS.pagination!.maxTotalHits!;
    expect((await adapter().search(query('', { perPage: 20 }), viewer)).totalCapped).toBe(true);
    cannedTotal = 9_999;
    expect((await adapter().search(query('', { perPage: 20 }), viewer)).totalCapped).toBeUndefined();
  });

  it('gives up on a hanging search after about two seconds, and searches never wait for settings', async () => {
    expect(SEARCH_TIMEOUT_MS).toBeLessThanOrEqual(2_000);
    await adapter().search(query('huur'), viewer);
    expect(requests.map((r) => r.path)).toEqual(['/multi-search']);
    hang = true;
    const started = Date.now();
    await expect(adapter().search(query('huur'), viewer)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(SEARCH_TIMEOUT_MS + 1_000);
  });

  it('caps attachment text per case and sends documents in batches bounded by size', async () => {
    const long = 'woord '.repeat(60_000); // 360,000 characters
    const capped = capAttachmentText(
      [
        { id: 1, filename: 'a.pdf', text: long, pageOffsets: null },
        { id: 2, filename: 'b.pdf', text: long, pageOffsets: null },
      ],
      MAX_ATTACHMENT_TEXT_PER_CASE,
    );
    expect(capped.reduce((n, a) => n + a.text.length, 0)).toBe(MAX_ATTACHMENT_TEXT_PER_CASE);
    expect(capped.map((a) => a.filename)).toEqual(['a.pdf', 'b.pdf']);

    const docs = Array.from({ length: 10 }, (_, i) => ({ id: i, text: 'x'.repeat(1000) }));
    const batches = batchesBySize(docs, 3_500);
    expect(batches.flat()).toEqual(docs);
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(3_500);

    await adapter().upsert([
      doc(1, { attachments: [{ id: 1, filename: 'a.pdf', text: long, pageOffsets: null }] }),
    ]);
    const sent = requests.find((r) => /\/documents$/.test(r.path))!.body[0];
    expect(sent.attachments[0].text.length).toBe(MAX_ATTACHMENT_TEXT_PER_CASE);
  });
});

describe('Meilisearch adapter: the same Dutch as the other engines', () => {
  it('sends each case with an analysed field of stems and compound parts, searchable last', async () => {
    await adapter().upsert([doc(1, { body: 'De woningnood onder jongeren groeit; huurachterstanden ook.' })]);
    const sent = requests.find((r) => /\/documents$/.test(r.path))!.body[0];
    const analysed = sent.analysed.split(' ');
    expect(analysed).toEqual(
      expect.arrayContaining(['woningnod', 'jonger', 'huurachterstand', 'woning', 'nod']),
    );
    expect(MEILI_SETTINGS.searchableAttributes!.at(-1)).toBe('analysed');
    // Never sent back with a hit: it is for matching only.
    await adapter({ suggestions: { suggest: async () => [] } }).search(query('woningnood'), viewer);
    for (const body of searchBodies()) expect(body.attributesToRetrieve ?? []).not.toContain('analysed');
  });

  it('searches the analysed query: stems and compound parts, no question words, common words dropped first', async () => {
    await adapter({ suggestions: { suggest: async () => [] } }).search(
      query('Hoe gaan jullie om met woningnood en huurachterstanden? -ontruimingen'),
      viewer,
    );
    const bodies = searchBodies();
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body.q).toBe('woning nod hur achterstand -ontruimingen -ontruim');
      expect(body.matchingStrategy).toBe('frequency');
    }
  });

  it('never sends more than the ten words Meilisearch reads', async () => {
    await adapter({ suggestions: { suggest: async () => [] } }).search(
      query(
        'renovatie bewoners portiekflat schimmel vocht isolatie ventilatie asbest sloop nieuwbouw wijkteam -hennep',
      ),
      viewer,
    );
    for (const body of searchBodies()) {
      const words = (body.q as string).split(' ');
      expect(words.length).toBeLessThanOrEqual(10);
      expect(words.at(-1)).toBe('-hennep');
    }
  });
});
