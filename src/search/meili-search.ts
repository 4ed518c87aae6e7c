import {
  Meilisearch,
  type Hit,
  type Index,
  type MultiSearchQuery,
  type SearchParams,
  type Settings,
} from 'meilisearch';
import type { CaseSearch, RelatedQuery } from './case-search';
import { DUTCH_STOP_WORDS, meiliSynonyms, wordsOf } from './dutch';
import { analyseText, isNoiseWord, splitCompound, stem } from './dutch-analysis';
import type { SearchDocument } from './search-document';
import {
  parsedOf,
  type ParsedQuery,
  type SearchFacets,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import { emptyFacets, markedSnippet } from './snippets';
import { sharedVisibilityMeiliFilter, visibilityMeiliFilter } from './visibility';

export const MEILI_INDEX = 'cases';
/** Waiting for a write task (settings, documents, swap); searches never wait on one. */
const WAIT = { timeout: 60_000, interval: 50 };
/** A search that takes longer answers from PostgreSQL instead of hanging the page. */
export const SEARCH_TIMEOUT_MS = 2_000;
/** Writes send bigger payloads and may queue behind other tasks. */
const WRITE_TIMEOUT_MS = 30_000;
/** One addDocuments payload at most (Meilisearch refuses more than 100 MB by default). */
export const MAX_BATCH_BYTES = 20 * 1024 * 1024;
/**
 * Attachment text per case sent to Meilisearch, all attachments together (characters). About
 * 40,000 Dutch words: Meilisearch indexes at most 65,535 positions per attribute and drops the rest.
 */
export const MAX_ATTACHMENT_TEXT_PER_CASE = 250_000;

/** The document as Meilisearch stores it (flat, with sortable copies). */
export interface MeiliDoc {
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
  /** Members' shown reactions: text searched at the lowest weight, the name for "gevonden in een reactie van …". */
  reactions: Array<{ id: number; authorName: string; text: string }>;
  /** Stems and compound parts of the case's own text (dutch-analysis), at most ANALYSED_WORDS words. */
  analysed: string;
  status: string;
  authorId: number;
  visibility: string;
  organizationId: number;
  hasReflection: boolean;
  presented: boolean;
  answered: boolean;
  updatedAt: number;
}

/**
 * Searchable attributes in weight order, with where the text comes from: a match in the case's
 * own text means "found in the case", only matches in attachments label a hit with its
 * attachment. Adding a searchable attribute is one line here.
 */
const SEARCHABLE: ReadonlyArray<
  readonly [attribute: string, source: 'case' | 'attachment' | 'reflection' | 'reaction']
> = [
  ['title', 'case'],
  ['summary', 'case'],
  ['tags', 'case'],
  ['themeNames', 'case'],
  ['organizationName', 'case'],
  ['body', 'case'],
  ['partners', 'case'],
  ['region', 'case'],
  ['contact', 'case'],
  ['authorName', 'case'],
  ['reflectionText', 'reflection'],
  ['reactions.text', 'reaction'],
  ['attachments.filename', 'attachment'],
  ['attachments.text', 'attachment'],
  // Last: the case's text as the shared Dutch analysis reads it (stems, compound parts), so
  // "huurachterstanden", "woningnood" and "nood aan woningen" find what the embedded engine finds.
  ['analysed', 'case'],
];
const CASE_TEXT = new Set(SEARCHABLE.filter(([, source]) => source === 'case').map(([a]) => a));

/** Index settings, applied idempotently when the indexer starts and on every rebuilt index. */
export const MEILI_SETTINGS: Settings = {
  searchableAttributes: SEARCHABLE.map(([attribute]) => attribute),
  filterableAttributes: [
    'id',
    'status',
    'authorId',
    'visibility',
    'organizationId',
    'roles',
    'themes',
    'organizationKind',
    'year',
    'hasReflection',
    'presented',
    'answered',
  ],
  sortableAttributes: ['updatedAt', 'titleSort'],
  displayedAttributes: ['*'],
  // `sort` first: a requested sort orders strictly (as in PostgreSQL); without one the rule is
  // skipped and relevance decides, newest first on a tie. attributeRank/wordPosition: v1.36+.
  rankingRules: [
    'sort',
    'words',
    'typo',
    'proximity',
    'attributeRank',
    'wordPosition',
    'exactness',
    'updatedAt:desc',
  ],
  stopWords: DUTCH_STOP_WORDS,
  // Synonyms come from the kerngroep's thesaurus (settingsWith), updated when it changes.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
};

/** What a hit needs from the document; the long texts come back cropped in _formatted only. */
const HIT_ATTRIBUTES = [
  'id',
  'title',
  'summary',
  'roles',
  'themes',
  'organizationName',
  'organizationKind',
  'year',
  'status',
  'updatedAt',
  'attachments.id',
  'attachments.filename',
  'attachments.pageOffsets',
  'reactions.id',
  'reactions.authorName',
];
const SNIPPET_ATTRIBUTES = ['summary', 'body', 'attachments.text', 'reflectionText', 'reactions.text'];

const quote = (v: string | number | boolean) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Meilisearch adapter (production). Writes with the indexer's admin key, searches with a search-only key. */
export class MeiliCaseSearch implements CaseSearch {
  readonly engine = 'meilisearch' as const;
  private readonly admin: Meilisearch;
  private readonly searcher: Meilisearch;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly options: {
      url: string;
      /** Key for writes: an admin key scoped to the cases* indexes (`cli meili:keys`), never the master key. */
      adminKey?: string;
      /** Key for searches: search only. Without one (development), the admin key searches. */
      searchKey?: string;
      indexUid?: string;
      /** "Bedoelde u …" source: the PostgreSQL lexicon, so both adapters suggest alike. */
      suggestions?: { suggest(parsed: ParsedQuery, viewer: SearchViewer): Promise<string[]> };
      /**
       * Answers queries with OR ("renovatie of onderhoud"): Meilisearch's q has no OR, and one
       * query per alternative cannot give exact totals and facet counts. The PostgreSQL mirror.
       */
      orQueries?: Pick<CaseSearch, 'search'>;
      searchTimeoutMs?: number;
      /** The kerngroep's thesaurus groups, sent as Meilisearch's synonyms. */
      thesaurus?: () => Promise<string[][]>;
    },
  ) {
    this.admin = new Meilisearch({ host: options.url, apiKey: options.adminKey, timeout: WRITE_TIMEOUT_MS });
    this.searcher = new Meilisearch({
      host: options.url,
      apiKey: options.searchKey ?? options.adminKey,
      timeout: options.searchTimeoutMs ?? SEARCH_TIMEOUT_MS,
    });
  }

  private get uid() {
    return this.options.indexUid ?? MEILI_INDEX;
  }

  /**
   * Creates the index if needed and applies the settings; the write path calls it (indexer,
   * start-up fill, reindex). Searches never wait for it: until it is done they may fail and
   * answer from PostgreSQL.
   */
  init(): Promise<void> {
    this.ready ??= (async () => {
      const exists = await this.admin.getIndex(this.uid).then(
        () => true,
        () => false,
      );
      if (!exists) await this.check(this.admin.createIndex(this.uid, { primaryKey: 'id' }).waitTask(WAIT));
      await this.check(
        this.admin
          .index(this.uid)
          .updateSettings(await this.settings())
          .waitTask(WAIT),
      );
    })().catch((error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /** The settings with the thesaurus as synonyms. */
  private async settings(): Promise<Settings> {
    const groups = (await this.options.thesaurus?.()) ?? [];
    // Also by stems: q and the analysed field speak in stems ("ontruim" ~ "huisuitzet").
    const stemmed = groups.map((g) => g.map((term) => wordsOf(term).map(stem).join(' ')));
    return { ...MEILI_SETTINGS, synonyms: meiliSynonyms([...groups, ...stemmed]) };
  }

  /** After a thesaurus change: Meilisearch's synonyms follow (a settings task; searches go on meanwhile). */
  async updateSynonyms(): Promise<void> {
    await this.init();
    const { synonyms } = await this.settings();
    await this.check(
      this.index()
        .updateSynonyms(synonyms ?? {})
        .waitTask(WAIT),
    );
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
    const health = await this.searcher.health();
    if (health.status !== 'available') throw new Error(`Meilisearch meldt status ${health.status}`);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.init();
    await this.addInBatches(this.uid, docs);
  }

  /** Sends documents in payloads of at most MAX_BATCH_BYTES, each task awaited and checked. */
  private async addInBatches(uid: string, docs: SearchDocument[]): Promise<void> {
    for (const batch of batchesBySize(docs.map(toMeiliDoc), MAX_BATCH_BYTES))
      await this.check(this.admin.index(uid).addDocuments(batch, { primaryKey: 'id' }).waitTask(WAIT));
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
      await this.check(
        this.admin
          .index(fresh)
          .updateSettings(await this.settings())
          .waitTask(WAIT),
      );
      for await (const docs of batches) if (docs.length) await this.addInBatches(fresh, docs);
      await this.check(
        this.admin.swapIndexes([{ indexes: [this.uid, fresh], rename: false }]).waitTask(WAIT),
      );
    } finally {
      await this.admin.deleteIndexIfExists(fresh);
    }
  }

  async search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult> {
    const parsed = parsedOf(query);
    if (hasAlternatives(parsed)) {
      if (!this.options.orQueries) throw new Error('Meilisearch kan geen OF-zoekvraag beantwoorden');
      return this.options.orQueries.search(query, viewer);
    }
    const started = performance.now();
    const requests = searchRequests(this.uid, query, parsed, viewer);
    const { results } = await this.searcher.multiSearch({
      queries: [requests.main(query.page), ...requests.facets],
    });
    let [first] = results;
    const facets = emptyFacets();
    results.slice(1).forEach((r, i) => {
      const key = requests.facetKeys[i];
      facets[key] = { ...(r.facetDistribution?.[FACET_FIELDS[key]] ?? {}) };
    });
    const total = first.totalHits ?? 0;
    // A page beyond the end shows the last page (as the PostgreSQL adapter does).
    const page = Math.min(Math.max(1, query.page), Math.max(1, Math.ceil(total / query.perPage)));
    if (page !== query.page)
      [first] = (await this.searcher.multiSearch({ queries: [requests.main(page)] })).results;
    const hits = (first.hits as Array<Hit<MeiliDoc>>).map((h) => toHit(h));
    const hasText = parsed.groups.length > 0 || parsed.excluded.length > 0;
    const suggestions =
      this.options.suggestions && (total === 0 || (total < 3 && hasText))
        ? // Suggestions are a courtesy: when the lexicon cannot answer, search still does.
          await this.options.suggestions.suggest(parsed, viewer).catch(() => [])
        : [];
    const maxTotalHits = MEILI_SETTINGS.pagination?.maxTotalHits ?? Infinity;
    return {
      total,
      // Meilisearch counts up to maxTotalHits: at the limit, "at least" is all we know.
      ...(total >= maxTotalHits ? { totalCapped: true } : {}),
      page,
      perPage: query.perPage,
      tookMs: Math.round(performance.now() - started),
      hits,
      facets,
      suggestions,
    };
  }

  async related(query: RelatedQuery, _viewer: SearchViewer): Promise<number[]> {
    const source = await this.searcher
      .index<MeiliDoc>(this.uid)
      .search(null, {
        filter: [`id = ${Number(query.caseId)}`],
        limit: 1,
        attributesToRetrieve: ['title', 'themes'],
      })
      .then((r) => r.hits[0]);
    if (!source) return [];
    const result = await this.searcher
      .index<MeiliDoc>(this.uid)
      .search(source.title, relatedRequest(query, source));
    return result.hits.map((h) => h.id);
  }
}

/** Whether the query has an OR group ("renovatie of onderhoud"). */
export function hasAlternatives(parsed: ParsedQuery): boolean {
  return parsed.groups.some((group) => group.length > 1);
}

/** The multi-search queries of one search page: the hits, and one facet count per facet. */
export function searchRequests(uid: string, query: SearchQuery, parsed: ParsedQuery, viewer: SearchViewer) {
  if (hasAlternatives(parsed)) throw new Error('OF-zoekvragen gaan niet naar Meilisearch');
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
  const main = (page: number): MultiSearchQuery => ({
    indexUid: uid,
    q,
    filter: all,
    sort,
    page,
    hitsPerPage: query.perPage,
    attributesToRetrieve: HIT_ATTRIBUTES,
    attributesToHighlight: SNIPPET_ATTRIBUTES,
    attributesToCrop: SNIPPET_ATTRIBUTES,
    cropLength: 30,
    highlightPreTag: '\u0002',
    highlightPostTag: '\u0003',
    showMatchesPosition: true,
    matchingStrategy: 'frequency',
  });
  // Facet counts ignore their own filter, so several values of one facet combine with OR.
  const facetKeys = Object.keys(FACET_FIELDS) as Array<keyof SearchFacets>;
  const facets: MultiSearchQuery[] = facetKeys.map((key) => ({
    indexUid: uid,
    q,
    filter: [
      visibility,
      ...Object.entries(filters)
        .filter(([k, f]) => k !== key && f)
        .map(([, f]) => f),
    ] as string[],
    facets: [FACET_FIELDS[key]],
    hitsPerPage: 0,
    matchingStrategy: 'frequency' as const,
  }));
  return { main, facets, facetKeys };
}

/** Published cases sharing words with the title and a theme with the case; never the case itself. */
export function relatedRequest(query: RelatedQuery, source: Pick<MeiliDoc, 'themes'>): SearchParams {
  const themeFilter = source.themes.length ? `themes IN [${source.themes.map(quote).join(', ')}]` : '';
  return {
    filter: [
      sharedVisibilityMeiliFilter([]),
      `id != ${Number(query.caseId)}`,
      ...(themeFilter ? [themeFilter] : []),
    ],
    limit: query.limit,
    matchingStrategy: 'last',
    attributesToRetrieve: ['id'],
  };
}

/** Splits documents into groups whose JSON stays under maxBytes (one document more is never split). */
export function batchesBySize<T>(docs: T[], maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const doc of docs) {
    const bytes = Buffer.byteLength(JSON.stringify(doc)) + 1;
    if (current.length && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 2;
    }
    current.push(doc);
    size += bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}

const FACET_FIELDS: Record<keyof SearchFacets, string> = {
  role: 'roles',
  theme: 'themes',
  organizationKind: 'organizationKind',
  year: 'year',
  hasReflection: 'hasReflection',
  presented: 'presented',
  answered: 'answered',
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
    answered: f.answered === undefined ? null : `answered = ${f.answered ? 'true' : 'false'}`,
  };
}

function visibilityFilter(f: SearchFilters, viewer: SearchViewer): string {
  return visibilityMeiliFilter(viewer, f.statuses);
}

/** Meilisearch reads at most 10 words of q; positions per attribute end at 65,535. */
const MAX_QUERY_WORDS = 10;
const ANALYSED_WORDS = 30_000;

/** The analysed field: stems of the case's text in order, then the parts of its compounds. */
export function analysedText(
  d: Pick<SearchDocument, 'title' | 'summary' | 'tags' | 'themeNames' | 'body'>,
): string {
  const a = analyseText([d.title, d.summary, d.tags.join(', '), d.themeNames.join(', '), d.body].join('\n'));
  return `${a.stems} ${a.parts}`.split(' ').filter(Boolean).slice(0, ANALYSED_WORDS).join(' ');
}

/**
 * The member's query in Meilisearch's q, analysed as the documents are: each content word as its
 * stem, a compound as its parts (they are in the analysed field of a case with the compound and of
 * one that writes them apart); "phrases" and -exclusions as typed (an exclusion also by its stem).
 * Question words and filler are left out. matchingStrategy 'frequency' drops the most common words
 * first when no case has them all. q has no OR: queries with alternatives never get here.
 */
export function toMeiliQuery(parsed: ParsedQuery): string {
  const words: string[] = [];
  const content = parsed.groups.filter(([t]) => !(t.kind === 'word' && isNoiseWord(t.text)));
  for (const [t] of content.length ? content : parsed.groups) {
    if (t.kind === 'phrase') words.push(`"${t.text}"`);
    else words.push(...(splitCompound(t.text) ?? [t.text]).map(stem));
  }
  const excluded = parsed.excluded.flatMap((t) =>
    t.kind === 'phrase' ? [`-"${t.text}"`] : [...new Set([`-${t.text}`, `-${stem(t.text)}`])],
  );
  return [...new Set(words)]
    .slice(0, MAX_QUERY_WORDS - excluded.length)
    .concat(excluded)
    .join(' ');
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
    attachments: capAttachmentText(d.attachments, MAX_ATTACHMENT_TEXT_PER_CASE),
    reflectionText: d.reflectionText,
    reactions: d.reactions,
    analysed: analysedText(d),
    status: d.status,
    authorId: d.authorId,
    visibility: d.visibility,
    organizationId: d.organizationId,
    hasReflection: d.hasReflection,
    presented: d.presented,
    answered: d.answered,
    updatedAt: Date.parse(d.updatedAt),
  };
}

/** The attachments with their text cut so that all of it together stays within the per-case cap. */
export function capAttachmentText(
  attachments: MeiliDoc['attachments'],
  cap: number,
): MeiliDoc['attachments'] {
  let left = cap;
  return attachments.map((a) => {
    const text = a.text.slice(0, Math.max(0, left));
    left -= text.length;
    return { ...a, text };
  });
}

/** The fields whose matches count as "found in the case" (not in an attachment or a reflection). */
export function matchedInCase(matchesPosition: Record<string, unknown> | undefined): boolean {
  return Object.keys(matchesPosition ?? {}).some((attribute) => CASE_TEXT.has(attribute));
}

function toHit(h: Hit<MeiliDoc>): SearchHit {
  const matches = (h._matchesPosition ?? {}) as Record<string, Array<{ start: number; indices?: number[] }>>;
  const formatted = (h._formatted ?? {}) as Record<string, any>;
  const attachments = h.attachments ?? [];
  let snippet = markedSnippet(String(formatted.summary ?? h.summary));
  let attachment: SearchHit['attachment'];
  let reaction: SearchHit['reaction'];
  const formattedReactions: Array<{ text?: string }> = formatted.reactions ?? [];
  const reactionIndex = formattedReactions.findIndex((r) => r.text?.includes('\u0002'));
  if (!matchedInCase(matches) && matches['reactions.text']?.length && h.reactions?.[reactionIndex]) {
    // Not in the case's own text, but in a member's reaction: "gevonden in een reactie van …".
    const r = h.reactions[reactionIndex];
    snippet = markedSnippet(formattedReactions[reactionIndex].text!);
    reaction = { id: r.id, authorName: r.authorName };
  } else if (!matchedInCase(matches) && matches['attachments.text']?.length) {
    const formattedAttachments: Array<{ text?: string }> = formatted.attachments ?? [];
    const index = formattedAttachments.findIndex((a) => a.text?.includes('\u0002'));
    if (index >= 0 && attachments[index]) {
      const a = attachments[index];
      snippet = markedSnippet(formattedAttachments[index].text!);
      // The raw text is not fetched: the page comes from where Meilisearch saw the first match.
      const at = matches['attachments.text'].find((m) => m.indices?.[0] === index)?.start;
      const page = a.pageOffsets && at !== undefined ? pageAt(a.pageOffsets, at) : undefined;
      attachment = { id: a.id, filename: a.filename, ...(page ? { page } : {}) };
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
    ...(reaction ? { reaction } : {}),
  };
}

/** The 1-based page whose start offset is the last one at or before this offset. */
function pageAt(pageOffsets: number[], offset: number): number {
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if (pageOffsets[i] <= offset) page = i + 1;
  return page;
}
