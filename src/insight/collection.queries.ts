import type { DataSource } from 'typeorm';
import { TIME_ZONE } from '../meetings/meeting-time';

/** The year a published case joined the collection (Dutch local time); grouped by position, since cases has a column "year" too. */
const PUBLISHED_YEAR = `extract(year FROM coalesce(c.published_at, c.created_at) AT TIME ZONE '${TIME_ZONE}')::int`;

export interface ThemeYearCount {
  slug: string;
  name: string;
  year: number;
  cases: number;
}
export interface ThemeTotal {
  slug: string;
  name: string;
  cases: number;
}

/** Published cases per theme and year of publication. */
export async function casesPerThemeAndYear(ds: DataSource): Promise<ThemeYearCount[]> {
  return ds.query(
    `SELECT t.slug, t.name, ${PUBLISHED_YEAR} AS year, count(*)::int AS cases
       FROM cases c JOIN case_themes ct ON ct.case_id = c.id JOIN themes t ON t.id = ct.theme_id
      WHERE c.status = 'published'
      GROUP BY 1, 2, 3
      ORDER BY t.name, year`,
  );
}

/** Every theme with its number of published cases (themes without any too), fewest first. */
export async function casesPerTheme(ds: DataSource): Promise<ThemeTotal[]> {
  return ds.query(
    `SELECT t.slug, t.name, count(c.id)::int AS cases
       FROM themes t
       LEFT JOIN case_themes ct ON ct.theme_id = t.id
       LEFT JOIN cases c ON c.id = ct.case_id AND c.status = 'published'
      GROUP BY t.slug, t.name
      ORDER BY cases, t.name`,
  );
}

/** Published cases per corporation role and year of publication. */
export async function casesPerRoleAndYear(
  ds: DataSource,
): Promise<Array<{ role: string; year: number; cases: number }>> {
  return ds.query(
    `SELECT r.role, ${PUBLISHED_YEAR} AS year, count(*)::int AS cases
       FROM cases c CROSS JOIN LATERAL unnest(c.roles) AS r(role)
      WHERE c.status = 'published'
      GROUP BY 1, 2
      ORDER BY year, r.role`,
  );
}

/** Per year of publication: published cases, and how many of them have an active reflection. */
export async function reflectionShareByYear(
  ds: DataSource,
): Promise<Array<{ year: number; cases: number; withReflection: number }>> {
  const rows: Array<{ year: number; cases: number; with_reflection: number }> = await ds.query(
    `SELECT ${PUBLISHED_YEAR} AS year, count(*)::int AS cases,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM reflections r WHERE r.case_id = c.id AND r.status = 'active'))::int AS with_reflection
       FROM cases c
      WHERE c.status = 'published'
      GROUP BY 1
      ORDER BY 1`,
  );
  return rows.map((r) => ({ year: r.year, cases: r.cases, withReflection: r.with_reflection }));
}

/** The most recent meetings (at most `limit`, oldest first) with their nominations and selections. */
export async function nominationsPerMeeting(
  ds: DataSource,
  limit = 12,
): Promise<Array<{ id: number; title: string; startsAt: Date; nominations: number; selected: number }>> {
  const rows: Array<{ id: number; title: string; starts_at: Date; nominations: number; selected: number }> =
    await ds.query(
      `SELECT * FROM (
         SELECT m.id, m.title, m.starts_at, count(n.id)::int AS nominations,
                count(n.id) FILTER (WHERE n.status = 'selected')::int AS selected
           FROM meetings m LEFT JOIN nominations n ON n.meeting_id = m.id
          GROUP BY m.id
          ORDER BY m.starts_at DESC, m.id DESC
          LIMIT $1) recent
        ORDER BY starts_at, id`,
      [limit],
    );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    nominations: r.nominations,
    selected: r.selected,
  }));
}

/** Per organisation kind: published cases of its organisations and active reflections by its members. */
export async function contributionsPerKind(
  ds: DataSource,
): Promise<Array<{ kind: string; cases: number; reflections: number }>> {
  return ds.query(
    `SELECT o.kind,
            (SELECT count(*) FROM cases c
              WHERE c.organization_id IN (SELECT id FROM organizations WHERE kind = o.kind)
                AND c.status = 'published')::int AS cases,
            (SELECT count(*) FROM reflections r
               JOIN users u ON u.id = r.author_id
               JOIN organizations ro ON ro.id = u.organization_id
               JOIN cases c ON c.id = r.case_id
              WHERE ro.kind = o.kind AND r.status = 'active' AND c.status = 'published')::int AS reflections
       FROM (SELECT DISTINCT kind FROM organizations) o`,
  );
}
