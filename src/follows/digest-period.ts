/** Digests go out from this local hour on (Dutch time): the day's or week's first run after it. */
const SEND_HOUR = 8;

function localParts(now: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The digest period `now` falls in: a Dutch day ('2026-12-02') or ISO week ('2026-W49'), each
 * starting at 08:00. One digest per member per period (a unique row) is what "never twice" rests on.
 */
export function digestPeriod(now: Date, frequency: 'daily' | 'weekly'): string {
  const { date, hour } = localParts(now);
  const day = new Date(`${date}T00:00:00Z`);
  if (hour < SEND_HOUR) day.setUTCDate(day.getUTCDate() - 1);
  if (frequency === 'daily') return day.toISOString().slice(0, 10);
  // The period of a day before Monday 08:00 is the previous week's.
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() - weekday + 3);
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((thursday.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
