import type { DataSource } from 'typeorm';
import { CORPORATION_ROLE_LABELS, CORPORATION_ROLES, type CorporationRole } from '../domain';
import { rowsOf } from '../db/sql';
import { can, type Viewer } from '../policy';
import { badRequest, notFound } from '../web/http-errors';
import { savedSearchQuery, type FollowKind, type FollowRow } from './follows.queries';

const NOT_FOUND = 'Dit volgt u niet (meer).';

export interface FollowResult {
  follow: FollowRow;
  /** False when the member already followed it (the existing follow is returned). */
  created: boolean;
  /** For a search: what was changed to save it (a query cut at 200 characters, unknown filters). */
  notices: string[];
}

/** Following and unfollowing: what is followed is checked and named here, once per member. */
export class FollowsService {
  constructor(private readonly dataSource: DataSource) {}

  async follow(viewer: Viewer, kind: FollowKind, value: string): Promise<FollowResult> {
    const { value: canonical, label, notices } = await this.describe(viewer, kind, value.trim());
    const rows: FollowRow[] = await this.dataSource.query(
      `WITH ins AS (
         INSERT INTO follows (user_id, kind, value, label) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, kind, value) DO NOTHING
         RETURNING id, kind, value, label, created_at, true AS created)
       SELECT id, kind, value, label, created_at AS "createdAt", created FROM ins
       UNION ALL
       SELECT id, kind, value, label, created_at, false FROM follows WHERE user_id = $1 AND kind = $2 AND value = $3`,
      [viewer.id, kind, canonical, label.slice(0, 300)],
    );
    const row = (rows as Array<FollowRow & { created: boolean }>).find((r) => r.created) ?? rows[0];
    const { created, ...follow } = row as FollowRow & { created: boolean };
    return { follow, created, notices };
  }

  async unfollow(viewer: Viewer, id: number): Promise<void> {
    const rows = await this.dataSource.query(
      `DELETE FROM follows WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, viewer.id],
    );
    if (rowsOf(rows).length === 0) throw notFound(NOT_FOUND);
  }

  /** The stored value (a search in its canonical form) and its Dutch label; unknown things refused. */
  private async describe(
    viewer: Viewer,
    kind: FollowKind,
    value: string,
  ): Promise<{ value: string; label: string; notices: string[] }> {
    const ds = this.dataSource;
    if (kind === 'theme') {
      const [theme] = await ds.query(`SELECT slug, name FROM themes WHERE slug = $1`, [value]);
      if (!theme) throw badRequest('Dit thema bestaat niet.', { field: 'value' });
      return { value: theme.slug, label: theme.name, notices: [] };
    }
    if (kind === 'role') {
      if (!(CORPORATION_ROLES as readonly string[]).includes(value))
        throw badRequest('Deze rol van de corporatie bestaat niet.', { field: 'value' });
      return { value, label: CORPORATION_ROLE_LABELS[value as CorporationRole], notices: [] };
    }
    if (kind === 'case') {
      const id = /^\d{1,9}$/.test(value) ? Number(value) : 0;
      const [c] = await ds.query(
        `SELECT id, title, status, author_id, organization_id, visibility FROM cases WHERE id = $1`,
        [id],
      );
      if (
        !c ||
        !can(viewer, 'case:read', {
          status: c.status,
          authorId: c.author_id,
          organizationId: c.organization_id,
          visibility: c.visibility,
        })
      )
        throw badRequest('Deze casus bestaat niet (meer), of u heeft er geen toegang toe.', {
          field: 'value',
        });
      return { value: String(c.id), label: c.title, notices: [] };
    }
    const themes: Array<{ slug: string; name: string }> = await ds.query(`SELECT slug, name FROM themes`);
    const parsed = savedSearchQuery(
      value.replace(/^\/casussen\?/, '').replace(/^\?/, ''),
      themes.map((t) => t.slug),
    );
    // What decides the results, in a fixed order: the same search saved twice is one follow.
    const keep = [
      'q',
      'rol',
      'thema',
      'organisatietype',
      'jaar',
      'reflectie',
      'gepresenteerd',
      'vraag',
      'status',
      'letterlijk',
    ];
    const params = new URLSearchParams();
    for (const key of keep) for (const v of parsed.state[key] ?? []) params.append(key, v);
    const themeName = new Map(themes.map((t) => [t.slug, t.name]));
    const parts = [
      parsed.query.q ? `“${parsed.query.q.trim()}”` : 'Alle casussen',
      ...parsed.query.filters.themes.map((t) => themeName.get(t) ?? t),
      ...parsed.query.filters.roles.map((r) => CORPORATION_ROLE_LABELS[r as CorporationRole] ?? r),
      ...(parsed.state.organisatietype ?? []),
      ...(parsed.state.jaar ?? []),
    ];
    return { value: params.toString(), label: parts.join(' · '), notices: parsed.notices };
  }
}
