import { z } from 'zod';
import { decimal, text } from '../web/validation';

export const PROGRAMME_LIMITS = {
  slots: 30,
  title: 200,
  report: 50_000,
  outcome: 2000,
} as const;

const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

export interface ProgrammeSlot {
  startsAt: string;
  endsAt: string | null;
  title: string;
  nominationId: number | null;
  presenterId: number | null;
  expertId: number | null;
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optionalId = (v: unknown, ctx: z.RefinementCtx, path: string): number | null => {
  if (str(v) === '') return null;
  const n = decimal(str(v));
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2_147_483_647) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'Kies uit de lijst.' });
    return null;
  }
  return n;
};
const slotTitle = text('De omschrijving', PROGRAMME_LIMITS.title, { required: true });

/**
 * The programme form: rows of slotStart / slotEnd / slotTitle / slotCase / slotPresenter /
 * slotExpert (repeated fields in document order; a wholly empty row is skipped). Times are Dutch
 * local times ("13.00" or "13:00"); each slot starts when or after the previous one ends, so times
 * must be in order and may not overlap. Problems are reported on the row's field ("slot-2-start").
 */
export const programmeBody = z.record(z.string(), z.unknown()).transform((body, ctx): ProgrammeSlot[] => {
  const fields = ['slotStart', 'slotEnd', 'slotTitle', 'slotCase', 'slotPresenter', 'slotExpert'] as const;
  const columns = fields.map((f) => list(body[f]));
  const length = Math.max(...columns.map((c) => c.length));
  if (length > PROGRAMME_LIMITS.slots * 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['_form'],
      message: `Hoogstens ${PROGRAMME_LIMITS.slots} onderdelen.`,
    });
    return [];
  }
  const slots: ProgrammeSlot[] = [];
  let previous: { start: string; end: string | null; row: number } | null = null;
  for (let i = 0; i < length; i++) {
    const [start, end, title, nomination, presenter, expert] = columns.map((c) => c[i]);
    if ([start, end, title, nomination, presenter, expert].every((v) => str(v) === '')) continue;
    const row = slots.length + 1;
    const key = (f: string) => `slot-${i + 1}-${f}`;
    const startMatch = TIME.exec(str(start));
    const endMatch = str(end) === '' ? null : TIME.exec(str(end));
    if (!startMatch)
      ctx.addIssue({
        code: 'custom',
        path: [key('start')],
        message:
          str(start) === ''
            ? `Onderdeel ${row}: de begintijd is verplicht.`
            : `Onderdeel ${row}: schrijf de begintijd als uu:mm, bijvoorbeeld 13:30.`,
      });
    if (str(end) !== '' && !endMatch)
      ctx.addIssue({
        code: 'custom',
        path: [key('end')],
        message: `Onderdeel ${row}: schrijf de eindtijd als uu:mm, bijvoorbeeld 14:15.`,
      });
    const parsedTitle = slotTitle.safeParse(title ?? '');
    if (!parsedTitle.success)
      ctx.addIssue({
        code: 'custom',
        path: [key('title')],
        message: `Onderdeel ${row}: ${parsedTitle.error.issues[0].message}`,
      });
    const startsAt = startMatch ? `${startMatch[1]}:${startMatch[2]}` : '';
    const endsAt = endMatch ? `${endMatch[1]}:${endMatch[2]}` : null;
    if (startsAt && endsAt && endsAt <= startsAt)
      ctx.addIssue({
        code: 'custom',
        path: [key('end')],
        message: `Onderdeel ${row}: de eindtijd (${endsAt}) moet na de begintijd (${startsAt}) liggen.`,
      });
    if (startsAt && previous && startsAt < previous.start)
      ctx.addIssue({
        code: 'custom',
        path: [key('start')],
        message: `Onderdeel ${row} begint (${startsAt}) vóór onderdeel ${previous.row} (${previous.start}); zet de onderdelen op volgorde van tijd.`,
      });
    else if (startsAt && previous?.end && startsAt < previous.end)
      ctx.addIssue({
        code: 'custom',
        path: [key('start')],
        message: `Onderdeel ${row} begint (${startsAt}) voordat onderdeel ${previous.row} is afgelopen (${previous.end}).`,
      });
    if (startsAt) previous = { start: startsAt, end: endsAt, row };
    slots.push({
      startsAt,
      endsAt,
      title: parsedTitle.success ? parsedTitle.data : '',
      nominationId: optionalId(nomination, ctx, key('case')),
      presenterId: optionalId(presenter, ctx, key('presenter')),
      expertId: optionalId(expert, ctx, key('expert')),
    });
  }
  if (slots.length > PROGRAMME_LIMITS.slots)
    ctx.addIssue({
      code: 'custom',
      path: ['_form'],
      message: `Hoogstens ${PROGRAMME_LIMITS.slots} onderdelen.`,
    });
  return slots;
});

/** The report form: the Markdown text and, per presented case, what the meeting learnt ("outcome-<nominationId>"). */
export const reportBody = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const parsed = text('Het verslag', PROGRAMME_LIMITS.report, { required: true }).safeParse(body.body ?? '');
  if (!parsed.success)
    ctx.addIssue({ code: 'custom', path: ['body'], message: parsed.error.issues[0].message });
  const outcomes: Array<{ nominationId: number; outcome: string }> = [];
  for (const [k, v] of Object.entries(body)) {
    const m = /^outcome-(\d{1,10})$/.exec(k);
    if (!m) continue;
    const outcome = text('Wat we leerden', PROGRAMME_LIMITS.outcome).safeParse(v ?? '');
    if (!outcome.success) {
      ctx.addIssue({ code: 'custom', path: [k], message: outcome.error.issues[0].message });
      continue;
    }
    outcomes.push({ nominationId: Number(m[1]), outcome: outcome.data });
  }
  return { body: parsed.success ? parsed.data : '', outcomes };
});
export type ReportInput = z.infer<typeof reportBody>;
