import { ATTACHMENT_FACTOR, EXACT, PARTS } from './document-analysis';
import { PARTS_NEAR, type AnalysedQuery, type GroupForms } from './embedded-query';
import { bm25, bm25Idf } from './embedded-postings';

/**
 * The PostgreSQL search's side of the shared query analysis (embedded-query.ts): the analysed
 * groups as tsqueries over the analysed vectors, and bm25 of candidates from their weighted term
 * frequencies, as the embedded engine scores (embedded-postings.ts). A group matches when any of
 * its forms is in a case: its stems (in the text or as a compound part), a word still being
 * typed as a prefix, a thesaurus phrase; groups are OR-ed and ranked, most groups first.
 */

/** Neighbouring query words at most this many words apart count as close (a bonus per pair). */
export const NEAR_WORDS = 6;
export const NEAR_BONUS = 0.25;
export const MAX_NEAR_PAIRS = 6;

/** A lexeme as a tsquery operand (the analysis's tokens are letters and digits; quoted all the same). */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const phraseQuery = (stems: string[]) => stems.map(lexeme).join(' <-> ');
const any = (parts: string[]) => (parts.length ? parts.map((p) => `(${p})`).join(' | ') : null);

/** A group's tsqueries: on the stems vector, on the compound-parts vector, and its phrases. */
export interface GroupQuery {
  stems: string | null;
  parts: string | null;
  phrases: string[];
}

/** A group's whole tsquery on the stems vector, phrases included. */
export function withPhrases(g: GroupQuery): string | null {
  return any([...(g.stems ? [g.stems] : []), ...g.phrases]);
}

/** What one part of a group adds to a case's bm25 (FTS5 sums the phrases of an OR query). */
export type Unit =
  /** Terms looked up in the stored weights: case keys, attachment keys, and their document-frequency keys. */
  | { kind: 'terms'; group: number; caseKeys: string[]; attKeys: string[]; df: string; attDf: string }
  /** A phrase of several words or a prefix: matched by a tsquery of its own (its frequency estimated). */
  | { kind: 'query'; group: number; query: string; words: string[] };

/** One search's analysed query as SQL operands and bm25 units. */
export class TsQueries {
  /**
   * Per group: the tsquery on the stems vector and on the compound-parts vector (null: none), and
   * its phrases of several words apart (they need positions: their matches are looked up once).
   */
  readonly groups: Array<GroupQuery>;
  readonly excluded: string | null;
  readonly units: Unit[] = [];
  /** Keys of the stored weights the units read, in order (case and attachments). */
  readonly caseKeys: string[] = [];
  readonly attKeys: string[] = [];
  /** Any query word, for the cheap rank that picks candidates. */
  readonly anyWord: string | null;

  constructor(readonly analysed: AnalysedQuery) {
    this.groups = analysed.groups.map((g, i) => this.group(g, i));
    const excluded = analysed.excluded
      .map((g) => withPhrases(this.group(g, -1)))
      .filter((q): q is string => !!q);
    this.excluded = any(excluded);
    this.anyWord = any(this.groups.map((g) => g.stems).filter((q): q is string => !!q));
    for (const u of this.units)
      if (u.kind === 'terms') {
        this.caseKeys.push(...u.caseKeys.filter((k) => !this.caseKeys.includes(k)));
        this.attKeys.push(...u.attKeys.filter((k) => !this.attKeys.includes(k)));
      } else
        for (const w of u.words) {
          if (!this.caseKeys.includes(w)) this.caseKeys.push(w);
          if (!this.attKeys.includes(w)) this.attKeys.push(w);
        }
  }

  /** The document-frequency keys the units need (search_term_stats), with the row counts. */
  statKeys(): string[] {
    const keys = new Set(['#rows', '#length', '@#rows', '@#length']);
    for (const u of this.units)
      if (u.kind === 'terms') {
        keys.add(u.df);
        if (u.attKeys.length) keys.add(u.attDf);
      }
    return [...keys];
  }

  /** Query units (phrases, prefixes): their tsqueries, in unit order. */
  queryUnits(): Array<{ index: number; query: string }> {
    return this.units.flatMap((u, index) => (u.kind === 'query' ? [{ index, query: u.query }] : []));
  }

  /** A group's tsqueries; its units are recorded (not for excluded words, group -1). */
  private group(g: GroupForms, index: number): GroupQuery {
    const stems: string[] = [];
    const parts: string[] = [];
    const phrases: string[] = [];
    const record = (u: Unit) => {
      if (index >= 0) this.units.push(u);
    };
    for (const s of new Set(g.stems)) {
      stems.push(lexeme(s));
      if (!g.strict) parts.push(lexeme(s));
      record({
        kind: 'terms',
        group: index,
        caseKeys: g.strict ? [s] : [s, PARTS + s],
        attKeys: g.strict ? [s] : [s, PARTS + s],
        df: g.strict ? s : `^${s}`,
        attDf: g.strict ? `@${s}` : `@^${s}`,
      });
    }
    for (const w of new Set(g.exact))
      record({ kind: 'terms', group: index, caseKeys: [EXACT + w], attKeys: [], df: EXACT + w, attDf: '' });
    for (const p of g.prefixes) {
      const q = `${lexeme(p)}:*`;
      stems.push(q);
      parts.push(q);
      record({ kind: 'query', group: index, query: q, words: [] });
    }
    for (const phrase of g.phrases) {
      if (phrase.length === 1) {
        stems.push(lexeme(phrase[0]));
        record({
          kind: 'terms',
          group: index,
          caseKeys: [phrase[0]],
          attKeys: [phrase[0]],
          df: phrase[0],
          attDf: `@${phrase[0]}`,
        });
        continue;
      }
      const q = phraseQuery(phrase);
      phrases.push(q);
      record({ kind: 'query', group: index, query: q, words: phrase });
    }
    return { stems: any(stems), parts: any(parts), phrases };
  }

  /**
   * Position checks for the best candidates, as tsqueries on the stems and parts vectors: per
   * compound of the query, whether its parts stand together (or the whole, or a thesaurus term
   * for it); per pair of neighbouring query words, whether they stand near each other.
   */
  positionChecks(): { compounds: Array<{ mask: number; query: string }>; pairs: string[] } {
    const { analysed } = this;
    const compounds = analysed.compounds.map((c) => {
      const mask = c.groups.map((g) => analysed.groups.indexOf(g)).reduce((m, i) => m | (1 << i), 0);
      const options = [
        ...c.whole.map(lexeme),
        ...c.phrases.map(phraseQuery),
        nearQuery(
          c.parts.map((p) => lexeme(p)),
          PARTS_NEAR,
        ),
      ];
      return { mask, query: any(options)! };
    });
    const heads = analysed.groups.map((g) =>
      g.stems[0] !== undefined ? lexeme(g.stems[0]) : g.phrases[0] ? `(${phraseQuery(g.phrases[0])})` : null,
    );
    const pairs: string[] = [];
    for (let i = 0; i + 1 < heads.length && i < MAX_NEAR_PAIRS; i++) {
      const [a, b] = [heads[i], heads[i + 1]];
      if (a && b && a !== b) pairs.push(nearQuery([a, b], NEAR_WORDS));
    }
    return { compounds, pairs };
  }
}

/**
 * FTS5's NEAR as a tsquery: every neighbouring two of the operands with at most `gap` tokens
 * between them, in either order (tsquery's <N> says "exactly N apart").
 */
function nearQuery(operands: string[], gap: number): string {
  if (operands.length === 1) return operands[0];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < operands.length; i++) {
    const [a, b] = [operands[i], operands[i + 1]];
    const ways: string[] = [];
    for (let d = 1; d <= gap + 1; d++) ways.push(`${a} <${d}> ${b}`, `${b} <${d}> ${a}`);
    pairs.push(`(${ways.join(' | ')})`);
  }
  return pairs.join(' & ');
}

/** A candidate as the statement returns it: weights of the query's keys (null: absent) and what it matched. */
export interface Candidate {
  case_id: number;
  groups: number;
  mask: number;
  updated: number;
  case_length: number;
  attachment_length: number;
  cw: Array<number | null>;
  aw: Array<number | null>;
  /** Query units (indexes) whose tsquery the case matches. */
  units: number[];
}

/** Collection statistics: document frequencies by key, rows and total lengths. */
export type Stats = Record<string, number>;

/**
 * bm25 of each candidate over every unit of every group, as the embedded engine sums it (case
 * text plus ATTACHMENT_FACTOR × attachments), and whether it matched in the case's own text.
 * Phrases and prefixes are estimated: a phrase counts as often as its rarest word, a prefix once.
 */
export function scoreCandidates(
  candidates: Candidate[],
  q: TsQueries,
  stats: Stats,
  unitDocs: Record<string, number>,
): Map<number, { score: number; inCase: boolean }> {
  const rows = Number(stats['#rows'] ?? 0);
  const attRows = Number(stats['@#rows'] ?? 0);
  const average = Number(stats['#length'] ?? 0) / Math.max(1, rows);
  const attAverage = Number(stats['@#length'] ?? 0) / Math.max(1, attRows);
  const caseIndex = new Map(q.caseKeys.map((k, i) => [k, i]));
  const attIndex = new Map(q.attKeys.map((k, i) => [k, i]));
  const out = new Map<number, { score: number; inCase: boolean }>();
  for (const c of candidates) {
    let caseScore = 0;
    let attScore = 0;
    const sum = (weights: Array<number | null>, index: Map<string, number>, keys: string[]) =>
      keys.reduce((f, k) => f + (weights[index.get(k)!] ?? 0), 0);
    q.units.forEach((u, i) => {
      if (u.kind === 'terms') {
        const f = sum(c.cw, caseIndex, u.caseKeys);
        if (f > 0) caseScore += bm25(bm25Idf(rows, Number(stats[u.df] ?? 1)), f, c.case_length, average);
        const fa = u.attKeys.length ? sum(c.aw, attIndex, u.attKeys) : 0;
        if (fa > 0)
          attScore += bm25(
            bm25Idf(attRows, Number(stats[u.attDf] ?? 1)),
            fa,
            c.attachment_length,
            attAverage,
          );
        return;
      }
      if (!c.units.includes(i)) return;
      const docs = Number(unitDocs[i] ?? 1);
      // A phrase in more than half of the cases weighs nothing (as in the embedded engine).
      if (u.words.length > 1 && docs * 2 > rows) return;
      const idf = bm25Idf(rows, docs);
      const inText = u.words.length ? Math.min(...u.words.map((w) => c.cw[caseIndex.get(w)!] ?? 0)) : 1;
      if (inText > 0) caseScore += bm25(idf, inText, c.case_length, average);
      else {
        const inAtt = Math.min(...u.words.map((w) => c.aw[attIndex.get(w)!] ?? 0));
        if (inAtt > 0) attScore += bm25(bm25Idf(attRows, docs), inAtt, c.attachment_length, attAverage);
      }
    });
    out.set(c.case_id, {
      score: caseScore + ATTACHMENT_FACTOR * attScore,
      inCase: caseScore > 0 || attScore === 0,
    });
  }
  return out;
}
