/**
 * A deterministic, realistic-enough Dutch corpus for the benchmark: domain vocabulary with a
 * Zipf-like word frequency (compounds included), bodies of 300–1,500 words, attachment text on
 * a share of cases, uneven roles and themes, some drafts. Same seed → same corpus.
 */

/** mulberry32: a small, fast, well-distributed PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS =
  'de het een en van in op te met voor dat die is zijn aan door bij als om ook niet er naar maar wij we ze hun deze dit was werd wordt worden meer tot over nog al na omdat zodat waardoor samen vaak goed nieuwe eerste'.split(
    ' ',
  );

const ROOTS =
  'huur huurder bewoner woning wijk buurt gemeente corporatie zorg welzijn schuld betaling achterstand incasso ontruiming overlast leefbaarheid renovatie onderhoud isolatie energie armoede participatie bemiddeling begeleiding jongeren ouderen statushouder vergunninghouder mantelzorg flex woonfraude hennep aardbeving fundering schimmel vocht verduurzaming sloop nieuwbouw huurprijs toewijzing urgentie wachtlijst dakloosheid opvang ggz wijkteam politie buren gesprek aanpak project resultaat evaluatie samenwerking afspraak convenant budget subsidie investering regeling signaal melding huisbezoek keukentafel maatwerk preventie coaching training vrijwilliger bewonerscommissie huurdersvereniging opdrachtgever aannemer bouwteam planning oplevering kwaliteit beheer complex portiek galerij flat eengezinswoning studio appartement'.split(
    ' ',
  );
const PREFIXES = 'huur wijk buurt woon zorg energie schuld bewoners betalings ouderen jongeren sociaal'.split(
  ' ',
);
const HEADS =
  'achterstand aanpak beheer team project plan overleg coach budget loket contract regeling armoede problematiek gesprek signaal'.split(
    ' ',
  );
const VERBS =
  'bellen bezoeken begeleiden signaleren afspreken evalueren verbeteren organiseren investeren renoveren isoleren bemiddelen voorkomen ondersteunen aanpakken'.split(
    ' ',
  );
/**
 * Specific topics only a few cases mention (in real collections most words are rare): each case
 * names one with a small chance, so each term is in well under 1% of cases. Accents included.
 */
export const RARE_TOPICS = [
  'kangoeroewoning',
  'knarrenhof',
  'asbestsanering',
  'energiecoöperatie',
  'woningruil',
  'doorstroommakelaar',
  'skaeve huse',
  'hospitaverhuur',
  'containerwoning',
  'funderingsherstel',
  'onderhuurconstructie',
  'mantelzorgunit',
  'woonzorgcoöperatie',
  'buurtpension',
  'schuldenrust',
  'zorgboerderij',
  'buurtconciërge',
  'wijkrestaurant',
  'opkoopbescherming',
  'tuinonderhoudsploeg',
  'loodleidingen',
  'warmtenet',
  'woongroep voor jongvolwassenen',
  'prestatieafspraken',
  'huurbevriezing',
  'aardgasvrije wijk',
  'portiekgesprek',
  'leegstandsbeheer',
  'tijdelijke huurcontracten',
  'gebiedsgerichte aanpak',
];

const PLACES =
  'Zwolle Deventer Groningen Twente Rotterdam-Zuid Zaanstad Leeuwarden Tilburg Arnhem Almere Utrecht Limburg Breda Emmen'.split(
    ' ',
  );
export const BENCH_ROLES = ['verhuurder', 'samenwerkingspartner', 'opdrachtgever', 'ontwikkelaar'] as const;
export const BENCH_THEMES = [
  'incasso',
  'renovatie',
  'kwetsbare-groepen',
  'zorg-en-welzijn',
  'social-return',
  'woonconcepten',
  'huurderbetrokkenheid',
  'schuldhulpverlening',
  'overlast',
  'leefbaarheid',
  'betaalbaarheid',
  'onderhoud',
];

/**
 * The vocabulary, most frequent first: function words, roots, verbs, plurals, then compounds.
 * About 2,500 words, so the Zipf tail holds words that only a few percent of cases use (rare
 * words for the query mix); with fewer, every word appeared in nearly every case.
 */
export function vocabulary(): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  for (const r of ROOTS) words.add(r);
  for (const v of VERBS) words.add(v);
  for (const r of ROOTS) words.add(r.endsWith('e') ? `${r}n` : `${r}en`);
  for (const p of PREFIXES) for (const h of HEADS) words.add(`${p}${h}`);
  for (const p of PREFIXES) for (const r of ROOTS) words.add(`${p}${r}`);
  for (const r of ROOTS.slice(0, 50)) for (const h of HEADS) words.add(`${r}${h}`);
  for (const p of PLACES) words.add(p);
  return [...words];
}

/** Zipf sampler over a ranked list: P(rank k) ∝ 1/k^s. */
export function zipfSampler(size: number, random: () => number, s = 1.05): () => number {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += 1 / Math.pow(k + 1, s);
    cdf[k] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface BenchCase {
  title: string;
  summary: string;
  context: string;
  approach: string;
  results: string;
  lessons: string;
  question: string;
  roles: string[];
  themes: string[];
  tags: string[];
  organization: string;
  partners: string;
  region: string;
  year: number;
  contact: string;
  author: string;
  status: 'published' | 'draft';
  /** Extracted attachment text the benchmark stores for a share of cases. */
  attachmentTexts: string[];
}

/** Picks with a skewed distribution: the first items much more often (real collections are uneven). */
function skewedPick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(Math.pow(random(), 1.8) * items.length))];
}

export function generateCorpus(
  count: number,
  seed = 20261122,
  authors: string[] = ['bench@casusbank.invalid'],
): BenchCase[] {
  const random = prng(seed);
  const vocab = vocabulary();
  const nextWord = zipfSampler(vocab.length, random);
  const words = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(vocab[nextWord()]);
    return out;
  };
  const sentence = (n: number) => {
    const w = words(n);
    w[0] = w[0].charAt(0).toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  const paragraph = (wordCount: number) => {
    const parts: string[] = [];
    let left = wordCount;
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(random() * 14));
      parts.push(sentence(n));
      left -= n;
    }
    return parts.join(' ');
  };
  const cases: BenchCase[] = [];
  for (let i = 0; i < count; i++) {
    const bodyWords = 300 + Math.floor(random() * 1200);
    const share = [0.3, 0.3, 0.25, 0.1, 0.05].map((f) => Math.max(20, Math.round(bodyWords * f)));
    const roleCount = random() < 0.25 ? 2 : 1;
    const themeCount = 1 + (random() < 0.45 ? 1 : 0) + (random() < 0.1 ? 1 : 0);
    const roles = new Set<string>();
    while (roles.size < roleCount) roles.add(skewedPick(BENCH_ROLES, random));
    const themes = new Set<string>();
    while (themes.size < themeCount) themes.add(skewedPick(BENCH_THEMES, random));
    const attachments = random() < 0.35 ? 1 + Math.floor(random() * 3) : 0;
    const titleWords = words(4 + Math.floor(random() * 5)).filter((w) => !FUNCTION_WORDS.includes(w));
    const topic = random() < 0.15 ? RARE_TOPICS[Math.floor(random() * RARE_TOPICS.length)] : null;
    cases.push({
      title: `${titleWords.join(' ')} ${PLACES[Math.floor(random() * PLACES.length)]} ${i + 1}`.slice(0, 200),
      summary: paragraph(40 + Math.floor(random() * 40)).slice(0, 600),
      context: paragraph(share[0]),
      approach: topic ? `${paragraph(share[1])} Het ging om ${topic}.` : paragraph(share[1]),
      results: paragraph(share[2]),
      lessons: paragraph(share[3]),
      question: paragraph(share[4]),
      roles: [...roles],
      themes: [...themes],
      tags: words(3).filter((w) => !FUNCTION_WORDS.includes(w)),
      organization: `Woonstichting ${skewedPick(PLACES, random)} ${1 + Math.floor(random() * 4)}`,
      partners: 'gemeente, wijkteam',
      region: PLACES[Math.floor(random() * PLACES.length)],
      year: 2012 + Math.floor(random() * 15),
      contact: `Contactpersoon ${i + 1}`,
      author: authors[i % authors.length],
      status: random() < 0.04 ? 'draft' : 'published',
      attachmentTexts: Array.from({ length: attachments }, () =>
        paragraph(500 + Math.floor(random() * 2500)),
      ),
    });
  }
  return cases;
}

/** The query mix: 36 queries of every kind issue 7 lists, grouped by kind. */
export const QUERY_KINDS: Record<string, string[]> = {
  // In most cases of the corpus.
  common: ['q=huur', 'q=bewoners', 'q=gemeente', 'q=aanpak', 'q=woning'],
  // In well under 1% of cases (RARE_TOPICS), one without its accent.
  rare: [
    'q=kangoeroewoning',
    'q=knarrenhof',
    'q=asbestsanering',
    'q=energiecooperatie',
    'q=woningruil',
    'q=doorstroommakelaar',
  ],
  twoWords: [
    'q=huurachterstand gemeente',
    'q=jongeren begeleiding',
    'q=energie armoede',
    'q=renovatie bewoners',
    'q=knarrenhof ouderen',
  ],
  phrase: ['q="wijk aanpak"', 'q="huur achterstand"', 'q="skaeve huse"'],
  typo: ['q=renovasie', 'q=huurachterstant', 'q=bemiddling', 'q=kangoeroewonig'],
  compound: ['q=achterstand', 'q=armoede', 'q=problematiek'],
  syntax: ['q=overlast -hennep', 'q=ontruiming of huisuitzetting', 'q=statushouder'],
  oneFacet: [
    'q=huur&thema=incasso',
    'q=bewoners&rol=verhuurder',
    'q=woning&organisatietype=overig',
    'q=coaching&reflectie=nee',
  ],
  twoFacets: [
    'q=aanpak&thema=renovatie&rol=opdrachtgever',
    'q=gemeente&jaar=2020&thema=overlast',
    'q=zorg welzijn&thema=zorg-en-welzijn&rol=samenwerkingspartner',
  ],
};

/** The query mix as URL query strings (values encoded), every kind interleaved. */
export function queryMix(): string[] {
  const encode = (qs: string) =>
    qs
      .split('&')
      .map((pair) => pair.split('=').map(encodeURIComponent).join('='))
      .join('&');
  const lists = Object.values(QUERY_KINDS);
  const mix: string[] = [];
  for (let i = 0; mix.length < lists.flat().length; i++)
    for (const list of lists) if (list[i]) mix.push(encode(list[i]));
  return mix;
}
