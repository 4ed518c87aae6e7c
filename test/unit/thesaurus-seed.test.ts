import { THESAURUS_SEED } from '../../src/search/thesaurus-seed';
import { normalizeTerm, thesaurusGroupInput } from '../../src/search/thesaurus.schemas';

const normalised = THESAURUS_SEED.map((g) => g.terms.map(normalizeTerm));

describe('thesaurus seed', () => {
  it('has at least 150 groups', () => {
    expect(THESAURUS_SEED.length).toBeGreaterThanOrEqual(150);
  });

  it('has no group with fewer than two distinct normalised terms, and no term twice in a group', () => {
    const bad = normalised.filter((terms) => new Set(terms).size < 2 || new Set(terms).size !== terms.length);
    expect(bad).toEqual([]);
  });

  it('passes the rules the Beheer page applies (length, count, characters), so every group can be edited', () => {
    const refused = THESAURUS_SEED.map((group) => ({
      group: group.terms.join(' / '),
      result: thesaurusGroupInput.safeParse(group),
    }))
      .filter((r) => !r.result.success)
      .map((r) => [r.group, r.result.error?.issues[0]?.message]);
    expect(refused).toEqual([]);
  });

  it('has no comma in a term (the form separates terms with commas) and no group twice', () => {
    expect(THESAURUS_SEED.flatMap((g) => g.terms).filter((t) => t.includes(','))).toEqual([]);
    const keys = normalised.map((terms) => [...terms].sort().join('|'));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('covers the abbreviations practitioners use', () => {
    const abbreviations = new Set(
      THESAURUS_SEED.filter((g) => g.kind === 'afkorting').flatMap((g) => g.terms.map(normalizeTerm)),
    );
    // prettier-ignore
    const expected = ['wlz', 'wmo', 'mo', 'bw', 'wsnp', 'bbz', 'ggz', 'avg', 'sroi', 'cpo', 'vve', 'wws', 'daeb', 'woz',
      'bsn', 'nplv', 'pgb', 'cak', 'uwv', 'ind', 'coa', 'shv'];
    expect(expected.filter((a) => !abbreviations.has(a))).toEqual([]);
  });
});
