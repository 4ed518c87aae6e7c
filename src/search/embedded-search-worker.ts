import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CaseSearch, RelatedQuery } from './case-search';
import { SearchIndexNotReady } from './embedded-search';
import type { WorkerMethod, WorkerReply, WorkerRequest } from './embedded-worker';
import type { SearchDocument } from './search-document';
import type { SearchQuery, SearchResult, SearchViewer } from './search-query';

/**
 * The embedded engine on a worker thread, behind the search port: the main thread only sends
 * messages, so the event loop that answers pages, the database and /healthz never waits for a
 * search (the engine's own work runs on the second core). One request at a time per message;
 * the worker answers them in order.
 */
export class EmbeddedSearchWorker implements CaseSearch {
  readonly engine = 'embedded' as const;
  private readonly worker: Worker;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private lastState: { documents: number; rebuilding: boolean; loading?: boolean } = {
    documents: 0,
    rebuilding: true,
  };
  private sentThesaurus: string[][] | null = null;

  constructor(
    private readonly options: {
      file: string;
      logger?: Logger;
      /** The kerngroep's thesaurus groups (the same array until it changes). */
      thesaurus?: () => Promise<string[][]>;
    },
  ) {
    const workerData = { file: options.file };
    if (path.extname(__filename) === '.ts') {
      // Tests and `npm run dev` run the TypeScript sources: register tsx in the worker first.
      const entry = path.join(__dirname, 'embedded-worker.ts');
      const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
      this.worker = new Worker(bootstrap, { eval: true, workerData });
    } else this.worker = new Worker(path.join(__dirname, 'embedded-worker.js'), { workerData });
    this.worker.on('message', (reply: WorkerReply) => this.answer(reply));
    this.worker.on('error', (error) => {
      options.logger?.error({ err: error }, 'search worker failed');
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    });
    this.worker.unref();
    // The engine's state (documents, rebuilding) for /readyz from the first answer on.
    void this.call('health').catch(() => undefined);
  }

  private answer(reply: WorkerReply) {
    if ('log' in reply) {
      this.options.logger?.[reply.log](reply.obj as object, reply.msg);
      return;
    }
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) {
      this.lastState = reply.state;
      waiting.resolve(reply.result);
    } else {
      const error =
        reply.error.name === 'SearchIndexNotReady'
          ? new SearchIndexNotReady()
          : new Error(reply.error.message);
      waiting.reject(error);
    }
  }

  private send<T>(message: Omit<WorkerRequest, 'id'>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private call<T>(call: WorkerMethod, ...args: unknown[]): Promise<T> {
    return this.send<T>({ call, args } as Omit<WorkerRequest, 'id'>);
  }

  /** The thesaurus goes to the worker when it changed (the groups array is kept until a change). */
  private async syncThesaurus() {
    const groups = (await this.options.thesaurus?.().catch(() => null)) ?? null;
    if (groups && groups !== this.sentThesaurus) {
      this.sentThesaurus = groups;
      await this.send({ thesaurus: groups } as Omit<WorkerRequest, 'id'>);
    }
  }

  health(): Promise<void> {
    return this.call('health');
  }
  upsert(docs: SearchDocument[]): Promise<void> {
    return this.call('upsert', docs);
  }
  remove(ids: number[]): Promise<void> {
    return this.call('remove', ids);
  }
  async search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult> {
    await this.syncThesaurus();
    return this.call('search', query, viewerFacts(viewer));
  }
  related(query: RelatedQuery, viewer: SearchViewer): Promise<number[]> {
    return this.call('related', query, viewerFacts(viewer));
  }
  reset(): Promise<void> {
    return this.call('reset');
  }
  documentCount(): Promise<number> {
    return this.call('documentCount');
  }
  /** Rebuilds batch by batch: search goes on answering from the index (or PostgreSQL while it is new). */
  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    await this.call('startRebuild');
    const seen: number[] = [];
    for await (const docs of batches) {
      await this.upsert(docs);
      for (const d of docs) seen.push(d.id);
    }
    await this.call('endRebuild', seen);
  }
  state() {
    return this.lastState;
  }
  markReady(): void {
    void this.call('markReady');
  }
  async close(): Promise<void> {
    await this.call('close').catch(() => undefined);
    await this.worker.terminate();
  }
}

/** What the engine needs of a viewer (a signed-in user object is large to copy to the worker). */
function viewerFacts(viewer: SearchViewer): SearchViewer {
  return { id: viewer.id, roles: viewer.roles, organizationId: viewer.organizationId };
}
