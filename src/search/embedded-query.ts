import { compoundSplits, formsOf, isNoiseWord, stem, words } from './dutch-analysis';
import type { ParsedQuery, QueryTerm } from './search-query';

/**
 * A parsed query turned into the embedded engine's groups. Each group of the query (a word, a
 * phrase, or words joined by OF) matches when any form of it is in a case: the stem, the exact
 * word, a compound containing it, its compound parts written apart, a thesaurus alternative.
 * Single words are looked up in the engine's postings; phrases go to FTS5 quoted, so nothing a
 * member types reaches FTS5 as syntax.
 */

/** The column sets of one FTS5 table. */
export interface ColumnSet {
  /** Stems of the text, in order (phrases match here). */
  stems: string[];
  /** Stems of compound parts (and the words diminutives are made of). */
  parts: string[];
  /** Exact words of the strongest fields, when the table has them. */
  exact?: string;
}

/** What a query group is searched by; also what snippets mark. */
export interface GroupForms {
  /** The words as typed (normalised), for messages. */
  label: string;
  /** Single stems that match (own stem, thesaurus words, corrections). */
  stems: string[];
  /** Exact words (own words): a bonus where the strongest fields have them. */
  exact: string[];
  /** Prefix stems (the last word while typing). */
  prefixes: string[];
  /** Sequences of stems that must stand together (phrases, multi-word synonyms). */
  phrases: string[][];
  /** Thesaurus alternatives, as written (shown on request). */
  expansions: string[];
  /** Quoted phrase: strict, no expansions. */
  strict: boolean;
}

/** Compound parts written apart match within this many words of each other. */
export const PARTS_NEAR = 3;

/** Thesaurus look-up: the other terms of every group a term (as stems) belongs to. */
export interface ThesaurusIndex {
  alternativesOf(stems: string[]): string[];
  /** Multi-word terms as stem sequences, to find them inside a query. */
  multiWordTerms(): string[][];
}

/** Adds a thesaurus alternative (a word or several) to a group's forms. */
function addAlternative(g: GroupForms, term: string) {
  const ws = words(term).filter((w) => !isNoiseWord(w) || words(term).length === 1);
  if (ws.length === 0) return;
  g.expansions.push(term);
  if (ws.length === 1) g.stems.push(stem(ws[0]));
  else g.phrases.push(ws.map(stem));
}

function emptyForms(label: string): GroupForms {
  return { label, stems: [], exact: [], prefixes: [], phrases: [], expansions: [], strict: false };
}

/**
 * Whether the last word is still being typed: matched as a prefix only when the collection does
 * not have it as a word (a prefix of a common word reads many terms and makes a search slow).
 */
const stillTyping = (term: QueryTerm, word: string, frequency?: (word: string) => number) =>
  !!term.prefix && !(frequency && frequency(word) > 0);

/** The forms of a query word that is not a compound. */
export function wordForms(
  term: QueryTerm,
  thesaurus: ThesaurusIndex | null,
  frequency?: (word: string) => number,
): GroupForms {
  const f = formsOf(term.text);
  const g = emptyForms(term.text);
  g.stems.push(f.stem);
  if (f.diminutiveOf) g.stems.push(f.diminutiveOf);
  g.stems.push(...f.related);
  g.exact.push(term.text);
  if (stillTyping(term, term.text, frequency)) g.prefixes.push(...new Set([term.text, f.stem]));
  for (const alt of thesaurus?.alternativesOf([f.stem]) ?? []) addAlternative(g, alt);
  return g;
}

/**
 * A compound ("jongerenhuisvesting", or "energie-armoede" written with a hyphen) is searched as
 * its parts, each a group of its own that the whole compound also satisfies: a case with the
 * compound has all its parts, a case that writes them apart ("huisvesting voor jongeren") too,
 * one with only some of them ranks below. Thesaurus alternatives of the whole count for each part.
 */
function compoundGroups(
  whole: string,
  parts: string[],
  term: QueryTerm,
  context: QueryContext,
): GroupForms[] {
  const { thesaurus } = context;
  const wholeStem = stem(whole);
  const alternatives = thesaurus?.alternativesOf([wholeStem]) ?? [];
  const groups = parts.map((part) => {
    const g = emptyForms(part);
    const f = formsOf(part);
    g.stems.push(f.stem, wholeStem);
    if (f.diminutiveOf) g.stems.push(f.diminutiveOf);
    g.exact.push(whole);
    if (stillTyping(term, whole, context.frequency)) g.prefixes.push(...new Set([whole, wholeStem]));
    for (const alt of alternatives) addAlternative(g, alt);
    for (const alt of thesaurus?.alternativesOf([f.stem]) ?? []) addAlternative(g, alt);
    return g;
  });
  // The whole, its parts close together, or a thesaurus term for the whole count as "all there".
  const singles = alternatives.flatMap((t) => (words(t).length === 1 ? [stem(words(t)[0])] : []));
  const phrases = alternatives.filter((t) => words(t).length > 1).map((t) => words(t).map(stem));
  context.compounds.push({ groups, whole: [wholeStem, ...singles], phrases, parts: parts.map(stem) });
  return groups;
}

/**
 * The reading of a compound members most likely mean: the one whose parts are most common as
 * words of their own in the collection (geometric mean of document counts, after Koehn & Knight),
 * so "schuldhulpverlening" is schuld + hulpverlening, not schuldhulp + verlening.
 */
function chooseSplit(word: string, frequency?: (word: string) => number): string[] | null {
  const splits = compoundSplits(word);
  if (splits.length === 0 || !frequency) return splits[0] ?? null;
  const score = (split: string[]) => Math.sqrt(split.reduce((p, part) => p * (frequency(part) + 0.5), 1));
  const best = splits.reduce((a, b) => (score(b) > score(a) ? b : a));
  // A compound more common than its parts is searched as itself ("statushouder").
  return score(best) > frequency(word) + 0.5 ? best : null;
}

/** The groups of one query term: one, or one per part of a compound. */
function termGroups(term: QueryTerm, context: QueryContext): GroupForms[] {
  if (term.kind === 'word') {
    const parts = chooseSplit(term.text, context.frequency);
    return parts
      ? compoundGroups(term.text, parts, term, context)
      : [wordForms(term, context.thesaurus, context.frequency)];
  }
  if (term.joined) {
    const parts = words(term.text);
    return compoundGroups(parts.join(''), parts, term, context);
  }
  return [phraseForms(term, context.thesaurus, true)];
}

/**
 * The compound two neighbouring query words form, when the collection has it: in their order
 * ("mantelzorg woning" → mantelzorgwoning) or turned round, as a preposition between them says
 * ("nood aan woningen" → woningnood, "huisvesting voor jongeren" → jongerenhuisvesting), the
 * modifier as typed or as its stem, with or without a linking -s-/-en-.
 */
function writtenTogether(a: string, b: string, frequency: (word: string) => number): string | null {
  let best: { word: string; n: number } | null = null;
  for (const [modifier, head] of [
    [a, b],
    [b, a],
  ]) {
    for (const m of new Set([modifier, stem(modifier)]))
      for (const h of new Set([head, stem(head)]))
        for (const linker of ['', 's', 'en']) {
          const word = `${m}${linker}${h}`;
          const n = frequency(word);
          if (n > 0 && (!best || n > best.n)) best = { word, n };
        }
  }
  return best?.word ?? null;
}

/** What analysing a query needs besides the query. */
interface QueryContext {
  thesaurus: ThesaurusIndex | null;
  /** In how many cases a word occurs (to choose between readings of a compound). */
  frequency?: (word: string) => number;
  compounds: Compound[];
}

/** A compound of the query, searched as its parts (the groups): "whole" when its parts stand together. */
export interface Compound {
  groups: GroupForms[];
  /** Stem of the whole word, and of the thesaurus's single-word terms for it. */
  whole: string[];
  /** The thesaurus's multi-word terms for it, as stems. */
  phrases: string[][];
  /** Stems of the parts. */
  parts: string[];
}

function phraseForms(term: QueryTerm, thesaurus: ThesaurusIndex | null, strict: boolean): GroupForms {
  const stems = words(term.text).map(stem);
  const g = emptyForms(term.text);
  g.phrases.push(stems);
  g.strict = strict;
  if (!strict) for (const alt of thesaurus?.alternativesOf(stems) ?? []) addAlternative(g, alt);
  return g;
}

/** Merges the forms of the terms of one OR group. */
function mergeForms(list: GroupForms[]): GroupForms {
  if (list.length === 1) return list[0];
  return {
    label: list.map((g) => g.label).join(' of '),
    stems: list.flatMap((g) => g.stems),
    exact: list.flatMap((g) => g.exact),
    prefixes: list.flatMap((g) => g.prefixes),
    phrases: list.flatMap((g) => g.phrases),
    expansions: list.flatMap((g) => g.expansions),
    strict: list.every((g) => g.strict),
  };
}

export interface AnalysedQuery {
  /** Groups that decide a match (noise words removed unless nothing else is left). */
  groups: GroupForms[];
  excluded: GroupForms[];
  compounds: Compound[];
}

/**
 * Analyses a parsed query. Question words and filler ("hoe", "ervaring", "iemand") are dropped
 * when anything else is left; adjacent words that form a multi-word thesaurus term ("groot
 * onderhoud") are searched as that term too.
 */
export function analyseQuery(
  parsed: ParsedQuery,
  thesaurus: ThesaurusIndex | null,
  frequency?: (word: string) => number,
): AnalysedQuery {
  const context: QueryContext = { thesaurus, frequency, compounds: [] };
  const singleWords = parsed.groups.map((g) => (g.length === 1 && g[0].kind === 'word' ? g[0].text : null));
  const content = parsed.groups.filter(
    (g) => !(g.length === 1 && g[0].kind === 'word' && isNoiseWord(g[0].text)),
  );
  const kept = content.length ? content : parsed.groups;
  const groups: GroupForms[] = [];
  // Multi-word thesaurus terms written as separate words: "groot onderhoud", "maatschappelijke opvang".
  const multi = thesaurus?.multiWordTerms() ?? [];
  const joined = new Set<number>();
  for (const term of multi) {
    for (let i = 0; i + term.length <= singleWords.length; i++) {
      const span = singleWords.slice(i, i + term.length);
      if (span.every((w, k) => w !== null && stem(w) === term[k])) {
        for (let k = i; k < i + term.length; k++) joined.add(k);
        groups.push(phraseForms({ kind: 'phrase', text: (span as string[]).join(' ') }, thesaurus, false));
      }
    }
  }
  let previous: { word: string; groups: GroupForms[] } | null = null;
  for (const g of kept) {
    const index = parsed.groups.indexOf(g);
    if (joined.has(index)) continue;
    // A single term may become several groups (a compound's parts); OR-ed terms stay one group.
    const made =
      g.length === 1
        ? termGroups(g[0], context)
        : [mergeForms(g.flatMap((t) => termGroups(t, { ...context, compounds: [] })))];
    groups.push(...made);
    // Two words the collection also writes as one ("mantelzorg woning", "nood aan woningen").
    const single = g.length === 1 && g[0].kind === 'word' ? g[0].text : null;
    if (single && previous && frequency) {
      const compound = writtenTogether(previous.word, single, frequency);
      if (compound)
        for (const target of [...previous.groups, ...made]) {
          target.stems.push(stem(compound));
          target.exact.push(compound);
        }
    }
    previous = single ? { word: single, groups: made } : null;
  }
  // Excluded words are strict: the word (by its stem), no synonyms, no parts.
  const excluded = parsed.excluded.map((t) =>
    t.kind === 'phrase' ? phraseForms(t, null, true) : { ...wordForms(t, null), strict: true },
  );
  return { groups, excluded, compounds: context.compounds };
}

/** Every stem a snippet should mark for these groups. */
export function markedStems(groups: GroupForms[]): { stems: Set<string>; prefixes: string[] } {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const g of groups) {
    for (const s of g.stems) stems.add(s);
    for (const p of g.phrases) for (const s of p) stems.add(s);
    prefixes.push(...g.prefixes);
  }
  return { stems, prefixes };
}
