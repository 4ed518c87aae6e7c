/**
 * Dutch language basics for search, shared by every adapter: stop words (Meilisearch has none by
 * default) and word normalisation. Synonyms live in the kerngroep's thesaurus (thesaurus.ts); the
 * analysis (stems, compounds) in dutch-analysis.ts.
 */

/** Dutch stop words for Meilisearch (PostgreSQL's `dutch` configuration has its own list). */
// prettier-ignore
export const DUTCH_STOP_WORDS = [
  'aan', 'al', 'alle', 'als', 'bij', 'dan', 'dat', 'de', 'deze', 'die', 'dit', 'door', 'een', 'en', 'er', 'ge', 'had',
  'heb', 'hebben', 'heeft', 'het', 'hij', 'hoe', 'hun', 'ik', 'in', 'is', 'je', 'kan', 'maar', 'me', 'met', 'mij', 'na',
  'naar', 'niet', 'nog', 'nu', 'of', 'om', 'onder', 'ons', 'ook', 'op', 'over', 'te', 'tegen', 'toch', 'tot', 'u', 'uit',
  'van', 'veel', 'voor', 'want', 'was', 'wat', 'we', 'wel', 'werd', 'wie', 'wij', 'wordt', 'zal', 'ze', 'zich', 'zij',
  'zijn', 'zo', 'zonder', 'zou',
];

/** Lower case, accents off (é → e, ë → e), apostrophes kept inside words. */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII: lower case is all they need (NFD is the slow part).
  if (/^[\t\n\r -~]*$/.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Meilisearch wants a map term → the terms it also means; a term in several groups gets them all. */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups)
    for (const term of group)
      map[term] = [...new Set([...(map[term] ?? []), ...group.filter((t) => t !== term)])];
  return map;
}

/**
 * A word: letters or digits, with an apostrophe inside kept together ("zzp'ers", "auto's");
 * letters and digits are separate words ("55plus" and "55-plus" are both 55 + plus).
 */
export const WORD_PATTERN = /\p{L}+(?:['’]\p{L}+)*|\p{N}+/gu;

/** Words of a text, normalised ("zzp'ers" → "zzpers", "Cliënten" → "clienten"). */
export function wordsOf(text: string): string[] {
  return (normalizeWord(text).match(WORD_PATTERN) ?? []).map(joinApostrophes);
}

/** "zzp'ers" → "zzpers": the apostrophe only marks where a word was joined. */
export function joinApostrophes(word: string): string {
  return word.replace(/['’]/g, '');
}
