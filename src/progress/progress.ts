/** Where long work stands: for a terminal, a log line, /readyz and the Beheer page alike. */
export interface ProgressSnapshot {
  /** What is being done, in Dutch ("zoekindex opnieuw opbouwen"). */
  label: string;
  /** What is counted ("casussen"). */
  unit: string;
  done: number;
  total: number;
  percent: number;
  /** Average since the start. */
  perSecond: number;
  /** Estimated from the average rate; null until something is done. */
  secondsLeft: number | null;
  startedAt: string;
}

/** Counts long work and derives its rate and time left from the average since it started. */
export class ProgressTracker {
  private done = 0;
  private readonly started: number;
  private readonly startedAt = new Date().toISOString();

  constructor(
    readonly label: string,
    private total: number,
    readonly unit: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number, total = this.total): void {
    this.total = total;
    this.done = Math.min(done, total);
  }

  snapshot(): ProgressSnapshot {
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const perSecond = this.done / seconds;
    return {
      label: this.label,
      unit: this.unit,
      done: this.done,
      total: this.total,
      percent: this.total > 0 ? Math.floor((this.done / this.total) * 100) : 100,
      perSecond: Math.round(perSecond * 10) / 10,
      secondsLeft: this.done > 0 ? Math.round((this.total - this.done) / perSecond) : null,
      startedAt: this.startedAt,
    };
  }
}

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** "nog ongeveer 2 min 5 s", "nog ongeveer 40 s", "tijd over onbekend". */
export function timeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'resterende tijd nog onbekend';
  if (seconds < 60) return `nog ongeveer ${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `nog ongeveer ${minutes} min ${Math.round(seconds % 60)} s`;
  return `nog ongeveer ${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

/** One Dutch line: "zoekindex opnieuw opbouwen: 1.200 van 10.000 casussen (12%), 150 per seconde, nog ongeveer 58 s". */
export function describeProgress(p: ProgressSnapshot): string {
  return (
    `${p.label}: ${number.format(p.done)} van ${number.format(p.total)} ${p.unit} (${p.percent}%), ` +
    `${number.format(p.perSecond)} per seconde, ${timeLeft(p.secondsLeft)}`
  );
}
