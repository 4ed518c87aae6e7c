import { z } from 'zod';
import { nl } from 'zod/locales';

/** A count or limit as Dutch writes it: 2.000, 20.000 (every limit a person reads goes through here). */
export function formatCount(n: number | bigint): string {
  return DUTCH_NUMBER.format(n);
}
const DUTCH_NUMBER = new Intl.NumberFormat('nl-NL');

/**
 * Zod's own Dutch messages for everything we do not word ourselves, except lengths and bounds:
 * zod's say "verwacht dat string <=2000 tekens heeft"; ours say "Hoogstens 2.000 tekens." with
 * the Dutch thousands separator, like the hints beside the fields.
 */
z.config({
  ...nl(),
  customError: (issue) => {
    if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
    const big = issue.code === 'too_big';
    const n = Number(big ? issue.maximum : issue.minimum);
    const bound = formatCount(n);
    switch (issue.origin) {
      case 'string':
        if (big) return `Hoogstens ${bound} ${n === 1 ? 'teken' : 'tekens'}.`;
        return n <= 1 ? 'Dit veld is verplicht.' : `Minstens ${bound} tekens.`;
      case 'number':
      case 'int':
      case 'bigint':
        if (issue.inclusive === false) return `Een getal ${big ? 'kleiner' : 'groter'} dan ${bound}.`;
        return `Een getal van ${big ? 'hoogstens' : 'minstens'} ${bound}.`;
      case 'array':
      case 'set':
        return big ? `Hoogstens ${bound} ${n === 1 ? 'keuze' : 'keuzes'}.` : `Kies er minstens ${bound}.`;
      default:
        return undefined;
    }
  },
});

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

/** NUL (PostgreSQL text cannot hold it) and UTF-16 halves without their other half. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREADABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters other than tab and line breaks, and the bidi overrides (U+202A–E, U+2066–9). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** True when the text holds a NUL or a lone surrogate: refused, never stored. */
export const isUnreadable = (s: string) => UNREADABLE.test(s);

export const UNREADABLE_MESSAGE =
  'bevat ongeldige tekens (zoals een nul-teken); haal die weg en probeer het opnieuw.';

/**
 * The paths of every string in a parsed value that isUnreadable: the validation layer's last
 * check on every route's input (route.ts) and on each import record, whatever its schema.
 */
export function unreadablePaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return isUnreadable(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unreadablePaths(v, [...path, String(i)]));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value).flatMap(([k, v]) => unreadablePaths(v, [...path, k]));
  return [];
}

/**
 * A string field: trimmed, with a named maximum length and a Dutch message. NUL and lone
 * surrogates are refused; other control characters and bidi overrides are removed.
 */
export function text(label: string, max: number, options: { required?: boolean; min?: number } = {}) {
  let s = z
    // A required field left out of the form reads the same as one left empty.
    .string({ error: options.required ? `${label} is verplicht.` : `${label} ontbreekt.` })
    .refine((v) => !isUnreadable(v), { error: `${label} ${UNREADABLE_MESSAGE}` })
    .overwrite((v) => v.replace(CONTROL, ''))
    .trim()
    .max(max, { error: `${label} mag hoogstens ${formatCount(max)} tekens lang zijn.` });
  if (options.required) s = s.min(options.min ?? 1, { error: `${label} is verplicht.` });
  return s;
}

/** A form value that may come once (string) or repeated (array): always an array. */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An e-mail address field, lower-cased; `missing` says whose address is asked for (default: the person's own). */
export function email(missing = 'Vul uw e-mailadres in.') {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(254, { error: 'Een e-mailadres mag hoogstens 254 tekens lang zijn.' })
    .pipe(z.email({ error: 'Dit is geen geldig e-mailadres.' }))
    .transform((e) => e.toLowerCase());
}

/** An integer id from a path or form value: decimal digits only (no 0x1, 1.0 or 1e3). */
export const idParam = z.preprocess(
  decimal,
  z.number({ error: 'Ongeldig nummer.' }).int().positive().max(2_147_483_647),
);

/** A form or path value as a number when it is written in decimal digits; anything else stays NaN. */
export function decimal(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  return typeof v === 'string' ? NaN : v;
}

/** The schema, refusing NUL and lone surrogates in any string of its output (for hand-parsed forms and imports). */
export function readable<T extends z.ZodType>(schema: T) {
  return schema.superRefine((data, ctx) => {
    for (const path of unreadablePaths(data)) {
      ctx.addIssue({ code: 'custom', path, message: `Dit veld ${UNREADABLE_MESSAGE}` });
    }
  });
}
