import damerauLevenshtein from 'damerau-levenshtein';
import { distance } from 'fastest-levenshtein';
import type { DataSource } from 'typeorm';
import { DUTCH_STOP_WORDS } from './dutch';
import { stem as dutchStem } from './dutch-analysis';
import { compoundSplits, numberForms } from './dutch-morphology';
import { queryWords, type ParsedQuery, type SearchViewer } from './search-query';
import { SqlParams } from '../db/sql';
import { visibilitySql } from './visibility';

/** At most this many lexicon words that contain a query word (Dutch compounds). */
export const MAX_COMPOUNDS = 10;
/** Typo look-ups consider at most this many corrections per word. */
export const MAX_CORRECTIONS = 3;
/** Words of one query looked up as typos or compounds (a query of 200 characters of rare words stays cheap). */
export const MAX_EXPANDED_WORDS = 6;

const STOP = new Set(DUTCH_STOP_WORDS);

/**
 * Corrections for a word no visible case has: words one edit away (two for words of eight letters
 * or more, then with the same first letter: a typo rarely starts a word), a swapped pair of
 * letters counting as one edit ("dementei" → dementie), most common first. Shared by the
 * embedded engine and the PostgreSQL search, so both correct the same typos.
 */
export function typoCorrections(word: string, words: ReadonlyMap<string, number>): string[] {
  if (word.length < 4 || /\d/.test(word) || words.has(word)) return [];
  const budget = word.length >= 8 ? 2 : 1;
  const found: Array<{ w: string; d: number; n: number }> = [];
  for (const [w, n] of words) {
    if (Math.abs(w.length - word.length) > budget) continue;
    // Levenshtein first (fast); a swap costs two there, one in Damerau-Levenshtein.
    if (distance(w, word) > 2) continue;
    const d = damerauLevenshtein(w, word).steps;
    if (d === 1 || (d === 2 && d <= budget && w[0] === word[0])) found.push({ w, d, n });
  }
  found.sort((a, b) => a.d - b.d || b.n - a.n);
  return found.slice(0, MAX_CORRECTIONS).map((f) => f.w);
}

export interface LexiconEntry {
  /** The Dutch stem of the query word (null for a stop word). */
  stem: string | null;
  /** The word itself is an indexed word. */
  known: boolean;
  /** Indexed words that contain the stem (only asked for when the caller wants them). */
  compounds: string[];
  /** Indexed words most like an unknown word, best first. */
  corrections: string[];
  /** Indexed singular/plural forms the stemmer does not join to this word (huis → huizen). */
  forms: string[];
  /** The word read as a compound of two indexed words (energiekosten → energie, kosten). */
  split: [string, string] | null;
}

const stemOf = (word: string): string | null => (STOP.has(word) ? null : dutchStem(word));

/**
 * The words of published cases (search_lexicon) in memory, for typo corrections, compounds and
 * plural forms without a statement per word. Loaded once, then kept in step per search generation:
 * only the words added since the last look are read, everything again after a rebuild emptied it.
 * Words of deleted cases stay until a rebuild, as in the table: suggestions check a visible case has them.
 */
export class MemoryLexicon {
  private words = new Map<string, number>();
  /** The search generation the words are loaded up to (-1: never loaded). */
  private loaded = -1;
  private loading: Promise<number> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reads the current search generation and brings the words up to it; returns the generation (the
   * PostgreSQL search keys its cached facet counts on it, read here so both see the same moment).
   */
  async upToDate(): Promise<number> {
    const generation = (await this.generation()).generation;
    // One load at a time; a search that needs a later generation than the running load waits and loads again.
    while (this.loaded < generation) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
    }
    return generation;
  }

  private async generation(): Promise<{ generation: number; rebuilt: number }> {
    const [row]: Array<{ generation: string; rebuilt: string }> = await this.dataSource.query(
      `SELECT generation::text AS generation, lexicon_rebuilt::text AS rebuilt FROM search_generation WHERE id = 1`,
    );
    return { generation: Number(row.generation), rebuilt: Number(row.rebuilt) };
  }

  private async load(): Promise<number> {
    const { generation, rebuilt } = await this.generation();
    const full = this.loaded < 0 || rebuilt > this.loaded;
    const rows: Array<{ word: string; doc_count: number }> = await this.dataSource.query(
      full
        ? `SELECT word, doc_count FROM search_lexicon`
        : `SELECT word, doc_count FROM search_lexicon WHERE generation > $1`,
      full ? [] : [this.loaded],
    );
    // The words are read after the generation: they are at least that fresh.
    const words = full ? new Map<string, number>() : this.words;
    // A word no case has any more (its count went to 0) is no word of the collection.
    for (const r of rows) {
      if (r.doc_count > 0) words.set(r.word, r.doc_count);
      else words.delete(r.word);
    }
    this.words = words;
    this.loaded = generation;
    return generation;
  }

  /** In how many visible cases a word occurs (0 when none). */
  frequency(word: string): number {
    return this.words.get(word) ?? 0;
  }

  /** Typo corrections for a word no visible case has, most common first (the embedded engine's rule). */
  corrections(word: string): string[] {
    return typoCorrections(word, this.words);
  }

  /** How many indexed words (for the profile script). */
  get size(): number {
    return this.words.size;
  }

  /**
   * The query words against the lexicon: stem, whether the word is known, and with `expand` also
   * compounds that contain it, its singular/plural forms, its reading as a compound (Dutch
   * morphology) and typo corrections. Bounded: only the first MAX_EXPANDED_WORDS words are
   * expanded and corrected.
   */
  lookUp(words: string[], options: { expand: boolean }): Map<string, LexiconEntry> {
    const entries = new Map<string, LexiconEntry>();
    let expanded = 0;
    let corrected = 0;
    for (const w of words) {
      const stem = stemOf(w);
      const known = this.words.has(w);
      const expand = options.expand && expanded++ < MAX_EXPANDED_WORDS;
      const compoundStem = stem ?? w;
      entries.set(w, {
        stem,
        known,
        compounds: expand && compoundStem.length >= 4 ? this.containing(compoundStem, w) : [],
        corrections:
          !known && w.length >= 4 && corrected++ < MAX_EXPANDED_WORDS ? typoCorrections(w, this.words) : [],
        forms: expand ? numberForms(w).filter((f) => this.words.has(f) && stemOf(f) !== stem) : [],
        split: expand ? this.bestSplit(w) : null,
      });
    }
    return entries;
  }

  /** The most common indexed words that contain a stem (Dutch writes compounds as one word). */
  private containing(stem: string, word: string): string[] {
    const found: Array<[string, number]> = [];
    for (const entry of this.words) if (entry[0] !== word && entry[0].includes(stem)) found.push(entry);
    found.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
    return found.slice(0, MAX_COMPOUNDS).map(([w]) => w);
  }

  /** The most even split into two indexed words, neither a stop word; null without one. */
  private bestSplit(word: string): [string, string] | null {
    const usable = (part: string) => this.words.has(part) && !STOP.has(part);
    let best: [string, string] | null = null;
    for (const [head, tail] of compoundSplits(word)) {
      if (!usable(head) || !usable(tail)) continue;
      if (!best || Math.min(head.length, tail.length) > Math.min(best[0].length, best[1].length))
        best = [head, tail];
    }
    return best;
  }
}

/**
 * "Bedoelde u …": the query with each unknown word replaced by its best correction (unknown words
 * without one are left out). A correction counts only when a case the viewer may see contains it,
 * so a suggestion never reveals a word of someone else's draft, and a stale lexicon word (of a
 * deleted case) is never offered.
 */
export async function suggestFromCorrections(
  dataSource: DataSource,
  parsed: ParsedQuery,
  corrections: Map<string, string[]>,
  viewer: SearchViewer,
): Promise<string[]> {
  const candidates = [...new Set([...corrections.values()].flat())];
  if (candidates.length === 0) return [];
  // The documents hold the shared analysis's stems (and compound parts apart).
  const p = new SqlParams(
    candidates,
    candidates.map((w) => dutchStem(w)),
  );
  const rows: Array<{ word: string }> = await dataSource.query(
    `SELECT c.word FROM unnest($1::text[], $2::text[]) AS c(word, stem)
      WHERE EXISTS (SELECT 1 FROM search_documents d
                     WHERE (d.document @@ to_tsquery('simple', quote_literal(c.stem))
                            OR d.parts_document @@ to_tsquery('simple', quote_literal(c.stem)))
                       AND ${visibilitySql('d', (v) => p.add(v), viewer, 'any')})`,
    p.values,
  );
  const visible = new Set(rows.map((r) => r.word));
  const best = new Map<string, string>();
  for (const [word, list] of corrections) {
    const found = list.find((c) => visible.has(c));
    if (found) best.set(word, found);
  }
  if (best.size === 0) return [];
  const unknown = new Set([...corrections.keys()]);
  const groups = parsed.groups
    .map((g) =>
      g
        .filter((t) => t.kind === 'phrase' || best.has(t.text) || !unknown.has(t.text))
        .map((t) => (t.kind === 'word' ? (best.get(t.text) ?? t.text) : `"${t.text}"`))
        .join(' of '),
    )
    .filter(Boolean);
  const excluded = parsed.excluded.map((t) => (t.kind === 'word' ? `-${t.text}` : `-"${t.text}"`));
  return [[...groups, ...excluded].join(' ')];
}

/**
 * Suggestions from the PostgreSQL lexicon for an engine without its own (Meilisearch): the same
 * words and the same visibility rule as the PostgreSQL adapter (pass its lexicon to share the memory).
 */
export class LexiconSuggestions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lexicon = new MemoryLexicon(dataSource),
  ) {}

  async suggest(parsed: ParsedQuery, viewer: SearchViewer): Promise<string[]> {
    await this.lexicon.upToDate();
    const entries = this.lexicon.lookUp(queryWords(parsed), { expand: false });
    const corrections = new Map<string, string[]>();
    for (const [word, entry] of entries) if (!entry.known) corrections.set(word, entry.corrections);
    return suggestFromCorrections(this.dataSource, parsed, corrections, viewer);
  }
}
