/** Digests go out from this local hour on (Dutch time): the day's or week's first run after it. */
const SEND_HOUR = 8;
const ZONE = 'Europe/Amsterdam';

function localParts(now: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
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

/** The instant of SEND_HOUR o'clock Dutch time on this calendar day (winter and summer time). */
function dutchMorning(day: Date): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), SEND_HOUR);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(guess))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+1" or "GMT+2"
  const hours = Number(/GMT([+-]\d+)?/.exec(offset)?.[1] ?? 0);
  return new Date(guess - hours * 3_600_000);
}

/**
 * The digest period `now` falls in: a Dutch day ('2026-12-02') or ISO week ('2026-W49'), each
 * starting at 08:00 (a week on Monday), with its start. A period's digest holds what arrived before
 * it started, so a weekly digest comes on Monday morning with the past week; one digest per member
 * and period (a unique row) is what "never twice" rests on.
 */
export function digestPeriod(now: Date, frequency: 'daily' | 'weekly'): { key: string; start: Date } {
  const { date, hour } = localParts(now);
  const day = new Date(`${date}T00:00:00Z`);
  if (hour < SEND_HOUR) day.setUTCDate(day.getUTCDate() - 1);
  if (frequency === 'daily') return { key: day.toISOString().slice(0, 10), start: dutchMorning(day) };
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(day);
  monday.setUTCDate(day.getUTCDate() - weekday);
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((thursday.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return {
    key: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`,
    start: dutchMorning(monday),
  };
}
