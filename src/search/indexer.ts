import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { rowsOf } from '../accounts/login.service';
import type { CaseSearch } from './case-search';
import { buildSearchDocuments, type SearchDocument } from './search-document';

const BATCH = 200;
const LEASE_SECONDS = 30;
const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Drains search_outbox into the search engines, in order and idempotently (documents are
 * rebuilt from the database, so applying an entry twice is harmless). One process at a time
 * holds a lease; while an engine fails, entries stay and retries back off exponentially.
 */
export class SearchIndexer {
  private readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private retryAt = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    /** Every engine to keep in step; the first is the PostgreSQL mirror when Meilisearch is primary. */
    private readonly targets: CaseSearch[],
    private readonly logger?: Logger,
  ) {}

  /** Starts draining now and polls for entries written by other processes (CLI, other app instances). */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Drain as soon as possible (called right after a commit that wrote outbox rows). */
  kick(): void {
    if (this.stopped) return;
    if (Date.now() < this.retryAt) return; // backing off: the retry timer is set
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the outbox has been drained completely (tests and the benchmark wait on it). */
  async whenIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.running) await this.running;
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
      if (n === 0 && !this.running) return;
      if (!this.running && Date.now() >= this.retryAt) this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('search outbox not drained in time');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await this.running.catch(() => undefined);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      if (!(await this.takeLease())) return this.schedule(POLL_MS);
      for (;;) {
        const rows: Array<{ id: string; case_id: number }> = await this.dataSource.query(
          `SELECT id, case_id FROM search_outbox ORDER BY id LIMIT $1`,
          [BATCH],
        );
        if (rows.length === 0) break;
        const caseIds = [...new Set(rows.map((r) => r.case_id))];
        await this.apply(caseIds, await buildSearchDocuments(this.dataSource.manager, caseIds));
        await this.dataSource.query(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
        await this.takeLease();
      }
      if (this.failures) this.logger?.info({ afterFailures: this.failures }, 'search index caught up');
      this.failures = 0;
      this.retryAt = 0;
      this.schedule(POLL_MS);
    } catch (error) {
      this.failures++;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (this.failures - 1));
      this.retryAt = Date.now() + delay;
      this.logger?.warn({ err: error, retryInMs: delay, failures: this.failures }, 'search indexing failed; retrying');
      await this.recordFailure(error).catch(() => undefined);
      this.schedule(delay);
    }
  }

  /** Upserts the documents that exist and removes the ones whose case is gone, in every engine. */
  async apply(caseIds: number[], docs: SearchDocument[]): Promise<void> {
    const present = new Set(docs.map((d) => d.id));
    const gone = caseIds.filter((id) => !present.has(id));
    for (const target of this.targets) {
      await target.upsert(docs);
      await target.remove(gone);
    }
  }

  private async takeLease(): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE search_indexer_lease SET holder = $1, until = now() + make_interval(secs => $2)
          WHERE id = 1 AND (until < now() OR holder = $1) RETURNING holder`,
        [this.holder, LEASE_SECONDS],
      ),
    );
    return rows.length > 0;
  }

  private async recordFailure(error: unknown) {
    await this.dataSource.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($1, 1000)
        WHERE id IN (SELECT id FROM search_outbox ORDER BY id LIMIT $2)`,
      [(error as Error)?.message ?? String(error), BATCH],
    );
  }
}

/**
 * Rebuilds every engine from PostgreSQL. Meilisearch builds a fresh index and swaps it in;
 * PostgreSQL upserts in place and drops documents of deleted cases, so search keeps answering.
 */
export async function reindexAll(dataSource: DataSource, targets: CaseSearch[], onProgress?: (done: number) => void) {
  const [{ max }] = await dataSource.query(`SELECT coalesce(max(id), 0)::text AS max FROM search_outbox`);
  const ids: number[] = (await dataSource.query(`SELECT id FROM cases ORDER BY id`)).map((r: { id: number }) => r.id);
  async function* batches() {
    for (let i = 0; i < ids.length; i += BATCH) {
      yield await buildSearchDocuments(dataSource.manager, ids.slice(i, i + BATCH));
      onProgress?.(Math.min(ids.length, i + BATCH));
    }
  }
  for (const target of targets) {
    if (target.rebuild) {
      await target.rebuild(batches());
    } else {
      for await (const docs of batches()) await target.upsert(docs);
      const stale: number[] = (
        await dataSource.query(`SELECT case_id FROM search_documents WHERE case_id <> ALL($1::int[])`, [ids])
      ).map((r: { case_id: number }) => r.case_id);
      await target.remove(stale);
      await target.finishRebuild?.();
    }
  }
  // Everything enqueued before the rebuild started is now in the index.
  await dataSource.query(`DELETE FROM search_outbox WHERE id <= $1::bigint`, [max]);
  return ids.length;
}
