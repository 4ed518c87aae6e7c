import express from 'express';
import type { AppContext } from './app-deps';
import { outboxBacklog } from '../search/outbox';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: geen antwoord binnen ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/** /healthz: the process answers. /readyz: database and search answer, with the search backlog. */
export function healthRoutes(deps: AppContext) {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, { ok: boolean; error?: string; [k: string]: unknown }> = {};
    try {
      await withTimeout(deps.db.dataSource.query('SELECT 1'), 2000, 'database');
      checks.database = { ok: true, mode: deps.db.mode };
    } catch (error) {
      checks.database = { ok: false, mode: deps.db.mode, error: (error as Error).message };
    }
    try {
      await withTimeout(deps.search.health(), 2000, 'search');
      // While the embedded index is rebuilt, PostgreSQL answers searches: ready, and said so.
      checks.search = { ok: true, engine: deps.search.engine, ...deps.search.state?.() };
      // A rebuild under this process's indexer: how far, how fast, how long still.
      const rebuild = deps.indexer?.rebuild?.snapshot();
      if (rebuild) checks.search.progress = rebuild;
    } catch (error) {
      checks.search = { ok: false, engine: deps.search.engine, error: (error as Error).message };
    }
    if (checks.database.ok) {
      try {
        const backlog = await withTimeout(outboxBacklog(deps.db.dataSource), 2000, 'outbox');
        checks.searchBacklog = { ok: true, ...backlog };
      } catch (error) {
        checks.searchBacklog = { ok: false, error: (error as Error).message };
      }
    }
    const ready = checks.database.ok && checks.search.ok;
    res
      .set('Cache-Control', 'no-store')
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  return router;
}
