import { z } from 'zod';
import { CORPORATION_ROLES, MEETING_STATUSES, type CorporationRole } from '../domain';
import { decimal, idParam, many, text } from '../web/validation';

/** Named limits, shown on the forms. */
export const MEETING_LIMITS = {
  title: 200,
  locationName: 200,
  locationAddress: 300,
  description: 20_000,
  motivation: 2000,
  feedback: 2000,
  experts: 20,
  locationCity: 100,
  capacity: 10_000,
  guestsPerOrganization: 20,
} as const;

/** A Dutch postcode: four digits (not starting with 0), two letters; SA, SD and SS are never issued. */
const POSTCODE = /^([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})$/;

/** A Dutch postcode written as "5402 XD" (any case, with or without the space). */
export const postcode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => POSTCODE.test(v), {
    error: 'Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 5402 XD.',
  })
  .transform((v) => v.replace(POSTCODE, '$1 $2'));

/** A whole number in a form field (empty → undefined), with a Dutch message naming the field. */
const count = (label: string, min: number, max: number) =>
  z.preprocess(
    decimal,
    z
      .number({ error: `${label} moet een heel getal zijn.` })
      .int({ error: `${label} moet een heel getal zijn.` })
      .min(min, { error: `${label} moet minstens ${min} zijn.` })
      .max(max, { error: `${label} mag hoogstens ${max} zijn.` }),
  );

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const date = (label: string) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    // An empty required field says so, not how to write a date.
    .min(1, { error: `${label} is verplicht.` })
    .regex(DATE, { error: `${label}: gebruik de vorm jjjj-mm-dd, bijvoorbeeld 2027-03-18.` })
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        error: `${label} bestaat niet.`,
      },
    );
const time = (label: string) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .regex(TIME, { error: `${label}: gebruik de vorm uu:mm, bijvoorbeeld 13:30.` });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

/**
 * The meeting form. Rules that need "now" or the database (past dates, which themes and experts
 * exist) live in the service.
 */
export const meetingFormSchema = z
  .object({
    title: text('De titel', MEETING_LIMITS.title, { required: true }),
    date: date('De datum'),
    startTime: time('De begintijd'),
    endTime: optional(time('De eindtijd')),
    locationName: text('De locatie', MEETING_LIMITS.locationName).default(''),
    locationAddress: text('Het adres', MEETING_LIMITS.locationAddress).default(''),
    locationPostcode: optional(postcode),
    locationCity: text('De plaats', MEETING_LIMITS.locationCity).default(''),
    capacity: optional(count('Het aantal plaatsen', 1, MEETING_LIMITS.capacity)),
    maxGuestsPerOrganization: optional(
      count('Het aantal gasten per organisatie', 0, MEETING_LIMITS.guestsPerOrganization),
    ).transform((v) => v ?? 2),
    nonMemberSeats: optional(count('Het aantal plaatsen voor niet-leden', 0, MEETING_LIMITS.capacity)),
    signupDeadline: optional(date('De sluitingsdatum voor aanmelden')),
    hostOrganizationId: optional(
      z.preprocess(
        decimal,
        z.number({ error: 'Kies een organisatie uit de lijst.' }).int().positive().max(2_147_483_647),
      ),
    ),
    themes: many(z.string().max(100)).pipe(
      z.array(z.string()).min(1, { error: 'Kies minstens één thema.' }).max(30),
    ),
    focusRole: optional(
      z.enum(CORPORATION_ROLES, { error: `Kies een rol uit: ${CORPORATION_ROLES.join(', ')}.` }),
    ) as z.ZodType<CorporationRole | undefined>,
    description: text('De beschrijving', MEETING_LIMITS.description).default(''),
    experts: many(idParam).pipe(
      z
        .array(z.number())
        .max(MEETING_LIMITS.experts, { error: `Hoogstens ${MEETING_LIMITS.experts} experts.` }),
    ),
    nominationDeadline: optional(date('De sluitingsdatum voor voordrachten')),
  })
  .superRefine((v, ctx) => {
    if (v.endTime && v.endTime <= v.startTime) {
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'De eindtijd moet na de begintijd liggen.',
      });
    }
    if (v.nominationDeadline && v.nominationDeadline > v.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['nominationDeadline'],
        message: 'De sluitingsdatum voor voordrachten moet vóór of op de dag van de bijeenkomst liggen.',
      });
    }
    if (v.signupDeadline && v.signupDeadline > v.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['signupDeadline'],
        message: 'Aanmelden en afmelden moet sluiten vóór of op de dag van de bijeenkomst.',
      });
    }
    if (v.capacity !== undefined && v.nonMemberSeats !== undefined && v.nonMemberSeats > v.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['nonMemberSeats'],
        message: 'Er kunnen niet meer plaatsen voor niet-leden zijn dan er plaatsen zijn.',
      });
    }
  });
export type MeetingForm = z.infer<typeof meetingFormSchema>;

export const meetingStatusBody = z.object({
  to: z.enum(MEETING_STATUSES, { error: 'Onbekende status.' }),
  /** Setting the agenda with nominations still undecided: the kerngroep says so explicitly. */
  leaveUndecided: optional(z.literal('ja', { error: 'Ongeldige keuze.' })),
});

export type Decision = 'selected' | 'not_selected';
export interface DecisionInput {
  nominationId: number;
  decision: Decision;
  /** The wished place on the agenda (selected only); checked against the real agenda in the service. */
  position?: number;
  feedback: string;
}

/** The most decisions one submit may carry. */
const MAX_DECISIONS = 200;

const decisionValue = z.enum(['selected', 'not_selected'], {
  error: 'Kies: selecteren of niet selecteren.',
});
const positionValue = z.preprocess(
  decimal,
  z
    .number({ error: 'De plaats op de agenda moet een heel getal zijn, of leeg.' })
    .int({ error: 'De plaats op de agenda moet een heel getal zijn, of leeg.' })
    .min(1, { error: 'De plaats op de agenda begint bij 1.' })
    .max(999, { error: 'De plaats op de agenda is te groot.' }),
);
const feedbackValue = text('De toelichting', MEETING_LIMITS.feedback);
const firstMessage = (r: { error?: z.ZodError }) => r.error?.issues[0]?.message ?? 'Ongeldige invoer.';

/**
 * The kerngroep's decisions form: per nomination "decision-<id>", "position-<id>" and
 * "feedback-<id>". A nomination without a decision is left as it is (an unanswered radio group
 * sends nothing), unless a place or a toelichting was typed for it: then the choice is asked for.
 * Problems are reported at "<field>-<id>".
 */
export const decisionsBody = z.record(z.string(), z.unknown()).transform((body, ctx): DecisionInput[] => {
  const ids = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = /^(decision|position|feedback)-(\d{1,10})$/.exec(key);
    if (m && Number(m[2]) <= 2_147_483_647) ids.add(Number(m[2]));
  }
  if (ids.size > MAX_DECISIONS) {
    ctx.addIssue({
      code: 'custom',
      path: ['_form'],
      message: `Hoogstens ${MAX_DECISIONS} besluiten tegelijk.`,
    });
    return [];
  }
  const decisions: DecisionInput[] = [];
  for (const id of ids) {
    const raw = body[`decision-${id}`];
    const typed = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    if (raw === undefined || raw === '') {
      // Typed a place or a toelichting without choosing: do not guess what was meant.
      if (typed(body[`position-${id}`]) || typed(body[`feedback-${id}`]))
        ctx.addIssue({
          code: 'custom',
          path: [`decision-${id}`],
          message: 'Kies selecteren of niet selecteren (of maak plaats en toelichting leeg).',
        });
      continue;
    }
    const decision = decisionValue.safeParse(raw);
    const position = optional(positionValue).safeParse(body[`position-${id}`]);
    const feedback = feedbackValue.safeParse(body[`feedback-${id}`] ?? '');
    if (!decision.success)
      ctx.addIssue({ code: 'custom', path: [`decision-${id}`], message: firstMessage(decision) });
    if (!position.success)
      ctx.addIssue({ code: 'custom', path: [`position-${id}`], message: firstMessage(position) });
    if (!feedback.success)
      ctx.addIssue({ code: 'custom', path: [`feedback-${id}`], message: firstMessage(feedback) });
    if (!decision.success || !position.success || !feedback.success) continue;
    if (decision.data === 'not_selected' && feedback.data === '') {
      ctx.addIssue({
        code: 'custom',
        path: [`feedback-${id}`],
        message: 'Geef de indiener een toelichting als de casus niet wordt geselecteerd.',
      });
      continue;
    }
    decisions.push({
      nominationId: id,
      decision: decision.data,
      // A place only means something on the agenda.
      position: decision.data === 'selected' ? (position.data as number | undefined) : undefined,
      feedback: feedback.data,
    });
  }
  return decisions;
});

export const nominateBody = z.object({
  caseId: z.coerce
    .number({ error: 'Kies een casus.' })
    .int({ error: 'Kies een casus.' })
    .positive({ error: 'Kies een casus.' }),
  motivation: text('De motivatie', MEETING_LIMITS.motivation, { required: true }),
});

export const decideBody = z
  .object({
    decision: z.enum(['selected', 'not_selected'], { error: 'Kies: selecteren of niet selecteren.' }),
    position: optional(positionValue),
    feedback: text('De toelichting', MEETING_LIMITS.feedback).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'not_selected' && v.feedback === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['feedback'],
        message: 'Geef de indiener een toelichting als de casus niet wordt geselecteerd.',
      });
    }
  });

/** Reorder: a button ("12:omhoog") or, with JavaScript, the whole order (drag and drop). */
export const agendaBody = z
  .object({
    agendaVersion: z.preprocess(
      decimal,
      z.number({ error: 'De agendaversie ontbreekt.' }).int().positive().max(2_147_483_647),
    ),
    move: optional(z.string().regex(/^\d{1,10}:(omhoog|omlaag)$/, { error: 'Ongeldige verplaatsing.' })),
    order: optional(many(idParam)),
  })
  .refine((v) => v.move !== undefined || (v.order !== undefined && v.order.length > 0), {
    error: 'Geef aan wat er verplaatst moet worden.',
  });
