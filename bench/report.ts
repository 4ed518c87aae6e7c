/** The benchmark's figures per scenario, and how they are printed. */

export interface Scenario {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failed requests: connection errors and timeouts, plus answers other than 2xx. */
  errors: number;
  /** What the errors were: "timeout", the connection error's code/message, or "HTTP <status>". */
  errorKinds: Record<string, number>;
  statuses: Record<number, number>;
  ofCeiling: number | null;
}

/** Milliseconds with one decimal. */
export const ms1 = (n: number) => Math.round(n * 10) / 10;

/** The results as an aligned table: req/s as whole numbers, latencies with one decimal. */
export function formatTable(results: Scenario[]): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '% ceiling'];
  const rows = results.map((r) => [
    r.name,
    String(Math.round(r.rps)),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    r.ofCeiling === null ? '-' : `${r.ofCeiling}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
