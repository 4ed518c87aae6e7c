import { toLocalParts } from '../meetings/meeting-time';
import {
  CORPORATION_ROLE_LABELS,
  CORPORATION_ROLES,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '../domain';
import type { ProgressSnapshot } from '../progress/progress';
import { describeProgress } from '../progress/progress';
import { barChart, heatmap, lineChart } from './charts';
import type { QueryStat } from './search-stats.queries';
import type {
  ThemeTotal,
  ThemeYearCount,
  casesPerRoleAndYear,
  contributionsPerKind,
  nominationsPerMeeting,
  reflectionShareByYear,
} from './collection.queries';

/** How many queries each search list shows. */
const LIST_LENGTH = 20;
/** A theme with fewer published cases than this is suggested for the next call for cases. */
export const FEW_CASES = 3;

const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** "2026-11" → "november 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The current month and the eleven before it (YYYY-MM), newest first: the months kept. */
export function recentMonths(now = new Date()): string[] {
  const [y, m] = toLocalParts(now).date.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const searchUrl = (q: string) => `/casussen?${new URLSearchParams({ q })}`;

/** The three lists of search insight for one month, each query with a link to search it. */
export function searchInsightView(stats: QueryStat[], month: string, monthsWithData: string[]) {
  const row = (s: QueryStat) => ({ ...s, searchUrl: searchUrl(s.query) });
  return {
    month,
    monthLabel: monthLabel(month),
    months: recentMonths().map((value) => ({
      value,
      label: monthLabel(value) + (monthsWithData.includes(value) ? '' : ' (geen gegevens)'),
      selected: value === month,
    })),
    frequent: stats.slice(0, LIST_LENGTH).map(row),
    foundNothing: stats
      .filter((s) => s.zeroResults > 0)
      .sort((a, b) => b.zeroResults - a.zeroResults || a.query.localeCompare(b.query))
      .slice(0, LIST_LENGTH)
      .map((s) => ({
        ...row(s),
        // One click: the thesaurus form with this query as its first term.
        thesaurusUrl: `/beheer/thesaurus/nieuw?${new URLSearchParams({ term: s.query })}`,
      })),
    notClicked: stats
      .filter((s) => s.zeroResults < s.searches && s.clicks === 0)
      .slice(0, LIST_LENGTH)
      .map(row),
  };
}

export interface CollectionData {
  themeYears: ThemeYearCount[];
  themeTotals: ThemeTotal[];
  roleYears: Awaited<ReturnType<typeof casesPerRoleAndYear>>;
  reflectionYears: Awaited<ReturnType<typeof reflectionShareByYear>>;
  meetings: Awaited<ReturnType<typeof nominationsPerMeeting>>;
  kinds: Awaited<ReturnType<typeof contributionsPerKind>>;
}

/** A chart with the table it is drawn from (shown beside it, and its CSV). */
export interface ChartView {
  slug: string;
  title: string;
  description: string;
  /** Null when there is nothing to draw yet. */
  svg: string | null;
  head: string[];
  rows: Array<Array<string | number>>;
}

/** Every year from the first to the last one present (gaps included, so the axis is honest). */
function yearSpan(years: number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const percentText = (n: number) => `${String(n).replace('.', ',')}%`;

/** The collection at a glance: five charts, each with its data table, in the page's order. */
export function collectionCharts(data: CollectionData): ChartView[] {
  const charts: ChartView[] = [];

  // Cases per theme over the years (themes with cases; the hint below lists the thin ones).
  const years = yearSpan(data.themeYears.map((r) => r.year));
  const themes = [...new Map(data.themeYears.map((r) => [r.slug, r.name])).entries()];
  const themeValues = themes.map(([slug]) =>
    years.map((year) => data.themeYears.find((r) => r.slug === slug && r.year === year)?.cases ?? 0),
  );
  charts.push({
    slug: 'themas',
    title: 'Casussen per thema per jaar',
    description:
      'Gepubliceerde casussen per thema en jaar van publicatie; hoe donkerder het vak, hoe meer casussen. Een casus kan bij meer thema’s horen.',
    svg: themes.length
      ? heatmap({
          id: 'grafiek-themas',
          title: 'Casussen per thema per jaar',
          description: 'Gepubliceerde casussen per thema (rijen) en jaar van publicatie (kolommen).',
          rows: themes.map(([, name]) => name),
          years,
          values: themeValues,
        })
      : null,
    head: ['Thema', ...years.map(String), 'Totaal'],
    rows: themes.map(([, name], i) => [name, ...themeValues[i], themeValues[i].reduce((a, b) => a + b, 0)]),
  });

  // Cases per corporation role over the years.
  const roleYears = yearSpan(data.roleYears.map((r) => r.year));
  const roleSeries = CORPORATION_ROLES.map((role) => ({
    name: CORPORATION_ROLE_LABELS[role],
    values: roleYears.map(
      (year) => data.roleYears.find((r) => r.role === role && r.year === year)?.cases ?? 0,
    ),
  }));
  charts.push({
    slug: 'rollen',
    title: 'Casussen per rol van de corporatie per jaar',
    description:
      'Gepubliceerde casussen per rol van de corporatie en jaar van publicatie; een casus kan meer rollen hebben.',
    svg: roleYears.length
      ? lineChart({
          id: 'grafiek-rollen',
          title: 'Casussen per rol van de corporatie per jaar',
          description: 'Een lijn per rol, een punt per jaar.',
          years: roleYears,
          series: roleSeries,
        })
      : null,
    head: ['Jaar', ...roleSeries.map((s) => s.name)],
    rows: roleYears.map((year, i) => [year, ...roleSeries.map((s) => s.values[i])]),
  });

  // Share of published cases with a reflection.
  const shares = data.reflectionYears.map((r) => percent(r.withReflection, r.cases));
  charts.push({
    slug: 'reflecties',
    title: 'Aandeel gepubliceerde casussen met een reflectie',
    description:
      'Per jaar van publicatie: welk deel van de gepubliceerde casussen een reflectie van een expert heeft.',
    svg: data.reflectionYears.length
      ? barChart({
          id: 'grafiek-reflecties',
          title: 'Aandeel gepubliceerde casussen met een reflectie',
          description: 'Een balk per jaar: het percentage casussen met een reflectie.',
          categories: data.reflectionYears.map((r) => String(r.year)),
          series: [{ name: 'Met reflectie', values: shares }],
          max: 100,
          unit: '%',
        })
      : null,
    head: ['Jaar', 'Gepubliceerd', 'Met reflectie', 'Aandeel'],
    rows: data.reflectionYears.map((r, i) => [r.year, r.cases, r.withReflection, percentText(shares[i])]),
  });

  // Nominations and selections per meeting.
  const meetingLabel = (m: CollectionData['meetings'][number]) =>
    `${m.title} (${dateFormat.format(new Date(m.startsAt))})`;
  charts.push({
    slug: 'bijeenkomsten',
    title: 'Voordrachten en selecties per bijeenkomst',
    description:
      'De laatste twaalf bijeenkomsten: hoeveel casussen werden voorgedragen en hoeveel geselecteerd.',
    svg: data.meetings.length
      ? barChart({
          id: 'grafiek-bijeenkomsten',
          title: 'Voordrachten en selecties per bijeenkomst',
          description: 'Per bijeenkomst twee balken: voorgedragen en geselecteerd.',
          categories: data.meetings.map(meetingLabel),
          series: [
            { name: 'Voorgedragen', values: data.meetings.map((m) => m.nominations) },
            { name: 'Geselecteerd', values: data.meetings.map((m) => m.selected) },
          ],
        })
      : null,
    head: ['Bijeenkomst', 'Datum', 'Voorgedragen', 'Geselecteerd'],
    rows: data.meetings.map((m) => [
      m.title,
      toLocalParts(new Date(m.startsAt)).date,
      m.nominations,
      m.selected,
    ]),
  });

  // Contributions per organisation kind (every kind, also those without any yet).
  const kinds = ORGANIZATION_KINDS.map((kind) => {
    const found = data.kinds.find((k) => k.kind === kind);
    return {
      label: ORGANIZATION_KIND_LABELS[kind as OrganizationKind],
      cases: found?.cases ?? 0,
      reflections: found?.reflections ?? 0,
    };
  });
  const anyContribution = kinds.some((k) => k.cases + k.reflections > 0);
  charts.push({
    slug: 'organisaties',
    title: 'Bijdragen per soort organisatie',
    description:
      'Gepubliceerde casussen van organisaties van elke soort, en reflecties geschreven door hun medewerkers.',
    svg: anyContribution
      ? barChart({
          id: 'grafiek-organisaties',
          title: 'Bijdragen per soort organisatie',
          description: 'Per soort organisatie twee balken: casussen en reflecties.',
          categories: kinds.map((k) => k.label),
          series: [
            { name: 'Casussen', values: kinds.map((k) => k.cases) },
            { name: 'Reflecties', values: kinds.map((k) => k.reflections) },
          ],
        })
      : null,
    head: ['Soort organisatie', 'Casussen', 'Reflecties'],
    rows: kinds.map((k) => [k.label, k.cases, k.reflections]),
  });
  return charts;
}

/** Themes with few published cases, fewest first: a hint for the next call for cases. */
export function thinThemes(totals: ThemeTotal[]) {
  return totals
    .filter((t) => t.cases < FEW_CASES)
    .map((t) => ({ ...t, url: `/casussen?${new URLSearchParams({ thema: t.slug })}` }));
}

/** A running rebuild of the search index, in one Dutch sentence (or null). */
export function rebuildView(progress: ProgressSnapshot | null | undefined) {
  return progress ? { ...progress, text: describeProgress(progress) } : null;
}

/** A value as one CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A chart's table as CSV (comma-separated, CRLF, with a header row). */
export function chartCsv(chart: ChartView): string {
  return [chart.head, ...chart.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
