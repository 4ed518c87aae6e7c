import { compoundSplits, numberForms } from '../../src/search/dutch-morphology';

describe('Dutch number forms the stemmer keeps apart', () => {
  it.each([
    ['plan', 'plannen'],
    ['bus', 'bussen'],
    ['gezin', 'gezinnen'],
    ['huis', 'huizen'],
    ['brief', 'brieven'],
    ['uur', 'uren'],
    ['kaas', 'kazen'],
    ['kind', 'kinderen'],
    ['mogelijkheid', 'mogelijkheden'],
    ['stad', 'steden'],
    ['gemeente', 'gemeenten'],
    ['centrum', 'centra'],
    ['woning', 'woningen'],
    ['huurder', 'huurders'],
  ])('%s ↔ %s', (singular, plural) => {
    expect(numberForms(singular)).toContain(plural);
    expect(numberForms(plural)).toContain(singular);
  });

  it('leaves short words, digits and the word itself out', () => {
    expect(numberForms('ab')).toEqual([]);
    expect(numberForms('2024')).toEqual([]);
    expect(numberForms('woning')).not.toContain('woning');
  });
});

describe('Dutch compound splits', () => {
  it('reads a compound as two words, with and without the linking s or en', () => {
    expect(compoundSplits('energiekosten')).toContainEqual(['energie', 'kosten']);
    expect(compoundSplits('huurdersvereniging')).toContainEqual(['huurders', 'vereniging']);
    expect(compoundSplits('huurdersvereniging')).toContainEqual(['huurder', 'vereniging']);
  });

  it('does not split short words or split off parts under four letters', () => {
    expect(compoundSplits('woning')).toEqual([]);
    expect(compoundSplits('wetgeving').every(([a, b]) => a.length >= 4 && b.length >= 4)).toBe(true);
  });
});
