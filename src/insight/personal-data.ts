/** An e-mail address anywhere in a text (no spaces around the @, a dot in the domain). */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** A run of digits with the separators people type in phone numbers (+31 6-1234 5678, (020) 123 45 67). */
const NUMBER_RUN = /(?:\+|\b00)?\d[\d\s().-]{6,}\d/g;

/**
 * Whether a search query looks like it holds personal data: an e-mail address, or a phone number
 * (or a citizen service number) — nine digits or more in one run. Years ("2019-2023"), postcodes
 * and house numbers stay below that.
 */
export function holdsPersonalData(text: string): boolean {
  if (EMAIL.test(text)) return true;
  for (const run of text.match(NUMBER_RUN) ?? []) {
    const digits = run.replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15) return true;
  }
  return false;
}
