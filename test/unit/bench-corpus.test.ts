import { BENCH_ROLES, BENCH_THEMES, generateCorpus, queryMix, vocabulary } from '../../bench/corpus';

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
    expect(mix.some((q) => q.includes('%22'))).toBe(true); // a phrase
    expect(mix.some((q) => q.includes('&thema=') && q.includes('&rol='))).toBe(true); // two facets
  });
});
