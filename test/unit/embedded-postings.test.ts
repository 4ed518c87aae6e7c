import Database from 'better-sqlite3';
import {
  Bm25Postings,
  DocSlots,
  TermDictionary,
  decodeTerms,
  encodeTerms,
  weighTerms,
} from '../../src/search/embedded-postings';

/** Two columns as the engine weighs them: a strong one and a weak one (weights as in bm25()). */
const WEIGHTS = [10, 1];
const docs: Array<[number, string, string]> = [
  [1, 'huur achterstand', 'de huur was te hoog en de huur bleef liggen'],
  [2, 'renovatie', 'bewoners bleven wonen tijdens de renovatie van de flat'],
  [3, 'huur', 'kort'],
  [4, 'schuldhulp', 'een maatje bij elke achterstand in de huur en de energie'],
  [5, 'overlast', 'buren en hennep en nog meer overlast in de wijk'],
  [7, 'wijkaanpak', 'de wijk samen met de gemeente'],
];

function fts5Scores(query: string): Map<number, number> {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'unicode61')`);
  const insert = db.prepare(`INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)`);
  for (const d of docs) insert.run(...d);
  const rows = db
    .prepare(`SELECT rowid, -bm25(t, ${WEIGHTS.join(', ')}) FROM t WHERE t MATCH ?`)
    .raw()
    .all(query) as Array<[number, number]>;
  db.close();
  return new Map(rows);
}

function index() {
  const slots = new DocSlots();
  const dictionary = new TermDictionary();
  const postings = new Bm25Postings(slots);
  const put = (id: number, a: string, b: string) =>
    postings.add(
      slots.assign(id),
      weighTerms(
        [
          { tokens: a, weight: WEIGHTS[0], prefix: '' },
          { tokens: b, weight: WEIGHTS[1], prefix: '' },
        ],
        dictionary,
      ),
    );
  for (const d of docs) put(...d);
  const scores = (...terms: string[]) => {
    const out = new Float64Array(slots.caseOf.length);
    const touched: number[] = [];
    for (const term of terms)
      postings.addPhrase(
        [dictionary.idOf(term)!].filter((x) => x !== undefined),
        out,
        touched,
      );
    return new Map(touched.map((slot) => [slots.caseOf[slot], out[slot]]));
  };
  return { slots, dictionary, postings, put, scores };
}

const close = (a: Map<number, number>, b: Map<number, number>) => {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [id, score] of a) expect(score).toBeCloseTo(b.get(id)!, 4);
};

describe('in-memory postings score as SQLite FTS5 bm25() does', () => {
  it('one word: same cases, same scores (column weights, length, idf)', () => {
    close(index().scores('huur'), fts5Scores('huur'));
    close(index().scores('renovatie'), fts5Scores('renovatie'));
  });

  it('words OR-ed: the scores of each word add up', () => {
    close(index().scores('huur', 'wijk', 'achterstand'), fts5Scores('huur OR wijk OR achterstand'));
  });

  it('a rewritten or removed case counts once, also after the slots are compacted', () => {
    const ix = index();
    // Rewrite case 5 many times and drop case 7: dead slots pile up until compaction.
    for (let i = 0; i < 3000; i++) ix.put(5, 'overlast', 'buren en hennep en nog meer overlast in de wijk');
    ix.slots.release(7);
    if (ix.slots.wasteful) ix.slots.compact();
    expect(ix.slots.count).toBeLessThan(3000);
    const withoutSeven = docs.filter((d) => d[0] !== 7);
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b)`);
    for (const d of withoutSeven) db.prepare(`INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)`).run(...d);
    const expected = new Map(
      db
        .prepare(`SELECT rowid, -bm25(t, 10, 1) FROM t WHERE t MATCH 'wijk OR overlast'`)
        .raw()
        .all() as Array<[number, number]>,
    );
    close(ix.scores('wijk', 'overlast'), expected);
  });

  it('stores a document’s terms compactly and reads them back; a damaged list is refused', () => {
    const dictionary = new TermDictionary();
    const terms = weighTerms([{ tokens: 'huur huur achterstand', weight: 2, prefix: '~' }], dictionary);
    const back = decodeTerms(encodeTerms(terms));
    expect([...back.ids].map((id) => dictionary.names[id])).toEqual(['~huur', '~achterstand']);
    expect([...back.weights]).toEqual([4, 2]);
    expect(back.length).toBe(3);
    expect(() => decodeTerms(Buffer.from('kapot'))).toThrow('damaged');
  });
});
