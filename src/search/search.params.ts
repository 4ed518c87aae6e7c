import { z } from 'zod';
import { CORPORATION_ROLES, ORGANIZATION_KINDS, type CaseStatus } from '../domain';
import {
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  parseQuery,
  type SearchQuery,
  type SearchSort,
} from './search-query';

const list = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(100)).max(50),
);

/** The URL parameters of /casussen and /api/search (Dutch keys; repeat a key for several values). */
export const searchParamsSchema = z.object({
  q: z.string().optional().default(''),
  rol: list,
  thema: list,
  organisatietype: list,
  jaar: list,
  reflectie: list,
  gepresenteerd: list,
  /** The question to the community: "open" (no answer marked yet) or "beantwoord". */
  vraag: list,
  status: list,
  sorteer: z.string().optional(),
  /** The query the sort select was shown for: a new query goes back to relevance. */
  sorteer_bij: z.string().optional(),
  letterlijk: z.string().optional(),
  pagina: z.string().optional(),
  perPage: z.string().optional(),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The status and sort values of the search URL (Dutch), what they mean and how the page names them. */
export const STATUS_PARAMS: Record<string, { status: CaseStatus; label: string }> = {
  gepubliceerd: { status: 'published', label: 'Gepubliceerd' },
  gearchiveerd: { status: 'archived', label: 'Gearchiveerd' },
  concept: { status: 'draft', label: 'Mijn concepten' },
};
export const SORT_PARAMS: Record<string, { sort: SearchSort; label: string }> = {
  relevantie: { sort: 'relevance', label: 'Relevantie' },
  nieuwste: { sort: 'newest', label: 'Nieuwste eerst' },
  titel: { sort: 'title', label: 'Titel (A–Z)' },
};
const YES_NO: Record<string, boolean> = { ja: true, nee: false };
/** The "vraag" facet's URL values: answered or not. */
export const QUESTION_PARAMS: Record<string, boolean> = { beantwoord: true, open: false };

export interface ParsedSearch {
  query: SearchQuery;
  /** Dutch notices for the page: cut query, ignored facet values, a query of only stop words. */
  notices: string[];
  /** The query held only stop words or punctuation, so every case is shown. */
  onlyStopWords: boolean;
  /** The state as URL parameters (only valid values), for links, chips and paging. */
  state: Record<string, string[]>;
}

/**
 * Turns URL parameters into a search query. Facet values are checked against the known values;
 * unknown ones are ignored and said so. Nothing from the URL reaches an engine as syntax.
 */
export function toSearchQuery(
  params: SearchParams,
  themeSlugs: string[],
  options: { perPage?: number } = {},
): ParsedSearch {
  const notices: string[] = [];
  // eslint-disable-next-line no-control-regex -- control characters are never part of a query
  let q = params.q.replace(/[\u0000-\u001f]/g, ' ').trim();
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH);
    notices.push(`Uw zoekvraag was langer dan ${MAX_QUERY_LENGTH} tekens en is ingekort.`);
  }
  const parsedQ = parseQuery(q, { prefixLastWord: true });
  const onlyStopWords = parsedQ.onlyStopWords;
  if (onlyStopWords) {
    notices.push(
      'Uw zoekvraag bevat alleen veelvoorkomende woorden (zoals "de" of "het") of leestekens. U ziet daarom alle casussen; voeg een specifieker woord toe.',
    );
  }
  const keep = <T>(name: string, values: string[], valid: (v: string) => T | undefined): T[] => {
    const out: T[] = [];
    for (const v of values) {
      const parsed = valid(v);
      if (parsed === undefined)
        notices.push(`Onbekende waarde "${v.slice(0, 40)}" voor ${name} is genegeerd.`);
      else if (!out.includes(parsed)) out.push(parsed);
    }
    return out;
  };
  const roles = keep('rol', params.rol, (v) =>
    (CORPORATION_ROLES as readonly string[]).includes(v) ? v : undefined,
  );
  const themes = keep('thema', params.thema, (v) => (themeSlugs.includes(v) ? v : undefined));
  const kinds = keep('organisatietype', params.organisatietype, (v) =>
    (ORGANIZATION_KINDS as readonly string[]).includes(v) ? v : undefined,
  );
  const years = keep('jaar', params.jaar, (v) => (/^(19|20)\d{2}$/.test(v) ? Number(v) : undefined));
  const reflection = keep('reflectie', params.reflectie, (v) => YES_NO[v]);
  const presented = keep('gepresenteerd', params.gepresenteerd, (v) => YES_NO[v]);
  const answered = keep('vraag', params.vraag, (v) => QUESTION_PARAMS[v]);
  const statuses = keep('status', params.status, (v) => STATUS_PARAMS[v]?.status);
  // The form sends its sort select with every query; a sort chosen for another query (or while
  // browsing, "nieuwste") does not carry over to a new one: that is ranked by relevance.
  const sortIsForThisQuery = params.sorteer_bij === undefined || params.sorteer_bij.trim() === q;
  const sort = params.sorteer && sortIsForThisQuery ? SORT_PARAMS[params.sorteer]?.sort : undefined;
  if (params.sorteer && !SORT_PARAMS[params.sorteer])
    notices.push(`Onbekende sortering "${params.sorteer.slice(0, 40)}" is genegeerd.`);
  const literal = params.letterlijk === '1' && q !== '';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.pagina ?? '1', 10) || 1));
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;

  const invert = <T>(map: Record<string, T>, v: T) => Object.entries(map).find(([, x]) => x === v)![0];
  const state: Record<string, string[]> = {
    ...(q ? { q: [q] } : {}),
    rol: roles,
    thema: themes,
    organisatietype: kinds,
    jaar: years.map(String),
    reflectie: reflection.length === 1 ? [invert(YES_NO, reflection[0])] : [],
    gepresenteerd: presented.length === 1 ? [invert(YES_NO, presented[0])] : [],
    vraag: answered.length === 1 ? [invert(QUESTION_PARAMS, answered[0])] : [],
    status: statuses.map((s) => Object.keys(STATUS_PARAMS).find((k) => STATUS_PARAMS[k].status === s)!),
    ...(sort ? { sorteer: [params.sorteer!] } : {}),
    ...(literal ? { letterlijk: ['1'] } : {}),
  };
  return {
    notices,
    onlyStopWords,
    state,
    query: {
      q,
      parsed: parsedQ,
      filters: {
        roles,
        themes,
        organizationKinds: kinds,
        years,
        // Both "ja" and "nee" selected is the same as no filter.
        hasReflection: reflection.length === 1 ? reflection[0] : undefined,
        presented: presented.length === 1 ? presented[0] : undefined,
        answered: answered.length === 1 ? answered[0] : undefined,
        statuses,
      },
      sort,
      ...(literal ? { literal } : {}),
      page,
      perPage: Math.min(MAX_PER_PAGE, perPage),
    },
  };
}

/** The API's perPage: 1–100, otherwise a 400. */
export const perPageSchema = z.coerce
  .number({ error: 'perPage moet een getal zijn' })
  .int({ error: 'perPage moet een geheel getal zijn' })
  .min(1, { error: 'perPage is minstens 1' })
  .max(MAX_PER_PAGE, { error: `perPage is hoogstens ${MAX_PER_PAGE}` });

/** A URL for the search page with this state (optionally changed). */
export function searchUrl(
  state: Record<string, string[]>,
  change: Record<string, string[] | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries({ ...state, ...change }))
    for (const v of values ?? []) params.append(key, v);
  const qs = params.toString();
  return qs ? `/casussen?${qs}` : '/casussen';
}
