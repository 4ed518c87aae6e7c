/**
 * Dutch word forms the snowball stemmer of PostgreSQL's `dutch` configuration does not bring
 * together, so a search for one form also finds the other: plurals with a doubled consonant
 * (plan → plannen: stems "plan" and "plann"), with s/z or f/v (huis → huizen, brief → brieven),
 * with a long vowel written once (uur → uren), -eren plurals (kind → kinderen), -heid → -heden,
 * Latin plurals (centrum → centra) and a few irregular ones (stad → steden). Candidates are
 * generated freely here; the caller keeps only words the search lexicon holds.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);
const isConsonant = (c: string | undefined) => c !== undefined && /[a-z]/.test(c) && !VOWELS.has(c);

/** Singular ↔ plural pairs no rule below produces. */
const IRREGULAR: Array<[string, string]> = [
  ['stad', 'steden'],
  ['lid', 'leden'],
  ['schip', 'schepen'],
  ['smid', 'smeden'],
  ['gelid', 'gelederen'],
  ['koe', 'koeien'],
  ['ei', 'eieren'],
];
const irregularForms = new Map<string, string>();
for (const [singular, plural] of IRREGULAR) {
  irregularForms.set(singular, plural);
  irregularForms.set(plural, singular);
}

/** Final f and s are written v and z before a vowel: huis → huizen, brief → brieven. */
const voiced = (stem: string) => stem.replace(/f$/, 'v').replace(/s$/, 'z');
const unvoiced = (stem: string) => stem.replace(/v$/, 'f').replace(/z$/, 's');

/** Other number forms of a normalised word (lower case, no accents): candidates, not all real words. */
export function numberForms(word: string): string[] {
  const w = word;
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return [];
  const forms = new Set<string>();
  const add = (form: string) => {
    if (form.length >= 3 && form !== w) forms.add(form);
  };
  const irregular = irregularForms.get(w);
  if (irregular) add(irregular);
  const [c1, c2, c3] = [w.at(-1), w.at(-2), w.at(-3)];

  // Singular → plural.
  add(`${w}s`);
  add(`${w}en`);
  if (c1 === 'e') add(`${w}n`); // gemeente → gemeenten
  if (isConsonant(c1)) add(`${voiced(w)}en`); // huis → huizen, brief → brieven
  if (isConsonant(c1) && isVowel(c2) && !isVowel(c3)) add(`${w}${c1}en`); // plan → plannen, bus → bussen
  if (isConsonant(c1) && isVowel(c2) && c2 === c3) add(`${voiced(w.slice(0, -2) + c1)}en`); // uur → uren, kaas → kazen
  add(`${w}eren`); // kind → kinderen
  if (w.endsWith('heid')) add(`${w.slice(0, -4)}heden`);
  if (w.endsWith('um')) add(`${w.slice(0, -2)}a`); // centrum → centra
  if (w.endsWith('ie')) add(`${w}en`); // industrie → industrieën (unaccented)

  // Plural → singular.
  if (w.endsWith('s')) add(w.slice(0, -1));
  if (w.endsWith('en')) {
    const stem = w.slice(0, -2);
    add(stem);
    add(unvoiced(stem));
    const [s1, s2, s3] = [stem.at(-1), stem.at(-2), stem.at(-3)];
    // bussen → bus, plannen → plan
    if (isConsonant(s1) && s1 === s2) add(stem.slice(0, -1));
    // uren → uur, kazen → kaas, bomen → boom: an open syllable had a long vowel
    if (isConsonant(s1) && isVowel(s2) && !isVowel(s3) && s2 !== 'i') {
      add(unvoiced(`${stem.slice(0, -1)}${s2}${s1}`));
    }
    if (w.endsWith('eren')) add(w.slice(0, -4)); // kinderen → kind
    if (w.endsWith('heden')) add(`${w.slice(0, -5)}heid`);
  }
  if (c1 === 'n' && c2 === 'e') add(w.slice(0, -1)); // gemeenten → gemeente
  if (w.endsWith('a')) add(`${w.slice(0, -1)}um`); // centra → centrum
  return [...forms];
}

/** Shortest part of a compound this module will split off. */
const MIN_PART = 4;

/**
 * Ways to read a word as a compound of two words, with the Dutch linking s or e(n) dropped from
 * the first part: "energiekosten" → energie + kosten, "huurdersvereniging" → huurders|huurder +
 * vereniging. Candidates only: the caller keeps splits whose parts are indexed words.
 */
export function compoundSplits(word: string): Array<[string, string]> {
  if (word.length < 2 * MIN_PART || !/^[a-z]+$/.test(word)) return [];
  const splits: Array<[string, string]> = [];
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    splits.push([head, tail]);
    if (head.endsWith('s') && head.length > MIN_PART) splits.push([head.slice(0, -1), tail]);
    if (head.endsWith('en') && head.length - 2 >= MIN_PART) splits.push([head.slice(0, -2), tail]);
  }
  return splits;
}
