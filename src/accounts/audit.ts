import type { EntityManager } from 'typeorm';

/** Who made a change: a member (with the request's address) or the system (id null). */
export interface Actor {
  id: number | null;
  ip?: string;
}

export interface AuditEntry {
  actorId?: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Records who did what, inside the caller's transaction when there is one. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (actor_id, action, subject_type, subject_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorId ?? null,
      entry.action,
      entry.subjectType ?? null,
      entry.subjectId === undefined ? null : String(entry.subjectId),
      entry.ip ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
