import { Meilisearch, type Index, type SearchParams, type Settings } from 'meilisearch';
import type { CaseSearch, RelatedQuery } from './case-search';
import { DUTCH_STOP_WORDS, meiliSynonyms } from './dutch';
import type { SearchDocument } from './search-document';
import {
  parseQuery,
  type ParsedQuery,
  type SearchFacets,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import { emptyFacets, markedSnippet, pageOfOffset } from './snippets';

export const MEILI_INDEX = 'cases';
const WAIT = { timeout: 60_000, interval: 50 };

/** The document as Meilisearch stores it (flat, with sortable copies). */
interface MeiliDoc {
  id: number;
  title: string;
  titleSort: string;
  summary: string;
  body: string;
  tags: string[];
  themes: string[];
  themeNames: string[];
  roles: string[];
  organizationName: string;
  organizationKind: string;
  region: string;
  partners: string;
  contact: string;
  authorName: string;
  year: number | null;
  attachments: Array<{ id: number; filename: string; text: string; pageOffsets: number[] | null }>;
  reflectionText: string;
  status: string;
  authorId: number;
  hasReflection: boolean;
  presented: boolean;
  updatedAt: number;
}

/** Index settings, applied idempotently at start and on every rebuilt index. */
export const MEILI_SETTINGS: Settings = {
  searchableAttributes: [
    'title',
    'summary',
    'tags',
    'themeNames',
    'organizationName',
    'body',
    'partners',
    'region',
    'contact',
    'authorName',
    'reflectionText',
    'attachments.filename',
    'attachments.text',
  ],
  filterableAttributes: [
    'status',
    'authorId',
    'roles',
    'themes',
    'organizationKind',
    'year',
    'hasReflection',
    'presented',
  ],
  sortableAttributes: ['updatedAt', 'titleSort'],
  displayedAttributes: ['*'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'updatedAt:desc'],
  stopWords: DUTCH_STOP_WORDS,
  synonyms: meiliSynonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
};

const quote = (v: string | number | boolean) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Meilisearch adapter (production). Writes with the admin key; searches with a search-only key when one exists. */
export class MeiliCaseSearch implements CaseSearch {
  readonly engine = 'meilisearch' as const;
  private readonly admin: Meilisearch;
  private searcher: Meilisearch;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly options: {
      url: string;
      apiKey?: string;
      indexUid?: string;
      /** "Bedoelde u …" source: the PostgreSQL lexicon, so both adapters suggest alike. */
      suggestions?: { suggest(parsed: ParsedQuery, viewer: SearchViewer): Promise<string[]> };
    },
  ) {
    this.admin = new Meilisearch({ host: options.url, apiKey: options.apiKey });
    this.searcher = this.admin;
  }

  private get uid() {
    return this.options.indexUid ?? MEILI_INDEX;
  }

  /** Creates the index if needed, applies the settings, and picks a search-only key. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      const exists = await this.admin.getIndex(this.uid).then(
        () => true,
        () => false,
      );
      if (!exists) await this.check(this.admin.createIndex(this.uid, { primaryKey: 'id' }).waitTask(WAIT));
      await this.check(this.admin.index(this.uid).updateSettings(MEILI_SETTINGS).waitTask(WAIT));
      try {
        const keys = await this.admin.getKeys({ limit: 50 });
        const searchKey = keys.results.find(
          (k) =>
            k.actions.length === 1 &&
            k.actions[0] === 'search' &&
            (k.indexes.includes('*') || k.indexes.includes(this.uid)),
        );
        if (searchKey) this.searcher = new Meilisearch({ host: this.options.url, apiKey: searchKey.key });
      } catch {
        /* no admin rights to list keys (or no master key): keep the given key */
      }
    })().catch((error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async check(task: Promise<{ status: string; error?: { message?: string } | null; uid?: number }>) {
    const done = await task;
    if (done.status !== 'succeeded')
      throw new Error(`Meilisearch-taak mislukt (${done.status}): ${done.error?.message ?? 'onbekend'}`);
  }

  private index(): Index<MeiliDoc> {
    return this.admin.index<MeiliDoc>(this.uid);
  }

  async health(): Promise<void> {
    const health = await this.admin.health();
    if (health.status !== 'available') throw new Error(`Meilisearch meldt status ${health.status}`);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.init();
    await this.check(this.index().addDocuments(docs.map(toMeiliDoc), { primaryKey: 'id' }).waitTask(WAIT));
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.init();
    await this.check(this.index().deleteDocuments(ids).waitTask(WAIT));
  }

  async reset(): Promise<void> {
    await this.init();
    await this.check(this.index().deleteAllDocuments().waitTask(WAIT));
  }

  async documentCount(): Promise<number> {
    await this.init();
    return (await this.index().getStats()).numberOfDocuments;
  }

  /** Fills a fresh index and swaps it in, so searches keep answering from the old one meanwhile. */
  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    await this.init();
    const fresh = `${this.uid}_rebuild_${Date.now()}`;
    await this.check(this.admin.createIndex(fresh, { primaryKey: 'id' }).waitTask(WAIT));
    try {
      await this.check(this.admin.index(fresh).updateSettings(MEILI_SETTINGS).waitTask(WAIT));
      for await (const docs of batches) {
        if (docs.length)
          await this.check(this.admin.index(fresh).addDocuments(docs.map(toMeiliDoc)).waitTask(WAIT));
      }
      await this.check(
        this.admin.swapIndexes([{ indexes: [this.uid, fresh], rename: false }]).waitTask(WAIT),
      );
    } finally {
      await this.admin.deleteIndexIfExists(fresh);
    }
  }

  async search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult> {
    const started = performance.now();
    await this.init();
    const parsed = parseQuery(query.q);
    const q = toMeiliQuery(parsed);
    const filters = facetFilters(query.filters);
    const visibility = visibilityFilter(query.filters, viewer);
    const all = [visibility, ...Object.values(filters).filter(Boolean)] as string[];
    const sort =
      query.sort === 'title'
        ? ['titleSort:asc']
        : query.sort === 'newest' || (!q && !query.sort)
          ? ['updatedAt:desc']
          : undefined;
    const main = (page: number): SearchParams & { indexUid: string } => ({
      indexUid: this.uid,
      q,
      filter: all,
      sort,
      page,
      hitsPerPage: query.perPage,
      attributesToHighlight: ['summary', 'body', 'attachments.text', 'reflectionText'],
      attributesToCrop: ['summary', 'body', 'attachments.text', 'reflectionText'],
      cropLength: 30,
      highlightPreTag: '\u0002',
      highlightPostTag: '\u0003',
      showMatchesPosition: true,
      matchingStrategy: 'all',
    });
    // Facet counts ignore their own filter, so several values of one facet combine with OR.
    const facetKeys = Object.keys(FACET_FIELDS) as Array<keyof SearchFacets>;
    const facetQueries = facetKeys.map((key) => ({
      indexUid: this.uid,
      q,
      filter: [
        visibility,
        ...Object.entries(filters)
          .filter(([k, f]) => k !== key && f)
          .map(([, f]) => f),
      ] as string[],
      facets: [FACET_FIELDS[key]],
      hitsPerPage: 0,
      matchingStrategy: 'all' as const,
    }));
    const { results } = await this.searcher.multiSearch({ queries: [main(query.page), ...facetQueries] });
    let [first] = results;
    const facetResults = results.slice(1);
    const facets = emptyFacets();
    facetResults.forEach((r, i) => {
      const dist = r.facetDistribution?.[FACET_FIELDS[facetKeys[i]]] ?? {};
      facets[facetKeys[i]] = { ...dist };
    });
    const total = (first as { totalHits?: number }).totalHits ?? 0;
    // A page beyond the end shows the last page (as the PostgreSQL adapter does).
    const page = Math.min(Math.max(1, query.page), Math.max(1, Math.ceil(total / query.perPage)));
    if (page !== query.page) [first] = (await this.searcher.multiSearch({ queries: [main(page)] })).results;
    const hits = (
      first.hits as Array<
        MeiliDoc & { _formatted?: Record<string, unknown>; _matchesPosition?: Record<string, unknown> }
      >
    ).map((h) => toHit(h));
    const hasText = parsed.groups.length > 0 || parsed.excluded.length > 0;
    const suggestions =
      this.options.suggestions && (total === 0 || (total < 3 && hasText))
        ? // Suggestions are a courtesy: when the lexicon cannot answer, search still does.
          await this.options.suggestions.suggest(parsed, viewer).catch(() => [])
        : [];
    return {
      total,
      page,
      perPage: query.perPage,
      tookMs: Math.round(performance.now() - started),
      hits,
      facets,
      suggestions,
    };
  }

  async related(query: RelatedQuery, _viewer: SearchViewer): Promise<number[]> {
    await this.init();
    const source = await this.index()
      .getDocument(query.caseId)
      .catch(() => null);
    if (!source) return [];
    const themeFilter = source.themes.length ? `themes IN [${source.themes.map(quote).join(', ')}]` : '';
    const result = await this.searcher.index<MeiliDoc>(this.uid).search(source.title, {
      filter: [
        `status = "published"`,
        `id != ${Number(query.caseId)}`,
        ...(themeFilter ? [themeFilter] : []),
      ],
      limit: query.limit,
      matchingStrategy: 'last',
      attributesToRetrieve: ['id'],
    });
    return result.hits.map((h) => h.id);
  }
}

const FACET_FIELDS: Record<keyof SearchFacets, string> = {
  role: 'roles',
  theme: 'themes',
  organizationKind: 'organizationKind',
  year: 'year',
  hasReflection: 'hasReflection',
  presented: 'presented',
};

/** Filter expressions from server-side, already validated values only; every value quoted. */
function facetFilters(f: SearchFilters): Record<keyof SearchFacets, string | null> {
  const inList = (field: string, values: Array<string | number>) =>
    values.length ? `${field} IN [${values.map(quote).join(', ')}]` : null;
  return {
    role: inList('roles', f.roles),
    theme: inList('themes', f.themes),
    organizationKind: inList('organizationKind', f.organizationKinds),
    year: inList('year', f.years.map(Number).filter(Number.isInteger)),
    hasReflection:
      f.hasReflection === undefined ? null : `hasReflection = ${f.hasReflection ? 'true' : 'false'}`,
    presented: f.presented === undefined ? null : `presented = ${f.presented ? 'true' : 'false'}`,
  };
}

function visibilityFilter(f: SearchFilters, viewer: SearchViewer): string {
  const id = Number(viewer.id);
  if (!Number.isInteger(id)) throw new Error('viewer id must be an integer');
  if (f.statuses.length === 0) return `(status = "published" OR (status = "draft" AND authorId = ${id}))`;
  return `(status IN [${f.statuses.map(quote).join(', ')}] AND (status != "draft" OR authorId = ${id}))`;
}

/** The user's query with our syntax: phrases and exclusions pass through, OR groups are flattened. */
function toMeiliQuery(parsed: ParsedQuery): string {
  const parts: string[] = [];
  for (const group of parsed.groups)
    for (const t of group) parts.push(t.kind === 'phrase' ? `"${t.text}"` : t.text);
  for (const t of parsed.excluded) parts.push(t.kind === 'phrase' ? `-"${t.text}"` : `-${t.text}`);
  return parts.join(' ');
}

function toMeiliDoc(d: SearchDocument): MeiliDoc {
  return {
    id: d.id,
    title: d.title,
    titleSort: d.title.toLowerCase(),
    summary: d.summary,
    body: d.body,
    tags: d.tags,
    themes: d.themes,
    themeNames: d.themeNames,
    roles: d.roles,
    organizationName: d.organizationName,
    organizationKind: d.organizationKind,
    region: d.region,
    partners: d.partners,
    contact: d.contact,
    authorName: d.authorName,
    year: d.year,
    attachments: d.attachments,
    reflectionText: d.reflectionText,
    status: d.status,
    authorId: d.authorId,
    hasReflection: d.hasReflection,
    presented: d.presented,
    updatedAt: Date.parse(d.updatedAt),
  };
}

function toHit(
  h: MeiliDoc & { _formatted?: Record<string, any>; _matchesPosition?: Record<string, unknown> },
): SearchHit {
  const matched = Object.keys(h._matchesPosition ?? {});
  const inCase = matched.some((k) => !k.startsWith('attachments') && k !== 'reflectionText');
  const formatted = h._formatted ?? {};
  let snippet = markedSnippet(String(formatted.summary ?? h.summary));
  let attachment: SearchHit['attachment'];
  if (!inCase && matched.some((k) => k.startsWith('attachments'))) {
    const formattedAttachments: Array<{ text?: string }> = formatted.attachments ?? [];
    const index = formattedAttachments.findIndex((a) => a.text?.includes('\u0002'));
    if (index >= 0) {
      const a = h.attachments[index];
      snippet = markedSnippet(formattedAttachments[index].text!);
      attachment = {
        id: a.id,
        filename: a.filename,
        ...(a.pageOffsets
          ? { page: pageOfOffset(a.text, formattedAttachments[index].text!, a.pageOffsets) }
          : {}),
      };
    }
  } else if (
    typeof formatted.body === 'string' &&
    formatted.body.includes('\u0002') &&
    !String(formatted.summary).includes('\u0002')
  ) {
    snippet = markedSnippet(formatted.body);
  }
  return {
    id: h.id,
    title: h.title,
    summary: h.summary,
    snippet,
    roles: h.roles,
    themes: h.themes,
    organization: h.organizationName,
    organizationKind: h.organizationKind,
    year: h.year,
    status: h.status as SearchHit['status'],
    updatedAt: new Date(h.updatedAt).toISOString(),
    ...(attachment ? { attachment } : {}),
  };
}
