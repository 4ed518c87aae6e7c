import Database from 'better-sqlite3';
import { decodeColumns, encodeColumns, hasPhrase, near } from '../../src/search/embedded-positions';

/** Words as numbers, as the engine stores them. */
const numbers = new Map<string, number>();
const ids = (text: string) =>
  text.split(' ').map((w) => {
    if (!numbers.has(w)) numbers.set(w, numbers.size);
    return numbers.get(w)!;
  });
const columns = (...texts: string[]) => decodeColumns(encodeColumns(texts.map((t) => (t ? ids(t) : []))));

/** What SQLite FTS5 says of the same NEAR query (the behaviour this replaces). */
function fts5Near(texts: string[], phrases: string[], gap: number): boolean {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b)`);
  db.prepare(`INSERT INTO t (rowid, a, b) VALUES (1, ?, ?)`).run(texts[0], texts[1] ?? '');
  const hit = db
    .prepare(`SELECT rowid FROM t WHERE t MATCH ?`)
    .all(`NEAR(${phrases.map((p) => `"${p}"`).join(' ')}, ${gap})`);
  db.close();
  return hit.length > 0;
}

describe('word positions for phrases and NEAR among the best matches', () => {
  it('finds a phrase only with its words in order and together', () => {
    const c = columns('de huur achterstand liep op', 'achterstand bij de huur');
    expect(hasPhrase(c, ids('huur achterstand'))).toBe(true);
    expect(hasPhrase(c, ids('achterstand huur'))).toBe(false);
  });

  it.each([
    [['huur en een grote achterstand', ''], ['huur', 'achterstand'], 3],
    [['huur en een hele grote lange achterstand', ''], ['huur', 'achterstand'], 3],
    [['achterstand van de huur', ''], ['huur', 'achterstand'], 2],
    [['huur', 'achterstand'], ['huur', 'achterstand'], 6],
    [['de wijk aanpak van de gemeente met bewoners', ''], ['wijk aanpak', 'bewoners'], 4],
    [['schuld hulp bij de huur', ''], ['schuld', 'hulp', 'huur'], 2],
    [['schuld en nog veel meer hulp bij de huur', ''], ['schuld', 'hulp', 'huur'], 2],
  ])('agrees with FTS5 NEAR: %j %j within %i', (texts, phrases, gap) => {
    const c = columns(...texts);
    expect(near(c, phrases.map(ids), gap)).toBe(fts5Near(texts, phrases, gap));
  });

  it('agrees with FTS5 NEAR on 300 generated texts and queries', () => {
    const vocabulary = ['huur', 'achterstand', 'wijk', 'aanpak', 'de', 'en', 'schuld', 'hulp'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 4 + Math.floor(random() * 12) }, pick).join(' ');
      const phrases = Array.from({ length: 2 + Math.floor(random() * 2) }, () =>
        random() < 0.2 ? `${pick()} ${pick()}` : pick(),
      );
      const gap = Math.floor(random() * 5);
      expect([text, phrases, gap, near(columns(text), phrases.map(ids), gap)]).toEqual([
        text,
        phrases,
        gap,
        fts5Near([text], phrases, gap),
      ]);
    }
  });

  it('refuses a damaged column list', () => {
    expect(() => decodeColumns(Buffer.from([1, 0, 0, 0, 9, 0, 0, 0]))).toThrow('damaged');
  });
});
