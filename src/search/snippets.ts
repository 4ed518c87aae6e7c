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
  const keyAtChar = new Map<number, string>();
  // A text repeats its words: each distinct word is stemmed and split once.
  const keys = new Map<string, string | null>();
  const keyOfWord = (word: string) => {
    let key = keys.get(word);
    if (key === undefined) keys.set(word, (key = keyOf(word, marks)));
    return key;
  };
  if (plain.length === scanned.length) {
    // Normalising kept every character in place (nearly always): search the normalised text.
    const needles = [...new Set([...[...marks.stems].flatMap(spellingsOf), ...marks.prefixes])].filter(
      (n) => n.length > 0,
    );
    for (const needle of needles) {
      for (let at = plain.indexOf(needle); at >= 0; at = plain.indexOf(needle, at + needle.length)) {
        const [start, end] = wordAround(plain, at);
        if (keyAtChar.has(start)) continue;
        const key = keyOfWord(plain.slice(start, end).replace(/['’]/g, ''));
        if (key) keyAtChar.set(start, key);
      }
    }
  } else
    for (const t of tokenize(scanned)) {
      const key = keyOfWord(t.word);
      if (key) keyAtChar.set(t.start, key);
    }
  if (keyAtChar.size === 0) return null;
  const hits = [...keyAtChar.keys()].sort((a, b) => a - b);
  // A window sliding over the matches, counting how often each key is in it.
  let best = { at: hits[0], distinct: 0 };
  const inWindow = new Map<string, number>();
  let end = 0;
  for (let i = 0; i < hits.length; i++) {
    for (; end < hits.length && hits[end] < hits[i] + WINDOW_CHARS; end++) {
      const key = keyAtChar.get(hits[end])!;
      inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
    }
    if (inWindow.size > best.distinct) best = { at: hits[i], distinct: inWindow.size };
    const first = keyAtChar.get(hits[i])!;
    const left = inWindow.get(first)! - 1;
    if (left === 0) inWindow.delete(first);
    else inWindow.set(first, left);
  }
  // Words around the window: eight before its first match, thirty in all.
  const regionStart = Math.max(0, best.at - 120);
  const region = scanned.slice(regionStart, best.at + 2 * WINDOW_CHARS);
  const tokens = tokenize(region);
  const first = Math.max(
    0,
    tokens.findIndex((t) => t.start + regionStart >= best.at),
  );
  // The region may begin inside a word: its first token is then not shown.
  const from = regionStart === 0 ? Math.max(0, first - 8) : Math.max(1, first - 8);
  const to = Math.min(tokens.length - 1, from + SNIPPET_WORDS);
  let out = tokens[from].start + regionStart > 0 ? '… ' : '';
  let cursor = tokens[from].start;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    const word = region.slice(t.start, t.end);
    out += region.slice(cursor, t.start);
    out += keyAtChar.has(t.start + regionStart) ? `\u0002${word}\u0003` : word;
    cursor = t.end;
  }
  const after = tokens[to].end + regionStart;
  if (after < text.length && LETTER_OR_DIGIT.test(text.slice(after))) out += ' …';
  return { text: out, hits: best.distinct, firstAt: best.at };
}

/**
 * How a stem can stand in the words it comes from: as itself ("huurder" in "huurders"), or with
 * the vowel of its last syllable written double, which the Dutch stemmer writes single ("hur" in
 * "huur", "man" in "maan").
 */
function spellingsOf(stem: string): string[] {
  const out = [stem];
  for (let i = 0; i < stem.length; i++)
    if ('aeou'.includes(stem[i]) && stem[i - 1] !== stem[i] && stem[i + 1] !== stem[i])
      out.push(stem.slice(0, i + 1) + stem.slice(i));
  return out;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** Whether a character is a letter: ASCII without a regular expression (the normalised text is mostly that). */
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0) | 32;
  if (code >= 97 && code <= 122) return true;
  return c.charCodeAt(0) > 127 && LETTER.test(c);
}

/** The word (letters, or digits, with apostrophes inside) around a character position. */
function wordAround(plain: string, at: number): [number, number] {
  const digit = DIGIT.test(plain[at]);
  const same = (i: number) => {
    const c = plain[i];
    if (c === undefined) return false;
    if (digit) return DIGIT.test(c);
    if (c === "'" || c === '’') return isLetter(plain[i - 1]) && isLetter(plain[i + 1]);
    return isLetter(c);
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

/** The PDF page (1-based) a character offset is on, from the page start offsets. */
export function pageAt(pageOffsets: number[] | null | undefined, offset: number): number | undefined {
  if (!pageOffsets?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pageOffsets.length; i++) if (pageOffsets[i] <= offset) page = i + 1;
  return page;
}
