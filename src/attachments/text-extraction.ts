import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { rowsOf } from '../db/sql';
import { enqueueSearchUpdate } from '../search/outbox';
import type { BlobStore } from './blob-store';
import type { ExtractionJob, ExtractionReply } from './extraction-worker';
import {
  EXTRACTION_LIMITS,
  ExtractionError,
  TOO_LARGE_OR_COMPLEX,
  type Extracted,
  type ExtractionLimits,
  type TextSource,
} from './extractors';
import { allowedTypeByMime } from './file-types';

export { EXTRACTION_LIMITS, ExtractionError, checkZip } from './extractors';

export interface ExtractionOptions {
  logger?: Logger;
  /** Called after a commit that wrote to the search outbox (kicks the indexer). */
  afterCommit?: () => void;
  limits?: Partial<ExtractionLimits>;
  /** Aborting terminates the running worker and leaves its attachment 'pending' (shutdown). */
  signal?: AbortSignal;
  /** Checked before each next attachment: false stops the run after the current one (draining). */
  keepGoing?: () => boolean;
  /** Called after an attachment's text was stored (the privacy check of a case others already see). */
  onExtracted?: (attachmentId: number) => Promise<void>;
}

/** The extraction was stopped from outside (shutdown): the attachment stays 'pending'. */
class ExtractionStopped extends Error {}

/**
 * Extracts the text of every attachment still 'pending', one at a time. Never throws: each
 * failure is stored on its row as 'failed' with a Dutch reason. Returns how many rows it handled.
 */
export async function extractPending(
  dataSource: DataSource,
  blobs: BlobStore,
  options: ExtractionOptions = {},
): Promise<number> {
  let handled = 0;
  const seen = new Set<number>();
  for (;;) {
    let ids: number[];
    try {
      const rows: Array<{ id: number }> = await dataSource.query(
        `SELECT id FROM attachments WHERE extraction_status = 'pending' ORDER BY id LIMIT 20`,
      );
      ids = rows.map((r) => r.id).filter((id) => !seen.has(id));
    } catch (error) {
      options.logger?.error({ err: error }, 'attachment extraction: could not list pending attachments');
      return handled;
    }
    if (ids.length === 0) return handled;
    for (const id of ids) {
      if (options.signal?.aborted || options.keepGoing?.() === false) return handled;
      seen.add(id);
      await extractOne(dataSource, blobs, id, options);
      handled++;
    }
  }
}

export interface ExtractionQueue {
  /** Starts a run unless one is going (then one more run follows it, for rows added meanwhile). */
  kick(): void;
  /** Resolves when nothing is running (tests). */
  idle(): Promise<void>;
  /**
   * Shutdown: takes no new work, lets the running extraction finish for up to `graceMs`, then
   * terminates its worker; an unfinished attachment stays 'pending' for the next start.
   */
  stop(graceMs: number): Promise<void>;
}

/** Runs extractPending serially however often it is kicked (one app process, one runner). */
export function extractionQueue(
  dataSource: DataSource,
  blobs: BlobStore,
  options: ExtractionOptions = {},
): ExtractionQueue {
  let running: Promise<void> | null = null;
  let again = false;
  let stopping = false;
  const abort = new AbortController();
  const run = (): Promise<void> =>
    extractPending(dataSource, blobs, { ...options, signal: abort.signal, keepGoing: () => !stopping }).then(
      () => undefined,
      () => undefined,
    );
  const queue: ExtractionQueue = {
    kick() {
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => {
        running = null;
        if (again) {
          again = false;
          queue.kick();
        }
      });
    },
    async idle() {
      while (running) await running;
    },
    async stop(graceMs) {
      stopping = true;
      again = false;
      if (!running) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const outcome = await Promise.race([queue.idle(), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        abort.abort();
        await queue.idle();
      }
    },
  };
  return queue;
}

async function extractOne(
  dataSource: DataSource,
  blobs: BlobStore,
  id: number,
  options: ExtractionOptions,
): Promise<void> {
  const limits = { ...EXTRACTION_LIMITS, ...options.limits };
  try {
    const [row]: Array<{ blob_sha256: string; mime_type: string; size_bytes: string }> =
      await dataSource.query(
        `SELECT blob_sha256, mime_type, size_bytes FROM attachments WHERE id = $1 AND extraction_status = 'pending'`,
        [id],
      );
    if (!row) return; // deleted, or handled by another runner
    const source = allowedTypeByMime(row.mime_type)?.text ?? null;
    if (!source) return await store(dataSource, id, { status: 'none' }, options);
    if (Number(row.size_bytes) > limits.maxInputBytes) {
      throw new ExtractionError(TOO_LARGE_OR_COMPLEX);
    }
    const extracted = await extractInWorker(
      source,
      blobs.pathOf(row.blob_sha256.trim()),
      limits,
      options.signal,
    );
    await store(dataSource, id, { status: 'extracted', ...extracted }, options);
  } catch (error) {
    if (error instanceof ExtractionStopped) {
      options.logger?.info({ attachmentId: id }, 'attachment text extraction stopped; it stays pending');
      return;
    }
    const reason =
      error instanceof ExtractionError
        ? error.message
        : 'Het bestand kon niet gelezen worden (beschadigd of niet ondersteund).';
    options.logger?.warn({ err: error, attachmentId: id }, 'attachment text extraction failed');
    try {
      await store(dataSource, id, { status: 'failed', error: reason.slice(0, 500) }, options);
    } catch (storeError) {
      options.logger?.error(
        { err: storeError, attachmentId: id },
        'attachment extraction: could not store the failure',
      );
    }
  }
}

/**
 * Starts the extraction child process. Compiled (dist), its code is the .js file next to this
 * one; run from the TypeScript sources (Jest, tsx in development), tsx's require hook loads the .ts.
 * The V8 heap gets its own cap; everything else the child allocates is bounded by the RSS watchdog.
 */
function startChild(limits: ExtractionLimits): ChildProcess {
  const execArgv = [`--max-old-space-size=${limits.maxWorkerHeapMb}`];
  let entry = path.join(__dirname, 'extraction-worker.js');
  if (path.extname(__filename) === '.ts') {
    entry = path.join(__dirname, 'extraction-worker.ts');
    execArgv.push('--require', require.resolve('tsx/cjs'));
  }
  return fork(entry, [], {
    execArgv,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
}

/** Resident memory of a process in bytes (Linux /proc), or null where that cannot be read. */
function residentBytes(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE_SIZE : null;
  } catch {
    return null;
  }
}
const PAGE_SIZE = 4096;

/**
 * Parses one file in a child process. The child is killed at limits.timeoutMs (a Promise.race
 * cannot stop CPU-bound parsing, killing the process can) and as soon as its resident memory
 * passes limits.maxWorkerRssMb: what a hostile file makes the parser allocate is the child's
 * memory, never the server's.
 */
export function extractInWorker(
  source: TextSource,
  file: string,
  limits: ExtractionLimits = EXTRACTION_LIMITS,
  signal?: AbortSignal,
): Promise<Extracted> {
  if (signal?.aborted) return Promise.reject(new ExtractionStopped('stopped'));
  return new Promise<Extracted>((resolve, reject) => {
    const child = startChild(limits);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      signal?.removeEventListener('abort', onAbort);
      outcome();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ExtractionError(
              `Tekst uithalen duurde langer dan ${formatSeconds(limits.timeoutMs)} en is afgebroken.`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    const watchdog = setInterval(() => {
      const rss = child.pid === undefined ? null : residentBytes(child.pid);
      if (rss !== null && rss > limits.maxWorkerRssMb * 1024 * 1024) {
        finish(() => reject(new ExtractionError(TOO_LARGE_OR_COMPLEX)));
      }
    }, 25);
    const onAbort = () => finish(() => reject(new ExtractionStopped('stopped')));
    signal?.addEventListener('abort', onAbort, { once: true });
    child.send({ source, file, limits } satisfies ExtractionJob);
    child.once('message', (reply: ExtractionReply) =>
      finish(() => {
        if (reply.ok) resolve({ text: reply.text, pageOffsets: reply.pageOffsets });
        else reject(reply.reason ? new ExtractionError(reply.reason) : new Error(reply.error));
      }),
    );
    child.once('error', (error) => finish(() => reject(error)));
    child.once('exit', (code, exitSignal) =>
      finish(() =>
        // V8 aborts when its heap cap is reached: that too is a file too large to read.
        reject(
          exitSignal === 'SIGABRT' || code === 134
            ? new ExtractionError(TOO_LARGE_OR_COMPLEX)
            : new Error(`extraction process exited with code ${code} (${exitSignal})`),
        ),
      ),
    );
  });
}

const formatSeconds = (ms: number) =>
  ms >= 1000
    ? `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(ms / 1000)} seconden`
    : `${ms} milliseconden`;

type Outcome =
  | { status: 'none' }
  | { status: 'failed'; error: string }
  | { status: 'extracted'; text: string; pageOffsets: number[] | null };

/** Stores the outcome; new text also re-indexes the case, in the same transaction. */
async function store(
  dataSource: DataSource,
  id: number,
  outcome: Outcome,
  options: ExtractionOptions,
): Promise<void> {
  const indexed = await dataSource.transaction(async (m) => {
    const rows = rowsOf<{ case_id: number }>(
      await m.query(
        `UPDATE attachments SET extraction_status = $2, extraction_error = $3, extracted_text = $4, page_offsets = $5
        WHERE id = $1 AND extraction_status = 'pending' RETURNING case_id`,
        [
          id,
          outcome.status,
          outcome.status === 'failed' ? outcome.error : null,
          outcome.status === 'extracted' ? outcome.text : null,
          outcome.status === 'extracted' ? outcome.pageOffsets : null,
        ],
      ),
    );
    if (rows.length === 0 || outcome.status !== 'extracted') return false;
    await enqueueSearchUpdate(m, [rows[0].case_id], 'attachment-text');
    return true;
  });
  if (indexed) {
    options.afterCommit?.();
    await options
      .onExtracted?.(id)
      .catch((error) =>
        options.logger?.warn({ err: error, attachmentId: id }, 'privacy check of an attachment failed'),
      );
  }
}
