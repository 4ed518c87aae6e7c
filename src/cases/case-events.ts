import type { EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { enqueueSearchUpdate } from '../search/outbox';

/**
 * Something happened around a case that its search document shows (a reflection, a reaction, a
 * presentation): queued for the search engines and recorded in the audit log, both inside the
 * caller's transaction, under the same action name.
 */
export async function recordCaseEvent(
  m: EntityManager,
  event: { caseId: number; action: string; actorId: number | null; details?: Record<string, unknown> },
): Promise<void> {
  await enqueueSearchUpdate(m, [event.caseId], event.action);
  await recordAudit(m, {
    actorId: event.actorId,
    action: event.action,
    subjectType: 'case',
    subjectId: event.caseId,
    details: event.details,
  });
}
