import { z } from 'zod';
import { nl } from 'zod/locales';

// Zod's own Dutch messages for everything we do not word ourselves.
z.config(nl());

export type FieldErrors = Record<string, string>;

/** Zod issues → one Dutch message per form field (the first problem of each field). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A string field: trimmed, with a named maximum length and a Dutch message. */
export function text(label: string, max: number, options: { required?: boolean; min?: number } = {}) {
  let s = z
    .string({ error: `${label} ontbreekt.` })
    .trim()
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` });
  if (options.required) s = s.min(options.min ?? 1, { error: `${label} is verplicht.` });
  return s;
}

/** A form value that may come once (string) or repeated (array): always an array. */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An e-mail address field, lower-cased. */
export function email() {
  return z
    .string({ error: 'E-mailadres ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul uw e-mailadres in.' })
    .max(254, { error: 'Een e-mailadres mag hoogstens 254 tekens lang zijn.' })
    .pipe(z.email({ error: 'Dit is geen geldig e-mailadres.' }))
    .transform((e) => e.toLowerCase());
}

/** An integer id from a path or form value. */
export const idParam = z.coerce.number({ error: 'Ongeldig nummer.' }).int().positive().max(2_147_483_647);
