import { SingleBar } from 'cli-progress';
import { describeProgress, ProgressTracker, timeLeft } from './progress';

export interface TerminalProgress {
  /** Sets how much is done (and, when it became known later, the total). */
  update(done: number, total?: number): void;
  /** Ends the bar (or writes the last line). */
  stop(): void;
}

type Output = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Progress of a CLI command: a bar with count, rate and time left on a terminal (cli-progress),
 * plain log lines otherwise (a file, a pipe, `docker compose logs`): the first at the start, then
 * at most one per `everyMs`, and the last at the end. Written to stderr, so `export > file` and
 * piped output stay clean.
 */
export function startProgress(
  label: string,
  total: number,
  options: { unit?: string; stream?: Output; everyMs?: number; now?: () => number } = {},
): TerminalProgress {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? 'stuks';
  const now = options.now ?? (() => performance.now());
  const tracker = new ProgressTracker(label, total, unit, now);
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {value}/{total} ${unit} | {rate}/s | {left}`,
      hideCursor: true,
      fps: 5,
      barsize: 24,
    });
    const payload = () => {
      const s = tracker.snapshot();
      return { rate: s.perSecond.toFixed(1).replace('.', ','), left: timeLeft(s.secondsLeft) };
    };
    bar.start(total, 0, payload());
    let stopped = false;
    return {
      update(done, newTotal) {
        tracker.update(done, newTotal);
        if (newTotal !== undefined) bar.setTotal(newTotal);
        bar.update(Math.min(done, newTotal ?? total), payload());
      },
      stop() {
        if (stopped) return;
        stopped = true;
        bar.update(payload());
        bar.stop();
      },
    };
  }
  const everyMs = options.everyMs ?? 5_000;
  let writtenDone = -1;
  const write = () => {
    const snapshot = tracker.snapshot();
    writtenDone = snapshot.done;
    stream.write(`${describeProgress(snapshot)}\n`);
  };
  write();
  let last = now();
  let stopped = false;
  return {
    update(done, newTotal) {
      tracker.update(done, newTotal);
      if (now() - last >= everyMs) {
        last = now();
        write();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // The last line says where it ended, unless the line before already did.
      if (tracker.snapshot().done !== writtenDone) write();
    },
  };
}
