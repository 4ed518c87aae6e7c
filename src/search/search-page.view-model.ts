import { formatCount } from '../web/validation';
import {
  CORPORATION_ROLE_LABELS,
  ORGANIZATION_KIND_LABELS,
  type CorporationRole,
  type OrganizationKind,
} from '../domain';
import { normalizeWord } from './dutch';
import { searchUrl, SORT_PARAMS, STATUS_PARAMS, type ParsedSearch } from './search.params';
import type { ServiceResult } from './search.service';

/** The facets of the search page, in the order shown, with their URL parameters. */
const FACETS = [
  { key: 'role', param: 'rol', label: 'Rol van de corporatie' },
  { key: 'theme', param: 'thema', label: 'Thema' },
  { key: 'organizationKind', param: 'organisatietype', label: 'Soort organisatie' },
  { key: 'year', param: 'jaar', label: 'Startjaar' },
  { key: 'hasReflection', param: 'reflectie', label: 'Reflectie van een expert' },
  { key: 'presented', param: 'gepresenteerd', label: 'Gepresenteerd op een bijeenkomst' },
  { key: 'answered', param: 'vraag', label: 'Vraag aan de vakgemeenschap' },
] as const;
/** A boolean facet's engine value ("true") as its URL value (ja/nee; beantwoord/open for the question). */
function booleanParam(key: (typeof FACETS)[number]['key'], value: string): string {
  if (key === 'answered') return value === 'true' ? 'beantwoord' : 'open';
  if (key === 'hasReflection' || key === 'presented') return value === 'true' ? 'ja' : 'nee';
  return value;
}

/** Plain data for the search page: facet options with counts and toggle links, chips, paging. */
export function searchPageModel(
  parsed: ParsedSearch,
  result: ServiceResult,
  themeNames: Record<string, string>,
) {
  const { state, notices, onlyStopWords } = parsed;
  const q = parsed.query.q;
  const valueLabel = (param: string, value: string): string => {
    if (param === 'rol') return CORPORATION_ROLE_LABELS[value as CorporationRole] ?? value;
    if (param === 'thema') return themeNames[value] ?? value;
    if (param === 'organisatietype') return ORGANIZATION_KIND_LABELS[value as OrganizationKind] ?? value;
    if (param === 'reflectie') return value === 'ja' ? 'Met reflectie' : 'Zonder reflectie';
    if (param === 'gepresenteerd') return value === 'ja' ? 'Gepresenteerd' : 'Niet gepresenteerd';
    if (param === 'vraag') return value === 'beantwoord' ? 'Beantwoord' : 'Open vraag';
    if (param === 'status') return STATUS_PARAMS[value]?.label ?? value;
    return value;
  };
  const toggle = (param: string, value: string) => {
    const current = state[param] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    return searchUrl(state, { [param]: next, pagina: undefined });
  };
  const facets = FACETS.map((f) => {
    const counts = result.facets[f.key];
    const entries = Object.entries(counts).map(([value, count]) => ({
      value: booleanParam(f.key, value),
      count,
    }));
    if (f.key === 'year') entries.sort((a, b) => Number(b.value) - Number(a.value));
    else entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    // A selected value stays visible (with 0) so it can be switched off.
    for (const selected of state[f.param] ?? [])
      if (!entries.some((e) => e.value === selected)) entries.push({ value: selected, count: 0 });
    return {
      param: f.param,
      label: f.label,
      options: entries.map((e) => ({
        value: e.value,
        label: valueLabel(f.param, e.value),
        count: e.count,
        selected: (state[f.param] ?? []).includes(e.value),
        url: toggle(f.param, e.value),
      })),
    };
  });
  const chips = Object.entries(state)
    .filter(([key]) => !['q', 'sorteer', 'pagina', 'letterlijk'].includes(key))
    .flatMap(([param, values]) =>
      values.map((value) => ({ label: valueLabel(param, value), url: toggle(param, value) })),
    );
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const pageUrl = (n: number) => searchUrl(state, { pagina: n > 1 ? [String(n)] : undefined });
  const sortValue = state.sorteer?.[0] ?? (q && !onlyStopWords ? 'relevantie' : 'nieuwste');
  // A corrected word: the results are for the correction; one link searches the words as typed.
  const corrections = result.corrections ?? [];
  const correctedQuery = corrections.length
    ? q
        .split(/(\s+)/)
        .map((part) => corrections.find((c) => normalizeWord(part.replace(/^-/, '')) === c.from)?.to ?? part)
        .join('')
    : null;
  return {
    q,
    state,
    /** "Volg deze zoekopdracht": the query and filters (not the sort or page), and the way back. */
    follow: {
      value: searchUrl(state, { sorteer: undefined, pagina: undefined }).replace(/^\/casussen\??/, ''),
      back: searchUrl(state),
    },
    notices,
    hits: result.hits,
    total: result.total,
    // "10.000+" when the engine stopped counting; the last reachable page says so.
    totalLabel: `${formatCount(result.total)}${result.totalCapped ? '+' : ''}`,
    totalCapped: result.totalCapped ?? false,
    tookMs: result.tookMs,
    degraded: result.degraded,
    suggestions: result.suggestions.map((s) => ({
      text: s,
      url: searchUrl(state, { q: [s], pagina: undefined, letterlijk: undefined }),
    })),
    corrected: correctedQuery
      ? {
          query: correctedQuery,
          literalUrl: searchUrl(state, { letterlijk: ['1'], pagina: undefined, sorteer: undefined }),
        }
      : null,
    expansions: result.expansions ?? [],
    partial: result.partial ?? null,
    facets,
    chips,
    clearUrl: searchUrl(q ? { q: [q] } : {}),
    page: result.page,
    pages,
    prevUrl: result.page > 1 ? pageUrl(result.page - 1) : null,
    nextUrl: result.page < pages ? pageUrl(result.page + 1) : null,
    sortOptions: Object.entries(SORT_PARAMS).map(([value, { label }]) => ({
      value,
      label,
      selected: value === sortValue,
    })),
    hiddenState: Object.entries(state).flatMap(([k, vs]) =>
      k === 'q' || k === 'sorteer' || k === 'letterlijk' ? [] : vs.map((v) => ({ name: k, value: v })),
    ),
    statusOptions: Object.entries(STATUS_PARAMS).map(([value, { label }]) => ({
      value,
      label,
      selected: (state.status ?? []).includes(value),
      url: toggle('status', value),
    })),
  };
}

/** The JSON of /api/search: the same search as the page, with links. */
export function searchApiModel(result: ServiceResult, parsed: ParsedSearch) {
  return {
    total: result.total,
    // Meilisearch stops counting at maxTotalHits: there are at least `total` matches.
    totalCapped: result.totalCapped ?? false,
    page: result.page,
    perPage: result.perPage,
    tookMs: result.tookMs,
    hits: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      summary: h.summary,
      snippet: h.snippet,
      roles: h.roles,
      themes: h.themes,
      organization: h.organization,
      year: h.year,
      url: `/casussen/${h.id}`,
      ...(h.attachment ? { attachment: { ...h.attachment, url: `/bijlagen/${h.attachment.id}` } } : {}),
      ...(h.reaction
        ? { reaction: { ...h.reaction, url: `/casussen/${h.id}#reactie-${h.reaction.id}` } }
        : {}),
    })),
    facets: result.facets,
    suggestions: result.suggestions,
    corrections: result.corrections ?? [],
    expansions: result.expansions ?? [],
    partial: result.partial ?? null,
    notices: parsed.notices,
    // The query held only stop words or punctuation: these are all cases (see notices).
    onlyStopWords: parsed.onlyStopWords,
    degraded: result.degraded,
  };
}
