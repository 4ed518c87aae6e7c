import { z } from 'zod';
import { ORGANIZATION_KINDS, USER_ROLES } from '../domain';
import { decimal, email, idParam, many, text } from '../web/validation';

/** Input of the admin pages (/beheer): every body and query is parsed here before a handler sees it. */

export const idParams = z.object({ id: idParam });

/** A page number; anything unusable means page 1 rather than an error page. */
const page = z.preprocess(decimal, z.number().int().min(1).max(100_000)).catch(1);

/** A select whose value is an id: empty means "nothing chosen", with the field's own message. */
const choice = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[1-9][0-9]{0,9}$/, { error: message })
    .transform(Number)
    .pipe(z.number().max(2_147_483_647, { error: message }));

const roles = many(z.enum(USER_ROLES, { error: 'Kies een bestaande rol.' }))
  .refine((list) => list.length >= 1, { error: 'Kies minstens één rol.' })
  .transform((list) => [...new Set(list)]);

export const userListQuery = z.object({
  q: text('De zoekterm', 200).default(''),
  pagina: page,
});

const userFields = {
  name: text('De naam', 200, { required: true }),
  organizationId: choice('Kies een organisatie.'),
  roles,
};

export const inviteBody = z.object({
  email: email('Vul het e-mailadres van de nieuwe gebruiker in.'),
  ...userFields,
});
export const updateUserBody = z.object(userFields);

export const organizationBody = z.object({
  name: text('De naam', 200, { required: true }),
  kind: z.enum(ORGANIZATION_KINDS, { error: 'Kies het soort organisatie.' }),
});

export const themeBody = z.object({
  name: text('De naam', 120, { required: true }).refine((name) => /[\p{L}\p{N}]/u.test(name), {
    error: 'De naam moet minstens één letter of cijfer bevatten.',
  }),
});

export const mergeThemeBody = z.object({
  into: choice('Kies het thema waarin dit thema opgaat.'),
});

/** A yyyy-mm-dd date from a date input; empty means no limit. */
const dateFilter = z
  .union([z.literal(''), z.iso.date({ error: 'Vul een datum in als 2025-01-31.' })])
  .optional()
  .transform((v) => v || undefined);

export const auditQuery = z
  .object({
    actie: text('De actie', 80)
      .regex(/^[a-z0-9._-]*$/, { error: 'Kies een actie uit de lijst.' })
      .default(''),
    gebruiker: text('De gebruiker', 254).default(''),
    van: dateFilter,
    tot: dateFilter,
    pagina: page,
  })
  .refine((f) => !f.van || !f.tot || f.van <= f.tot, {
    path: ['tot'],
    error: 'De einddatum ligt vóór de begindatum.',
  });

export type UserListQuery = z.infer<typeof userListQuery>;
export type AuditQuery = z.infer<typeof auditQuery>;
