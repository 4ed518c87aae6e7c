import { parseQuery, MAX_QUERY_LENGTH } from '../../src/search/search-query';
import { searchParamsSchema, toSearchQuery } from '../../src/search/search.params';

// The query syntax members type into /casussen, and the URL parameters that become a search.
const params = (given: Record<string, unknown>) => searchParamsSchema.parse(given);

describe('parseQuery', () => {
  it('reads words as AND, "phrases", -exclusions and OF/OR alternatives', () => {
    const parsed = parseQuery('"schuld hulp" huurachterstand OF betalingsachterstand -ontruiming');
    expect(parsed.groups).toEqual([
      [{ kind: 'phrase', text: 'schuld hulp' }],
      [
        { kind: 'word', text: 'huurachterstand' },
        { kind: 'word', text: 'betalingsachterstand' },
      ],
    ]);
    expect(parsed.excluded).toEqual([{ kind: 'word', text: 'ontruiming' }]);
  });

  it('leaves stop words out, but says so when nothing else is left', () => {
    expect(parseQuery('de aanpak van het wijkteam').groups.map((g) => g[0].text)).toEqual([
      'aanpak',
      'wijkteam',
    ]);
    expect(parseQuery('de het een').onlyStopWords).toBe(true);
    expect(parseQuery('').onlyStopWords).toBe(false);
  });

  it('treats one token of several words as a joined phrase ("energie-armoede", "55plus")', () => {
    expect(parseQuery('energie-armoede').groups).toEqual([
      [{ kind: 'phrase', text: 'energie armoede', joined: true }],
    ]);
  });

  it('marks only the last word typed as a prefix, and only while typing', () => {
    const typing = parseQuery('vroeg sign', { prefixLastWord: true });
    expect(typing.groups.map((g) => g[0].prefix ?? false)).toEqual([false, true]);
    expect(parseQuery('vroeg sign ', { prefixLastWord: true }).groups[1][0].prefix).toBeUndefined();
    expect(parseQuery('vroeg sign').groups[1][0].prefix).toBeUndefined();
  });

  it('keeps operator syntax of the engines as text', () => {
    const parsed = parseQuery(`title:renovatie OR 1=1; DROP TABLE cases -- "`);
    const texts = parsed.groups.flat().map((t) => t.text);
    expect(texts.join(' ')).not.toMatch(/[:;=]/);
  });
});

describe('toSearchQuery', () => {
  const themes = ['incasso', 'renovatie'];

  it('keeps known facet values, ignores unknown ones and says which', () => {
    const parsed = toSearchQuery(
      params({ rol: ['verhuurder', 'huisbaas'], thema: ['incasso', 'onbekend'], jaar: ['2023', '23'] }),
      themes,
    );
    expect(parsed.query.filters.roles).toEqual(['verhuurder']);
    expect(parsed.query.filters.themes).toEqual(['incasso']);
    expect(parsed.query.filters.years).toEqual([2023]);
    expect(parsed.notices.join(' ')).toMatch(/huisbaas.*onbekend.*23/s);
    expect(parsed.state).toMatchObject({ rol: ['verhuurder'], thema: ['incasso'], jaar: ['2023'] });
  });

  it('cuts a long query at the limit, strips control characters, and parses it once', () => {
    const parsed = toSearchQuery(params({ q: `huur\u0000achterstand ${'x'.repeat(300)}` }), themes);
    expect(parsed.query.q.length).toBe(MAX_QUERY_LENGTH);
    expect(parsed.query.q.startsWith('huur achterstand')).toBe(true);
    expect(parsed.notices[0]).toContain(`${MAX_QUERY_LENGTH} tekens`);
    expect(parsed.query.parsed?.groups[0][0].text).toBe('huur');
  });

  it('applies a chosen sort only to the query it was chosen for', () => {
    const same = toSearchQuery(
      params({ q: 'renovatie', sorteer: 'nieuwste', sorteer_bij: 'renovatie' }),
      themes,
    );
    expect(same.query.sort).toBe('newest');
    const other = toSearchQuery(
      params({ q: 'incasso', sorteer: 'nieuwste', sorteer_bij: 'renovatie' }),
      themes,
    );
    expect(other.query.sort).toBeUndefined();
  });

  it('clamps the page and reads letterlijk only with words', () => {
    expect(toSearchQuery(params({ pagina: '0' }), themes).query.page).toBe(1);
    expect(toSearchQuery(params({ pagina: '999999' }), themes).query.page).toBe(10_000);
    expect(toSearchQuery(params({ q: 'leefbarheid', letterlijk: '1' }), themes).query.literal).toBe(true);
    expect(toSearchQuery(params({ letterlijk: '1' }), themes).query.literal).toBeFalsy();
  });
});
