import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/**
 * PGlite runs PostgreSQL in single-user mode, without autovacuum (checked: 100,000 dead rows
 * were still there after two naptimes). These tables are rewritten all day: a rolling session
 * is updated on every request, outbox rows come and go with every edit, the generation and lease
 * rows change on every index write. Small tables, so vacuuming them takes milliseconds.
 */
export const CHURNED_TABLES = ['sessions', 'search_outbox', 'search_generation', 'search_indexer_lease'];

/** Reclaims dead rows of the churned tables and refreshes their planner statistics. */
export async function vacuumChurnedTables(dataSource: DataSource): Promise<void> {
  await dataSource.query(`VACUUM (ANALYZE) ${CHURNED_TABLES.join(', ')}`);
}

/**
 * Embedded only, at start: the search indexer's lease can only be held by a process that had
 * this DATA_DIR, and this process now holds the DATA_DIR lock, so any lease left is a dead
 * process's (kill -9). Expired now, so a saved change need not wait out its 30 seconds.
 */
export async function releaseDeadIndexerLease(dataSource: DataSource): Promise<boolean> {
  const rows: Array<{ id: number }> = await dataSource.query(
    `UPDATE search_indexer_lease SET until = now() - interval '1 second' WHERE until > now() RETURNING id`,
  );
  const list = Array.isArray(rows[0]) ? (rows[0] as unknown as Array<{ id: number }>) : rows;
  return list.length > 0;
}

/**
 * VACUUM (ANALYZE) of the whole database (the CLI's `vacuum`), table by table so it can say how
 * far it is: every table and materialised view of this database, the system catalogs included
 * (what a plain VACUUM covers). Database size before and after.
 */
export async function vacuumDatabase(
  dataSource: DataSource,
  onProgress?: (done: number, total: number) => void,
): Promise<{ beforeBytes: number; afterBytes: number; tables: number }> {
  const size = async () =>
    Number((await dataSource.query(`SELECT pg_database_size(current_database()) AS n`))[0].n);
  const beforeBytes = await size();
  // Largest first: the time left is then estimated from the slow part, not the many tiny ones.
  const tables: Array<{ name: string }> = await dataSource.query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg_temp%'
        AND n.nspname NOT LIKE 'pg_toast%' AND pg_has_role(c.relowner, 'USAGE')
      ORDER BY pg_total_relation_size(c.oid) DESC, 1`,
  );
  onProgress?.(0, tables.length);
  for (const [i, t] of tables.entries()) {
    await dataSource.query(`VACUUM (ANALYZE) ${t.name}`);
    onProgress?.(i + 1, tables.length);
  }
  return { beforeBytes, afterBytes: await size(), tables: tables.length };
}

const EVERY_MS = 60 * 60 * 1000;
const FIRST_AFTER_MS = 60 * 1000;

/** Embedded database only (a PostgreSQL server has autovacuum): vacuum the churned tables hourly. */
export function startEmbeddedMaintenance(dataSource: DataSource, logger: Logger): () => void {
  const run = () =>
    vacuumChurnedTables(dataSource).catch((error) =>
      logger.warn({ err: error }, 'vacuum of the embedded database failed; next try in an hour'),
    );
  const first = setTimeout(run, FIRST_AFTER_MS);
  const every = setInterval(run, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
