import { readFile } from 'node:fs/promises';
import { ExtractionError, extractFromBuffer, type ExtractionLimits, type TextSource } from './extractors';

/** What the parent sends (one IPC message) and gets back (one message). */
export interface ExtractionJob {
  source: TextSource;
  file: string;
  limits: ExtractionLimits;
}
export type ExtractionReply =
  | { ok: true; text: string; pageOffsets: number[] | null }
  | { ok: false; reason: string | null; error: string };

/**
 * The extraction child process's entry: parses one file and sends the text back. A child process,
 * not a worker thread, so that what a hostile document allocates (decoded streams live in
 * ArrayBuffers, outside the V8 heap a worker's resourceLimits bound) is this process's memory,
 * which the parent watches and kills, never the server's.
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

if (process.send) {
  process.once('message', (job: ExtractionJob) => {
    void run(job).then((reply) => process.send?.(reply, () => process.disconnect()));
  });
}
