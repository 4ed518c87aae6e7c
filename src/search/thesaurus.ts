import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../accounts/admin.queries';
import { recordAudit } from '../accounts/audit';
import type { Actor } from '../accounts/audit';
import type { ThesaurusKind } from '../domain';
import { badRequest, conflict, notFound } from '../web/http-errors';
import { fieldErrors } from '../web/validation';
import {
  normalizeTerm,
  thesaurusGroupInput,
  type ThesaurusGroupInput,
  type ThesaurusGroupValues,
} from './thesaurus.schemas';

export const THESAURUS_PER_PAGE = 50;

export interface ThesaurusGroupRow {
  id: number;
  kind: ThesaurusKind;
  terms: string[];
  note: string;
  createdAt: Date;
  createdByName: string | null;
  updatedAt: Date;
  updatedByName: string | null;
}

export interface ThesaurusFilter {
  /** Part of a term (normalised before matching: 'GGZ' finds 'ggz-instelling'). */
  q?: string;
  kind?: ThesaurusKind;
  page?: number;
  perPage?: number;
}

export interface ThesaurusPage {
  rows: ThesaurusGroupRow[];
  /** Groups matching the filter. */
  total: number;
  /** Groups in the whole thesaurus. */
  all: number;
  page: number;
  pages: number;
}

const NOT_FOUND = 'Deze thesaurusgroep bestaat niet (meer).';
const SAME_GROUP = (id: number) =>
  `Er bestaat al een groep met precies deze woorden (groep ${id}). Pas die groep aan in plaats van een tweede te maken.`;

const ROW_SELECT = `SELECT g.id, g.kind, g.terms, g.note, g.created_at AS "createdAt", cu.name AS "createdByName",
            g.updated_at AS "updatedAt", uu.name AS "updatedByName"
       FROM thesaurus_groups g
       LEFT JOIN users cu ON cu.id = g.created_by_id
       LEFT JOIN users uu ON uu.id = g.updated_by_id`;

/**
 * The thesaurus the kerngroep manages: groups of terms (synonyms, abbreviations, spelling
 * variants) search treats as one. Reads the groups once and keeps them in memory until a change
 * made through this instance; every write is validated, audited and done in one transaction.
 * Listeners (onChange) run after the commit, e.g. to re-index or update Meilisearch's synonyms.
 */
export class Thesaurus {
  private cached: Promise<string[][]> | undefined;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger?: { error(obj: unknown, msg?: string): void },
  ) {}

  /** Every group's normalised terms, in id order (from memory after the first call). */
  groups(): Promise<string[][]> {
    this.cached ??= this.dataSource
      .query(`SELECT terms FROM thesaurus_groups ORDER BY id`)
      .then((rows: Array<{ terms: string[] }>) => rows.map((r) => r.terms))
      .catch((error: unknown) => {
        this.cached = undefined; // a failed read is not remembered
        throw error;
      });
    return this.cached;
  }

  /** Forgets the groups in memory (for a change made elsewhere, e.g. by another process). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Calls the listener after every committed change made through this instance. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Groups for the Beheer page: filtered on part of a term and a kind, by first term, paged. */
  async list(filter: ThesaurusFilter = {}): Promise<ThesaurusPage> {
    const perPage = filter.perPage ?? THESAURUS_PER_PAGE;
    const page = Math.max(1, filter.page ?? 1);
    const q = filter.q ? normalizeTerm(filter.q) : '';
    const params = [q ? `%${escapeLike(q)}%` : null, filter.kind ?? null];
    const where = `($1::text IS NULL OR EXISTS (SELECT 1 FROM unnest(g.terms) t WHERE t LIKE $1 ESCAPE '\\'))
       AND ($2::text IS NULL OR g.kind = $2)`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(`${ROW_SELECT} WHERE ${where} ORDER BY g.terms[1], g.id LIMIT $3 OFFSET $4`, [
        ...params,
        perPage,
        (page - 1) * perPage,
      ]),
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*)::int AS "all" FROM thesaurus_groups g`,
        params,
      ),
    ]);
    return {
      rows,
      total: count.total,
      all: count.all,
      page,
      pages: Math.max(1, Math.ceil(count.total / perPage)),
    };
  }

  /** One group, or null. */
  async find(id: number): Promise<ThesaurusGroupRow | null> {
    const [row] = await this.dataSource.query(`${ROW_SELECT} WHERE g.id = $1`, [id]);
    return row ?? null;
  }

  /** Adds a group; returns its id. */
  async create(input: ThesaurusGroupInput, actor: Actor): Promise<number> {
    const group = parse(input);
    const id = await this.dataSource.transaction(async (tx) => {
      await refuseSameGroup(tx, group.terms);
      const [row] = await tx.query(
        `INSERT INTO thesaurus_groups (kind, terms, note, created_by_id, updated_by_id)
         VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [group.kind, group.terms, group.note, actor.id],
      );
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'thesaurus.created',
        subjectType: 'thesaurus_group',
        subjectId: row.id,
        details: { ...group },
      });
      return row.id as number;
    });
    this.changed();
    return id;
  }

  /** Changes a group's kind, terms and note; returns false when nothing changed (nothing written). */
  async update(id: number, input: ThesaurusGroupInput, actor: Actor): Promise<boolean> {
    const group = parse(input);
    const changed = await this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query(
        `SELECT kind, terms, note FROM thesaurus_groups WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw notFound(NOT_FOUND);
      if (
        before.kind === group.kind &&
        before.note === group.note &&
        JSON.stringify(before.terms) === JSON.stringify(group.terms)
      )
        return false;
      await refuseSameGroup(tx, group.terms, id);
      await tx.query(
        `UPDATE thesaurus_groups SET kind = $2, terms = $3, note = $4, updated_at = now(), updated_by_id = $5
          WHERE id = $1`,
        [id, group.kind, group.terms, group.note, actor.id],
      );
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'thesaurus.updated',
        subjectType: 'thesaurus_group',
        subjectId: id,
        details: { before: { kind: before.kind, terms: before.terms, note: before.note }, after: group },
      });
      return true;
    });
    if (changed) this.changed();
    return changed;
  }

  /** Deletes a group; the audit event keeps what it held. */
  async remove(id: number, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [removed] = await tx.query(
        `SELECT kind, terms, note FROM thesaurus_groups WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!removed) throw notFound(NOT_FOUND);
      await tx.query(`DELETE FROM thesaurus_groups WHERE id = $1`, [id]);
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'thesaurus.deleted',
        subjectType: 'thesaurus_group',
        subjectId: id,
        details: { kind: removed.kind, terms: removed.terms, note: removed.note },
      });
    });
    this.changed();
  }

  /** After a commit: the next groups() reads again, then every listener hears of it. */
  private changed(): void {
    this.cached = undefined;
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        // The change is committed; a failing listener must not turn it into an error page.
        this.logger?.error({ err: error }, 'thesaurus listener failed');
      }
    }
  }
}

/** The service's own check of every write (the page parsed the form with the same rules). */
function parse(input: ThesaurusGroupInput): ThesaurusGroupValues {
  const parsed = thesaurusGroupInput.safeParse(input);
  if (!parsed.success) throw badRequest('De groep is niet in orde.', { errors: fieldErrors(parsed.error) });
  return parsed.data;
}

/**
 * A second group with exactly the same terms (in any order) adds nothing: refuse it. Writes that
 * check take a table lock first (readers are not blocked), so two at once cannot both pass.
 */
async function refuseSameGroup(tx: EntityManager, terms: string[], exceptId?: number): Promise<void> {
  await tx.query(`LOCK TABLE thesaurus_groups IN SHARE ROW EXCLUSIVE MODE`);
  const [same] = await tx.query(
    `SELECT id FROM thesaurus_groups
      WHERE terms @> $1::text[] AND terms <@ $1::text[] AND ($2::int IS NULL OR id <> $2) LIMIT 1`,
    [terms, exceptId ?? null],
  );
  if (same) throw conflict(SAME_GROUP(same.id), { field: 'terms' });
}
