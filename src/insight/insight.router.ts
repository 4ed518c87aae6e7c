import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { notFound } from '../web/http-errors';
import { mount, route } from '../web/route';
import {
  casesPerRoleAndYear,
  casesPerTheme,
  casesPerThemeAndYear,
  contributionsPerKind,
  nominationsPerMeeting,
  reflectionShareByYear,
} from './collection.queries';
import {
  chartCsv,
  collectionCharts,
  FEW_CASES,
  rebuildView,
  recentMonths,
  searchInsightView,
  thinThemes,
  type CollectionData,
} from './insight.view-model';
import { KEEP_MONTHS } from './search-log';
import { monthQueryStats, monthsWithSearches } from './search-stats.queries';

const insightQuery = z.object({
  maand: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Kies een maand uit de lijst.' })
    .optional(),
});
const chartParams = z.object({
  grafiek: z.enum(['themas', 'rollen', 'reflecties', 'bijeenkomsten', 'organisaties']),
});

/** Beheer → Inzicht: what members search for, the collection in charts (with CSV), a running rebuild. */
export function insightRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;
  const minCount = deps.config.searchInsightMinCount;

  async function collection(): Promise<CollectionData> {
    const [themeYears, themeTotals, roleYears, reflectionYears, meetings, kinds] = await Promise.all([
      casesPerThemeAndYear(ds),
      casesPerTheme(ds),
      casesPerRoleAndYear(ds),
      reflectionShareByYear(ds),
      nominationsPerMeeting(ds),
      contributionsPerKind(ds),
    ]);
    return { themeYears, themeTotals, roleYears, reflectionYears, meetings, kinds };
  }

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/beheer/inzicht',
      permission: 'admin:insight',
      query: insightQuery,
      handler: async ({ res, query }) => {
        const month = query.maand ?? recentMonths()[0];
        const [stats, months, data] = await Promise.all([
          monthQueryStats(ds, month, minCount),
          monthsWithSearches(ds),
          collection(),
        ]);
        res.render('admin/insight', {
          title: 'Inzicht',
          search: searchInsightView(stats, month, months),
          minCount,
          keepMonths: KEEP_MONTHS,
          charts: collectionCharts(data),
          thin: thinThemes(data.themeTotals),
          fewCases: FEW_CASES,
          rebuild: rebuildView(deps.indexer?.rebuild?.snapshot()),
        });
      },
    }),
    route({
      method: 'get',
      path: '/beheer/inzicht/:grafiek.csv',
      permission: 'admin:insight',
      params: chartParams,
      handler: async ({ res, params }) => {
        const chart = collectionCharts(await collection()).find((c) => c.slug === params.grafiek);
        if (!chart) throw notFound();
        res
          .type('text/csv; charset=utf-8')
          .attachment(`casusbank-${chart.slug}.csv`)
          // A byte order mark, so spreadsheet programs read the accents as UTF-8.
          .send(`\uFEFF${chartCsv(chart)}`);
      },
    }),
  ]);
}
