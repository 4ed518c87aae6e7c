import { normalizeWord } from './dutch';
import { compoundParts, stem, tokenize } from './dutch-analysis';
import type { SearchFacets } from './search-query';

const START = '\u0002';
const STOP = '\u0003';

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * Turns text with the engine's match markers into safe HTML: everything escaped, then the
 * markers (control characters no document contains) become <mark>.
 */
export function markedSnippet(text: string, markers: [string, string] = [START, STOP]): string {
  const [start, stop] = markers;
  // eslint-disable-next-line no-control-regex -- strip stray control characters; \u0002/\u0003 are our markers
  return escapeHtml(text.replace(/[\u0000-\u0001\u0004-\u0008]/g, ''))
    .split(start)
    .join('<mark>')
    .split(stop)
    .join('</mark>')
    .replace(/\s+/g, ' ')
    .trim();
}

export function emptyFacets(): SearchFacets {
  return {
    role: {},
    theme: {},
    organizationKind: {},
    year: {},
    hasReflection: {},
    presented: {},
    answered: {},
  };
}

/** A snippet: text with match markers, how many distinct query words it shows, where its first match stands. */
export interface Snip {
  text: string;
  hits: number;
  firstAt: number;
}

const SNIPPET_WORDS = 30;
/** Text looked at for a snippet (the rest of a long text is not). */
export const SNIPPET_SCAN_CHARS = 30_000;

const partStemsCache = new Map<string, string[]>();
/** Stems of a word's compound parts (cached: snippets look at every word of a text). */
function partStems(word: string): string[] {
  let stems = partStemsCache.get(word);
  if (!stems) {
    stems = compoundParts(word).map(stem);
    if (partStemsCache.size > 100_000) partStemsCache.clear();
    partStemsCache.set(word, stems);
  }
  return stems;
}

/** What a snippet marks: stems of the query's words and their alternatives, and prefixes being typed. */
export interface SnippetMarks {
  stems: Set<string>;
  prefixes: string[];
}

/**
 * The window of about 30 words with the most distinct query words, with markers around them.
 * Built in JavaScript for the shown page only (every engine; PostgreSQL's ts_headline parsed and
 * stemmed every text it was given).
 */
export function snippetOf(text: string, marks: SnippetMarks): Snip | null {
  const first = firstCandidate(text, marks);
  if (first === null) return null;
  // Parsing and stemming is the cost: start just before the first place a query word may stand.
  const begin = first < 200 ? 0 : Math.max(0, text.lastIndexOf(' ', first - 200));
  const tokens = tokenize(text.slice(begin, begin + SNIPPET_SCAN_CHARS));
  for (const t of tokens) {
    t.start += begin;
    t.end += begin;
  }
  const hitAt: number[] = [];
  const keyAt = new Map<number, string>();
  tokens.forEach((t, i) => {
    const s = stem(t.word);
    let key: string | null = marks.stems.has(s) ? s : null;
    if (!key) key = marks.prefixes.find((p) => t.word.startsWith(p) || s.startsWith(p)) ?? null;
    if (!key && t.word.length >= 8) key = partStems(t.word).find((p) => marks.stems.has(p)) ?? null;
    if (key) {
      hitAt.push(i);
      keyAt.set(i, key);
    }
  });
  if (hitAt.length === 0) return null;
  let best = { start: hitAt[0], distinct: 0 };
  for (const start of hitAt) {
    const keys = new Set<string>();
    for (const i of hitAt) if (i >= start && i < start + SNIPPET_WORDS) keys.add(keyAt.get(i)!);
    if (keys.size > best.distinct) best = { start, distinct: keys.size };
  }
  const from = Math.max(0, best.start - 8);
  const to = Math.min(tokens.length - 1, from + SNIPPET_WORDS);
  let out = tokens[from].start > 0 ? '… ' : '';
  let cursor = tokens[from].start;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    out += text.slice(cursor, t.start);
    out += keyAt.has(i) ? `\u0002${text.slice(t.start, t.end)}\u0003` : text.slice(t.start, t.end);
    cursor = t.end;
  }
  if (to < tokens.length - 1) out += ' …';
  return { text: out, hits: best.distinct, firstAt: tokens[best.start].start };
}

/**
 * Where the first query word may stand (every stem, part stem and prefix is a substring of the
 * words it marks, accents off); null when none is anywhere in the text, which then needs no parsing.
 */
function firstCandidate(text: string, marks: SnippetMarks): number | null {
  const plain = normalizeWord(text);
  let first = Infinity;
  for (const s of marks.stems) {
    const at = plain.indexOf(s);
    if (at >= 0 && at < first) first = at;
  }
  for (const p of marks.prefixes) {
    const at = plain.indexOf(p);
    if (at >= 0 && at < first) first = at;
  }
  return first === Infinity ? null : first;
}

/** The PDF page (1-based) a character offset is on, from the page start offsets. */
export function pageAt(pageOffsets: number[] | null | undefined, offset: number): number | undefined {
  if (!pageOffsets?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if (pageOffsets[i] <= offset) page = i + 1;
  return page;
}
