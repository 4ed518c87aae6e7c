import { stem } from '../../src/search/dutch-analysis';
import { snippetOf, type SnippetMarks } from '../../src/search/snippets';

const marks = (...words: string[]): SnippetMarks => ({ stems: new Set(words.map(stem)), prefixes: [] });
const filler = (n: number, word = 'tekst') => Array.from({ length: n }, () => word).join(' ');

describe('snippets: the window with the most query words', () => {
  it('marks every form of a query word (plural, compound part) and nothing else', () => {
    const snip = snippetOf(
      'De huurders met een huurachterstand kregen een brief over de huur.',
      marks('huur'),
    )!;
    expect(snip.text).toContain('\u0002huur\u0003');
    expect(snip.text).toContain('\u0002huurachterstand\u0003');
    expect(snip.text).not.toContain('\u0002brief');
  });

  it('prefers the place where several query words stand together over the first match', () => {
    const text = `Gemeente alleen. ${filler(80)} Hier werken gemeente en corporatie samen aan schulden. ${filler(80)}`;
    const snip = snippetOf(text, marks('gemeente', 'corporatie', 'schulden'))!;
    expect(snip.hits).toBe(3);
    expect(snip.text).toMatch(/^… /);
    expect(snip.text).toMatch(/ …$/);
    expect(snip.firstAt).toBe(text.indexOf('gemeente en'));
  });

  it('keeps to about thirty words', () => {
    const snip = snippetOf(`${filler(100)} incasso ${filler(100)}`, marks('incasso'))!;
    const shown = snip.text.split('\u0002').join('').split('\u0003').join('').replace(/…/g, '');
    expect(shown.trim().split(/\s+/).length).toBeLessThanOrEqual(31);
  });

  it('finds words in a text whose accents are written as separate characters', () => {
    // "e" followed by a combining acute accent: normalising shortens the text.
    const snip = snippetOf('Een cafe\u0301 in de wijk en een buurthuis voor ouderen.', marks('buurthuis'))!;
    expect(snip.text).toContain('\u0002buurthuis\u0003');
  });

  it('returns nothing when no query word is in the text (a substring is not a word)', () => {
    expect(snippetOf('De verhuurder belde de huurster.', marks('uur'))).toBeNull();
  });
});
