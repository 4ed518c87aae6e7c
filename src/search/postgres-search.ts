import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import type { CaseSearch, RelatedQuery } from './case-search';
import { DUTCH_STOP_WORDS } from './dutch';
import { stem, words } from './dutch-analysis';
import { analyseQuery, wordForms, type AnalysedQuery, type ThesaurusIndex } from './embedded-query';
import { MemoryLexicon, suggestFromCorrections } from './lexicon';
import { hitsOf, pageRows, type PageRow } from './postgres-hits';
import { PostgresSearchIndex } from './postgres-index';
import {
  scoreCandidates,
  NEAR_BONUS,
  TsQueries,
  withPhrases,
  type Candidate,
  type Stats,
} from './postgres-query';
import type { SearchDocument } from './search-document';
import {
  parsedOf,
  queryWords,
  type ParsedQuery,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import {
  countsOf,
  FACET_COLUMNS,
  facetSql,
  FILTERS,
  QueryPlan,
  withOwn,
  type FacetCounts,
  type OwnRow,
} from './postgres-plan';
import { sharedVisibilitySql, visibilitySql } from './visibility';

/**
 * Matches are picked by words matched and a cheap rank on the small head vector (title, summary,
 * tags); the best this many are scored with bm25 from their stored term weights (reading those
 * costs most of a search). Pages beyond them keep the cheap order.
 */
export const RERANK_CANDIDATES = 500;
/** Of those, the best this many are checked for what needs positions (compounds apart, words near). */
const POSITION_CHECKS = 200;
/** Query groups looked at (a bit each in a mask), as in the embedded engine. */
const MAX_GROUPS = 24;
/** Phrases whose matches are kept per search generation. */
const PHRASE_CACHE_ENTRIES = 100;
/** Words of one query looked up as typos. */
const MAX_CORRECTED_WORDS = 3;

export interface PostgresSearchOptions {
  rerankCandidates?: number;
  /** The kerngroep's thesaurus (synonyms, abbreviations, spelling variants). */
  thesaurus?: () => Promise<ThesaurusIndex | null>;
}

/** Facet counts of the shared cases kept per query shape; dropped when the generation moves. */
const FACET_CACHE_ENTRIES = 500;

/** What the ranking statement answers for a search with words. */
interface Matches {
  /** Sorted by relevance: the candidates with their stored weights. */
  candidates: Candidate[];
  /** Sorted otherwise: the page's case ids. */
  page: number[];
  stats: Stats;
  unitDocs: Record<string, number>;
  /** Per group: how many cases the viewer may see have it. */
  groupVisible: number[];
  /** Matches passing the filters that have every group. */
  allWords: number;
  shared: FacetCounts | null;
  own: OwnRow[];
}

interface Answer {
  hits: PageRow[];
  /** Counts of the shared cases (asked for on a cache miss only). */
  shared: FacetCounts | null;
  own: OwnRow[];
}

/**
 * PostgreSQL full-text adapter, the reader: documents live in search_documents beside the data
 * (written by PostgresSearchIndex from the shared Dutch analysis). The query is analysed as the
 * embedded engine analyses it (analyseQuery, with the lexicon's word counts in memory); one
 * statement answers the candidates with their stored term weights, the total and the facets from
 * the same match set; the candidates are ranked with the embedded engine's bm25 here; snippets are
 * built in JavaScript for the shown page.
 */
export class PostgresCaseSearch implements CaseSearch {
  readonly engine = 'postgres' as const;
  /** The words of published cases, in memory (Meilisearch's suggestions share it). */
  readonly lexicon: MemoryLexicon;
  private facetCache = { generation: -1, entries: new Map<string, FacetCounts>() };
  /** Cases per phrase of several words, kept until the next write (the dear part of a phrase search). */
  private phraseCache = { generation: -1, entries: new Map<string, number[]>() };
  /** Facet cache statistics (the profile script reports them). */
  readonly facetCacheStats = { hits: 0, misses: 0 };
  private readonly rerankCandidates: number;
  private readonly index: PostgresSearchIndex;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PostgresSearchOptions = {},
  ) {
    this.index = new PostgresSearchIndex(dataSource);
    this.lexicon = new MemoryLexicon(dataSource);
    this.rerankCandidates = options.rerankCandidates ?? RERANK_CANDIDATES;
  }

  async health(): Promise<void> {
    await this.dataSource.query('SELECT 1 FROM search_documents LIMIT 1');
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return this.index.upsert(docs);
  }

  remove(ids: number[]): Promise<void> {
    return this.index.remove(ids);
  }

  documentCount(): Promise<number> {
    return this.index.documentCount();
  }

  reset(): Promise<void> {
    return this.index.reset();
  }

  finishRebuild(): Promise<void> {
    return this.index.finishRebuild();
  }

  async search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult> {
    const started = performance.now();
    const parsed = parsedOf(query);
    // The generation the lexicon is loaded up to also keys the cached facet counts.
    const generation = await this.lexicon.upToDate();
    const thesaurus = (await this.options.thesaurus?.().catch(() => null)) ?? null;
    // The shared analysis, with the collection's word counts (compound readings, words written apart).
    const analysed = analyseQuery(parsed, thesaurus, (w) => this.lexicon.frequency(w));
    analysed.groups.splice(MAX_GROUPS);
    analysed.compounds = analysed.compounds.filter((c) => c.groups.every((g) => analysed.groups.includes(g)));
    const hasText = analysed.groups.length > 0 || analysed.excluded.length > 0;
    const plan = new QueryPlan(query, viewer, analysed);
    const sort = query.sort ?? (hasText ? 'relevance' : 'newest');

    if (this.facetCache.generation !== generation) this.facetCache = { generation, entries: new Map() };
    const key = plan.sharedKey();
    const cached = this.facetCache.entries.get(key);
    if (cached) this.facetCacheStats.hits++;
    else this.facetCacheStats.misses++;
    const remember = (shared: FacetCounts) => {
      if (cached || this.facetCache.generation !== generation) return;
      if (this.facetCache.entries.size >= FACET_CACHE_ENTRIES)
        this.facetCache.entries.delete(this.facetCache.entries.keys().next().value!);
      this.facetCache.entries.set(key, shared);
    };

    let page = Math.max(1, query.page);
    if (!hasText) {
      let answer = await this.answer(plan, sort, page, query.perPage, !cached);
      const shared = cached ?? answer.shared!;
      remember(shared);
      const { total, facets } = withOwn(shared, answer.own);
      const pages = Math.max(1, Math.ceil(total / query.perPage));
      if (page > pages) {
        // Beyond the end: the last page (or the first when nothing is found).
        page = pages;
        answer = total === 0 ? answer : await this.answer(plan, sort, page, query.perPage, false);
      }
      const hits = await hitsOf(this.dataSource, answer.hits, [], new Map());
      return {
        total,
        page,
        perPage: query.perPage,
        tookMs: Math.round(performance.now() - started),
        hits: total === 0 ? [] : hits,
        facets,
        suggestions: [],
      };
    }

    const tq = new TsQueries(analysed);
    let found = await this.matches(plan, tq, sort, page, query.perPage, !cached, generation);
    // A word no visible case has (a typo): searched again as if its most common correction that
    // some visible case has had been typed, as the embedded engine does.
    if (!query.literal) {
      const corrected = await this.corrections(analysed, found.groupVisible, query, viewer, thesaurus);
      if (corrected.length) return this.searchCorrected(query, viewer, corrected, started);
    }
    const shared = cached ?? found.shared!;
    remember(shared);
    const { total, facets } = withOwn(shared, found.own);
    const pages = Math.max(1, Math.ceil(total / query.perPage));
    if (page > pages) {
      page = pages;
      if (sort !== 'relevance' && total > 0)
        found = await this.matches(plan, tq, sort, page, query.perPage, false, generation);
    }
    let ordered = found.page;
    let inCase = new Map<number, boolean>();
    if (sort === 'relevance') ({ ordered, inCase } = await this.rank(found, tq));
    const shown =
      sort === 'relevance' ? ordered.slice((page - 1) * query.perPage, page * query.perPage) : ordered;
    const hits = await hitsOf(
      this.dataSource,
      await pageRows(this.dataSource, shown),
      analysed.groups,
      inCase,
    );
    const nGroups = analysed.groups.length;
    const partial = nGroups > 1 && total > 0 && found.allWords === 0;
    return {
      total,
      page,
      perPage: query.perPage,
      tookMs: Math.round(performance.now() - started),
      hits: total === 0 ? [] : hits,
      facets,
      suggestions: total === 0 ? await this.suggestions(parsed, viewer) : [],
      corrections: [],
      expansions: [...new Set(analysed.groups.flatMap((g) => g.expansions))],
      partial: partial
        ? { missing: analysed.groups.filter((_, i) => found.groupVisible[i] === 0).map((g) => g.label) }
        : undefined,
    };
  }

  /** The query again with the corrected words typed instead (literal: no second round of corrections). */
  private async searchCorrected(
    query: SearchQuery,
    viewer: SearchViewer,
    corrected: Array<{ from: string; to: string }>,
    started: number,
  ): Promise<SearchResult> {
    const fixes = new Map(corrected.map((c) => [c.from, c.to]));
    const q = query.q
      .split(/(\s+)/)
      .map((part) => {
        const minus = part.startsWith('-') ? '-' : '';
        const word = words(part.slice(minus.length));
        return word.length === 1 && fixes.has(word[0]) ? `${minus}${fixes.get(word[0])}` : part;
      })
      .join('');
    const result = await this.search({ ...query, q, parsed: undefined, literal: true }, viewer);
    const tookMs = Math.round(performance.now() - started);
    // With these filters the corrected words find nothing either: offer them ("bedoelde u …").
    if (result.total === 0) return { ...result, corrections: [], suggestions: [q], tookMs };
    return { ...result, corrections: corrected, tookMs };
  }

  /**
   * The one ranking statement: the matches per query group (GIN indexes, OR-ed), visible and not
   * excluded, with their facet values; the best candidates by groups matched and a cheap rank on
   * the head vector, with the stored weights of the query's terms (bm25 is computed from them in
   * JavaScript); the document frequencies; per group whether any visible case has it; the shared
   * facet counts (on a cache miss) and the viewer's own matching drafts, from the same match set.
   * Sorted by date or title, the page instead of the candidates.
   */
  private async matches(
    plan: QueryPlan,
    tq: TsQueries,
    sort: string,
    page: number,
    perPage: number,
    withFacets: boolean,
    generation: number,
  ): Promise<Matches> {
    const p = new SqlParams();
    const relevance = sort === 'relevance';
    // The tsqueries come from a materialized row: the planner cannot see that a common word
    // matches nearly every case, so it keeps to the GIN indexes (a sequential scan would read
    // every case's vector; the index answers a word without reading any).
    const operands: string[] = [];
    const tsq = (text: string) => {
      operands.push(`${p.add(text)}::tsquery AS t${operands.length}`);
      return `q.t${operands.length - 1}`;
    };
    // Phrases need positions: every case with all their words would be read. Their matches are
    // looked up once per search generation and passed as case ids (as the embedded engine keeps them).
    const phrases = await this.phraseMatches(
      [
        ...tq.groups.flatMap((g) => g.phrases),
        ...tq.units.flatMap((u) => (u.kind === 'query' && u.words.length > 1 ? [u.query] : [])),
      ],
      generation,
    );
    const idsOf = (phrase: string) => {
      operands.push(`${p.add(phrases.get(phrase) ?? [])}::int[] AS t${operands.length}`);
      return `q.t${operands.length - 1}`;
    };
    const units = relevance ? tq.queryUnits() : [];
    const uhits = units
      .map((u) => {
        if (phrases.has(u.query))
          return `SELECT unnest(${idsOf(u.query)}) AS case_id, ${u.index} AS u FROM q`;
        const operand = tsq(u.query);
        const vectors = ['document', ...(u.query.endsWith(':*') ? ['parts_document'] : [])];
        return `SELECT d.case_id, ${u.index} AS u FROM q, search_documents d WHERE ${vectors
          .map((v) => `d.${v} @@ ${operand}`)
          .join(' OR ')}`;
      })
      .join(' UNION ALL ');
    const excluded = tq.excluded
      ? `AND d.case_id NOT IN (SELECT x.case_id FROM q, search_documents x WHERE x.document @@ ${tsq(tq.excluded)})`
      : '';
    const visibility = plan.visibility(p);
    const own = plan.visibility(p, 'own');
    const c = plan.conditions(p);
    const passAll = FILTERS.map((f) => `f_${f}`).join(' AND ');
    const headRank = relevance && tq.anyWord ? `ts_rank(d.head_document, ${tsq(tq.anyWord)})` : '0';
    // Per group, its matches (GIN) with what the statement needs of them, read from the heap
    // pages the index scan visits anyway (the cheap rank on the small head vector, kept in the
    // row, too); a case matching several groups becomes one row with its count.
    const columns: Array<[sql: string, name: string, aggregate: string]> = [
      ['d.updated_at', 'updated_at', 'min'],
      [`${headRank}`, 'head_rank', 'max'],
      ...(sort === 'title' ? [['lower(d.title)', 'title_key', 'min'] as [string, string, string]] : []),
      ...(withFacets
        ? FACET_COLUMNS.map((col): [string, string, string] => [
            `d.${col}`,
            col,
            ['has_reflection', 'presented', 'answered'].includes(col) ? 'bool_or' : 'min',
          ])
        : []),
      [own, 'own', 'bool_or'],
      ...FILTERS.map((f): [string, string, string] => [c[f], `f_${f}`, 'bool_or']),
    ];
    const select = ['d.case_id', ...columns.map(([sql, name]) => `${sql} AS ${name}`)].join(', ');
    const arms = tq.groups.map((g, i) => {
      const conditions = [
        ...(g.stems ? [`d.document @@ ${tsq(g.stems)}`] : []),
        ...(g.parts ? [`d.parts_document @@ ${tsq(g.parts)}`] : []),
        ...g.phrases.map((phrase) => `d.case_id = ANY(${idsOf(phrase)})`),
      ];
      return `SELECT ${select}, ${1 << i} AS bit FROM q, search_documents d
               WHERE (${conditions.join(' OR ') || 'false'}) AND ${visibility} ${excluded}`;
    });
    const matchSql =
      arms.length === 0
        ? // Only exclusions: every case but those.
          `SELECT ${select}, 0 AS groups, 0 AS mask FROM q, search_documents d WHERE ${visibility} ${excluded}`
        : arms.length === 1
          ? `SELECT x.*, 1 AS groups, x.bit AS mask FROM (${arms[0]}) x`
          : `SELECT case_id, ${columns.map(([, name, aggregate]) => `${aggregate}(${name}) AS ${name}`).join(', ')},
                    count(*)::int AS groups, bit_or(bit)::int AS mask
               FROM (${arms.join(' UNION ALL ')}) a GROUP BY case_id`;

    let rankedSql: string;
    let pageCte = '';
    if (relevance) {
      const limit = p.add(Math.max(this.rerankCandidates, page * perPage));
      pageCte = `
        cand AS MATERIALIZED (
          SELECT case_id, groups, mask, updated_at FROM m WHERE ${passAll}
           ORDER BY groups DESC, head_rank DESC, updated_at DESC, case_id DESC LIMIT ${limit}),
        scored AS (
          SELECT c.case_id, c.groups, c.mask, (extract(epoch FROM c.updated_at) * 1000)::float8 AS updated,
                 x.case_length, x.attachment_length,
                 ARRAY(SELECT (x.cw ->> k)::float8 FROM unnest(${p.add(tq.caseKeys)}::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o) AS cw,
                 ARRAY(SELECT (x.aw ->> k)::float8 FROM unnest(${p.add(tq.attKeys)}::text[]) WITH ORDINALITY AS u(k, o) ORDER BY o) AS aw,
                 ${uhits ? `coalesce(ua.units, '{}')` : 'ARRAY[]::int[]'} AS units
            FROM cand c ${uhits ? 'LEFT JOIN uagg ua ON ua.case_id = c.case_id' : ''} CROSS JOIN LATERAL (
              -- Each stored value read once per row (the concatenation keeps a detoasted copy).
              SELECT d.case_weights || '{}'::jsonb AS cw, d.attachment_weights || '{}'::jsonb AS aw,
                     d.case_length, d.attachment_length
                FROM search_documents d WHERE d.case_id = c.case_id OFFSET 0) x),`;
      rankedSql = `(SELECT coalesce(json_agg(s), '[]') FROM scored s)`;
    } else {
      const order = sort === 'title' ? 'title_key, case_id' : 'updated_at DESC, case_id DESC';
      pageCte = `
        page AS (
          SELECT case_id, row_number() OVER (ORDER BY ${order}) AS ord
            FROM m WHERE ${passAll} ORDER BY ${order} LIMIT ${p.add(perPage)} OFFSET ${p.add((page - 1) * perPage)}),`;
      rankedSql = `(SELECT coalesce(json_agg(case_id ORDER BY ord), '[]') FROM page)`;
    }
    const bits = tq.groups.map((_, i) => `count(*) FILTER (WHERE mask & ${1 << i} <> 0)`);
    const sql = `
      WITH q AS MATERIALIZED (SELECT ${operands.join(', ') || '1 AS none'}),
      ${uhits ? `uhits AS MATERIALIZED (${uhits}), uagg AS MATERIALIZED (SELECT case_id, array_agg(u) AS units FROM uhits GROUP BY case_id),` : ''}
      m AS MATERIALIZED (${matchSql}),
      ${pageCte.replace(/,\s*$/, '')}
      SELECT ${rankedSql} AS ranked,
        ${relevance ? `(SELECT coalesce(json_object_agg(term, docs), '{}') FROM search_term_stats WHERE term = ANY(${p.add(tq.statKeys())}::text[]))` : `'{}'::json`} AS stats,
        ${uhits ? `(SELECT coalesce(json_object_agg(u, n), '{}') FROM (SELECT u, count(*) AS n FROM uhits GROUP BY u) z)` : `'{}'::json`} AS unit_docs,
        (SELECT json_build_array(${[...bits, `count(*) FILTER (WHERE groups = ${tq.groups.length} AND ${passAll})`].join(', ')}) FROM m) AS counts,
        ${withFacets ? `(SELECT json_agg(f) FROM (${facetSql(`m WHERE NOT own`)}) f)` : 'NULL'} AS facets,
        (SELECT coalesce(json_agg(o), '[]') FROM (
           SELECT ${FACET_COLUMNS.map((col) => `od.${col}`).join(', ')},
                  json_build_object(${FILTERS.map((f) => `'${f}', f_${f}`).join(', ')}) AS pass
             FROM m JOIN search_documents od USING (case_id) WHERE own) o) AS own`;
    const [row]: Array<{
      ranked: Candidate[] | number[];
      stats: Stats;
      unit_docs: Record<string, number>;
      counts: number[];
      facets: Array<{ facet: string; value: string | null; n: number }> | null;
      own: OwnRow[];
    }> = await this.dataSource.query(sql, p.values);
    const counts = row.counts.map(Number);
    return {
      candidates: relevance ? (row.ranked as Candidate[]) : [],
      page: relevance ? [] : (row.ranked as number[]),
      stats: row.stats,
      unitDocs: row.unit_docs,
      groupVisible: counts.slice(0, tq.groups.length),
      allWords: counts[tq.groups.length],
      shared: row.facets ? countsOf(row.facets) : null,
      own: row.own,
    };
  }

  /** Case ids matching each phrase (a tsquery with <->), from the cache of this search generation. */
  private async phraseMatches(phrases: string[], generation: number): Promise<Map<string, number[]>> {
    if (this.phraseCache.generation !== generation) this.phraseCache = { generation, entries: new Map() };
    const cache = this.phraseCache.entries;
    const found = new Map<string, number[]>();
    for (const phrase of phrases) if (cache.has(phrase)) found.set(phrase, cache.get(phrase)!);
    const missing = [...new Set(phrases)].filter((phrase) => !found.has(phrase));
    if (missing.length === 0) return found;
    const rows: Array<{ phrase: string; ids: number[] }> = await this.dataSource.query(
      `SELECT x.phrase, coalesce((SELECT array_agg(d.case_id) FROM search_documents d
                                   WHERE d.document @@ x.phrase::tsquery), '{}') AS ids
         FROM unnest($1::text[]) AS x(phrase)`,
      [missing],
    );
    for (const r of rows) {
      found.set(r.phrase, r.ids);
      // Kept only while no write moved the generation on.
      if (this.phraseCache.generation !== generation) continue;
      if (cache.size >= PHRASE_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(r.phrase, r.ids);
    }
    return found;
  }

  /**
   * The embedded engine's order: most groups matched, then bm25. The best POSITION_CHECKS are
   * checked for what needs positions (a compound's parts apart, query words close together) and
   * ranked again with the same bonuses; below them the order is the candidates'.
   */
  private async rank(
    found: Matches,
    tq: TsQueries,
  ): Promise<{ ordered: number[]; inCase: Map<number, boolean> }> {
    const scores = scoreCandidates(found.candidates, tq, found.stats, found.unitDocs);
    const score = (c: Candidate) => scores.get(c.case_id)!.score;
    const newest = (a: Candidate, b: Candidate) => b.updated - a.updated || b.case_id - a.case_id;
    const ordered = [...found.candidates].sort(
      (a, b) => b.groups - a.groups || score(b) - score(a) || newest(a, b),
    );
    const head = ordered.slice(0, POSITION_CHECKS);
    const { compounds, pairs } = tq.positionChecks();
    const near = new Map<number, number>();
    if (head.length && (compounds.length || pairs.length)) {
      const p = new SqlParams();
      const ids = p.add(head.map((c) => c.case_id));
      const check = (q: string) => {
        const param = p.add(q);
        return `(x.v @@ ${param}::tsquery OR x.pv @@ ${param}::tsquery)`;
      };
      const flags = [...compounds.map((c) => check(c.query)), ...pairs.map(check)];
      const rows: Array<{ case_id: number; flags: boolean[] }> = await this.dataSource.query(
        `SELECT x.case_id, ARRAY[${flags.join(', ')}] AS flags
           FROM (SELECT case_id, document || ''::tsvector AS v, parts_document || ''::tsvector AS pv
                   FROM search_documents WHERE case_id = ANY(${ids}::int[]) OFFSET 0) x`,
        p.values,
      );
      const byCase = new Map(rows.map((r) => [r.case_id, r.flags]));
      for (const c of head) {
        const f = byCase.get(c.case_id) ?? [];
        // A compound's parts count as all there only where they stand together (or it is there itself).
        compounds.forEach((compound, k) => {
          if ((c.mask & compound.mask) === compound.mask && !f[k]) c.groups--;
        });
        const n = pairs.filter((_, k) => f[compounds.length + k]).length;
        if (n) near.set(c.case_id, n);
      }
    }
    const now = Date.now();
    const rankOf = new Map<number, number>();
    for (const c of head) {
      // A bonus per pair of query words close together, and a small one for recent cases (at most 2%).
      const ageYears = Math.max(0, (now - c.updated) / 31_557_600_000);
      rankOf.set(
        c.case_id,
        score(c) * (1 + NEAR_BONUS * (near.get(c.case_id) ?? 0)) * (1 + 0.02 / (1 + ageYears)),
      );
    }
    head.sort(
      (a, b) => b.groups - a.groups || rankOf.get(b.case_id)! - rankOf.get(a.case_id)! || newest(a, b),
    );
    const inCase = new Map([...scores].map(([id, s]) => [id, s.inCase]));
    return { ordered: [...head, ...ordered.slice(POSITION_CHECKS)].map((c) => c.case_id), inCase };
  }

  /**
   * Typo corrections, by the embedded engine's rule: for each word (of at most
   * MAX_CORRECTED_WORDS) that no case the viewer may see has, its most common correction from the
   * lexicon that some such case has.
   */
  private async corrections(
    analysed: AnalysedQuery,
    groupVisible: number[],
    query: SearchQuery,
    viewer: SearchViewer,
    thesaurus: ThesaurusIndex | null,
  ): Promise<Array<{ from: string; to: string }>> {
    const corrected: Array<{ from: string; to: string }> = [];
    let lookedUp = 0;
    for (const [i, g] of analysed.groups.entries()) {
      if (g.strict || g.exact.length !== 1 || groupVisible[i] > 0 || lookedUp >= MAX_CORRECTED_WORDS)
        continue;
      lookedUp++;
      const fixes = this.lexicon.corrections(g.exact[0]);
      if (fixes.length === 0) continue;
      const forms = fixes.map((text) => wordForms({ kind: 'word', text }, thesaurus));
      const groups = new TsQueries({ groups: forms, excluded: [], compounds: [] }).groups;
      const p = new SqlParams();
      const exists = groups.map((q) => {
        const stems = withPhrases(q);
        const conditions = [
          ...(stems ? [`d.document @@ ${p.add(stems)}::tsquery`] : []),
          ...(q.parts ? [`d.parts_document @@ ${p.add(q.parts)}::tsquery`] : []),
        ];
        return `EXISTS (SELECT 1 FROM search_documents d WHERE (${conditions.join(' OR ') || 'false'})
                          AND ${visibilitySql('d', (v) => p.add(v), viewer, query.filters.statuses)})`;
      });
      const [row]: Array<{ visible: boolean[] }> = await this.dataSource.query(
        `SELECT ARRAY[${exists.join(', ')}] AS visible`,
        p.values,
      );
      const fix = fixes.find((_, k) => row.visible[k]);
      if (fix) corrected.push({ from: g.exact[0], to: fix });
    }
    return corrected;
  }

  /** "Bedoelde u …": each unknown word replaced by its best correction that a visible case has. */
  private async suggestions(parsed: ParsedQuery, viewer: SearchViewer): Promise<string[]> {
    const entries = this.lexicon.lookUp(queryWords(parsed), { expand: false });
    const corrections = new Map<string, string[]>();
    for (const [word, entry] of entries) if (!entry.known) corrections.set(word, entry.corrections);
    if (![...corrections.values()].some((c) => c.length > 0)) return [];
    return suggestFromCorrections(this.dataSource, parsed, corrections, viewer);
  }

  /**
   * Without words, one statement: the page (by the updated_at index when the facets are cached),
   * the shared facet counts (on a cache miss) and the viewer's own drafts. Each facet ignores its
   * own filter (values of one facet combine with OR).
   */
  private async answer(
    plan: QueryPlan,
    sort: string,
    page: number,
    perPage: number,
    withFacets: boolean,
  ): Promise<Answer> {
    const p = new SqlParams();
    const visibility = plan.visibility(p);
    const own = plan.visibility(p, 'own');
    const c = plan.conditions(p);
    const passAll = FILTERS.map((f) => `f_${f}`).join(' AND ');
    const limit = p.add(perPage);
    const offset = p.add((page - 1) * perPage);
    // With cached facets the page and the drafts are read straight from the table; otherwise the
    // match set is computed once.
    const matchCols = `d.case_id, d.updated_at, ${sort === 'title' ? 'lower(d.title) AS title_key,' : ''}
         ${withFacets ? `${FACET_COLUMNS.map((col) => `d.${col}`).join(', ')},` : ''} ${own} AS own,
         ${FILTERS.map((f) => `${c[f]} AS f_${f}`).join(', ')}`;
    const matchSql = `SELECT ${matchCols} FROM search_documents d WHERE ${visibility}`;
    const m = withFacets ? 'm' : `(${matchSql}) m`;
    const order = sort === 'title' ? 'title_key, case_id' : 'updated_at DESC, case_id DESC';
    const sql = `
      WITH ${withFacets ? `m AS MATERIALIZED (${matchSql}),` : ''}
      page AS (
        SELECT case_id, row_number() OVER (ORDER BY ${order}) AS ord
          FROM ${m} WHERE ${passAll} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
      SELECT
        (SELECT coalesce(json_agg(h ORDER BY h.ord), '[]') FROM (
           SELECT page.ord, d.case_id, d.title, d.summary, d.roles, d.themes, d.organization_name,
                  d.organization_kind, d.year, d.status, d.updated_at
             FROM page JOIN search_documents d USING (case_id)) h) AS hits,
        ${withFacets ? `(SELECT json_agg(f) FROM (${facetSql(`m WHERE NOT own`)}) f)` : 'NULL'} AS facets,
        (SELECT coalesce(json_agg(o), '[]') FROM (
           SELECT ${FACET_COLUMNS.map((col) => `od.${col}`).join(', ')},
                  json_build_object(${FILTERS.map((f) => `'${f}', f_${f}`).join(', ')}) AS pass
             FROM ${m} JOIN search_documents od USING (case_id) WHERE own) o) AS own`;
    const [row]: Array<{
      hits: PageRow[];
      facets: Array<{ facet: string; value: string | null; n: number }> | null;
      own: OwnRow[];
    }> = await this.dataSource.query(sql, p.values);
    return { hits: row.hits, shared: row.facets ? countsOf(row.facets) : null, own: row.own };
  }

  /** Cases most like this one: shared themes, roles and tags, then shared words of the title and summary. */
  async related(query: RelatedQuery, viewer: SearchViewer): Promise<number[]> {
    const p = new SqlParams();
    p.add(query.caseId);
    p.add(query.limit);
    const shared = sharedVisibilitySql('d', (v) => p.add(v), []);
    // The head vector holds the analysis's stems of title, summary and tags; stop words are no likeness.
    const stopStems = p.add(DUTCH_STOP_WORDS.map(stem));
    const rows = await this.dataSource.query(
      `WITH src AS (
         SELECT themes, roles, tags,
                to_tsquery('simple', coalesce(nullif(array_to_string(ARRAY(
                  SELECT DISTINCT quote_literal(lexeme) FROM unnest(head_document)
                   WHERE length(lexeme) > 3 AND lexeme <> ALL(${stopStems}::text[]) LIMIT 12), ' | '), ''), 'casus')) AS words
           FROM search_documents WHERE case_id = $1),
       -- Bounded candidates from the indexes: shared words in title/summary, shared themes, shared tags.
       cand AS (
         (SELECT d.case_id FROM search_documents d, src WHERE d.head_document @@ src.words AND ${shared}
           ORDER BY ts_rank(d.head_document, src.words) DESC LIMIT 150)
         UNION (SELECT d.case_id FROM search_documents d, src WHERE d.themes && src.themes AND ${shared}
           ORDER BY d.updated_at DESC LIMIT 150)
         UNION (SELECT d.case_id FROM search_documents d, src WHERE d.tags && src.tags AND ${shared}
           ORDER BY d.updated_at DESC LIMIT 50))
       SELECT d.case_id
         FROM cand JOIN search_documents d USING (case_id), src
        WHERE d.case_id <> $1
        ORDER BY cardinality(ARRAY(SELECT unnest(d.themes) INTERSECT SELECT unnest(src.themes))) * 3
               + cardinality(ARRAY(SELECT unnest(d.tags) INTERSECT SELECT unnest(src.tags))) * 2
               + cardinality(ARRAY(SELECT unnest(d.roles) INTERSECT SELECT unnest(src.roles)))
               + ts_rank(d.head_document, src.words) * 10 DESC,
               d.updated_at DESC
        LIMIT $2`,
      p.values,
    );
    void viewer; // related cases are the shared ones only, the same for every member
    return rows.map((r: { case_id: number }) => r.case_id);
  }
}
