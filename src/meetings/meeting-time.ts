/** Meetings are planned in Dutch local time; the database keeps instants (timestamptz). */
export const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam wall-clock time of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function toLocalParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant at which Amsterdam clocks show this date and time (summer and winter time included). */
export function fromLocalParts(date: string, time: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // Start from the UTC reading and correct by the zone's offset at that instant; twice covers DST edges.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const shown = toLocalParts(new Date(guess));
    const [sy, smo, sd] = shown.date.split('-').map(Number);
    const [sh, smi] = shown.time.split(':').map(Number);
    guess += wanted - Date.UTC(sy, smo - 1, sd, sh, smi);
  }
  return new Date(guess);
}

const dateLong = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TIME_ZONE });

/**
 * When a meeting takes place, in Amsterdam time: "30 maart 2027 om 14:00 tot 17:00" (an end on
 * another day names its date too). The one wording for pages, mails and the dossier.
 */
export function meetingWhen(startsAt: Date | string, endsAt?: Date | string | null): string {
  const start = new Date(startsAt);
  const from = `${dateLong.format(start)} om ${toLocalParts(start).time}`;
  if (!endsAt) return from;
  const end = new Date(endsAt);
  const sameDay = toLocalParts(end).date === toLocalParts(start).date;
  return `${from} tot ${sameDay ? '' : `${dateLong.format(end)} `}${toLocalParts(end).time}`;
}
