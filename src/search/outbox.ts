import type { DataSource, EntityManager } from 'typeorm';

/** Enqueues a rebuild of these cases' search documents, inside the caller's transaction. */
export async function enqueueSearchUpdate(
  manager: EntityManager,
  caseIds: number[],
  reason = 'change',
): Promise<void> {
  if (caseIds.length === 0) return;
  await manager.query(`INSERT INTO search_outbox (case_id, reason) SELECT unnest($1::int[]), $2`, [
    caseIds,
    reason,
  ]);
}

/** Backlog size and the age of its oldest entry, for /readyz and the benchmark. */
export async function outboxBacklog(
  dataSource: DataSource,
): Promise<{ size: number; oldestAgeSeconds: number }> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS size, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age FROM search_outbox`,
  );
  return { size: row.size, oldestAgeSeconds: Math.round(row.age * 10) / 10 };
}
