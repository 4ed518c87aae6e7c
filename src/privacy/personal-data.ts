/**
 * Finds personal data of tenants and clients in Dutch text: BSN, IBAN, phone numbers, e-mail
 * addresses, addresses, dates of birth, licence plates and names next to a tenant word.
 *
 * Every pattern is linear in the text (no nested or overlapping unbounded quantifiers; each
 * repetition is bounded and each pattern starts only at a word start), so a 250,000-character
 * attachment is checked in milliseconds, and the number of findings is capped.
 */

export const FINDING_KINDS = [
  'bsn',
  'iban',
  'telefoon',
  'email',
  'adres',
  'geboortedatum',
  'kenteken',
  'naam',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Record<FindingKind, string> = {
  bsn: 'Burgerservicenummer',
  iban: 'Rekeningnummer (IBAN)',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
  adres: 'Adres',
  geboortedatum: 'Geboortedatum',
  kenteken: 'Kenteken',
  naam: 'Naam van een huurder of cliënt',
};

/** One piece of personal data: its kind and where it is (UTF-16 offsets, end exclusive). */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

/** What a confirmation stores: kind, text and where, so the kerngroep can look at the same thing. */
export interface ConfirmedFinding {
  kind: FindingKind;
  text: string;
  where: string;
}

export interface DetectOptions {
  /**
   * Text that is allowed to appear: the case's contact person and the names of organisations.
   * A finding whose text (or, for a name, whose name part) is one of these, or part of one, is
   * no finding.
   */
  allowed?: string[];
  /** At most this many findings (the first ones in the text). */
  max?: number;
}

export const MAX_FINDINGS = 100;

/** Personal data in this text, in order of position, overlapping matches merged to the first. */
export function findPersonalData(text: string, options: DetectOptions = {}): Finding[] {
  const max = options.max ?? MAX_FINDINGS;
  const allowed = allowedMatcher(options.allowed ?? []);
  const found: Finding[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    let perRule = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const hit = rule.accept(m);
      if (!hit) continue;
      const start = m.index + hit.offset;
      const finding = { kind: rule.kind, start, end: start + hit.text.length, text: hit.text };
      if (allowed(hit.allowedKey ?? hit.text)) continue;
      found.push(finding);
      // Enough of one kind: the rest cannot change what the author has to do.
      if (++perRule >= max) break;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Finding[] = [];
  for (const f of found) {
    const last = result[result.length - 1];
    if (last && f.start < last.end) continue; // overlaps an earlier finding (e.g. a BSN inside an IBAN)
    result.push(f);
    if (result.length >= max) break;
  }
  return result;
}

interface Accepted {
  text: string;
  /** Where the reported text starts inside the match (a name after "mevrouw"). */
  offset: number;
  /** What to compare with the allowed texts, when not the text itself. */
  allowedKey?: string;
}

interface Rule {
  kind: FindingKind;
  pattern: RegExp;
  accept(m: RegExpExecArray): Accepted | null;
}

const whole = (m: RegExpExecArray): Accepted => ({ text: m[0], offset: 0 });

/** The 11-proef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0). */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: letters → numbers, mod 97 of the rearranged IBAN is 1. */
export function validIban(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (s.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

const MONTHS =
  'januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|september|sept|sep|oktober|okt|november|nov|december|dec';

/** Endings of Dutch street names (Dorpsstraat, Leeuweriksweg, Stationsplein …). */
const STREET_ENDINGS =
  'straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg|dreef|baan|markt|ring|wal|dam|plantsoen|erf|akker|haven|kamp|park|allee|boulevard|promenade|hoven|veld|stede|burcht|oord';

// Surname particles (De Vries, van der Berg, El Amrani, Ben Ali, 't Hart, d'Ancona).
const PARTICLE = `(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|['’]t|[Ii]n|[Oo]p|[Ee]l|[Aa]l|[Bb]en|[Aa]bu|[Dd]a|[Dd]os|[Dd]i|[Dd]u|[Ll]e|[Ll]a)`;
const CAPITALISED = `\\p{Lu}[\\p{Ll}'’]{1,30}(?:-\\p{Lu}?[\\p{Ll}'’]{1,30})?`;
const INITIALS = `(?:\\p{Lu}\\.\\s?){1,4}`;
/** A surname, maybe after initials, with particles, maybe double ("Jansen-De Vries"). */
const NAME = `(?:${INITIALS})?(?:${PARTICLE}\\s){0,3}(?:d['’])?${CAPITALISED}`;
/** Words that say a tenant or client is meant. "de heer" needs the article: "heer" alone is no title. */
const TENANT_WORDS = [
  '[Mm]evrouw',
  '[Mm]evr\\.?',
  '[Mm]w\\.',
  '[Mm]eneer',
  '[Mm]ijnheer',
  '[Dd]hr\\.?',
  '[Dd]e heer',
  '[Ff]amilie',
  '[Ff]am\\.',
  '[Hh]uurder',
  '[Hh]uurster',
  '[Bb]ewoner',
  '[Bb]ewoonster',
  '[Cc]li[eë]nte?',
  '[Hh]uishouden',
  '[Gg]ezin',
].join('|');

/** Role mailboxes of organisations: no person behind them. */
const ROLE_MAILBOXES = new Set([
  'info',
  'contact',
  'secretariaat',
  'klantenservice',
  'servicedesk',
  'noreply',
  'no-reply',
  'post',
  'receptie',
  'communicatie',
  'administratie',
  'privacy',
  'helpdesk',
]);

// Letters Dutch plates use (no vowels, no C or Q), for the 14 side codes with their dashes.
const P = '[BDFGHJKLMNPRSTVXZ]';
const PLATE_SIDECODES = [
  `${P}{2}-\\d{2}-\\d{2}`,
  `\\d{2}-\\d{2}-${P}{2}`,
  `\\d{2}-${P}{2}-\\d{2}`,
  `${P}{2}-\\d{2}-${P}{2}`,
  `${P}{2}-${P}{2}-\\d{2}`,
  `\\d{2}-${P}{2}-${P}{2}`,
  `\\d{2}-${P}{3}-\\d`,
  `\\d-${P}{3}-\\d{2}`,
  `${P}{2}-\\d{3}-${P}`,
  `${P}-\\d{3}-${P}{2}`,
  `${P}{3}-\\d{2}-${P}`,
  `${P}-\\d{2}-${P}{3}`,
  `\\d-${P}{2}-\\d{3}`,
  `\\d{3}-${P}{2}-\\d`,
];

const RULES: Rule[] = [
  {
    kind: 'iban',
    // Two letters, two digits, then 11–30 letters or digits, optionally in groups of four.
    pattern: /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/gu,
    accept(m) {
      // The match may run into the next word ("… 00 en"): the longest valid prefix is the IBAN.
      let candidate = m[0];
      while (candidate.replace(/ /g, '').length >= 15) {
        if (validIban(candidate) && !/[A-Za-z0-9]/.test(m.input[m.index + candidate.length] ?? ''))
          return { text: candidate, offset: 0 };
        candidate = candidate.slice(0, -1).trimEnd();
      }
      return null;
    },
  },
  {
    kind: 'bsn',
    // Nine digits, together or as 123.456.782 / 1234.56.782 / 123 456 782.
    pattern: /(?<![\d.,-])(?:\d{9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}\.\d{2}\.\d{3})(?![\d]|[.,-]\d)/g,
    accept: (m) => (passesElevenTest(m[0].replace(/\D/g, '')) ? whole(m) : null),
  },
  {
    kind: 'telefoon',
    // +31, 0031 or 0 (or an area code in brackets), then digits with spaces, dashes or brackets.
    pattern: /(?<![\p{L}\p{N}+(])(?:\+31|0031|\(0|0)[\d ()-]{8,18}/gu,
    accept(m) {
      // The run may go on into the next number ("06 12345678 2 keer"): drop trailing groups.
      let candidate = m[0].replace(/[ ()-]+$/, '');
      if (/^\d{1,2}-\d{1,2}-\d{2,4}(?!\d)/.test(candidate)) return null; // a date: 01-03-2024 12 …
      for (;;) {
        const digits = candidate.replace(/\D/g, '');
        const national = /^(?:\+31|0031)/.test(candidate)
          ? '0' + digits.slice(candidate.startsWith('+') ? 2 : 4).replace(/^0/, '')
          : digits;
        if (national.length === 10) {
          if (!/^0[1-9]/.test(national) || /[ ()-]{3}/.test(candidate)) return null;
          // 0800/0900 and 088 are organisations' numbers, not people's.
          if (/^0(?:800|900|906|909|88)/.test(national)) return null;
          return { text: candidate, offset: 0 };
        }
        if (national.length < 10) return null;
        const cut = candidate.search(/[ ()-]+\d+$/);
        if (cut <= 0) return null;
        candidate = candidate.slice(0, cut);
      }
    },
  },
  {
    kind: 'email',
    pattern:
      /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\p{L}\p{N}])/gu,
    accept(m) {
      const local = m[0].slice(0, m[0].indexOf('@')).toLowerCase();
      return ROLE_MAILBOXES.has(local) ? null : whole(m);
    },
  },
  {
    kind: 'adres',
    // A postcode followed by a house number ("1234 AB 12", "1234AB, huisnummer 12"); a postcode alone is a place.
    pattern:
      /(?<![\p{L}\p{N}])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?:,? ?(?:en )?(?:huisnummer|huisnr\.?|nr\.?|nummer) ?| |, )\d{1,5}(?: ?[a-zA-Z](?![\p{L}])|-\d{1,4})?(?![\p{L}\p{N}])/gu,
    accept: whole,
  },
  {
    kind: 'adres',
    // A street and its number: "Dorpsstraat 12", "Burgemeester de Withstraat 3a", "Leeuweriksweg 12-2".
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{Ll}]{1,20} (?:(?:van|de|der|den|het|'t) ){0,2})?\\p{Lu}[\\p{Ll}'-]{0,30}(?:${STREET_ENDINGS}) \\d{1,5}(?: ?[a-zA-Z](?![\\p{L}])|-\\d{1,4}| (?:hs|bis)(?![\\p{L}]))?(?![\\p{N}])`,
      'gu',
    ),
    accept: whole,
  },
  {
    kind: 'geboortedatum',
    pattern: new RegExp(
      `(?<![\\p{L}])(?:geboren|geb\\.|geb|geboortedatum:?)\\s(?:op\\s)?(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{1,2}\\s(?:${MONTHS})\\.?\\s\\d{4})(?![\\p{N}])`,
      'giu',
    ),
    accept: whole,
  },
  {
    kind: 'kenteken',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:${PLATE_SIDECODES.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
      'gu',
    ),
    accept: whole,
  },
  {
    kind: 'naam',
    pattern: new RegExp(`(?<![\\p{L}])(?:${TENANT_WORDS}) (${NAME})(?![\\p{L}])`, 'gu'),
    accept(m) {
      const name = m[1];
      // A capital after a tenant word is also how a sentence goes on ("de huurder Daarna" is rare,
      // "huurder De Vries" is common): common words that start a sentence are no names.
      const first = name.replace(/^(?:\p{Lu}\.\s?)+/u, '').split(/\s/)[0];
      if (NOT_NAMES.has(first.toLowerCase()) && !/\s/.test(name)) return null;
      return { text: m[0], offset: 0, allowedKey: name };
    },
  },
];

/** Capitalised words that follow "huurder", "gezin" … without being a name. */
const NOT_NAMES = new Set([
  'de',
  'het',
  'een',
  'die',
  'dat',
  'en',
  'of',
  'in',
  'op',
  'met',
  'van',
  'voor',
  'zelf',
  'niet',
  'wel',
  'ook',
  'nog',
  'is',
  'was',
  'had',
  'heeft',
  'werd',
  'wordt',
  'kreeg',
  'kon',
  'kan',
  'wilde',
  'wil',
  'daarna',
  'toen',
  'nu',
  'hij',
  'zij',
  'ze',
  'we',
  'wij',
]);

/** True when a text is (part of) one of the allowed texts, compared without case and extra spaces. */
function allowedMatcher(allowed: string[]): (text: string) => boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const list = allowed.map(norm).filter((s) => s.length >= 2);
  if (list.length === 0) return () => false;
  return (text) => {
    const t = norm(text);
    return list.some((a) => a === t || containsWords(a, t));
  };
}

/** Whether `words` occurs in `text` on word boundaries ("de vries" in "sanne de vries, consulent"). */
function containsWords(text: string, words: string): boolean {
  let at = text.indexOf(words);
  while (at >= 0) {
    const before = text[at - 1];
    const after = text[at + words.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
    at = text.indexOf(words, at + 1);
  }
  return false;
}

/** Same kind and same text (spaces and case aside): confirmed once, not asked again. */
export function findingKey(f: Pick<Finding, 'kind' | 'text'>): string {
  return `${f.kind}|${f.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** A short piece of text around a finding, for showing it in context (whole words at the edges). */
export function contextOf(
  text: string,
  finding: Pick<Finding, 'start' | 'end'>,
  radius = 60,
): { before: string; match: string; after: string } {
  let from = Math.max(0, finding.start - radius);
  let to = Math.min(text.length, finding.end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < finding.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > finding.end) to = space;
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + squash(text.slice(from, finding.start)),
    match: text.slice(finding.start, finding.end),
    after: squash(text.slice(finding.end, to)) + (to < text.length ? '…' : ''),
  };
}
