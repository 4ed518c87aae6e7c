import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ExtractionError, extractFromBuffer, type ExtractionLimits, type TextSource } from './extractors';

/** What the main thread sends (workerData) and gets back (one message). */
export interface ExtractionJob {
  source: TextSource;
  file: string;
  limits: ExtractionLimits;
}
export type ExtractionReply =
  | { ok: true; text: string; pageOffsets: number[] | null }
  | { ok: false; reason: string | null; error: string };

/**
 * The worker thread's entry: parses one file and posts the text back. Runs off the main thread
 * so a hostile or huge document cannot block the event loop; the parent terminates it on timeout.
 */
async function run(job: ExtractionJob): Promise<ExtractionReply> {
  try {
    const extracted = await extractFromBuffer(job.source, await readFile(job.file), job.limits);
    return { ok: true, ...extracted };
  } catch (error) {
    // An ExtractionError carries the Dutch reason; anything else is a damaged or unsupported file.
    return {
      ok: false,
      reason: error instanceof ExtractionError ? error.message : null,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ExtractionJob).then((reply) => port.postMessage(reply));
}
