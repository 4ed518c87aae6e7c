/**
 * Dutch language knowledge for search, shared by both adapters: synonyms (also sent to
 * Meilisearch), stop words (Meilisearch has none by default), and word normalisation.
 */

/** Groups of words a member may use for the same thing in the housing and care domain. */
export const SYNONYM_GROUPS: string[][] = [
  ['huurachterstand', 'betalingsachterstand', 'huurschuld', 'achterstallige huur'],
  ['huisuitzetting', 'ontruiming', 'uitzetting'],
  ['statushouder', 'vergunninghouder', 'nieuwkomer'],
  ['schuldhulpverlening', 'schuldhulp', 'schuldsanering'],
  ['overlast', 'woonoverlast', 'burenoverlast'],
  ['buurtbemiddeling', 'burenbemiddeling'],
  ['woningcorporatie', 'corporatie', 'woningbouwvereniging', 'verhuurder'],
  ['huurder', 'bewoner'],
  ['renovatie', 'renoveren', 'groot onderhoud'],
  ['verduurzaming', 'verduurzamen', 'energietransitie', 'isolatie'],
  ['energiearmoede', 'energiearmoe'],
  ['kwetsbare groepen', 'kwetsbare huurders', 'kwetsbare bewoners'],
  ['ggz', 'geestelijke gezondheidszorg'],
  ['wijkteam', 'sociaal wijkteam', 'buurtteam'],
  ['dakloos', 'thuisloos', 'dakloosheid', 'thuisloosheid'],
  ['huurverhoging', 'huurstijging'],
  ['woonfraude', 'onderhuur', 'illegale onderhuur'],
  ['hennepkwekerij', 'hennepteelt', 'wietplantage'],
  ['seniorenwoning', 'ouderenwoning', 'levensloopbestendige woning'],
  ['mantelzorgwoning', 'kangoeroewoning'],
  ['flexwonen', 'tijdelijke woning', 'flexwoning'],
  ['huurdersorganisatie', 'huurdersvereniging', 'bewonerscommissie'],
  ['participatie', 'bewonersparticipatie', 'huurderbetrokkenheid'],
  ['vroegsignalering', 'vroeg eropaf', 'vroege signalering'],
  ['incasso', 'inning', 'invordering'],
  ['leefbaarheid', 'leefklimaat'],
  ['onderhoud', 'reparatie', 'herstel'],
  ['schimmel', 'vocht', 'vochtproblemen'],
  ['zzp', 'zelfstandige'],
  ['sroi', 'social return', 'social return on investment'],
  ['cpo', 'collectief particulier opdrachtgeverschap'],
  ['energiekosten', 'energielasten', 'energierekening', 'stookkosten'],
  ['woonlasten', 'woonkosten'],
  ['eenzaamheid', 'sociaal isolement'],
  ['zorgmijder', 'zorgmijders', 'zorgmijding'],
  ['ouderen', 'senioren'],
  ['jongeren', 'jongvolwassenen'],
  ['woningzoekende', 'woningzoeker'],
  ['urgentie', 'voorrangsverklaring'],
  ['aardgasvrij', 'gasloos', 'van het gas af'],
  ['budgetcoaching', 'budgetbegeleiding', 'budgetbeheer'],
  ['bewindvoering', 'beschermingsbewind', 'bewindvoerder'],
  ['huismeester', 'buurtconcierge', 'wijkbeheerder', 'complexbeheerder'],
  ['keukentafelgesprek', 'huisbezoek'],
  ['nieuwbouw', 'woningbouw'],
];

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
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const synonymIndex = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const term of group)
    synonymIndex.set(
      normalizeWord(term),
      group.filter((t) => t !== term),
    );
}

/** The other words of a word's synonym groups (exact normalised match, single or multi-word). */
export function synonymsOf(term: string): string[] {
  return synonymIndex.get(normalizeWord(term)) ?? [];
}

/** Meilisearch wants a map word → synonyms; built from the same groups. */
export function meiliSynonyms(): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) for (const term of group) map[term] = group.filter((t) => t !== term);
  return map;
}

/** Words (letters and digits) of a text, normalised. */
export function wordsOf(text: string): string[] {
  return normalizeWord(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
