/**
 * Word positions for the embedded engine's checks that need them (a compound's parts written
 * close together, query words near each other), among the best 200 matches only: a case's
 * analysed columns are stored as term numbers beside it and read for those cases (cheaper than
 * FTS5's NEAR, which read position lists of every case having the words).
 */

/** Columns as term numbers on disk: the column count, each column's length, then the terms (uint32). */
export function encodeColumns(columns: number[][]): Buffer {
  const total = columns.reduce((n, c) => n + c.length, 0);
  const out = new Uint32Array(1 + columns.length + total);
  out[0] = columns.length;
  columns.forEach((c, i) => (out[1 + i] = c.length));
  let at = 1 + columns.length;
  for (const c of columns) {
    out.set(c, at);
    at += c.length;
  }
  return Buffer.from(out.buffer);
}

export function decodeColumns(buffer: Buffer): Uint32Array[] {
  if (buffer.length < 4 || buffer.length % 4 !== 0) throw new Error('damaged columns');
  const words = new Uint32Array(buffer.length / 4);
  new Uint8Array(words.buffer).set(buffer);
  const n = words[0];
  const columns: Uint32Array[] = [];
  let at = 1 + n;
  for (let i = 0; i < n; i++) {
    columns.push(words.subarray(at, at + words[1 + i]));
    at += words[1 + i];
  }
  if (at !== words.length) throw new Error('damaged columns');
  return columns;
}

/** Where a phrase (term numbers in order) starts in a column. */
function startsOf(column: Uint32Array, phrase: number[]): number[] {
  const out: number[] = [];
  for (
    let i = column.indexOf(phrase[0]);
    i >= 0 && i + phrase.length <= column.length;
    i = column.indexOf(phrase[0], i + 1)
  ) {
    let k = 1;
    while (k < phrase.length && column[i + k] === phrase[k]) k++;
    if (k === phrase.length) out.push(i);
  }
  return out;
}

/** Whether a phrase stands in any column. */
export function hasPhrase(columns: Uint32Array[], phrase: number[]): boolean {
  return columns.some((column) => startsOf(column, phrase).length > 0);
}

/**
 * FTS5's NEAR: whether, in one column, every phrase stands so that at most `gap` tokens lie
 * between the end of any of them and the start of the last one to begin (FTS5's own rule, in
 * fts5ExprNearIsMatch; the tokens of a phrase in the middle count as between).
 */
export function near(columns: Uint32Array[], phrases: number[][], gap: number): boolean {
  for (const column of columns) {
    const starts = phrases.map((p) => startsOf(column, p));
    if (starts.some((s) => s.length === 0)) continue;
    // Each choice of one place per phrase; the lists are short (a word's places in one column).
    // The last start only grows and the first end only shrinks: a choice too wide stays so.
    const fits = (i: number, lastStart: number, firstEnd: number): boolean => {
      if (lastStart - firstEnd > gap) return false;
      if (i === phrases.length) return true;
      return starts[i].some((s) =>
        fits(i + 1, Math.max(lastStart, s), Math.min(firstEnd, s + phrases[i].length)),
      );
    };
    if (fits(0, -Infinity, Infinity)) return true;
  }
  return false;
}
