import { z } from 'zod';
import { CORPORATION_ROLE_LABELS, CORPORATION_ROLES } from '../domain';
import { decimal, many, readable, text } from '../web/validation';
import { CASE_LIMITS, maxCaseYear } from './case.limits';

const roleList = CORPORATION_ROLES.map((r) => CORPORATION_ROLE_LABELS[r].toLowerCase()).join(', ');

/** Tags from a comma-separated field or a list: trimmed, lower-cased, unique, limited. */
export const tagsField = z
  .preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v === undefined ? [] : v),
    z.array(z.string()),
  )
  .transform((tags) => [
    ...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean)),
  ])
  .pipe(
    z
      .array(
        z.string().max(CASE_LIMITS.tag, {
          error: `Een trefwoord mag hoogstens ${CASE_LIMITS.tag} tekens lang zijn.`,
        }),
      )
      .max(CASE_LIMITS.tags, { error: `Hoogstens ${CASE_LIMITS.tags} trefwoorden.` }),
  );

export const yearField = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : decimal(typeof v === 'string' ? v.trim() : v)),
  z
    .number({ error: 'Vul een jaartal in, bijvoorbeeld 2024.' })
    .int({ error: 'Vul een jaartal in, bijvoorbeeld 2024.' })
    .min(CASE_LIMITS.minYear, { error: `Het jaar ligt tussen ${CASE_LIMITS.minYear} en ${maxCaseYear()}.` })
    .refine((y) => y <= maxCaseYear(), {
      error: `Het jaar ligt tussen ${CASE_LIMITS.minYear} en ${maxCaseYear()}.`,
    })
    .nullable(),
);

/** The content fields shared by the form and the import format. */
export function caseContentShape(themeSlugs: string[]) {
  const long = (label: string) => text(label, CASE_LIMITS.longField).default('');
  return {
    title: text('De titel', CASE_LIMITS.title, { required: true }),
    summary: text('De samenvatting', CASE_LIMITS.summary, { required: true }),
    context: long('De aanleiding'),
    approach: long('De aanpak'),
    results: long('De resultaten'),
    lessons: long('De geleerde lessen'),
    question: long('De vraag aan de vakgemeenschap'),
    roles: many(z.enum(CORPORATION_ROLES, { error: `Onbekende rol. Geldige rollen: ${roleList}.` })).pipe(
      z.array(z.enum(CORPORATION_ROLES)).min(1, { error: 'Kies minstens één rol van de corporatie.' }),
    ),
    themes: many(
      z.string().refine((s) => themeSlugs.includes(s), {
        error: `Onbekend thema. Geldige thema's: ${themeSlugs.join(', ')}.`,
      }),
    ).pipe(z.array(z.string()).min(1, { error: 'Kies minstens één thema.' })),
    tags: tagsField,
    partners: text('Betrokken partners', CASE_LIMITS.partners).default(''),
    region: text('Gemeente of regio', CASE_LIMITS.region).default(''),
    year: yearField.default(null),
    contact: text('De contactpersoon', CASE_LIMITS.contact).default(''),
  };
}

const versionField = z.preprocess(
  decimal,
  z
    .number({ error: 'De versie van het formulier ontbreekt of is ongeldig. Laad de pagina opnieuw.' })
    .int()
    .positive()
    .max(2_147_483_647, { error: 'De versie van het formulier is ongeldig. Laad de pagina opnieuw.' }),
);

/**
 * The case form: content, the version it was loaded at (stale edits are a 409; the edit form
 * always sends it, so a missing version is refused rather than saved over a concurrent edit),
 * and the chosen button.
 */
export function caseFormSchema(themeSlugs: string[], mode: 'create' | 'edit' = 'create') {
  return readable(
    z.object({
      ...caseContentShape(themeSlugs),
      version: mode === 'edit' ? versionField : versionField.optional(),
      action: z.enum(['save', 'publish']).default('save'),
    }),
  );
}
export type CaseForm = z.infer<ReturnType<typeof caseFormSchema>>;
