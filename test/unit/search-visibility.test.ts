import { PGlite } from '@electric-sql/pglite';
import { CASE_STATUSES, CASE_VISIBILITIES, type CaseStatus } from '../../src/domain';
import { seesVisibility } from '../../src/policy';
import type { SearchViewer } from '../../src/search/search-query';
import { isShared, isVisible, visibilityMeiliFilter, visibilitySql } from '../../src/search/visibility';

// One rule, three forms: the embedded engine's predicate, the SQL of PostgreSQL search and the
// hit check, and Meilisearch's filter must agree on every status, author, level and filter.
const AUTHOR = 7;
const OTHER = 8;
const ORG = 1;
const docs = CASE_STATUSES.flatMap((status) =>
  [AUTHOR, OTHER].flatMap((authorId) =>
    CASE_VISIBILITIES.flatMap((visibility) =>
      [ORG, 2].map((organizationId) => ({ status, authorId, visibility, organizationId })),
    ),
  ),
);
const filters: Array<CaseStatus[] | 'any'> = [
  [],
  ['published'],
  ['draft'],
  ['archived'],
  ['draft', 'archived'],
  'any',
];
const viewers: Record<string, SearchViewer> = {
  practitioner: { id: AUTHOR, organizationId: ORG, roles: ['practitioner'] },
  expert: { id: AUTHOR, organizationId: ORG, roles: ['expert'] },
  curator: { id: AUTHOR, organizationId: 3, roles: ['curator'] },
  admin: { id: AUTHOR, organizationId: 3, roles: ['admin'] },
  bare: { id: AUTHOR },
};
const key = (d: { status: string; authorId: number; visibility: string; organizationId: number }) =>
  `${d.status}/${d.authorId}/${d.visibility}/${d.organizationId}`;

describe('search visibility', () => {
  it('lets a member find published cases and their own drafts, never someone else’s draft', () => {
    const viewer = { id: AUTHOR };
    const everyone = docs.filter((d) => d.visibility === 'vakgemeenschap' && d.organizationId === ORG);
    const found = everyone.filter((d) => isVisible(d, viewer, [])).map((d) => `${d.status}/${d.authorId}`);
    expect(found.sort()).toEqual(['draft/7', 'published/7', 'published/8']);
    expect(isVisible({ status: 'draft', authorId: OTHER }, viewer, ['draft'])).toBe(false);
    expect(isVisible({ status: 'archived', authorId: OTHER }, viewer, ['archived'])).toBe(true);
    expect(isVisible({ status: 'archived', authorId: OTHER }, viewer, [])).toBe(false);
  });

  it('finds a restricted case for whom its level admits, as reading does (policy.ts)', () => {
    const restricted = (visibility: string, organizationId: number) => ({
      status: 'published',
      authorId: OTHER,
      visibility,
      organizationId,
    });
    const who = (d: ReturnType<typeof restricted>) =>
      Object.entries(viewers)
        .filter(([, v]) => isVisible(d, v, []))
        .map(([name]) => name);
    expect(who(restricted('kerngroep-experts', 2))).toEqual(['expert', 'curator', 'admin']);
    expect(who(restricted('organisatie', ORG))).toEqual(['practitioner', 'expert', 'admin']);
    expect(who(restricted('organisatie', 2))).toEqual(['admin']);
    // The author always finds their own restricted case.
    expect(isVisible({ ...restricted('organisatie', 2), authorId: AUTHOR }, viewers.bare, [])).toBe(true);
    // Search and reading agree for every published document and viewer (author and admin aside).
    for (const d of docs.filter((x) => x.status === 'published' && x.authorId === OTHER))
      for (const v of Object.values(viewers).filter((x) => x.roles && !x.roles.includes('admin')))
        expect(isVisible(d, v, [])).toBe(
          seesVisibility({ roles: v.roles as never, organizationId: v.organizationId! }, d as never),
        );
    // Shared: every member, no viewer needed.
    expect(isShared(restricted('vakgemeenschap', 2))).toBe(true);
    expect(isShared(restricted('organisatie', 2))).toBe(false);
    expect(isShared({ status: 'published', authorId: 1 })).toBe(true); // indexed before levels existed
  });

  it('says the same in SQL as in JavaScript, for every viewer, status filter and scope', async () => {
    const db = new PGlite();
    try {
      await db.exec(`CREATE TABLE d (status text, author_id int, visibility text, organization_id int)`);
      for (const d of docs)
        await db.query(`INSERT INTO d VALUES ($1, $2, $3, $4)`, [
          d.status,
          d.authorId,
          d.visibility,
          d.organizationId,
        ]);
      for (const viewer of Object.values(viewers))
        for (const statuses of filters) {
          const values: unknown[] = [];
          const add = (v: unknown) => `$${values.push(v)}`;
          const where = visibilitySql('d', add, viewer, statuses);
          const { rows } = await db.query<{
            status: string;
            author_id: number;
            visibility: string;
            organization_id: number;
          }>(`SELECT * FROM d WHERE ${where}`, values);
          const expected = docs
            .filter((doc) => isVisible(doc, viewer, statuses))
            .map(key)
            .sort();
          const got = rows
            .map((r) =>
              key({
                status: r.status,
                authorId: r.author_id,
                visibility: r.visibility,
                organizationId: r.organization_id,
              }),
            )
            .sort();
          expect(got).toEqual(expected);

          // The shared and own scopes split the visible set without overlap.
          const part = async (scope: 'shared' | 'own') => {
            const v: unknown[] = [];
            const w = visibilitySql('d', (x) => `$${v.push(x)}`, viewer, statuses, scope);
            return (await db.query(`SELECT 1 FROM d WHERE ${w}`, v)).rows.length;
          };
          expect((await part('shared')) + (await part('own'))).toBe(expected.length);
        }
    } finally {
      await db.close();
    }
  });

  it('writes the same rule as a Meilisearch filter, with the viewer as numbers only', () => {
    expect(visibilityMeiliFilter({ id: AUTHOR }, [])).toBe(
      '((status IN ["published"] AND visibility NOT IN ["kerngroep-experts", "organisatie"]) OR ' +
        '((status IN ["draft"] AND authorId = 7) OR ' +
        '(status IN ["published"] AND visibility IN ["kerngroep-experts", "organisatie"] AND (authorId = 7))))',
    );
    expect(visibilityMeiliFilter(viewers.expert, ['archived'])).toBe(
      '((status IN ["archived"] AND visibility NOT IN ["kerngroep-experts", "organisatie"]) OR ' +
        '((status IN ["archived"] AND visibility IN ["kerngroep-experts", "organisatie"] AND ' +
        '(authorId = 7 OR visibility IN ["kerngroep-experts"] OR (visibility = "organisatie" AND organizationId = 1)))))',
    );
    expect(visibilityMeiliFilter(viewers.admin, ['draft'], 'own')).toBe(
      '((status IN ["draft"] AND authorId = 7))',
    );
    expect(() => visibilityMeiliFilter({ id: '7 OR 1 = 1' as unknown as number }, [])).toThrow();
    // An organisation that is not a number is no organisation (never text in the filter).
    expect(
      visibilityMeiliFilter({ id: 7, organizationId: '1 OR 1 = 1' as unknown as number }, []),
    ).not.toContain('OR 1 = 1');
  });
});
