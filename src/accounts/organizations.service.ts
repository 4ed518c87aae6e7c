import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationKind } from '../domain';
import { enqueueSearchUpdate } from '../search/outbox';
import { conflict, notFound } from '../web/http-errors';
import { recordAudit, type Actor } from './audit';
import { forgetViewers } from './request-cache';
import { withUniqueName } from '../db/sql';

export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
}

const DUPLICATE = 'Er bestaat al een organisatie met deze naam.';

/** Organisation writes: each in one transaction with its audit event (and outbox rows on a rename). */
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /** Creates an organisation; a name that exists (any case) is a 409. */
  async create(input: OrganizationInput, actor: Actor): Promise<number> {
    return withUniqueName(DUPLICATE, () =>
      this.dataSource.transaction(async (tx) => {
        await this.assertNameFree(tx, input.name);
        const [row] = await tx.query(`INSERT INTO organizations (name, kind) VALUES ($1, $2) RETURNING id`, [
          input.name,
          input.kind,
        ]);
        await recordAudit(tx, {
          actorId: actor.id,
          ip: actor.ip,
          action: 'organization.created',
          subjectType: 'organization',
          subjectId: row.id,
          details: { name: input.name, kind: input.kind },
        });
        return row.id as number;
      }),
    );
  }

  /** Renames and/or changes the kind; the organisation's cases are re-indexed (name and kind are in their documents). */
  async update(id: number, input: OrganizationInput, actor: Actor): Promise<void> {
    const changed = await withUniqueName(DUPLICATE, () =>
      this.dataSource.transaction(async (tx) => {
        const [before] = await tx.query(`SELECT name, kind FROM organizations WHERE id = $1 FOR UPDATE`, [
          id,
        ]);
        if (!before) throw notFound('Deze organisatie bestaat niet.');
        if (before.name === input.name && before.kind === input.kind) return false;
        await this.assertNameFree(tx, input.name, id);
        await tx.query(`UPDATE organizations SET name = $2, kind = $3, updated_at = now() WHERE id = $1`, [
          id,
          input.name,
          input.kind,
        ]);
        const cases: Array<{ id: number }> = await tx.query(
          `SELECT id FROM cases WHERE organization_id = $1`,
          [id],
        );
        await enqueueSearchUpdate(
          tx,
          cases.map((c) => c.id),
          'organization.renamed',
        );
        await recordAudit(tx, {
          actorId: actor.id,
          ip: actor.ip,
          action: 'organization.updated',
          subjectType: 'organization',
          subjectId: id,
          details: { nameBefore: before.name, name: input.name, kindBefore: before.kind, kind: input.kind },
        });
        return cases.length > 0;
      }),
    );
    // The viewers of its members carry the organisation's name.
    forgetViewers(this.dataSource);
    if (changed) this.afterCommit();
  }

  private async assertNameFree(tx: EntityManager, name: string, exceptId: number | null = null) {
    const [taken] = await tx.query(
      `SELECT id FROM organizations WHERE lower(name) = lower($1) AND ($2::int IS NULL OR id <> $2)`,
      [name, exceptId],
    );
    if (taken) throw conflict(DUPLICATE, { field: 'name' });
  }
}
