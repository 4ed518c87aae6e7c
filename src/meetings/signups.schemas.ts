import { z } from 'zod';
import { email, text } from '../web/validation';

export const SIGNUP_LIMITS = {
  guestName: 200,
  guestOrganization: 200,
  /** No meeting allows more guests per organisation than this (MEETING_LIMITS.guestsPerOrganization). */
  guests: 20,
} as const;

export interface GuestInput {
  name: string;
  organization: string;
  email: string;
}

const guestFields = {
  name: text('De naam van de gast', SIGNUP_LIMITS.guestName, { required: true }),
  organization: text('De organisatie van de gast', SIGNUP_LIMITS.guestOrganization, { required: true }),
  email: email(),
} as const;

const guestRows = z
  .array(z.record(z.string(), z.unknown()), {
    error: 'Gasten: geef een lijst met naam, organisatie en e-mailadres.',
  })
  .max(SIGNUP_LIMITS.guests, { error: `Hoogstens ${SIGNUP_LIMITS.guests} gasten.` });

/**
 * Guests as sent (the form's rows or the API's array) → checked guests. Each problem is reported
 * on the row's own field ("gast-2-email"), so the form can show it beside the field.
 */
function checkGuests(rows: Array<Record<string, unknown>>, ctx: z.RefinementCtx): GuestInput[] {
  const guests: GuestInput[] = [];
  rows.forEach((row, i) => {
    const guest: Record<string, string> = {};
    for (const [field, schema] of Object.entries(guestFields)) {
      const parsed = schema.safeParse(row[field] ?? '');
      if (parsed.success) guest[field] = parsed.data;
      else
        ctx.addIssue({
          code: 'custom',
          path: [`gast-${i + 1}-${field}`],
          message: `Gast ${i + 1}: ${parsed.error.issues[0].message}`,
        });
    }
    guests.push(guest as unknown as GuestInput);
  });
  const emails = guests.map((g) => g.email).filter(Boolean);
  const twice = emails.find((e, i) => emails.indexOf(e) !== i);
  if (twice) {
    ctx.addIssue({
      code: 'custom',
      path: [`gast-${emails.lastIndexOf(twice) + 1}-email`],
      message: `Het e-mailadres ${twice} staat twee keer in de lijst met gasten.`,
    });
  }
  return guests;
}

/** POST /api/bijeenkomsten/:id/aanmeldingen: { guests: [{ name, organization, email }] }. */
export const signupApiBody = z
  .object({ guests: guestRows.default([]) })
  .transform((v, ctx) => ({ guests: checkGuests(v.guests, ctx) }));

/**
 * The sign-up form: rows of guestName / guestOrganization / guestEmail (repeated fields, in order);
 * rows left wholly empty are no guest.
 */
export const signupFormBody = z.preprocess((raw) => {
  const body = (raw ?? {}) as Record<string, unknown>;
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const names = list(body.guestName);
  const orgs = list(body.guestOrganization);
  const emails = list(body.guestEmail);
  const rows = Array.from({ length: Math.max(names.length, orgs.length, emails.length) }, (_, i) => ({
    name: names[i] ?? '',
    organization: orgs[i] ?? '',
    email: emails[i] ?? '',
  })).filter((r) => [r.name, r.organization, r.email].some((v) => typeof v !== 'string' || v.trim() !== ''));
  return { guests: rows };
}, signupApiBody);

const PRESENCE = z.enum(['aanwezig', 'afwezig', ''], { error: 'Kies aanwezig of afwezig.' });

/**
 * The presence check: one choice per member ("p-s12") and per guest ("p-g34"); empty = not
 * recorded. Other form fields are ignored.
 */
export const attendanceBody = z.preprocess(
  (raw) => {
    const body = (raw ?? {}) as Record<string, unknown>;
    const pick = (prefix: string) =>
      Object.entries(body)
        .filter(([k]) => new RegExp(`^p-${prefix}\\d{1,10}$`).test(k))
        .map(([k, v]) => ({ id: k.slice(3), value: v }));
    return { signups: pick('s'), guests: pick('g') };
  },
  z.object({
    signups: z.array(
      z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), value: PRESENCE }),
    ),
    guests: z.array(z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), value: PRESENCE })),
  }),
);
export type AttendanceInput = z.infer<typeof attendanceBody>;

/** A presence choice as stored: true, false or not recorded. */
export const presenceValue = (v: 'aanwezig' | 'afwezig' | '') =>
  v === 'aanwezig' ? true : v === 'afwezig' ? false : null;
