import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { rowsOf } from '../db/sql';
import { ProgressTracker } from '../progress/progress';
import type { CaseSearch } from './case-search';
import { buildSearchDocuments, type SearchDocument } from './search-document';

const BATCH = 200;
/**
 * The lease is short and renewed between batches (at half its length): after a process dies
 * (kill -9) on a server, another takes over within LEASE_SECONDS plus one poll. A batch that takes
 * longer than the lease may be applied twice; applying is idempotent.
 */
export const LEASE_SECONDS = 10;
const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;
/** How long a rebuild waits for another process's indexer to let go of the lease. */
const LEASE_WAIT_MS = LEASE_SECONDS * 1000 + 5_000;

/** Retry state of one engine: an engine that fails backs off alone; the others keep applying. */
interface EngineState {
  target: CaseSearch;
  failures: number;
  retryAt: number;
}

/**
 * Drains search_outbox into the search engines, in order and idempotently (documents are
 * rebuilt from the database, so applying an entry twice is harmless). One process at a time
 * holds a lease. Progress is kept per engine (search_outbox.applied_to): while one engine fails
 * and backs off exponentially, the others keep up, and an entry is deleted only once every
 * engine has applied it, so the failing engine still gets every update when it is back.
 */
export class SearchIndexer {
  private readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Set while a rebuild runs under this indexer's lease: drains wait until it is done. */
  private paused = 0;
  /** performance.now() after which the lease must be renewed before more work. */
  private leaseRenewAt = 0;
  private readonly engines: EngineState[];
  /** The rebuild running under this indexer (reindexAll), for /readyz and the Beheer page. */
  rebuild: ProgressTracker | null = null;

  constructor(
    private readonly dataSource: DataSource,
    /** Every engine to keep in step; the first is the PostgreSQL mirror when Meilisearch is primary. */
    targets: CaseSearch[],
    private readonly logger?: Logger,
  ) {
    const names = targets.map((t) => t.engine);
    if (new Set(names).size !== names.length)
      throw new Error(`search engines must differ: ${names.join(', ')}`);
    this.engines = targets.map((target) => ({ target, failures: 0, retryAt: 0 }));
  }

  /** The engine names, as recorded in search_outbox.applied_to. */
  get engineNames(): string[] {
    return this.engines.map((e) => e.target.engine);
  }

  /** Starts draining now and polls for entries written by other processes (CLI, other app instances). */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  private readonly drained: Array<() => void> = [];

  /** Called after every pass over the outbox (the notification job then looks at new publications). */
  onApplied(listener: () => void): void {
    this.drained.push(listener);
  }

  /** Drain as soon as possible (called right after a commit that wrote outbox rows). */
  kick(): void {
    if (this.stopped) return;
    if (this.running || this.paused) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      for (const listener of this.drained) listener();
      if (this.again && !this.stopped && !this.paused) {
        this.again = false;
        this.kick();
      }
    });
  }

  /**
   * Resolves when the outbox has been drained completely, or, given an engine, when that engine
   * has applied every entry (tests and the benchmark wait on it).
   */
  async whenIdle(timeoutMs = 30_000, engine?: CaseSearch['engine']): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.running) await this.running;
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM search_outbox WHERE $1::text IS NULL OR NOT ($1::text = ANY(applied_to))`,
        [engine ?? null],
      );
      if (n === 0 && !this.running) return;
      if (!this.running) this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('search outbox not drained in time');
  }

  /**
   * Runs `work` (a rebuild) holding the indexer lease, so no indexer, in this process or another,
   * applies outbox entries meanwhile: Meilisearch's swap would throw their changes away with the
   * old index, and their entries would be gone. Entries written during the rebuild wait and are
   * applied afterwards. `keep()` renews the lease and throws when it was lost (call it between
   * batches, before anything irreversible). Waits up to LEASE_WAIT_MS for another holder.
   */
  async exclusive<T>(work: (keep: () => Promise<void>) => Promise<T>): Promise<T> {
    this.paused++;
    try {
      if (this.running) await this.running.catch(() => undefined);
      const deadline = Date.now() + LEASE_WAIT_MS;
      while (!(await this.holdLease(true))) {
        if (Date.now() > deadline)
          throw new Error(
            'de zoekindexer van een ander proces is bezig (indexer-lease bezet); probeer het over een minuut opnieuw',
          );
        await new Promise((r) => setTimeout(r, 250));
      }
      const keep = async () => {
        if (!(await this.holdLease()))
          throw new Error('indexer-lease verloren tijdens het herbouwen; niets gewisseld');
      };
      const renew = setInterval(
        () => void this.holdLease(true).catch(() => undefined),
        (LEASE_SECONDS * 1000) / 3,
      );
      renew.unref();
      try {
        return await work(keep);
      } finally {
        clearInterval(renew);
        // Let go at once, so the indexer of another process applies what waited without a 30 s pause.
        this.leaseRenewAt = 0;
        await this.dataSource
          .query(`UPDATE search_indexer_lease SET until = now() WHERE id = 1 AND holder = $1`, [this.holder])
          .catch(() => undefined);
      }
    } finally {
      this.paused--;
      if (!this.paused && this.again) {
        this.again = false;
        this.kick();
      }
    }
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
    if (this.paused) return;
    try {
      if (!(await this.holdLease())) return this.schedule(POLL_MS);
      for (;;) {
        // Engines backing off sit this round out; their entries wait for them.
        const active = this.engines.filter((e) => Date.now() >= e.retryAt);
        if (active.length === 0) break;
        const rows: Array<{ id: string; case_id: number; applied_to: string[] }> =
          await this.dataSource.query(
            `SELECT id, case_id, applied_to FROM search_outbox WHERE NOT (applied_to @> $1::text[]) ORDER BY id LIMIT $2`,
            [active.map((e) => e.target.engine), BATCH],
          );
        if (rows.length === 0) break;
        const docs = await buildSearchDocuments(this.dataSource.manager, [
          ...new Set(rows.map((r) => r.case_id)),
        ]);
        const succeeded: string[] = [];
        for (const state of active) {
          const engine = state.target.engine;
          const pending = rows.filter((r) => !r.applied_to.includes(engine));
          if (pending.length === 0) continue;
          const caseIds = [...new Set(pending.map((r) => r.case_id))];
          try {
            await applyTo(state.target, caseIds, docs);
          } catch (error) {
            await this.failed(state, error, pending);
            continue;
          }
          if (state.failures)
            this.logger?.info({ engine, afterFailures: state.failures }, 'search index caught up');
          state.failures = 0;
          state.retryAt = 0;
          succeeded.push(engine);
        }
        await this.settle(rows, succeeded);
        // Fewer than a batch: the outbox was drained (a commit meanwhile kicks again).
        if (rows.length < BATCH) break;
        await this.holdLease();
        // PGlite runs queries on this thread: let waiting requests in between batches.
        await new Promise((r) => setImmediate(r));
      }
      const waiting = this.engines.filter((e) => e.retryAt > Date.now());
      this.schedule(
        waiting.length ? Math.max(10, Math.min(...waiting.map((e) => e.retryAt)) - Date.now()) : POLL_MS,
      );
    } catch (error) {
      // The database itself failed (or the documents could not be built): every engine waits.
      this.leaseRenewAt = 0;
      for (const state of this.engines) await this.failed(state, error, []);
      this.schedule(Math.max(10, Math.min(...this.engines.map((e) => e.retryAt)) - Date.now()));
    }
  }

  /** Backs this engine off and notes the error on its entries (best effort: the database may be the problem). */
  private async failed(state: EngineState, error: unknown, rows: Array<{ id: string }>): Promise<void> {
    state.failures++;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (state.failures - 1));
    state.retryAt = Date.now() + delay;
    this.logger?.warn(
      { err: error, engine: state.target.engine, retryInMs: delay, failures: state.failures },
      'search indexing failed; retrying',
    );
    if (rows.length === 0) return;
    await this.dataSource
      .query(
        `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($1, 1000) WHERE id = ANY($2::bigint[])`,
        [`${state.target.engine}: ${(error as Error)?.message ?? String(error)}`, rows.map((r) => r.id)],
      )
      .catch(() => undefined);
  }

  /**
   * Records what the engines applied: entries every engine has now applied are deleted, the others
   * remember which engines are done. One statement in the usual case: under load on PGlite every
   * statement waits its turn behind the searches, and each one adds to the time until a saved
   * case is findable.
   */
  private async settle(
    rows: Array<{ id: string; applied_to: string[] }>,
    succeeded: string[],
  ): Promise<void> {
    if (succeeded.length === 0) return;
    const done = rows.filter((r) =>
      this.engineNames.every((e) => r.applied_to.includes(e) || succeeded.includes(e)),
    );
    const doneIds = new Set(done.map((r) => r.id));
    const partly = rows.filter((r) => !doneIds.has(r.id) && succeeded.some((e) => !r.applied_to.includes(e)));
    if (done.length)
      await this.dataSource.query(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, [[...doneIds]]);
    if (partly.length)
      await this.dataSource.query(
        `UPDATE search_outbox SET applied_to = ARRAY(SELECT DISTINCT e FROM unnest(applied_to || $1::text[]) AS e ORDER BY e)
          WHERE id = ANY($2::bigint[])`,
        [succeeded, partly.map((r) => r.id)],
      );
  }

  /** The lease, renewed only when less than half of it is left (a renewal is a statement too). */
  private async holdLease(force = false): Promise<boolean> {
    if (!force && performance.now() < this.leaseRenewAt) return true;
    const asked = performance.now();
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE search_indexer_lease SET holder = $1, until = now() + make_interval(secs => $2)
          WHERE id = 1 AND (until < now() OR holder = $1) RETURNING holder`,
        [this.holder, LEASE_SECONDS],
      ),
    );
    this.leaseRenewAt = rows.length > 0 ? asked + (LEASE_SECONDS * 1000) / 2 : 0;
    return rows.length > 0;
  }
}

/** One engine: upsert these cases' documents, remove those whose case is gone. */
async function applyTo(target: CaseSearch, caseIds: number[], docs: SearchDocument[]): Promise<void> {
  const wanted = new Set(caseIds);
  const mine = docs.filter((d) => wanted.has(d.id));
  const present = new Set(mine.map((d) => d.id));
  await target.upsert(mine);
  await target.remove(caseIds.filter((id) => !present.has(id)));
}

/**
 * Rebuilds engines from PostgreSQL. Meilisearch builds a fresh index and swaps it in;
 * PostgreSQL upserts in place and drops documents of deleted cases, so search keeps answering.
 * Runs holding the indexer lease: edits made meanwhile wait in the outbox and are applied
 * after the swap, never to the old index that the swap discards.
 * `allEngines` names every engine the outbox serves (default: the rebuilt ones); entries are
 * deleted only once all of them have applied them.
 */
export async function reindexAll(
  dataSource: DataSource,
  targets: CaseSearch[],
  onProgress?: (done: number, total: number, engine: CaseSearch['engine']) => void,
  options: {
    allEngines?: string[];
    /** The process's own indexer (paused meanwhile); without one the lease is taken by a holder of its own. */
    indexer?: SearchIndexer;
  } = {},
) {
  const runner = options.indexer ?? new SearchIndexer(dataSource, targets);
  // Where the rebuild stands, per engine, on the indexer that runs it (read by /readyz).
  const progress = (done: number, total: number, engine: CaseSearch['engine']) => {
    if (!runner.rebuild || !runner.rebuild.label.includes(`(${engine})`))
      runner.rebuild = new ProgressTracker(`zoekindex (${engine}) opnieuw opbouwen`, total, 'casussen');
    runner.rebuild.update(done, total);
    onProgress?.(done, total, engine);
  };
  try {
    return await runner.exclusive((keep) =>
      rebuildAll(dataSource, targets, keep, progress, options.allEngines),
    );
  } finally {
    runner.rebuild = null;
  }
}

async function rebuildAll(
  dataSource: DataSource,
  targets: CaseSearch[],
  keep: () => Promise<void>,
  onProgress: (done: number, total: number, engine: CaseSearch['engine']) => void,
  allEngines: string[] | undefined,
) {
  // The outbox entries that exist now, read before any case is: their changes are committed, so
  // the rebuild below reads them. Only these are settled afterwards. "Every id up to the highest
  // seen" would be wrong: identity values are taken at insert but become visible at commit, so a
  // transaction can hold a lower id than one already visible and commit later, after this read,
  // with a change the rebuild may have missed; its entry must stay for the indexer.
  const settled: string[] = (await dataSource.query(`SELECT id::text FROM search_outbox ORDER BY id`)).map(
    (r: { id: string }) => r.id,
  );
  const ids: number[] = (await dataSource.query(`SELECT id FROM cases ORDER BY id`)).map(
    (r: { id: number }) => r.id,
  );
  async function* batches(engine: CaseSearch['engine']) {
    onProgress(0, ids.length, engine);
    for (let i = 0; i < ids.length; i += BATCH) {
      await keep();
      yield await buildSearchDocuments(dataSource.manager, ids.slice(i, i + BATCH));
      onProgress(Math.min(ids.length, i + BATCH), ids.length, engine);
    }
  }
  for (const target of targets) {
    if (target.rebuild) {
      await target.rebuild(batches(target.engine));
    } else {
      for await (const docs of batches(target.engine)) await target.upsert(docs);
      const stale: number[] = (
        await dataSource.query(`SELECT case_id FROM search_documents WHERE case_id <> ALL($1::int[])`, [ids])
      ).map((r: { case_id: number }) => r.case_id);
      await target.remove(stale);
      await target.finishRebuild?.();
    }
  }
  const rebuilt = targets.map((t) => t.engine);
  const all = allEngines ?? rebuilt;
  for (let i = 0; i < settled.length; i += 10_000) {
    const chunk = settled.slice(i, i + 10_000);
    await dataSource.query(
      `UPDATE search_outbox SET applied_to = ARRAY(SELECT DISTINCT e FROM unnest(applied_to || $2::text[]) AS e ORDER BY e)
        WHERE id = ANY($1::bigint[])`,
      [chunk, rebuilt],
    );
    await dataSource.query(
      `DELETE FROM search_outbox WHERE id = ANY($1::bigint[]) AND applied_to @> $2::text[]`,
      [chunk, all],
    );
  }
  return ids.length;
}
