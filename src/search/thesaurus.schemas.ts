import { z } from 'zod';
import { THESAURUS_KINDS, type ThesaurusKind } from '../domain';
import { text } from '../web/validation';
import { normalizeWord } from './dutch';

/**
 * The rules of a thesaurus group, in one place: the Thesaurus service parses every write with
 * them, the Beheer page's form goes through them first, and the seed is tested against them.
 */

export const TERM_MAX = 60;
export const GROUP_MAX_TERMS = 20;
export const NOTE_MAX = 500;

/** Control and invisible format characters (tab, zero-width space, soft hyphen …): they break matching. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}]/gu;
/** Control characters other than line breaks and tabs (a note may have several lines). */
const CONTROL_IN_NOTE = /(?![\t\n\r])\p{Cc}/u;

export const MESSAGES = {
  empty: 'De groep is leeg. Vul minstens twee woorden in, één per regel of gescheiden door komma’s.',
  single: 'Een groep heeft minstens twee verschillende woorden nodig.',
  tooMany: (n: number) =>
    `Een groep mag hoogstens ${GROUP_MAX_TERMS} woorden hebben (deze heeft er ${n}). Verdeel de woorden over meer groepen.`,
  tooLong: (term: string) =>
    `‘${term.slice(0, 30)}…’ is te lang: een woord mag hoogstens ${TERM_MAX} tekens lang zijn.`,
  invisible: (term: string) =>
    `‘${term.replace(INVISIBLE_ALL, '')}’ bevat een stuurteken of onzichtbaar teken (zoals een tab). Typ het woord opnieuw.`,
  noLetter: (term: string) => `‘${term}’ bevat geen letter of cijfer.`,
  duplicate: (term: string) =>
    `Een woord kan niet zijn eigen synoniem zijn: ‘${term}’ staat twee keer in de groep.`,
  kind: 'Kies het soort groep: synoniemen, afkorting of spellingsvarianten.',
  noteControl: 'De toelichting bevat een stuurteken of onzichtbaar teken. Typ de tekst opnieuw.',
} as const;

/** A term as stored and matched: trimmed, single spaces, lower case, accents removed (normalizeWord). */
export function normalizeTerm(term: string): string {
  return normalizeWord(term.trim().replace(/\s+/g, ' '));
}

/** The terms of a form's text area: one per line or separated by commas, blanks dropped. */
export function splitTerms(value: string): string[] {
  return value
    .split(/[\r\n,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * A group's terms as typed (a list): each checked as typed, then normalised; the first problem
 * is reported (the page shows one message per field).
 */
export const termList = z
  .array(z.string({ error: MESSAGES.empty }), { error: MESSAGES.empty })
  .transform((list) => list.map((t) => t.trim()).filter(Boolean))
  .superRefine((terms, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (terms.length === 0) return fail(MESSAGES.empty);
    for (const term of terms) {
      if (INVISIBLE.test(term)) return fail(MESSAGES.invisible(term));
      if (term.length > TERM_MAX) return fail(MESSAGES.tooLong(term));
      if (!/[\p{L}\p{N}]/u.test(term)) return fail(MESSAGES.noLetter(term));
    }
    if (terms.length > GROUP_MAX_TERMS) return fail(MESSAGES.tooMany(terms.length));
    const seen = new Set<string>();
    for (const term of terms.map(normalizeTerm)) {
      if (seen.has(term)) return fail(MESSAGES.duplicate(term));
      seen.add(term);
    }
    if (seen.size < 2) return fail(MESSAGES.single);
  })
  .transform((terms) => terms.map(normalizeTerm));

const kind = z.enum(THESAURUS_KINDS, { error: MESSAGES.kind });
const note = z.preprocess(
  (v) => v ?? '',
  text('De toelichting', NOTE_MAX).refine((s) => !CONTROL_IN_NOTE.test(s), { error: MESSAGES.noteControl }),
);

/** A group as the Thesaurus service takes it (terms as a list). */
export const thesaurusGroupInput = z.object({ kind, terms: termList, note });

/** The Beheer form: terms in one text area (a repeated field is joined, a missing one is empty). */
export const thesaurusGroupForm = z.object({
  kind,
  terms: z
    .preprocess((v) => (Array.isArray(v) ? v.join('\n') : (v ?? '')), z.string({ error: MESSAGES.empty }))
    .transform(splitTerms)
    .pipe(termList),
  note,
});

/** The list page's filter: a term (part of a word), a kind, a page. */
export const thesaurusListQuery = z.object({
  q: text('De zoekterm', 100)
    .refine((s) => !INVISIBLE.test(s), { error: 'De zoekterm bevat een onzichtbaar teken.' })
    .default(''),
  soort: z
    .union([z.literal(''), kind])
    .optional()
    .transform((v) => v || undefined),
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** What the service's create and update take (checked there with thesaurusGroupInput). */
export interface ThesaurusGroupInput {
  kind: ThesaurusKind;
  terms: string[];
  note?: string;
}
export type ThesaurusGroupValues = z.output<typeof thesaurusGroupInput>;
export type ThesaurusListQuery = z.output<typeof thesaurusListQuery>;
