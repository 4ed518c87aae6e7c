import type { DataSource } from 'typeorm';
import { compoundSplits, numberForms } from './dutch-morphology';
import { queryWords, type ParsedQuery, type SearchViewer } from './search-query';
import { visibilitySql } from './visibility';
import { SqlParams } from '../db/sql';

/** At most this many lexicon words that contain a query word (Dutch compounds). */
export const MAX_COMPOUNDS = 10;
/** A lexicon word closer than this (pg_trgm similarity) to an unknown query word is a typo correction. */
export const MIN_TYPO_SIMILARITY = 0.45;

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

/**
 * Looks up the query words in the lexicon of indexed words (search_lexicon): stem, whether the
 * word is known, and with `expand` also compounds that contain it, its singular/plural forms and
 * its reading as a compound (Dutch morphology), then typo corrections (pg_trgm). The word itself,
 * its forms and its compound parts are looked up in one statement; the compound and typo
 * look-ups stay separate statements with constant patterns: only then does the planner use the
 * trigram index (one combined statement scanned the lexicon once per word: 3× slower at 10,000 cases).
 */
export async function lookUpWords(
  dataSource: DataSource,
  words: string[],
  options: { expand: boolean },
): Promise<Map<string, LexiconEntry>> {
  const entries = new Map<string, LexiconEntry>();
  if (words.length === 0) return entries;
  const relatives = options.expand
    ? words.flatMap((w) => [...numberForms(w), ...compoundSplits(w).flat()])
    : [];
  const indexed = await stemsOf(dataSource, [...new Set([...words, ...relatives])]);
  for (const w of words) {
    const { stem, known } = indexed.get(w)!;
    const entry: LexiconEntry = {
      stem,
      known,
      compounds: [],
      corrections: [],
      forms: options.expand
        ? numberForms(w).filter((f) => indexed.get(f)?.known && indexed.get(f)!.stem !== stem)
        : [],
      split: options.expand ? bestSplit(w, indexed) : null,
    };
    const compoundStem = stem ?? w;
    if (options.expand && compoundStem.length >= 4) {
      const compounds: Array<{ word: string }> = await dataSource.query(
        `SELECT word FROM search_lexicon WHERE word LIKE $1 AND word <> $2 ORDER BY doc_count DESC, length(word) LIMIT $3`,
        [`%${compoundStem.replace(/[%_\\]/g, '')}%`, w, MAX_COMPOUNDS],
      );
      entry.compounds = compounds.map((c) => c.word);
    }
    if (!known && w.length >= 4) {
      const similar: Array<{ word: string; sim: number }> = await dataSource.query(
        `SELECT word, similarity(word, $1) AS sim FROM search_lexicon WHERE word % $1 ORDER BY sim DESC, doc_count DESC LIMIT 3`,
        [w],
      );
      entry.corrections = similar.filter((s) => s.sim >= MIN_TYPO_SIMILARITY).map((s) => s.word);
    }
    entries.set(w, entry);
  }
  return entries;
}

interface Indexed {
  /** Dutch stem; null for a stop word. */
  stem: string | null;
  /** An indexed word. */
  known: boolean;
}

/** Stem and whether it is indexed, for each word, in one statement. */
async function stemsOf(dataSource: DataSource, words: string[]): Promise<Map<string, Indexed>> {
  const rows: Array<{ w: string; stem: string | null; known: boolean }> = await dataSource.query(
    // EXISTS in the select list: an index-only scan of the primary key per word. As a join or
    // a WHERE EXISTS, PostgreSQL 15 chose the trigram index (130 ms instead of 0.2 at 10,000 cases).
    `SELECT w, (ts_lexize('dutch_stem', w))[1] AS stem, EXISTS (SELECT 1 FROM search_lexicon l WHERE l.word = w) AS known
       FROM unnest($1::text[]) AS w`,
    [words],
  );
  return new Map(rows.map((r) => [r.w, { stem: r.stem, known: r.known }]));
}

/** The most even split into two indexed words, neither a stop word; null without one. */
function bestSplit(word: string, indexed: Map<string, Indexed>): [string, string] | null {
  const usable = (part: string) => indexed.get(part)?.known && indexed.get(part)!.stem !== null;
  let best: [string, string] | null = null;
  for (const [head, tail] of compoundSplits(word)) {
    if (!usable(head) || !usable(tail)) continue;
    if (!best || Math.min(head.length, tail.length) > Math.min(best[0].length, best[1].length))
      best = [head, tail];
  }
  return best;
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
  const p = new SqlParams(candidates);
  const rows: Array<{ word: string }> = await dataSource.query(
    `SELECT c.word FROM unnest($1::text[]) AS c(word)
      WHERE EXISTS (SELECT 1 FROM search_documents d
                     WHERE d.document @@ plainto_tsquery('dutch', c.word)
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
 * words and the same visibility rule as the PostgreSQL adapter, read from its mirror tables.
 */
export class LexiconSuggestions {
  constructor(private readonly dataSource: DataSource) {}

  async suggest(parsed: ParsedQuery, viewer: SearchViewer): Promise<string[]> {
    const entries = await lookUpWords(this.dataSource, queryWords(parsed), { expand: false });
    const corrections = new Map<string, string[]>();
    for (const [word, entry] of entries) if (!entry.known) corrections.set(word, entry.corrections);
    return suggestFromCorrections(this.dataSource, parsed, corrections, viewer);
  }
}
