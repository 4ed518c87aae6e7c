import { analyseText, words, type AnalysedText } from './dutch-analysis';
import type { SearchDocument } from './search-document';

/**
 * A case's search document as every engine of our own indexes it: which analysed terms (stems,
 * compound parts, exact words) stand in which column, and how much each column weighs in bm25.
 * The embedded engine and the PostgreSQL index are both fed from here, so they hold the same
 * tokens and score them alike.
 */

/** Attachment text indexed per attachment (the rest of a long file is still downloadable, not searchable). */
export const ATTACHMENT_CHARS = 100_000;

/**
 * Field columns of the case's own text (title strongest; compound parts and attachments weakest).
 * The exact column holds the unstemmed words of title, summary and tags: an exact word ranks
 * above its stem.
 */
export const CASE_COLUMNS = [
  'title',
  'head',
  'body',
  'meta',
  'refl',
  'tparts',
  'parts',
  'exact',
  'react',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];
/** bm25 weights of CASE_COLUMNS; members' reactions weigh least, like reflections. */
export const CASE_WEIGHTS = [10, 4, 1, 2, 1, 3, 0.6, 2, 1];
/** bm25 weights of the attachments' stems and compound parts. */
export const ATT_WEIGHTS = [1, 0.3];
/** An attachment match counts for this much of a case-text match. */
export const ATTACHMENT_FACTOR = 0.5;
/** Terms of compound-part columns and of the exact column carry a prefix in a term list. */
export const PARTS = '~';
export const EXACT = '=';
export const CASE_PREFIX: Record<CaseColumn, string> = {
  title: '',
  head: '',
  body: '',
  meta: '',
  refl: '',
  react: '',
  tparts: PARTS,
  parts: PARTS,
  exact: EXACT,
};

/** A column's tokens (space-separated, as analysed), its bm25 weight and the prefix of its terms. */
export interface WeightedColumn {
  tokens: string;
  weight: number;
  prefix: string;
}

export interface AnalysedDocument {
  /** Token strings of CASE_COLUMNS, in that order. */
  columns: string[];
  /** The attachments' stems and compound parts (each attachment cut at ATTACHMENT_CHARS). */
  attachments: AnalysedText;
  /** The attachments as indexed (cut). */
  attachmentTexts: Array<{ id: number; filename: string; pageOffsets: number[] | null; text: string }>;
  /** Names, places and people: the text of the meta column. */
  metaText: string;
  /** Distinct words for typo corrections and compound choices (shared with suggestions). */
  vocabulary: string[];
}

/** Analyses a case's document into the columns every engine of our own indexes. */
export function analyseDocument(d: SearchDocument): AnalysedDocument {
  const metaText = [
    d.themeNames.join(' '),
    d.organizationName,
    d.region,
    d.partners,
    d.contact,
    d.authorName,
  ].join(' \n ');
  const title = analyseText(d.title);
  const head = analyseText(`${d.summary}\n${d.tags.join(' , ')}`);
  const body = analyseText(d.body);
  const metaA = analyseText(metaText);
  const refl = analyseText(d.reflectionText);
  const react = analyseText(d.reactions.map((r) => r.text).join('\n\n'));
  const attachmentTexts = d.attachments.map((a) => ({
    id: a.id,
    filename: a.filename,
    pageOffsets: a.pageOffsets,
    text: a.text.slice(0, ATTACHMENT_CHARS),
  }));
  const attachments = analyseText(attachmentTexts.map((a) => `${a.filename}\n${a.text}`).join('\n\n'));
  const exact = words(`${d.title} ${d.summary} ${d.tags.join(' ')}`).join(' ');
  const headParts = [title.parts, head.parts].join(' ');
  const parts = [body.parts, metaA.parts, refl.parts].join(' ');
  const columns = [
    title.stems,
    head.stems,
    body.stems,
    metaA.stems,
    refl.stems,
    headParts,
    parts,
    exact,
    react.stems,
  ];
  const vocabulary = [
    ...new Set(
      words(
        `${d.title} ${d.summary} ${d.body} ${metaText} ${d.tags.join(' ')} ${attachmentTexts.map((a) => a.text.slice(0, 20_000)).join(' ')}`,
      ).filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w)),
    ),
  ];
  return { columns, attachments, attachmentTexts, metaText, vocabulary };
}

/** The case columns with their weights and term prefixes. */
export function caseWeightedColumns(doc: AnalysedDocument): WeightedColumn[] {
  return doc.columns.map((tokens, i) => ({
    tokens,
    weight: CASE_WEIGHTS[i],
    prefix: CASE_PREFIX[CASE_COLUMNS[i]],
  }));
}

/** The attachment columns with their weights and term prefixes. */
export function attachmentWeightedColumns(doc: AnalysedDocument): WeightedColumn[] {
  return [
    { tokens: doc.attachments.stems, weight: ATT_WEIGHTS[0], prefix: '' },
    { tokens: doc.attachments.parts, weight: ATT_WEIGHTS[1], prefix: PARTS },
  ];
}

/** A document's terms with their weighted frequencies (Σ weight × occurrences per prefixed term), and its length. */
export function termWeights(columns: WeightedColumn[]): { weights: Map<string, number>; length: number } {
  const weights = new Map<string, number>();
  let length = 0;
  for (const c of columns) {
    if (!c.tokens) continue;
    for (const token of c.tokens.split(' ')) {
      if (!token) continue;
      length++;
      const term = c.prefix + token;
      weights.set(term, (weights.get(term) ?? 0) + c.weight);
    }
  }
  return { weights, length };
}
