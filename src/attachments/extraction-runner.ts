import type { DataSource } from 'typeorm';
import type { AppDeps } from '../app';
import { BlobStore, blobRoot } from './blob-store';
import { extractionQueue, type ExtractionQueue } from './text-extraction';

const queues = new WeakMap<DataSource, ExtractionQueue>();

/**
 * The one text-extraction queue of an app process (per database): the upload route kicks it after
 * each upload, the server kicks it at start (attachments left 'pending' by a crash) and drains it
 * at shutdown. Shared through this lookup so server.ts and the router hold the same queue.
 */
export function attachmentExtraction(
  deps: Pick<AppDeps, 'config' | 'db' | 'logger' | 'indexer'>,
): ExtractionQueue {
  const ds = deps.db.dataSource;
  let queue = queues.get(ds);
  if (!queue) {
    queue = extractionQueue(ds, new BlobStore(blobRoot(deps.config.dataDir)), {
      logger: deps.logger,
      afterCommit: () => deps.indexer?.kick(),
    });
    queues.set(ds, queue);
  }
  return queue;
}
