import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import type { Actor } from '../accounts/audit';
import { withUniqueName } from '../db/sql';
import { enqueueSearchUpdate } from '../search/outbox';
import { forgetThemeOptions } from './cases.queries';
import { badRequest, conflict, notFound } from '../web/http-errors';

const SLUG_MAX = 80;
const DUPLICATE = 'Er bestaat al een thema met deze naam.';

/** "Zorg & Welzijn (oud)" → "zorg-welzijn-oud": lowercase, accents stripped, anything else a single dash. */
export function themeSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

interface ThemeRef {
  id: number;
  slug: string;
  name: string;
}

/** Theme writes: each in one transaction with its audit event and the outbox rows of the cases it touches. */
export class ThemesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /** Creates a theme; its slug comes from the name and never changes afterwards. */
  async create(name: string, actor: Actor): Promise<ThemeRef> {
    const slug = themeSlug(name);
    if (!slug)
      throw badRequest('De naam moet minstens één letter of cijfer bevatten.', {
        errors: { name: 'De naam moet minstens één letter of cijfer bevatten.' },
      });
    return this.changingThemes(() =>
      withUniqueName(DUPLICATE, () =>
        this.dataSource.transaction(async (tx) => {
          const [taken] = await tx.query(`SELECT id FROM themes WHERE slug = $1 OR lower(name) = lower($2)`, [
            slug,
            name,
          ]);
          if (taken) throw conflict(DUPLICATE, { field: 'name' });
          const [row] = await tx.query(`INSERT INTO themes (slug, name) VALUES ($1, $2) RETURNING id`, [
            slug,
            name,
          ]);
          await recordAudit(tx, {
            actorId: actor.id,
            ip: actor.ip,
            action: 'theme.created',
            subjectType: 'theme',
            subjectId: row.id,
            details: { slug, name },
          });
          return { id: row.id as number, slug, name };
        }),
      ),
    );
  }

  /** Renames a theme (the slug stays, so links and filters keep working); its cases are re-indexed. */
  async rename(id: number, name: string, actor: Actor): Promise<void> {
    const affected = await this.changingThemes(() =>
      withUniqueName(DUPLICATE, () =>
        this.dataSource.transaction(async (tx) => {
          const theme = await lockTheme(tx, id);
          if (!theme) throw notFound('Dit thema bestaat niet.');
          if (theme.name === name) return 0;
          const [taken] = await tx.query(`SELECT id FROM themes WHERE lower(name) = lower($1) AND id <> $2`, [
            name,
            id,
          ]);
          if (taken) throw conflict(DUPLICATE, { field: 'name' });
          await tx.query(`UPDATE themes SET name = $2 WHERE id = $1`, [id, name]);
          const caseIds = await casesWithTheme(tx, id);
          await enqueueSearchUpdate(tx, caseIds, 'theme.renamed');
          await recordAudit(tx, {
            actorId: actor.id,
            ip: actor.ip,
            action: 'theme.renamed',
            subjectType: 'theme',
            subjectId: id,
            details: { slug: theme.slug, nameBefore: theme.name, name, cases: caseIds.length },
          });
          return caseIds.length;
        }),
      ),
    );
    if (affected) this.afterCommit();
  }

  /**
   * Merges a theme into another: its cases and meetings get the other theme (no duplicates),
   * then it is deleted. Returns the number of cases moved.
   */
  async merge(id: number, intoId: number, actor: Actor): Promise<{ into: ThemeRef; cases: number }> {
    if (id === intoId) {
      const message = 'Een thema kan niet in zichzelf opgaan. Kies een ander thema.';
      throw badRequest(message, { errors: { into: message } });
    }
    const result = await this.changingThemes(() =>
      this.dataSource.transaction(async (tx) => {
        // Lock in id order, so two opposite merges cannot deadlock.
        const [first, second] = id < intoId ? [id, intoId] : [intoId, id];
        const a = await lockTheme(tx, first);
        const b = await lockTheme(tx, second);
        const source = id < intoId ? a : b;
        const into = id < intoId ? b : a;
        if (!source) throw notFound('Dit thema bestaat niet (meer).');
        if (!into) {
          const message = 'Kies een bestaand thema.';
          throw badRequest(message, { errors: { into: message } });
        }
        const caseIds = await casesWithTheme(tx, id);
        await tx.query(
          `INSERT INTO case_themes (case_id, theme_id) SELECT case_id, $2 FROM case_themes WHERE theme_id = $1 ON CONFLICT DO NOTHING`,
          [id, intoId],
        );
        await tx.query(`DELETE FROM case_themes WHERE theme_id = $1`, [id]);
        await tx.query(
          `INSERT INTO meeting_themes (meeting_id, theme_id) SELECT meeting_id, $2 FROM meeting_themes WHERE theme_id = $1 ON CONFLICT DO NOTHING`,
          [id, intoId],
        );
        await tx.query(`DELETE FROM meeting_themes WHERE theme_id = $1`, [id]);
        await tx.query(`DELETE FROM themes WHERE id = $1`, [id]);
        await enqueueSearchUpdate(tx, caseIds, 'theme.renamed');
        await recordAudit(tx, {
          actorId: actor.id,
          ip: actor.ip,
          action: 'theme.merged',
          subjectType: 'theme',
          subjectId: intoId,
          details: {
            from: { id, slug: source.slug, name: source.name },
            into: { id: intoId, slug: into.slug, name: into.name },
            cases: caseIds.length,
          },
        });
        return { into, cases: caseIds.length };
      }),
    );
    if (result.cases) this.afterCommit();
    return result;
  }

  /** A write to the themes: the cached theme list is forgotten once it has ended (committed or not). */
  private async changingThemes<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      forgetThemeOptions(this.dataSource);
    }
  }
}

async function lockTheme(tx: EntityManager, id: number): Promise<ThemeRef | null> {
  const [row] = await tx.query(`SELECT id, slug, name FROM themes WHERE id = $1 FOR UPDATE`, [id]);
  return row ?? null;
}

async function casesWithTheme(tx: EntityManager, themeId: number): Promise<number[]> {
  const rows: Array<{ case_id: number }> = await tx.query(
    `SELECT case_id FROM case_themes WHERE theme_id = $1 ORDER BY case_id`,
    [themeId],
  );
  return rows.map((r) => r.case_id);
}
