/**
 * The embedded engine's inverted index, in typed arrays, scoring exactly as SQLite FTS5's bm25()
 * does (k1 1.2, b 0.75, column weights summed into one frequency per phrase, the row's total
 * length) in a fraction of the time: FTS5 reads the position list of every match to rank, which
 * for a word in most cases costs 5–15 ms per word; here a word in 9,000 cases is one pass over
 * two arrays. FTS5 stays for what needs positions (phrases, words near each other).
 *
 * Terms are numbers from one dictionary (persisted beside the documents, so a start reads
 * numbers, not strings). Documents live in slots shared by every postings list: a write gives a
 * case a new slot and kills the old one; the postings are compacted when dead slots outnumber
 * the living.
 */

import { termWeights, type WeightedColumn } from './document-analysis';

const K1 = 1.2;
const B = 0.75;

/** FTS5's idf: documents with the phrase among all rows, floored just above zero (a word in most rows weighs nothing). */
export function bm25Idf(rows: number, withPhrase: number): number {
  return Math.max(1e-6, Math.log((rows - withPhrase + 0.5) / (withPhrase + 0.5)));
}

/** FTS5's bm25 of one phrase in one row: its weighted frequency, the row's length and the average length. */
export function bm25(idf: number, frequency: number, length: number, averageLength: number): number {
  return (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / averageLength));
}

type NumberArray = Int32Array | Int16Array | Uint8Array | Float32Array;

/** A typed array of another length with the same values (as far as both reach). */
export function resized<T extends NumberArray>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array.length > size ? (array.subarray(0, size) as T) : array);
  return out;
}

/** Terms as numbers; a term keeps its number for the life of the index. */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Terms starting with a prefix (a word still being typed): one pass over the dictionary. */
  startingWith(prefix: string): number[] {
    const out: number[] = [];
    for (let id = 0; id < this.names.length; id++) if (this.names[id].startsWith(prefix)) out.push(id);
    return out;
  }

  clear() {
    this.ids.clear();
    this.names.length = 0;
  }
}

/** The slots of the documents: case id ↔ slot, and which slots are alive. */
export class DocSlots {
  private readonly slotOf = new Map<number, number>();
  caseOf = new Int32Array(1024);
  alive = new Uint8Array(1024);
  /** Slots handed out (alive or dead): typed arrays indexed by slot need this length. */
  count = 0;
  private readonly lists: Bm25Postings[] = [];

  get live(): number {
    return this.slotOf.size;
  }

  slot(caseId: number): number | undefined {
    return this.slotOf.get(caseId);
  }

  /** Each postings list on these slots, to be compacted with them. */
  register(list: Bm25Postings) {
    this.lists.push(list);
  }

  /** A new slot for a case (its old one, if any, dies). */
  assign(caseId: number): number {
    this.release(caseId);
    if (this.count === this.caseOf.length) {
      this.caseOf = resized(this.caseOf, this.count * 2);
      this.alive = resized(this.alive, this.count * 2);
    }
    const slot = this.count++;
    this.caseOf[slot] = caseId;
    this.alive[slot] = 1;
    this.slotOf.set(caseId, slot);
    return slot;
  }

  release(caseId: number) {
    const slot = this.slotOf.get(caseId);
    if (slot === undefined) return;
    this.slotOf.delete(caseId);
    this.alive[slot] = 0;
    for (const list of this.lists) list.drop(slot);
  }

  clear() {
    this.slotOf.clear();
    this.alive.fill(0);
    this.count = 0;
    for (const list of this.lists) list.clear();
  }

  /** Whether compacting pays (dead slots outnumber the living); do it between searches. */
  get wasteful(): boolean {
    return this.count - this.live > Math.max(1000, this.live);
  }

  /** Drops dead slots: the living are numbered again in their order, postings follow. Returns old → new (-1 dead). */
  compact(): Int32Array {
    const remap = new Int32Array(this.count).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.count; slot++) {
      if (!this.alive[slot]) continue;
      remap[slot] = next;
      this.caseOf[next] = this.caseOf[slot];
      this.slotOf.set(this.caseOf[slot], next);
      next++;
    }
    this.alive.fill(0);
    this.alive.fill(1, 0, next);
    this.count = next;
    for (const list of this.lists) list.remap(remap);
    return remap;
  }
}

/** The postings of one term: slots in ascending order, with the weighted frequency in each. */
interface Postings {
  slots: Int32Array;
  weights: Float32Array;
  length: number;
}

/** A document's terms: term numbers and weighted frequencies, and its length in tokens. */
export interface DocTerms {
  ids: Uint32Array;
  weights: Float32Array;
  length: number;
}

/** The postings of one FTS5 table's worth of columns (the case's text, or its attachments). */
export class Bm25Postings {
  private postings: Array<Postings | undefined> = [];
  private lengthOf = new Float32Array(1024);
  private rows = 0;
  private tokens = 0;
  /** Per slot: a phrase's summed frequency while it is scored. */
  private scratch = new Float32Array(1024);

  constructor(private readonly slots: DocSlots) {
    slots.register(this);
  }

  add(slot: number, doc: DocTerms) {
    if (doc.length === 0) return;
    if (slot >= this.lengthOf.length) this.growSlots(this.slots.caseOf.length);
    this.lengthOf[slot] = doc.length;
    this.rows++;
    this.tokens += doc.length;
    for (let i = 0; i < doc.ids.length; i++) {
      const id = doc.ids[i];
      let p = this.postings[id];
      if (!p) this.postings[id] = p = { slots: new Int32Array(4), weights: new Float32Array(4), length: 0 };
      if (p.length === p.slots.length) {
        // Long lists grow by a quarter: a common word's list wastes little memory.
        const size = p.length < 1024 ? p.length * 2 : Math.ceil(p.length * 1.25);
        p.slots = resized(p.slots, size);
        p.weights = resized(p.weights, size);
      }
      p.slots[p.length] = slot;
      p.weights[p.length] = doc.weights[i];
      p.length++;
    }
  }

  /** A slot died (its postings stay until compaction; they are skipped). */
  drop(slot: number) {
    if (slot >= this.lengthOf.length || this.lengthOf[slot] === 0) return;
    this.rows--;
    this.tokens -= this.lengthOf[slot];
    this.lengthOf[slot] = 0;
  }

  clear() {
    this.postings = [];
    this.lengthOf.fill(0);
    this.rows = this.tokens = 0;
  }

  /** Whether a slot has a document in this table. */
  has(slot: number): boolean {
    return slot < this.lengthOf.length && this.lengthOf[slot] > 0;
  }

  /** Documents in this table. */
  get size(): number {
    return this.rows;
  }

  /**
   * Adds bm25 of one phrase to `out` (per slot) for every document with any of its terms, and
   * lists in `touched` the slots it made non-zero: FTS5's phrase OR'd over several terms (a
   * prefix, or one word in several column sets) sums their frequencies, and its idf counts the
   * documents having any of them.
   */
  addPhrase(termIds: number[], out: Float64Array, touched: number[]) {
    const { scratch, lengthOf } = this;
    const alive = this.slots.alive;
    const hit: number[] = [];
    for (const id of termIds) {
      const p = this.postings[id];
      if (!p) continue;
      const { slots, weights, length } = p;
      for (let i = 0; i < length; i++) {
        const slot = slots[i];
        if (!alive[slot] || lengthOf[slot] === 0) continue;
        if (scratch[slot] === 0) hit.push(slot);
        scratch[slot] += weights[i];
      }
    }
    if (hit.length === 0) return;
    const idf = bm25Idf(this.rows, hit.length);
    const averageLength = this.tokens / Math.max(1, this.rows);
    for (const slot of hit) {
      const f = scratch[slot];
      scratch[slot] = 0;
      if (out[slot] === 0) touched.push(slot);
      out[slot] += bm25(idf, f, lengthOf[slot], averageLength);
    }
  }

  /** Trims the postings to their length (after loading, when no more growth is expected soon). */
  trim() {
    for (const p of this.postings) {
      if (!p || p.slots.length === p.length) continue;
      p.slots = p.slots.slice(0, p.length);
      p.weights = p.weights.slice(0, p.length);
    }
  }

  private growSlots(size: number) {
    this.lengthOf = resized(this.lengthOf, size);
    this.scratch = new Float32Array(size);
  }

  /** Slots were numbered again (DocSlots.compact). */
  remap(remap: Int32Array) {
    const lengthOf = new Float32Array(Math.max(1024, this.slots.caseOf.length));
    for (let old = 0; old < remap.length; old++)
      if (remap[old] >= 0) lengthOf[remap[old]] = this.lengthOf[old];
    this.lengthOf = lengthOf;
    this.scratch = new Float32Array(lengthOf.length);
    for (const p of this.postings) {
      if (!p) continue;
      let n = 0;
      for (let i = 0; i < p.length; i++) {
        const s = remap[p.slots[i]];
        if (s < 0) continue;
        p.slots[n] = s;
        p.weights[n] = p.weights[i];
        n++;
      }
      p.length = n;
    }
  }
}

export type { WeightedColumn } from './document-analysis';

/** A document's terms as numbers of the dictionary, with their weighted frequencies. */
export function weighTerms(columns: WeightedColumn[], dictionary: TermDictionary): DocTerms {
  const { weights, length } = termWeights(columns);
  const ids = new Uint32Array(weights.size);
  const values = new Float32Array(weights.size);
  let i = 0;
  for (const [term, weight] of weights) {
    ids[i] = dictionary.intern(term);
    values[i++] = weight;
  }
  return { ids, weights: values, length };
}

/** Terms on disk: count and length (uint32), the term numbers (uint32), the weights (float32). */
export function encodeTerms(doc: DocTerms): Buffer {
  const n = doc.ids.length;
  const out = new Uint32Array(2 + 2 * n);
  out[0] = n;
  out[1] = doc.length;
  out.set(doc.ids, 2);
  new Float32Array(out.buffer, 4 * (2 + n), n).set(doc.weights);
  return Buffer.from(out.buffer);
}

export function decodeTerms(buffer: Buffer): DocTerms {
  if (buffer.length < 8 || buffer.length % 4 !== 0) throw new Error('damaged term list');
  // Copied into an aligned buffer (SQLite's may start anywhere).
  const words = new Uint32Array(buffer.length / 4);
  new Uint8Array(words.buffer).set(buffer);
  const n = words[0];
  if (buffer.length !== 4 * (2 + 2 * n)) throw new Error('damaged term list');
  return {
    ids: words.subarray(2, 2 + n),
    weights: new Float32Array(words.buffer, 4 * (2 + n), n),
    length: words[1],
  };
}
