import { formsOf, isNoiseWord, stem, words } from './dutch-analysis';
import type { ParsedQuery, QueryTerm } from './search-query';

/**
 * A parsed query turned into FTS5 match expressions over analysed columns. Each group of the
 * query (a word, a phrase, or words joined by OF) becomes one expression that matches when any
 * form of it is in a case: the stem, the exact word, a compound containing it, its compound parts
 * written apart, a thesaurus alternative. Tokens are quoted, so nothing a member types reaches
 * FTS5 as syntax.
 */

/** The column sets of one FTS5 table. */
export interface ColumnSet {
  /** Stems of the text, in order (phrases match here). */
  stems: string[];
  /** Stems of compound parts. */
  parts: string;
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
  /** Stems that must occur close together (a compound written apart: woning + nood). */
  allOf: string[][];
  /** Thesaurus alternatives, as written (shown on request). */
  expansions: string[];
  /** Quoted phrase: strict, no expansions. */
  strict: boolean;
}

/** Compound parts written apart match within this many words of each other. */
const PARTS_NEAR = 3;

const quote = (token: string) => `"${token.replace(/"/g, '')}"`;

/** The FTS5 expression of one group over a column set. */
export function groupExpression(g: GroupForms, cols: ColumnSet): string {
  const main = `{${cols.stems.join(' ')}}`;
  const all = `{${[...cols.stems, cols.parts].join(' ')}}`;
  const alts: string[] = [];
  for (const s of g.stems) {
    alts.push(`${main}: ${quote(s)}`);
    if (!g.strict) alts.push(`{${cols.parts}}: ${quote(s)}`);
  }
  if (cols.exact) for (const w of g.exact) alts.push(`{${cols.exact}}: ${quote(w)}`);
  for (const p of g.prefixes) alts.push(`${all}: ${quote(p)}*`);
  for (const phrase of g.phrases) alts.push(`${main}: ${quote(phrase.join(' '))}`);
  // Parts written apart stand close together ("nood aan woningen", "huisvesting voor jongeren");
  // anywhere in the case they would be two unrelated words ("huis" … "bezoek").
  for (const parts of g.allOf) alts.push(`${all}: NEAR(${parts.map(quote).join(' ')}, ${PARTS_NEAR})`);
  return alts.length ? `(${alts.join(' OR ')})` : '';
}

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
  if (ws.length === 1) {
    const f = formsOf(ws[0]);
    g.stems.push(f.stem);
    if (f.parts) g.allOf.push(f.parts);
  } else g.phrases.push(ws.map(stem));
}

/** The forms of a query word (not a phrase). */
export function wordForms(term: QueryTerm, thesaurus: ThesaurusIndex | null): GroupForms {
  const f = formsOf(term.text);
  const g: GroupForms = {
    label: term.text,
    stems: [f.stem],
    exact: [term.text],
    prefixes: term.prefix ? [...new Set([term.text, f.stem])] : [],
    phrases: [],
    allOf: f.parts ? [f.parts] : [],
    expansions: [],
    strict: false,
  };
  for (const alt of thesaurus?.alternativesOf([f.stem]) ?? []) addAlternative(g, alt);
  return g;
}

function phraseForms(term: QueryTerm, thesaurus: ThesaurusIndex | null, strict: boolean): GroupForms {
  const ws = words(term.text);
  const stems = ws.map(stem);
  const g: GroupForms = {
    label: term.text,
    stems: [],
    exact: [],
    prefixes: [],
    phrases: [stems],
    allOf: [],
    expansions: [],
    strict,
  };
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
    allOf: list.flatMap((g) => g.allOf),
    expansions: list.flatMap((g) => g.expansions),
    strict: list.every((g) => g.strict),
  };
}

export interface AnalysedQuery {
  /** Groups that decide a match (noise words removed unless nothing else is left). */
  groups: GroupForms[];
  excluded: GroupForms[];
}

/**
 * Analyses a parsed query. Question words and filler ("hoe", "ervaring", "iemand") are dropped
 * when anything else is left; adjacent words that form a multi-word thesaurus term ("groot
 * onderhoud") are searched as that term too.
 */
export function analyseQuery(parsed: ParsedQuery, thesaurus: ThesaurusIndex | null): AnalysedQuery {
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
  for (const g of kept) {
    const index = parsed.groups.indexOf(g);
    if (joined.has(index)) continue;
    groups.push(
      mergeForms(
        g.map((t) => (t.kind === 'phrase' ? phraseForms(t, thesaurus, true) : wordForms(t, thesaurus))),
      ),
    );
  }
  const excluded = parsed.excluded.map((t) =>
    t.kind === 'phrase' ? phraseForms(t, null, true) : { ...wordForms(t, null), allOf: [], strict: true },
  );
  return { groups, excluded };
}

/** Every stem a snippet should mark for these groups. */
export function markedStems(groups: GroupForms[]): { stems: Set<string>; prefixes: string[] } {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const g of groups) {
    for (const s of g.stems) stems.add(s);
    for (const p of g.phrases) for (const s of p) stems.add(s);
    for (const a of g.allOf) for (const s of a) stems.add(s);
    prefixes.push(...g.prefixes);
  }
  return { stems, prefixes };
}
