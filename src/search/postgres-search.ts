import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import type { CaseSearch, RelatedQuery } from './case-search';
import { wordsOf } from './dutch';
import { stem } from './dutch-analysis';
import type { ThesaurusIndex } from './embedded-query';
import { MemoryLexicon, suggestFromCorrections } from './lexicon';
import { PostgresSearchIndex } from './postgres-index';
import type { SearchDocument } from './search-document';
import {
  parsedOf,
  queryWords,
  type ParsedQuery,
  type QueryTerm,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import {
  emptyFacets,
  markedSnippet,
  pageAt,
  snippetOf,
  SNIPPET_SCAN_CHARS,
  type Snip,
  type SnippetMarks,
} from './snippets';
import { sharedVisibilitySql, visibilitySql, type VisibilityScope } from './visibility';

/**
 * Matches are ranked on the small head vector (title A; summary, tags and people B) with ts_rank;
 * the best this many of them are ranked again on the case's own full vector (with the body), which
 * is large: reading it costs most of a search. Pages beyond them keep the head order.
 */
export const RERANK_CANDIDATES = 200;

export interface PostgresSearchOptions {
  rerankCandidates?: number;
  /** The kerngroep's thesaurus (synonyms, abbreviations, spelling variants). */
  thesaurus?: () => Promise<ThesaurusIndex | null>;
}

/** A snippet is looked for in this much of the summary and body first (most hits have a query word there). */
const SNIPPET_SHORT_CHARS = 2000;

/** Attachment text read for a snippet. */
const SNIPPET_ATTACHMENT_CHARS = SNIPPET_SCAN_CHARS;

/** Facet counts of the shared cases kept per query shape; dropped when the generation moves. */
const FACET_CACHE_ENTRIES = 500;

interface FacetCounts {
  total: number;
  facets: SearchFacets;
}

/** A word or phrase the query word may also be; or words that must all occur. */
type Alternative = string | { allOf: string[] };

interface Expansion {
  alternatives: Alternative[];
  corrections: string[];
  /** Not an indexed word (a typo, or a word no visible case uses). */
  unknown: boolean;
}

const FILTERS = [
  'role',
  'theme',
  'organizationKind',
  'year',
  'hasReflection',
  'presented',
  'answered',
] as const;
type Filter = (typeof FILTERS)[number];
/** The columns facets count. */
const FACET_COLUMNS = [
  'roles',
  'themes',
  'organization_kind',
  'year',
  'has_reflection',
  'presented',
  'answered',
] as const;

/** A matching case of the viewer's own (a draft): its facet values and which filters it passes. */
interface OwnRow {
  roles: string[];
  themes: string[];
  organization_kind: string;
  year: number | null;
  has_reflection: boolean;
  presented: boolean;
  answered: boolean;
  pass: Record<Filter, boolean>;
}

/** A hit as the statement returns it (JSON), with what its snippet is built from. */
interface PageRow {
  case_id: number;
  title: string;
  summary: string;
  roles: string[];
  themes: string[];
  organization_name: string;
  organization_kind: string;
  year: number | null;
  status: SearchHit['status'];
  updated_at: string;
  body: string | null;
  in_case: boolean | null;
  reactions: Array<{ id: number; authorName: string; text: string }> | null;
}

interface Answer {
  hits: PageRow[];
  /** Counts of the shared cases (asked for on a cache miss only). */
  shared: FacetCounts | null;
  own: OwnRow[];
}

/**
 * PostgreSQL full-text adapter, the reader: documents live in search_documents beside the data
 * (written by PostgresSearchIndex). One statement per search answers the page, the total and the
 * facets from the same match set; words are expanded from a lexicon in memory; snippets are built
 * in JavaScript for the shown page.
 */
export class PostgresCaseSearch implements CaseSearch {
  readonly engine = 'postgres' as const;
  /** The words of published cases, in memory (Meilisearch's suggestions share it). */
  readonly lexicon: MemoryLexicon;
  private facetCache = { generation: -1, entries: new Map<string, FacetCounts>() };
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
    const hasText = parsed.groups.length > 0 || parsed.excluded.length > 0;
    // The generation the lexicon is loaded up to also keys the cached facet counts.
    const generation = await this.lexicon.upToDate();
    const expansions = hasText ? await this.expand(parsed) : new Map<string, Expansion>();
    const plan = new QueryPlan(query, viewer, parsed, expansions);
    const sort = query.sort ?? (hasText ? 'relevance' : 'newest');

    if (this.facetCache.generation !== generation) this.facetCache = { generation, entries: new Map() };
    const key = plan.sharedKey();
    const cached = this.facetCache.entries.get(key);
    if (cached) this.facetCacheStats.hits++;
    else this.facetCacheStats.misses++;

    let page = Math.max(1, query.page);
    let answer = await this.answer(plan, sort, page, query.perPage, !cached);
    const shared = cached ?? answer.shared!;
    if (!cached && this.facetCache.generation === generation) {
      if (this.facetCache.entries.size >= FACET_CACHE_ENTRIES)
        this.facetCache.entries.delete(this.facetCache.entries.keys().next().value!);
      this.facetCache.entries.set(key, shared);
    }
    const { total, facets } = withOwn(shared, answer.own);
    const pages = Math.max(1, Math.ceil(total / query.perPage));
    if (page > pages) {
      // Beyond the end: the last page (or the first when nothing is found).
      page = pages;
      answer = total === 0 ? answer : await this.answer(plan, sort, page, query.perPage, false);
    }
    const hits = await this.hits(answer.hits, plan);
    const suggestions =
      total === 0 || (total < 3 && hasText) ? await this.suggestions(parsed, expansions, viewer) : [];
    return {
      total,
      page,
      perPage: query.perPage,
      tookMs: Math.round(performance.now() - started),
      hits: total === 0 ? [] : hits,
      facets,
      suggestions,
    };
  }

  /**
   * The one statement: the matches (GIN index) with their facet values, ranked on the head
   * vector; the page, reranked on the full vector where it is among the best; the shared facet
   * counts (on a cache miss) and the viewer's own matching drafts (usually none), from the same
   * match set. Each facet ignores its own filter (values of one facet combine with OR).
   */
  private async answer(
    plan: QueryPlan,
    sort: string,
    page: number,
    perPage: number,
    withFacets: boolean,
  ): Promise<Answer> {
    const p = new SqlParams();
    const full = plan.match(p);
    const exact = full && sort === 'relevance' ? plan.exactMatch(p) : null;
    const visibility = plan.visibility(p);
    const own = plan.visibility(p, 'own');
    const c = plan.conditions(p);
    const passAll = FILTERS.map((f) => `f_${f}`).join(' AND ');
    const limit = p.add(perPage);
    const offset = p.add((page - 1) * perPage);
    const end = page * perPage;

    // Without words and with cached facets, the page and the drafts are read straight from the
    // table (the page by the updated_at index); otherwise the match set is computed once.
    const materialized = full !== null || withFacets;
    // Only what this statement reads: the facet values only when it counts them (a cache miss).
    const matchCols = `d.case_id, d.updated_at, ${sort === 'title' ? 'lower(d.title) AS title_key,' : ''}
         ${withFacets ? `${FACET_COLUMNS.map((col) => `d.${col}`).join(', ')},` : ''} ${own} AS own,
         ${FILTERS.map((f) => `${c[f]} AS f_${f}`).join(', ')}
         ${exact ? `, ts_rank(d.head_document, q.full, 1) + 2 * ts_rank(d.head_document, q.exact, 1) AS head_rank` : ''}`;
    const matchSql = `SELECT ${matchCols} FROM search_documents d${full ? ', q' : ''}
       WHERE ${visibility}${full ? ' AND d.document @@ q.full' : ''}`;
    const m = materialized ? 'm' : `(${matchSql}) m`;

    let pageSql: string;
    if (exact) {
      // The best by head rank; of those the first rerankCandidates again on the full vector
      // (read once per row: the OFFSET 0 fence keeps the copy for both ranks).
      const rerank = p.add(this.rerankCandidates);
      pageSql = `
        top AS MATERIALIZED (
          SELECT case_id, row_number() OVER (ORDER BY head_rank DESC, updated_at DESC, case_id DESC) AS pos
            FROM m WHERE ${passAll} ORDER BY head_rank DESC, updated_at DESC, case_id DESC LIMIT ${p.add(Math.max(end, this.rerankCandidates))}),
        ranked AS MATERIALIZED (
          SELECT r.case_id, ts_rank_cd(r.v, q.full, 1) + 2 * ts_rank_cd(r.v, q.exact, 1) AS rank
            FROM (SELECT t.case_id, d.rank_document || ''::tsvector AS v
                    FROM top t JOIN search_documents d USING (case_id) WHERE t.pos <= ${rerank} OFFSET 0) r, q),
        page AS (
          SELECT t.case_id, row_number() OVER (ORDER BY ranked.rank DESC NULLS LAST, t.pos) AS ord
            FROM top t LEFT JOIN ranked USING (case_id)
           ORDER BY ranked.rank DESC NULLS LAST, t.pos LIMIT ${limit} OFFSET ${offset})`;
    } else {
      const order = sort === 'title' ? 'title_key, case_id' : 'updated_at DESC, case_id DESC';
      pageSql = `
        page AS (
          SELECT case_id, row_number() OVER (ORDER BY ${order}) AS ord
            FROM ${m} WHERE ${passAll} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})`;
    }
    const snippetCols = full
      ? `, left(d.body, ${SNIPPET_SCAN_CHARS}) AS body, x.in_case,
         CASE WHEN NOT x.in_case THEN d.reactions END AS reactions`
      : '';
    const inCase = full ? `, LATERAL (SELECT d.rank_document @@ q.full AS in_case) x` : '';
    const sql = `
      WITH ${full ? `q AS MATERIALIZED (SELECT ${full} AS full${exact ? `, ${exact} AS exact` : ''}),` : ''}
      ${materialized ? `m AS MATERIALIZED (${matchSql}),` : ''}
      ${pageSql}
      SELECT
        (SELECT coalesce(json_agg(h ORDER BY h.ord), '[]') FROM (
           SELECT page.ord, d.case_id, d.title, d.summary, d.roles, d.themes, d.organization_name,
                  d.organization_kind, d.year, d.status, d.updated_at ${snippetCols}
             FROM page JOIN search_documents d USING (case_id)${full ? ', q' : ''}${inCase}) h) AS hits,
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

  /** Hits with snippets, built here for the shown page: from the case, a reaction or an attachment. */
  private async hits(rows: PageRow[], plan: QueryPlan): Promise<SearchHit[]> {
    const marks = plan.marks();
    const hits = rows.map((r): SearchHit => ({
      id: r.case_id,
      title: r.title,
      summary: r.summary,
      snippet: markedSnippet(r.summary),
      roles: r.roles,
      themes: r.themes,
      organization: r.organization_name,
      organizationKind: r.organization_kind,
      year: r.year,
      status: r.status,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
    if (!plan.hasText) return hits;
    const inAttachment: SearchHit[] = [];
    rows.forEach((r, i) => {
      const hit = hits[i];
      if (r.in_case === false) {
        // The case's own text lacks the words: a member's reaction, or else an attachment, has them.
        let best: { r: { id: number; authorName: string }; snip: Snip } | null = null;
        for (const reaction of r.reactions ?? []) {
          const snip = snippetOf(reaction.text, marks);
          if (snip && (!best || snip.hits > best.snip.hits)) best = { r: reaction, snip };
        }
        if (best) {
          hit.snippet = markedSnippet(best.snip.text);
          hit.reaction = { id: best.r.id, authorName: best.r.authorName };
        } else inAttachment.push(hit);
        return;
      }
      // The summary and the start of the body first; the rest only when no query word is there.
      const text = `${r.summary}\n${r.body ?? ''}`;
      const snip =
        snippetOf(text.slice(0, SNIPPET_SHORT_CHARS), marks) ??
        (text.length > SNIPPET_SHORT_CHARS ? snippetOf(text, marks) : null);
      if (snip) hit.snippet = markedSnippet(snip.text);
    });
    if (inAttachment.length) await this.attachmentSnippets(inAttachment, plan, marks);
    return hits;
  }

  /** For hits found only in an attachment: its best matching attachment, the snippet and the PDF page. */
  private async attachmentSnippets(hits: SearchHit[], plan: QueryPlan, marks: SnippetMarks): Promise<void> {
    const p = new SqlParams();
    const full = plan.match(p)!;
    const ids = p.add(hits.map((h) => h.id));
    const rows: Array<{
      case_id: number;
      attachment_id: number;
      filename: string;
      page_offsets: number[] | null;
      text: string;
    }> = await this.dataSource.query(
      `WITH q AS MATERIALIZED (SELECT ${full} AS full)
       SELECT DISTINCT ON (s.case_id) s.case_id, s.attachment_id, s.filename, s.page_offsets,
              left(s.text, ${SNIPPET_ATTACHMENT_CHARS}) AS text
         FROM search_attachment_documents s, q
        WHERE s.case_id = ANY(${ids}::int[]) AND s.document @@ q.full
        ORDER BY s.case_id, ts_rank_cd(s.document, q.full) DESC, s.attachment_id`,
      p.values,
    );
    const byCase = new Map(rows.map((r) => [r.case_id, r]));
    for (const hit of hits) {
      const a = byCase.get(hit.id);
      if (!a) continue;
      const snip = snippetOf(a.text, marks);
      if (snip) hit.snippet = markedSnippet(snip.text);
      const page = snip ? pageAt(a.page_offsets, snip.firstAt) : undefined;
      hit.attachment = { id: a.attachment_id, filename: a.filename, ...(page ? { page } : {}) };
    }
  }

  /** Cases most like this one: shared themes, roles and tags, then shared words of the title and summary. */
  async related(query: RelatedQuery, viewer: SearchViewer): Promise<number[]> {
    const p = new SqlParams();
    p.add(query.caseId);
    p.add(query.limit);
    const shared = sharedVisibilitySql('d', (v) => p.add(v), []);
    const rows = await this.dataSource.query(
      `WITH src AS (
         SELECT themes, roles, tags,
                to_tsquery('dutch', coalesce(nullif(array_to_string(ARRAY(
                  SELECT DISTINCT lexeme FROM unnest(to_tsvector('dutch', immutable_unaccent(title || ' ' || summary)))
                   WHERE length(lexeme) > 3 LIMIT 12), ' | '), ''), 'casus')) AS words
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

  /** Per query word: synonyms, compounds that contain it, and typo corrections from the lexicon. */
  private async expand(parsed: ParsedQuery): Promise<Map<string, Expansion>> {
    const words = queryWords(parsed);
    const expansions = new Map<string, Expansion>();
    if (words.length === 0) return expansions;
    const lexicon = this.lexicon.lookUp(words, { expand: true });
    // By stem, so "vergunninghouders" finds the group of "vergunninghouder".
    const thesaurus = (await this.options.thesaurus?.().catch(() => null)) ?? null;
    const synonymsOf = (word: string) => thesaurus?.alternativesOf([stem(word)]) ?? [];
    for (const [w, entry] of lexicon) {
      const alternatives = new Set<string>(synonymsOf(w));
      // Dutch writes compounds as one word: "achterstand" is part of "huurachterstanden".
      for (const c of entry.compounds) alternatives.add(c);
      for (const c of entry.corrections) {
        alternatives.add(c);
        for (const syn of synonymsOf(c)) alternatives.add(syn);
      }
      // Plurals the stemmer keeps apart (plan/plannen, huis/huizen).
      for (const f of entry.forms) alternatives.add(f);
      alternatives.delete(w);
      const all: Alternative[] = [...alternatives];
      // A compound also written apart: "energie kosten", "energie-kosten"; a compound no case
      // uses finds its parts anywhere in a case ("kosten van energie").
      if (entry.split) all.push(entry.known ? entry.split.join(' ') : { allOf: entry.split });
      expansions.set(w, {
        alternatives: all,
        corrections: entry.corrections,
        unknown: !entry.known,
      });
    }
    return expansions;
  }

  /** "Bedoelde u …" from the typo corrections the search already looked up. */
  private async suggestions(
    parsed: ParsedQuery,
    expansions: Map<string, Expansion>,
    viewer: SearchViewer,
  ): Promise<string[]> {
    const corrections = new Map<string, string[]>();
    for (const [word, e] of expansions) if (e.unknown) corrections.set(word, e.corrections);
    if (![...corrections.values()].some((c) => c.length > 0)) return [];
    return suggestFromCorrections(this.dataSource, parsed, corrections, viewer);
  }
}

/** Total and facet counts over a set of match rows (with their f_* columns), as rows of (facet, value, n). */
function facetSql(source: string): string {
  const others = (except: Filter | null) =>
    FILTERS.filter((f) => f !== except)
      .map((f) => `f_${f}`)
      .join(' AND ');
  return `
    SELECT 'total' AS facet, NULL AS value, count(*) FILTER (WHERE ${others(null)}) AS n FROM ${source}
    UNION ALL SELECT 'role', r, count(*) FROM (SELECT unnest(roles) AS r FROM ${source} AND ${others('role')}) x GROUP BY r
    UNION ALL SELECT 'theme', t, count(*) FROM (SELECT unnest(themes) AS t FROM ${source} AND ${others('theme')}) x GROUP BY t
    UNION ALL SELECT 'organizationKind', organization_kind, count(*) FROM ${source} AND ${others('organizationKind')} GROUP BY 2
    UNION ALL SELECT 'year', year::text, count(*) FROM ${source} AND year IS NOT NULL AND ${others('year')} GROUP BY 2
    UNION ALL SELECT 'hasReflection', has_reflection::text, count(*) FROM ${source} AND ${others('hasReflection')} GROUP BY 2
    UNION ALL SELECT 'presented', presented::text, count(*) FROM ${source} AND ${others('presented')} GROUP BY 2
    UNION ALL SELECT 'answered', answered::text, count(*) FROM ${source} AND ${others('answered')} GROUP BY 2`;
}

/** The shared counts plus the viewer's own matching drafts, counted here (the sets are disjoint). */
function withOwn(shared: FacetCounts, own: OwnRow[]): FacetCounts {
  if (own.length === 0) return shared;
  const facets = emptyFacets();
  for (const [name, values] of Object.entries(shared.facets) as Array<
    [keyof SearchFacets, Record<string, number>]
  >)
    Object.assign(facets[name], values);
  const bump = (counts: Record<string, number>, value: string) => {
    counts[value] = (counts[value] ?? 0) + 1;
  };
  let total = shared.total;
  for (const r of own) {
    // Each facet counts the rows passing every other filter.
    const failed = FILTERS.filter((f) => !r.pass[f]);
    if (failed.length > 1) continue;
    const countsIn = (f: Filter) => failed.length === 0 || failed[0] === f;
    if (failed.length === 0) total++;
    if (countsIn('role')) for (const v of r.roles) bump(facets.role, v);
    if (countsIn('theme')) for (const v of r.themes) bump(facets.theme, v);
    if (countsIn('organizationKind')) bump(facets.organizationKind, r.organization_kind);
    if (countsIn('year') && r.year !== null) bump(facets.year, String(r.year));
    if (countsIn('hasReflection')) bump(facets.hasReflection, String(r.has_reflection));
    if (countsIn('presented')) bump(facets.presented, String(r.presented));
    if (countsIn('answered')) bump(facets.answered, String(r.answered));
  }
  return { total, facets };
}

/**
 * What one search asks of the database: the filters, the viewer and the parsed, expanded words.
 * Each statement binds its own parameters from it (PostgreSQL refuses parameters a statement
 * does not use), so the plan hands out SQL fragments for a given parameter list.
 */
class QueryPlan {
  readonly hasText: boolean;

  constructor(
    readonly query: SearchQuery,
    readonly viewer: SearchViewer,
    private readonly parsed: ParsedQuery,
    private readonly expansions: Map<string, Expansion>,
  ) {
    this.hasText = parsed.groups.length > 0 || parsed.excluded.length > 0;
  }

  /** The tsquery that decides a match (with synonyms, compounds and corrections), or null without words. */
  match(p: SqlParams): string | null {
    return this.hasText ? this.tsquerySql(p, true) : null;
  }

  /** The words as typed, for the ranking bonus of exact matches. */
  exactMatch(p: SqlParams): string | null {
    return this.hasText ? this.tsquerySql(p, false) : null;
  }

  /** What the shared facet counts depend on besides the generation: words, expansions, filters. */
  sharedKey(): string {
    const { roles, themes, organizationKinds, years, hasReflection, presented, answered, statuses } =
      this.query.filters;
    return JSON.stringify([
      this.parsed.groups,
      this.parsed.excluded,
      [...this.expansions].map(([w, e]) => [w, e.alternatives]),
      [roles, themes, organizationKinds, years, hasReflection, presented, answered, statuses],
    ]);
  }

  /**
   * Whether the last word is still being typed: matched as a prefix only when no case has it as a
   * word (a prefix of a common word reads many index entries and makes a search slow), as the
   * embedded engine does.
   */
  private stillTyping(t: QueryTerm): boolean {
    return !!t.prefix && (this.expansions.get(t.text)?.unknown ?? true);
  }

  /** What snippets mark: the stems of the query's words and of their alternatives, and prefixes. */
  marks(): SnippetMarks {
    const stems = new Set<string>();
    const prefixes: string[] = [];
    for (const group of this.parsed.groups)
      for (const t of group) {
        for (const w of wordsOf(t.text)) stems.add(stem(w));
        if (this.stillTyping(t)) prefixes.push(t.text);
        for (const alt of this.expansions.get(t.text)?.alternatives ?? [])
          for (const w of typeof alt === 'string' ? wordsOf(alt) : alt.allOf.flatMap(wordsOf))
            stems.add(stem(w));
      }
    return { stems, prefixes };
  }

  /** A tsquery expression: groups ANDed, alternatives ORed; expansions only in the full query. */
  private tsquerySql(p: SqlParams, expanded: boolean): string {
    const { parsed, expansions } = this;
    const termSql = (t: QueryTerm, withExpansions: boolean): string => {
      if (t.kind === 'phrase') return `phraseto_tsquery('dutch', immutable_unaccent(${p.add(t.text)}))`;
      const own = this.stillTyping(t)
        ? `(plainto_tsquery('dutch', ${p.add(t.text)}) || to_tsquery('dutch', ${p.add(`${t.text}:*`)}))`
        : `plainto_tsquery('dutch', ${p.add(t.text)})`;
      const alternatives = withExpansions
        ? (expansions.get(t.text)?.alternatives ?? []).map(toTsqueryAlternative).filter(Boolean)
        : [];
      if (alternatives.length === 0) return own;
      return `(${own} || to_tsquery('dutch', ${p.add(alternatives.join(' | '))}))`;
    };
    const parts = parsed.groups.map((g) => `(${g.map((t) => termSql(t, expanded)).join(' || ')})`);
    for (const t of parsed.excluded) parts.push(`!!(${termSql(t, false)})`);
    if (parts.length === 0) return `''::tsquery`;
    // Only exclusions: match everything but those.
    if (parsed.groups.length === 0)
      parts.unshift(`to_tsquery('dutch', 'casus') || !!to_tsquery('dutch', 'casus')`);
    return parts.join(' && ');
  }

  /** Who may find a case (visibility.ts); `scope` picks the part every member shares or the viewer's own. */
  visibility(p: SqlParams, scope: VisibilityScope = 'all'): string {
    return visibilitySql('d', (v) => p.add(v), this.viewer, this.query.filters.statuses, scope);
  }

  /** One condition per facet filter ('true' when it is not used). */
  conditions(p: SqlParams): Record<Filter, string> {
    const f = this.query.filters;
    return {
      role: f.roles.length ? `d.roles && ${p.add(f.roles)}::text[]` : 'true',
      theme: f.themes.length ? `d.themes && ${p.add(f.themes)}::text[]` : 'true',
      organizationKind: f.organizationKinds.length
        ? `d.organization_kind = ANY(${p.add(f.organizationKinds)}::text[])`
        : 'true',
      year: f.years.length ? `d.year = ANY(${p.add(f.years)}::int[])` : 'true',
      hasReflection: f.hasReflection === undefined ? 'true' : `d.has_reflection = ${p.add(f.hasReflection)}`,
      presented: f.presented === undefined ? 'true' : `d.presented = ${p.add(f.presented)}`,
      answered: f.answered === undefined ? 'true' : `d.answered = ${p.add(f.answered)}`,
    };
  }
}

function countsOf(rows: Array<{ facet: string; value: string | null; n: number }>): FacetCounts {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else if (row.value !== null) facets[row.facet as keyof SearchFacets][row.value] = Number(row.n);
  }
  return { total, facets };
}

/** An alternative as a to_tsquery operand: multi-word synonyms become phrases, allOf an AND. */
function toTsqueryAlternative(alternative: Alternative): string {
  const words = typeof alternative === 'string' ? wordsOf(alternative) : alternative.allOf.flatMap(wordsOf);
  if (words.length <= 1) return words[0] ?? '';
  return `(${words.join(typeof alternative === 'string' ? ' <-> ' : ' & ')})`;
}
