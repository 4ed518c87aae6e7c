import type { CaseStatus } from '../domain';
import { DUTCH_STOP_WORDS, wordsOf } from './dutch';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/**
 * Who searches (search/visibility.ts decides what they find): their own drafts, and published
 * cases whose visibility level admits them by role or organisation. Without organisation and
 * roles, only what the whole community may read.
 */
export interface SearchViewer {
  id: number;
  organizationId?: number;
  roles?: readonly string[];
}

export interface SearchFilters {
  roles: string[];
  themes: string[];
  organizationKinds: string[];
  years: number[];
  hasReflection?: boolean;
  presented?: boolean;
  /** The question to the community: answered (a reaction marked "Dit hielp mij") or still open. */
  answered?: boolean;
  /** Empty: published (and the viewer's own drafts). */
  statuses: CaseStatus[];
}

export type SearchSort = 'relevance' | 'newest' | 'title';

export interface SearchQuery {
  q: string;
  filters: SearchFilters;
  sort?: SearchSort;
  /** Search the words as typed: no typo corrections (the "zoek toch naar …" link). */
  literal?: boolean;
  page: number;
  perPage: number;
  /** `q` parsed once per request (by toSearchQuery); see `parsedOf`. A copy with another `q` must drop it. */
  parsed?: ParsedQuery;
}

export interface SearchHit {
  id: number;
  title: string;
  summary: string;
  /** HTML: escaped text with <mark> around matches. */
  snippet: string;
  roles: string[];
  themes: string[];
  organization: string;
  organizationKind: string;
  year: number | null;
  status: CaseStatus;
  updatedAt: string;
  /** Set when the best match is in a member's reaction ("gevonden in een reactie van …"). */
  reaction?: { id: number; authorName: string };
  /** Set when the best match is in an attachment. */
  attachment?: { id: number; filename: string; page?: number };
}

export type FacetCounts = Record<string, number>;
export interface SearchFacets {
  role: FacetCounts;
  theme: FacetCounts;
  organizationKind: FacetCounts;
  year: FacetCounts;
  hasReflection: FacetCounts;
  presented: FacetCounts;
  answered: FacetCounts;
}

export interface SearchResult {
  total: number;
  /** The engine stopped counting at `total` (Meilisearch's maxTotalHits): there are at least this many. */
  totalCapped?: boolean;
  page: number;
  perPage: number;
  tookMs: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** "Bedoelde u …" alternatives when nothing (or little) was found. */
  suggestions: string[];
  /** Words the engine corrected because no case has them ("leefbarheid" → "leefbaarheid"). */
  corrections?: Array<{ from: string; to: string }>;
  /** Thesaurus terms the query was also searched by ("ook gezocht op …"). */
  expansions?: string[];
  /** Set when no case has all the words: these are cases with some of them; `missing` found nowhere. */
  partial?: { missing: string[] };
}

/** One searchable unit of a parsed query. */
export interface QueryTerm {
  kind: 'word' | 'phrase';
  text: string;
  /** The last word typed: also matches words that start with it. */
  prefix?: boolean;
  /** Written as one token with hyphens or digits ("energie-armoede", "55plus"), not quoted. */
  joined?: boolean;
}

export interface ParsedQuery {
  /** AND of groups; each group is an OR of terms. */
  groups: QueryTerm[][];
  excluded: QueryTerm[];
  /** True when the query was not empty but held only stop words or punctuation: it selects every case. */
  onlyStopWords: boolean;
}

const STOP = new Set(DUTCH_STOP_WORDS);
const OR_WORDS = new Set(['of', 'or', 'OF', 'OR']);

/**
 * Web-search syntax: "exact phrase", -uitsluiten, a OF b (or OR); words are ANDed.
 * Everything else in q is text: no operator of PostgreSQL or Meilisearch gets through.
 */
export function parseQuery(q: string, options: { prefixLastWord?: boolean } = {}): ParsedQuery {
  const tokens: Array<{ term: QueryTerm; negated: boolean; raw: string }> = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(q))) {
    if (match[2] !== undefined) {
      const words = wordsIn(match[2]);
      if (words.length)
        tokens.push({
          term: { kind: 'phrase', text: words.join(' ') },
          negated: match[1] === '-',
          raw: match[0],
        });
      continue;
    }
    const raw = match[3];
    if (OR_WORDS.has(raw)) {
      tokens.push({ term: { kind: 'word', text: '|' }, negated: false, raw });
      continue;
    }
    const negated = raw.startsWith('-') && raw.length > 1;
    const words = wordsIn(negated ? raw.slice(1) : raw);
    // "sociaal-maatschappelijk" or "e-mail": one token of several words is a phrase (that may
    // also be written as one word: the embedded engine searches "energie-armoede" as energiearmoede too).
    if (words.length === 1) tokens.push({ term: { kind: 'word', text: words[0] }, negated, raw });
    else if (words.length > 1)
      tokens.push({ term: { kind: 'phrase', text: words.join(' '), joined: true }, negated, raw });
  }

  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  tokens.forEach((token, i) => {
    if (token.term.text === '|') {
      joinNext = groups.length > 0;
      return;
    }
    if (token.negated) {
      excluded.push(token.term);
      return;
    }
    if (
      token.term.kind === 'word' &&
      STOP.has(token.term.text) &&
      !joinNext &&
      tokens[i + 1]?.term.text !== '|'
    )
      return;
    const isLast = i === tokens.length - 1;
    const term: QueryTerm =
      isLast &&
      options.prefixLastWord &&
      token.term.kind === 'word' &&
      !q.endsWith(' ') &&
      token.term.text.length >= 3
        ? { ...token.term, prefix: true }
        : token.term;
    if (joinNext) groups[groups.length - 1].push(term);
    else groups.push([term]);
    joinNext = false;
  });
  return { groups, excluded, onlyStopWords: q.trim() !== '' && groups.length === 0 && excluded.length === 0 };
}

const wordsIn = wordsOf;

/** The distinct plain words of a parsed query (for lexicon look-ups). */
export function queryWords(parsed: ParsedQuery): string[] {
  const words = new Set<string>();
  for (const group of parsed.groups) for (const t of group) if (t.kind === 'word') words.add(t.text);
  return [...words];
}

/** The query's words and operators: parsed once per request, or here when a caller built the query itself. */
export function parsedOf(query: Pick<SearchQuery, 'q' | 'parsed'>): ParsedQuery {
  return query.parsed ?? parseQuery(query.q, { prefixLastWord: true });
}
