import type { SqlParams } from '../db/sql';
import type { AnalysedQuery, GroupForms } from './embedded-query';
import type { SearchFacets, SearchQuery, SearchViewer } from './search-query';
import { emptyFacets } from './snippets';
import { visibilitySql, type VisibilityScope } from './visibility';

/**
 * The PostgreSQL search's filters and facets: the conditions of a search's filters, the facet
 * counts over a match set (each facet ignoring its own filter) and the viewer's own drafts added
 * to the shared counts.
 */

export interface FacetCounts {
  total: number;
  facets: SearchFacets;
}

export const FILTERS = [
  'role',
  'theme',
  'organizationKind',
  'year',
  'hasReflection',
  'presented',
  'answered',
] as const;
export type Filter = (typeof FILTERS)[number];
/** The columns facets count. */
export const FACET_COLUMNS = [
  'roles',
  'themes',
  'organization_kind',
  'year',
  'has_reflection',
  'presented',
  'answered',
] as const;

/** A matching case of the viewer's own (a draft): its facet values and which filters it passes. */
export interface OwnRow {
  roles: string[];
  themes: string[];
  organization_kind: string;
  year: number | null;
  has_reflection: boolean;
  presented: boolean;
  answered: boolean;
  pass: Record<Filter, boolean>;
}

/** Total and facet counts over a set of match rows (with their f_* columns), as rows of (facet, value, n). */
export function facetSql(source: string): string {
  const others = (except: Filter | null) =>
    FILTERS.filter((f) => f !== except)
      .map((f) => `f_${f}`)
      .join(' AND ');
  return `
    SELECT 'total' AS facet, NULL AS value, count(*) FILTER (WHERE ${others(null)}) AS n FROM ${source}
    UNION ALL SELECT 'role', r, count(*) FROM (SELECT unnest(roles) AS r FROM ${source} AND ${others('role')}) x GROUP BY r
    UNION ALL SELECT 'theme', t, count(*) FROM (SELECT unnest(themes) AS t FROM ${source} AND ${others('theme')}) x GROUP BY t
    UNION ALL SELECT 'organizationKind', organization_kind, count(*) FROM ${source} AND ${others('organizationKind')} GROUP BY 2
    UNION ALL SELECT 'year', year::text, count(*) FROM ${source} AND year IS NOT NULL AND ${others('year')} GROUP BY 2
    UNION ALL SELECT 'hasReflection', has_reflection::text, count(*) FROM ${source} AND ${others('hasReflection')} GROUP BY 2
    UNION ALL SELECT 'presented', presented::text, count(*) FROM ${source} AND ${others('presented')} GROUP BY 2
    UNION ALL SELECT 'answered', answered::text, count(*) FROM ${source} AND ${others('answered')} GROUP BY 2`;
}

/** The shared counts plus the viewer's own matching drafts, counted here (the sets are disjoint). */
export function withOwn(shared: FacetCounts, own: OwnRow[]): FacetCounts {
  if (own.length === 0) return shared;
  const facets = emptyFacets();
  for (const [name, values] of Object.entries(shared.facets) as Array<
    [keyof SearchFacets, Record<string, number>]
  >)
    Object.assign(facets[name], values);
  const bump = (counts: Record<string, number>, value: string) => {
    counts[value] = (counts[value] ?? 0) + 1;
  };
  let total = shared.total;
  for (const r of own) {
    // Each facet counts the rows passing every other filter.
    const failed = FILTERS.filter((f) => !r.pass[f]);
    if (failed.length > 1) continue;
    const countsIn = (f: Filter) => failed.length === 0 || failed[0] === f;
    if (failed.length === 0) total++;
    if (countsIn('role')) for (const v of r.roles) bump(facets.role, v);
    if (countsIn('theme')) for (const v of r.themes) bump(facets.theme, v);
    if (countsIn('organizationKind')) bump(facets.organizationKind, r.organization_kind);
    if (countsIn('year') && r.year !== null) bump(facets.year, String(r.year));
    if (countsIn('hasReflection')) bump(facets.hasReflection, String(r.has_reflection));
    if (countsIn('presented')) bump(facets.presented, String(r.presented));
    if (countsIn('answered')) bump(facets.answered, String(r.answered));
  }
  return { total, facets };
}

/**
 * What one search asks of the database besides its words: the filters and the viewer. Each
 * statement binds its own parameters (PostgreSQL refuses parameters a statement does not use), so
 * the plan hands out SQL fragments for a given parameter list.
 */
export class QueryPlan {
  constructor(
    readonly query: SearchQuery,
    readonly viewer: SearchViewer,
    private readonly analysed: AnalysedQuery,
  ) {}

  /** What the shared facet counts depend on besides the generation: the analysed words and the filters. */
  sharedKey(): string {
    const { roles, themes, organizationKinds, years, hasReflection, presented, answered, statuses } =
      this.query.filters;
    const forms = (g: GroupForms) => [g.stems, g.prefixes, g.phrases, g.strict];
    return JSON.stringify([
      this.analysed.groups.map(forms),
      this.analysed.excluded.map(forms),
      [roles, themes, organizationKinds, years, hasReflection, presented, answered, statuses],
    ]);
  }

  /** Who may find a case (visibility.ts); `scope` picks the part every member shares or the viewer's own. */
  visibility(p: SqlParams, scope: VisibilityScope = 'all'): string {
    return visibilitySql('d', (v) => p.add(v), this.viewer, this.query.filters.statuses, scope);
  }

  /** One condition per facet filter ('true' when it is not used). */
  conditions(p: SqlParams): Record<Filter, string> {
    const f = this.query.filters;
    return {
      role: f.roles.length ? `d.roles && ${p.add(f.roles)}::text[]` : 'true',
      theme: f.themes.length ? `d.themes && ${p.add(f.themes)}::text[]` : 'true',
      organizationKind: f.organizationKinds.length
        ? `d.organization_kind = ANY(${p.add(f.organizationKinds)}::text[])`
        : 'true',
      year: f.years.length ? `d.year = ANY(${p.add(f.years)}::int[])` : 'true',
      hasReflection: f.hasReflection === undefined ? 'true' : `d.has_reflection = ${p.add(f.hasReflection)}`,
      presented: f.presented === undefined ? 'true' : `d.presented = ${p.add(f.presented)}`,
      answered: f.answered === undefined ? 'true' : `d.answered = ${p.add(f.answered)}`,
    };
  }
}

export function countsOf(rows: Array<{ facet: string; value: string | null; n: number }>): FacetCounts {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else if (row.value !== null) facets[row.facet as keyof SearchFacets][row.value] = Number(row.n);
  }
  return { total, facets };
}
