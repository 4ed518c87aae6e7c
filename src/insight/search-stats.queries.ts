import type { DataSource } from 'typeorm';
import { TIME_ZONE } from '../meetings/meeting-time';

/** Dutch local date of now, as the day a search is counted on. */
const TODAY = `(now() AT TIME ZONE '${TIME_ZONE}')::date`;

/** Adds one member's search of a query today (and whether it found nothing). */
export async function countSearch(ds: DataSource, query: string, foundNothing: boolean): Promise<void> {
  await ds.query(
    `INSERT INTO search_query_stats (day, query, searches, zero_results) VALUES (${TODAY}, $1, 1, $2)
     ON CONFLICT (day, query) DO UPDATE SET searches = search_query_stats.searches + 1,
       zero_results = search_query_stats.zero_results + EXCLUDED.zero_results`,
    [query, foundNothing ? 1 : 0],
  );
}

/** Adds one member opening a case from the results of a query today. */
export async function countClick(ds: DataSource, query: string): Promise<void> {
  await ds.query(
    `INSERT INTO search_query_stats (day, query, clicks) VALUES (${TODAY}, $1, 1)
     ON CONFLICT (day, query) DO UPDATE SET clicks = search_query_stats.clicks + 1`,
    [query],
  );
}

/** Forgets days older than the months kept. */
export async function pruneSearchStats(ds: DataSource, keepMonths: number): Promise<void> {
  await ds.query(`DELETE FROM search_query_stats WHERE day < ${TODAY} - make_interval(months => $1)`, [
    keepMonths,
  ]);
}

export interface QueryStat {
  query: string;
  searches: number;
  zeroResults: number;
  clicks: number;
}

/** The months (YYYY-MM) that have counted searches, newest first. */
export async function monthsWithSearches(ds: DataSource): Promise<string[]> {
  const rows: Array<{ month: string }> = await ds.query(
    `SELECT DISTINCT to_char(day, 'YYYY-MM') AS month FROM search_query_stats ORDER BY month DESC`,
  );
  return rows.map((r) => r.month);
}

/**
 * Every query searched at least `minCount` times in a month (YYYY-MM), with its totals: fewer
 * searches could point to one or two members, so they are never read out.
 */
export async function monthQueryStats(ds: DataSource, month: string, minCount: number): Promise<QueryStat[]> {
  const rows: Array<{ query: string; searches: number; zero_results: number; clicks: number }> =
    await ds.query(
      `SELECT query, sum(searches)::int AS searches, sum(zero_results)::int AS zero_results,
              sum(clicks)::int AS clicks
         FROM search_query_stats
        WHERE day >= to_date($1, 'YYYY-MM') AND day < to_date($1, 'YYYY-MM') + interval '1 month'
        GROUP BY query
       HAVING sum(searches) >= $2
        ORDER BY sum(searches) DESC, query`,
      [month, minCount],
    );
  return rows.map((r) => ({
    query: r.query,
    searches: r.searches,
    zeroResults: r.zero_results,
    clicks: r.clicks,
  }));
}
