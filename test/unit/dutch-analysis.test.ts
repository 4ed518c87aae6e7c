import {
  analyseText,
  compoundSplits,
  diminutiveBase,
  isNoiseWord,
  nounVerbPair,
  splitCompound,
  stem,
} from '../../src/search/dutch-analysis';
import { wordsOf } from '../../src/search/dutch';

/** The Dutch analysis every search engine is fed from (documents and queries alike). */
describe('Dutch analysis', () => {
  it('splits compounds into words of the word list, with linking -s-, -e-, -en-', () => {
    expect(splitCompound('woningnood')).toEqual(['woning', 'nood']);
    expect(splitCompound('jongerenhuisvesting')).toEqual(['jongeren', 'huisvesting']);
    expect(splitCompound('huurachterstand')).toEqual(['huur', 'achterstand']);
    expect(splitCompound('beleidsplan')).toEqual(['beleids', 'plan']);
    expect(compoundSplits('mantelzorgwoning')).toEqual(
      expect.arrayContaining([
        ['mantel', 'zorgwoning'],
        ['mantelzorg', 'woning'],
      ]),
    );
  });

  it('keeps whole what only looks like a compound: verb particles, suffixes, names, short words', () => {
    for (const word of [
      'verhuizen',
      'overlast',
      'onderhoud',
      'achterstand',
      'uitstroom',
      'dakloosheid',
      'kwetsbare',
      'gemeente',
      'friesland',
      'daarvoor',
      'huis',
    ])
      expect({ word, split: splitCompound(word) }).toEqual({ word, split: null });
  });

  it('indexes the parts of compounds, the word of a diminutive, hyphenated words joined and noun/verb pairs', () => {
    const { stems, parts } = analyseText('De woningnood, een kamertje, re-integratie en gerenoveerd.');
    expect(stems.split(' ')).toEqual([
      'de',
      stem('woningnood'),
      'een',
      stem('kamertje'),
      're',
      stem('integratie'),
      'en',
      stem('gerenoveerd'),
    ]);
    expect(parts.split(' ')).toEqual(
      expect.arrayContaining([
        stem('woning'),
        stem('nood'),
        stem('kamer'),
        stem('reintegratie'),
        stem('renovatie'),
      ]),
    );
  });

  it('knows diminutives and the Latinate noun and verb that belong together', () => {
    expect(diminutiveBase('kamertje')).toBe('kamer');
    expect(diminutiveBase('huisjes')).toBe('huis');
    expect(diminutiveBase('woninkje')).toBe('woning');
    expect(diminutiveBase('meisje')).toBeNull();
    expect(nounVerbPair('renovatie')).toEqual([stem('renoveren')]);
    expect(nounVerbPair('isoleren')).toEqual([stem('isolatie')]);
    expect(nounVerbPair('leren')).toEqual([]);
  });

  it('reads words as members write them: accents, apostrophes, digits, question words', () => {
    expect(wordsOf("Financiële zzp'ers, 55plus en 55-plus")).toEqual([
      'financiele',
      'zzpers',
      '55',
      'plus',
      'en',
      '55',
      'plus',
    ]);
    expect(['hoe', 'wie', 'ervaring', 'tips', 'de'].every(isNoiseWord)).toBe(true);
    expect(isNoiseWord('huurachterstand')).toBe(false);
  });
});
