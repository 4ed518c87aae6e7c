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

/** About this many characters hold SNIPPET_WORDS words of Dutch prose (a window is found by characters). */
const WINDOW_CHARS = 220;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The window of about 30 words with the most distinct query words, with markers around them.
 * Built in JavaScript for the shown page only (every engine; PostgreSQL's ts_headline parsed and
 * stemmed every text it was given). Only words that contain a query stem or prefix are looked
 * at (found with indexOf in the normalised text), and only the chosen window is split into words.
 */
export function snippetOf(text: string, marks: SnippetMarks): Snip | null {
  const scanned = text.length > SNIPPET_SCAN_CHARS ? text.slice(0, SNIPPET_SCAN_CHARS) : text;
  const plain = normalizeWord(scanned);
  // Normalising kept every character in place (nearly always): search the normalised text.
  if (plain.length !== scanned.length) return snippetOfWords(scanned, marks);
  const needles = [...new Set([...marks.stems, ...marks.prefixes])].filter((n) => n.length > 0);
  const keyAtChar = new Map<number, string>();
  for (const needle of needles) {
    for (let at = plain.indexOf(needle); at >= 0; at = plain.indexOf(needle, at + needle.length)) {
      const [start, end] = wordAround(plain, at);
      if (keyAtChar.has(start)) continue;
      const key = keyOf(plain.slice(start, end).replace(/['’]/g, ''), marks);
      if (key) keyAtChar.set(start, key);
    }
  }
  if (keyAtChar.size === 0) return null;
  const hits = [...keyAtChar.keys()].sort((a, b) => a - b);
  let best = { at: hits[0], distinct: 0 };
  for (let i = 0; i < hits.length; i++) {
    const keys = new Set<string>();
    for (let k = i; k < hits.length && hits[k] < hits[i] + WINDOW_CHARS; k++)
      keys.add(keyAtChar.get(hits[k])!);
    if (keys.size > best.distinct) best = { at: hits[i], distinct: keys.size };
  }
  // Words around the window: eight before its first match, thirty in all.
  const regionStart = Math.max(0, best.at - 120);
  const tokens = tokenize(scanned.slice(regionStart, best.at + 2 * WINDOW_CHARS));
  const first = Math.max(
    0,
    tokens.findIndex((t) => t.start + regionStart >= best.at),
  );
  const from = regionStart === 0 ? Math.max(0, first - 8) : Math.max(1, first - 8);
  const to = Math.min(tokens.length - 1, from + SNIPPET_WORDS);
  let out = tokens[from].start + regionStart > 0 ? '… ' : '';
  let cursor = tokens[from].start;
  const region = scanned.slice(regionStart);
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    out += region.slice(cursor, t.start);
    const word = region.slice(t.start, t.end);
    out += keyAtChar.has(t.start + regionStart) ? `\u0002${word}\u0003` : word;
    cursor = t.end;
  }
  if (
    tokens[to].end + regionStart < text.length &&
    LETTER_OR_DIGIT.test(text.slice(tokens[to].end + regionStart))
  )
    out += ' …';
  return { text: out, hits: best.distinct, firstAt: best.at };
}

/** The word (letters, or digits, with apostrophes inside) around a character position. */
function wordAround(plain: string, at: number): [number, number] {
  const digit = /\p{N}/u.test(plain[at]);
  const same = (i: number) => {
    const c = plain[i];
    if (c === undefined) return false;
    if (digit) return /\p{N}/u.test(c);
    if (c === "'" || c === '’') return /\p{L}/u.test(plain[i - 1] ?? '') && /\p{L}/u.test(plain[i + 1] ?? '');
    return /\p{L}/u.test(c);
  };
  let start = at;
  while (start > 0 && same(start - 1)) start--;
  let end = at;
  while (end < plain.length && same(end)) end++;
  return [start, end];
}

/** What a word marks: the stem it has, a prefix being typed, or a compound part (null: nothing). */
function keyOf(word: string, marks: SnippetMarks): string | null {
  const s = stem(word);
  if (marks.stems.has(s)) return s;
  const prefix = marks.prefixes.find((p) => word.startsWith(p) || s.startsWith(p));
  if (prefix) return prefix;
  if (word.length >= 8) return partStems(word).find((p) => marks.stems.has(p)) ?? null;
  return null;
}

/** The same, word by word (texts whose normalised form has another length). */
function snippetOfWords(text: string, marks: SnippetMarks): Snip | null {
  const tokens = tokenize(text);
  const hitAt: number[] = [];
  const keyAt = new Map<number, string>();
  tokens.forEach((t, i) => {
    const key = keyOf(t.word, marks);
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

/** The PDF page (1-based) a character offset is on, from the page start offsets. */
export function pageAt(pageOffsets: number[] | null | undefined, offset: number): number | undefined {
  if (!pageOffsets?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if (pageOffsets[i] <= offset) page = i + 1;
  return page;
}
