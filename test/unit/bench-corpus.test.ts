import {
  BENCH_ROLES,
  BENCH_THEMES,
  generateCorpus,
  QUERY_KINDS,
  queryMix,
  vocabulary,
} from '../../bench/corpus';
import { formatTable } from '../../bench/report';
import { normalizeWord } from '../../src/search/dutch';

describe('benchmark corpus', () => {
  it('is deterministic for a seed, and different for another seed', () => {
    expect(generateCorpus(50, 7)).toEqual(generateCorpus(50, 7));
    expect(generateCorpus(50, 8)[0].title).not.toBe(generateCorpus(50, 7)[0].title);
  });

  it('has bodies of 300–1,500 words, a few thousand distinct words and a Zipf-like frequency', () => {
    const corpus = generateCorpus(400, 1);
    const counts = new Map<string, number>();
    for (const c of corpus) {
      const body = [c.context, c.approach, c.results, c.lessons, c.question].join(' ');
      const words = body.toLowerCase().match(/[\p{L}]+/gu) ?? [];
      expect(words.length).toBeGreaterThanOrEqual(300);
      expect(words.length).toBeLessThanOrEqual(1700);
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    expect(vocabulary().length).toBeGreaterThan(1000);
    const ranked = [...counts.values()].sort((a, b) => b - a);
    // Zipf: the 10th word is about ten times rarer than the first, the 100th a hundred times.
    expect(ranked[0] / ranked[9]).toBeGreaterThan(5);
    expect(ranked[0] / ranked[99]).toBeGreaterThan(40);
    expect(counts.has('huurachterstand')).toBe(true);
  });

  it('spreads roles and themes unevenly, with some drafts and attachments', () => {
    const corpus = generateCorpus(1000, 3);
    const roleCounts = BENCH_ROLES.map((r) => corpus.filter((c) => c.roles.includes(r)).length);
    const themeCounts = BENCH_THEMES.map((t) => corpus.filter((c) => c.themes.includes(t)).length);
    expect(Math.min(...roleCounts)).toBeGreaterThan(0);
    expect(Math.max(...themeCounts) / Math.min(...themeCounts)).toBeGreaterThan(3);
    const drafts = corpus.filter((c) => c.status === 'draft').length / corpus.length;
    expect(drafts).toBeGreaterThan(0.01);
    expect(drafts).toBeLessThan(0.1);
    const withAttachments = corpus.filter((c) => c.attachmentTexts.length > 0).length / corpus.length;
    expect(withAttachments).toBeGreaterThan(0.25);
    expect(withAttachments).toBeLessThan(0.45);
  });

  it('offers at least 30 queries of every kind', () => {
    const mix = queryMix();
    expect(mix.length).toBeGreaterThanOrEqual(30);
    expect(new Set(mix).size).toBe(mix.length);
    for (const kind of [
      'common',
      'rare',
      'twoWords',
      'phrase',
      'typo',
      'compound',
      'oneFacet',
      'twoFacets',
    ]) {
      expect(QUERY_KINDS[kind]?.length).toBeGreaterThan(0);
    }
    expect(mix.some((q) => q.includes('%22'))).toBe(true); // a phrase
    expect(mix.some((q) => q.includes('&thema=') && q.includes('&rol='))).toBe(true); // two facets
  });

  it('has common words in most cases and rare words in fewer than 2% of them', () => {
    const corpus = generateCorpus(1000, 20261122);
    const share = (word: string) =>
      corpus.filter((c) =>
        normalizeWord([c.title, c.summary, c.context, c.approach, c.results].join(' ')).includes(word),
      ).length / corpus.length;
    for (const q of QUERY_KINDS.common) expect(share(q.slice(2).replace(/s$/, ''))).toBeGreaterThan(0.5);
    for (const q of QUERY_KINDS.rare) {
      expect(share(q.slice(2))).toBeGreaterThan(0);
      expect(share(q.slice(2))).toBeLessThan(0.02);
    }
  });
});

describe('benchmark table', () => {
  it('rounds req/s to whole numbers and latencies to one decimal, in aligned columns', () => {
    const scenario = { requests: 1, errors: 0, errorKinds: {}, statuses: {} };
    const table = formatTable([
      {
        ...scenario,
        name: 'ceiling (/account)',
        rps: 261.4,
        p50: 33.592017,
        p95: 54.141554,
        p99: 76.233944,
        ofCeiling: 100,
      },
      {
        ...scenario,
        name: 'search /casussen?q=',
        rps: 4,
        p50: 1283.437946,
        p95: 3569.0483329999997,
        p99: 12345.67,
        errors: 3,
        ofCeiling: 2,
      },
    ]).split('\n');
    expect(table[1]).toMatch(/^ceiling \(\/account\)\s+261\s+33\.6\s+54\.1\s+76\.2\s+0\s+100%$/);
    expect(table[2]).toMatch(/^search \/casussen\?q=\s+4\s+1283\.4\s+3569\.0\s+12345\.7\s+3\s+2%$/);
    // The number columns are right-aligned under their headings: each ends where its heading ends.
    const headingEnds = ['req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '% ceiling'].map(
      (h) => table[0].indexOf(h) + h.length,
    );
    for (const line of table) {
      expect(line).toHaveLength(table[0].length);
      for (const end of headingEnds) expect(line.slice(end - 1, end + 1)).toMatch(/^\S( |$)/);
    }
  });
});
