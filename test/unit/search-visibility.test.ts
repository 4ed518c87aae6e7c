import { PGlite } from '@electric-sql/pglite';
import { CASE_STATUSES, type CaseStatus } from '../../src/domain';
import { isVisible, visibilityMeiliFilter, visibilitySql } from '../../src/search/visibility';

// One rule, three forms: the embedded engine's predicate, the SQL of PostgreSQL search and the
// hit check, and Meilisearch's filter must agree on every status, author and filter.
const AUTHOR = 7;
const OTHER = 8;
const docs = CASE_STATUSES.flatMap((status) => [AUTHOR, OTHER].map((authorId) => ({ status, authorId })));
const filters: Array<CaseStatus[] | 'any'> = [
  [],
  ['published'],
  ['draft'],
  ['archived'],
  ['draft', 'archived'],
  'any',
];

describe('search visibility', () => {
  it('lets a member find published cases and their own drafts, never someone else’s draft', () => {
    const viewer = { id: AUTHOR };
    const found = docs.filter((d) => isVisible(d, viewer, [])).map((d) => `${d.status}/${d.authorId}`);
    expect(found.sort()).toEqual(['draft/7', 'published/7', 'published/8']);
    expect(isVisible({ status: 'draft', authorId: OTHER }, viewer, ['draft'])).toBe(false);
    expect(isVisible({ status: 'archived', authorId: OTHER }, viewer, ['archived'])).toBe(true);
    expect(isVisible({ status: 'archived', authorId: OTHER }, viewer, [])).toBe(false);
  });

  it('says the same in SQL as in JavaScript, for every status filter and scope', async () => {
    const db = new PGlite();
    try {
      await db.exec(`CREATE TABLE d (status text, author_id int)`);
      for (const d of docs) await db.query(`INSERT INTO d VALUES ($1, $2)`, [d.status, d.authorId]);
      for (const statuses of filters) {
        const values: unknown[] = [];
        const add = (v: unknown) => `$${values.push(v)}`;
        const where = visibilitySql('d', add, { id: AUTHOR }, statuses);
        const { rows } = await db.query<{ status: string; author_id: number }>(
          `SELECT status, author_id FROM d WHERE ${where} ORDER BY 1, 2`,
          values,
        );
        const expected = docs
          .filter((doc) => isVisible(doc, { id: AUTHOR }, statuses))
          .map((doc) => `${doc.status}/${doc.authorId}`)
          .sort();
        expect(rows.map((r) => `${r.status}/${r.author_id}`)).toEqual(expected);

        // The shared and own scopes split the visible set without overlap.
        const part = async (scope: 'shared' | 'own') => {
          const v: unknown[] = [];
          const w = visibilitySql('d', (x) => `$${v.push(x)}`, { id: AUTHOR }, statuses, scope);
          return (await db.query(`SELECT 1 FROM d WHERE ${w}`, v)).rows.length;
        };
        expect((await part('shared')) + (await part('own'))).toBe(expected.length);
      }
    } finally {
      await db.close();
    }
  });

  it('writes the same rule as a Meilisearch filter, with the viewer as a number only', () => {
    expect(visibilityMeiliFilter({ id: AUTHOR }, [])).toBe(
      '(status IN ["published"] OR (status IN ["draft"] AND authorId = 7))',
    );
    expect(visibilityMeiliFilter({ id: AUTHOR }, ['archived'])).toBe('(status IN ["archived"] OR id = -1)');
    expect(() => visibilityMeiliFilter({ id: '7 OR 1 = 1' as unknown as number }, [])).toThrow();
  });
});
