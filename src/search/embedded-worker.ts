import { parentPort, workerData } from 'node:worker_threads';
import type { ThesaurusIndex } from './embedded-query';
import { EmbeddedCaseSearch, SearchIndexNotReady } from './embedded-search';
import { buildThesaurusIndex } from './thesaurus-index';

/** What the main thread sends to the search worker. */
export type WorkerRequest =
  { id: number; call: WorkerMethod; args: unknown[] } | { id: number; thesaurus: string[][] };
export type WorkerMethod =
  | 'health'
  | 'upsert'
  | 'remove'
  | 'search'
  | 'related'
  | 'reset'
  | 'documentCount'
  | 'markReady'
  | 'startRebuild'
  | 'endRebuild'
  | 'close';
/** What it answers: the result (or the error), with the engine's state for /readyz. */
export type WorkerReply =
  | {
      id: number;
      ok: true;
      result: unknown;
      state: { documents: number; rebuilding: boolean; loading?: boolean };
    }
  | { id: number; ok: false; error: { name: string; message: string } }
  | { log: 'warn' | 'info'; obj: unknown; msg: string };

/**
 * The search worker's entry: the embedded engine (SQLite and its metadata in memory) runs on its
 * own thread, so a search never holds the event loop that answers every other request.
 */
if (parentPort) {
  const port = parentPort;
  let thesaurus: ThesaurusIndex | null = null;
  const engine = new EmbeddedCaseSearch({
    file: (workerData as { file: string }).file,
    logger: {
      warn: (obj: unknown, msg?: string) => port.postMessage({ log: 'warn', obj, msg: msg ?? '' }),
      info: (obj: unknown, msg?: string) => port.postMessage({ log: 'info', obj, msg: msg ?? '' }),
    } as never,
    thesaurus: async () => thesaurus,
    loadInBackground: true,
  });
  port.on('message', async (request: WorkerRequest) => {
    try {
      let result: unknown;
      if ('thesaurus' in request) thesaurus = buildThesaurusIndex(request.thesaurus);
      else result = await (engine[request.call] as (...args: unknown[]) => unknown)(...request.args);
      port.postMessage({ id: request.id, ok: true, result, state: engine.state() } satisfies WorkerReply);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({
        id: request.id,
        ok: false,
        error: {
          name: e instanceof SearchIndexNotReady ? 'SearchIndexNotReady' : e.name,
          message: e.message,
        },
      } satisfies WorkerReply);
    }
  });
}
