import { EmbeddedCaseSearch } from '../../src/search/embedded-search';
import { doc, query } from '../support/search-documents';

/**
 * The embedded engine ranks the best matches again on word positions (query words close
 * together count extra) and keeps recently read positions in memory: an edit must count at once.
 */
describe('embedded engine: ranking on word positions', () => {
  const filler = 'de bewoners van het complex kregen vooraf een brief en een bezoek van de consulent';
  const close = `${filler} sloop nieuwbouw ${filler} ${filler}`;
  const apart = `${filler} sloop ${filler} ${filler} nieuwbouw`;
  const same = { updatedAt: '2026-01-01T00:00:00.000Z', title: 'Herstructurering van een wijk' };
  let engine: EmbeddedCaseSearch;

  beforeEach(async () => {
    engine = new EmbeddedCaseSearch({ file: null });
    engine.markReady();
  });
  afterEach(() => engine.close());

  const order = async () => (await engine.search(query('sloop nieuwbouw'), { id: 1 })).hits.map((h) => h.id);

  it('puts the case with the query words close together first, also after an edit swaps them', async () => {
    await engine.upsert([doc(1, { ...same, body: close }), doc(2, { ...same, body: apart })]);
    expect(await order()).toEqual([1, 2]);
    // Asked again (positions now kept in memory), then the texts swap places.
    expect(await order()).toEqual([1, 2]);
    await engine.upsert([doc(1, { ...same, body: apart }), doc(2, { ...same, body: close })]);
    expect(await order()).toEqual([2, 1]);
  });

  it('forgets the positions of a removed case, and of every case after a reset', async () => {
    await engine.upsert([doc(1, { ...same, body: close }), doc(2, { ...same, body: apart })]);
    expect(await order()).toEqual([1, 2]);
    await engine.remove([1]);
    await engine.upsert([doc(1, { ...same, body: apart })]);
    await engine.upsert([doc(2, { ...same, body: close })]);
    expect(await order()).toEqual([2, 1]);
    await engine.reset();
    await engine.upsert([doc(2, { ...same, body: apart }), doc(1, { ...same, body: close })]);
    expect(await order()).toEqual([1, 2]);
  });

  it('finds a quoted phrase where it stands after every write, also after the slots are compacted', async () => {
    const phrase = async () =>
      (await engine.search(query('"groot onderhoud"'), { id: 1 })).hits.map((h) => h.id).sort();
    const withPhrase = (id: number) => doc(id, { body: `Het groot onderhoud van ${id} woningen.` });
    const without = (id: number) => doc(id, { body: `Onderhoud was groot bij ${id} woningen.` });
    await engine.upsert([withPhrase(1), withPhrase(2), without(3)]);
    expect(await phrase()).toEqual([1, 2]);
    await engine.upsert([without(1)]);
    expect(await phrase()).toEqual([2]);
    // Enough rewrites for the dead slots to outnumber the living: the slots are numbered again.
    for (let n = 0; n < 1100; n++) await engine.upsert([without(3)]);
    await engine.upsert([withPhrase(3)]);
    expect(await phrase()).toEqual([2, 3]);
  });
});
