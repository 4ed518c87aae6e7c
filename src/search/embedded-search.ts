import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { CaseSearch, RelatedQuery } from './case-search';
import { ANALYSIS_VERSION, isNoiseWord, stem, words } from './dutch-analysis';
import {
  ATTACHMENT_CHARS,
  ATTACHMENT_FACTOR,
  ATT_WEIGHTS,
  CASE_COLUMNS,
  CASE_WEIGHTS,
  EXACT,
  PARTS,
  analyseDocument,
  attachmentWeightedColumns,
  caseWeightedColumns,
} from './document-analysis';
import {
  PARTS_NEAR,
  analyseQuery,
  wordForms,
  type AnalysedQuery,
  markedStems,
  type ColumnSet,
  type GroupForms,
  type ThesaurusIndex,
} from './embedded-query';
import {
  Bm25Postings,
  DocSlots,
  TermDictionary,
  decodeTerms,
  encodeTerms,
  weighTerms,
  type DocTerms,
} from './embedded-postings';
import { FacetColumns } from './embedded-facets';
import { decodeColumns, encodeColumns, hasPhrase, near } from './embedded-positions';
import type { SearchDocument } from './search-document';
import {
  parsedOf,
  type ParsedQuery,
  type QueryTerm,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import { typoCorrections } from './lexicon';
import { markedSnippet, pageAt, snippetOf, type Snip } from './snippets';
import { isShared, visibleTo } from './visibility';

/** Bumped when the file layout changes; an index of another version is rebuilt. */
const SCHEMA_VERSION = 5;

/** Attachment text indexed per attachment (document-analysis.ts). */
export const EMBEDDED_ATTACHMENT_CHARS = ATTACHMENT_CHARS;

const CASE_COLS: ColumnSet = {
  stems: ['title', 'head', 'body', 'meta', 'refl', 'react'],
  // Parts of compounds in the title and summary weigh more than those in the rest ("Woningnood" in a title).
  parts: ['tparts', 'parts'],
  exact: 'exact',
};
const ATT_COLS: ColumnSet = { stems: ['att'], parts: ['att_parts'] };

/** Neighbouring query words at most this many words apart count as close (a bonus per pair). */
const NEAR_WORDS = 6;
const NEAR_BONUS = 0.25;
const MAX_NEAR_PAIRS = 6;
/** Sorting by title: Dutch order, numbers as numbers. */
const TITLE_ORDER = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
/** Phrase matches kept between writes (each at most 8 bytes a case: 80 KB at 10,000 cases). */
const PHRASE_CACHE = 100;
/** Documents read into memory per step of a background load. */
const LOAD_BATCH = 500;
/** Query groups looked at (a bit each in a mask). */
const MAX_GROUPS = 24;

/** The best this many matches (by words matched and bm25) are ranked again with positions. */
const RERANK = 200;
/**
 * Decoded columns kept for this many cases, the most recently ranked (searches mostly rank the
 * same popular cases again): a few KB each, read from disk and decoded only on a miss.
 */
const COLUMN_CACHE_CASES = 3000;
/** Related cases: a shared theme counts like a fairly rare shared word, a shared role far less. */
const RELATED_WEIGHTS = { theme: 3, role: 0.5 };
/** Words of one query looked up as typos (a query of 200 characters of rare words stays cheap). */
const MAX_CORRECTED_WORDS = 3;

/** The search is rebuilt from PostgreSQL; until then PostgreSQL answers. */
export class SearchIndexNotReady extends Error {
  constructor() {
    super('de ingebouwde zoekindex wordt opgebouwd');
  }
}

interface Meta {
  id: number;
  status: string;
  authorId: number;
  /** Absent in indexes written before visibility levels: the whole community. */
  visibility?: string;
  organizationId?: number;
  roles: string[];
  themes: string[];
  organization: string;
  organizationKind: string;
  year: number | null;
  hasReflection: boolean;
  presented: boolean;
  answered: boolean;
  updatedAt: number;
  title: string;
  summary: string;
}

export interface EmbeddedSearchOptions {
  /** The index file (in DATA_DIR); null keeps it in memory (tests). */
  file: string | null;
  logger?: Pick<Logger, 'warn'> & Partial<Pick<Logger, 'info'>>;
  /** The kerngroep's thesaurus; a search without it (database down) still answers. */
  thesaurus?: () => Promise<ThesaurusIndex | null>;
  /** Read an existing index into memory in the background (the worker), not before answering anything. */
  loadInBackground?: boolean;
}

/**
 * The embedded search engine, persisted in DATA_DIR and fed by the search outbox like every
 * engine. Text goes in analysed by the shared Dutch analysis (stems, compound parts). Words are
 * matched and ranked in memory (bm25 with field weights on typed arrays, embedded-postings.ts);
 * SQLite holds the documents and FTS5 tables for what needs word positions (phrases, compounds
 * written apart, query words near each other, among few candidates). Filters, facets and
 * visibility are answered from metadata in memory; snippets are built for the shown page only.
 */
export class EmbeddedCaseSearch implements CaseSearch {
  readonly engine = 'embedded' as const;
  private db!: Database.Database;
  private meta = new Map<number, Meta>();
  /** Words of published cases with their document counts: typo corrections and suggestions. */
  private vocabulary = new Map<string, number>();
  private ready: boolean;
  /** Set while the documents are read into memory in the background (PostgreSQL answers meanwhile). */
  private loading: Promise<void> | null = null;
  private rebuilding = false;
  private readonly statements = new Map<string, Database.Statement>();
  /** bm25 in memory: documents in slots, terms as numbers, the case's own text and its attachments. */
  private readonly slots = new DocSlots();
  private readonly dictionary = new TermDictionary();
  /** Terms of the dictionary already in the terms table. */
  private savedTerms = 0;
  private readonly caseTerms = new Bm25Postings(this.slots);
  private readonly attTerms = new Bm25Postings(this.slots);
  /** Metadata by slot (undefined for dead slots), and its facet values as numbers. */
  private metaAt: Array<Meta | undefined> = [];
  private readonly columns = new FacetColumns();
  /** Per slot, reused between calls: a group's bm25 in the case's text and in its attachments. */
  private caseAcc = new Float64Array(0);
  private attAcc = new Float64Array(0);
  /**
   * Phrase matches from FTS5 (the dear part of a search: every case with the words is read),
   * kept until the next write: the thesaurus's multi-word terms come back in many searches.
   */
  private readonly phrases = new Map<string, PhraseMatches>();
  /** Decoded columns by case id, least recently used first (see COLUMN_CACHE_CASES). */
  private readonly columnCache = new Map<number, Uint32Array[]>();
  /** Every live slot, newest case first; dropped at each write. */
  private newest: number[] | null = null;

  constructor(private readonly options: EmbeddedSearchOptions) {
    this.ready = this.open();
  }

  /** Opens (or creates) the index; false when it was missing or damaged and must be rebuilt. */
  private open(): boolean {
    const file = this.options.file;
    if (file === null) {
      this.db = new Database(':memory:');
      this.createSchema();
      return true;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const existed = existsSync(file);
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      if (existed) {
        const version = this.db.prepare(`SELECT value FROM info WHERE key = 'version'`).get() as
          { value: string } | undefined;
        if (version?.value !== `${SCHEMA_VERSION}.${ANALYSIS_VERSION}`)
          throw new Error('other index version');
        if (this.options.loadInBackground) {
          this.loadWords();
          this.loading = this.loadInBackground();
        } else this.loadMemory();
        return true;
      }
      this.createSchema();
      return false;
    } catch (error) {
      this.options.logger?.warn(
        { err: error, file },
        'embedded search index unreadable or of another version; rebuilding it from PostgreSQL',
      );
      try {
        this.db?.close();
      } catch {
        // already unusable
      }
      renameSync(file, `${file}.damaged-${Date.now()}`);
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(file + suffix)) renameSync(file + suffix, `${file}.damaged-${Date.now()}${suffix}`);
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.createSchema();
      return false;
    }
  }

  private createSchema() {
    this.db.exec(`
      CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE docs (
        id INTEGER PRIMARY KEY, meta TEXT NOT NULL, body TEXT NOT NULL, attachments TEXT NOT NULL, words TEXT NOT NULL,
        reactions TEXT NOT NULL DEFAULT '[]', terms BLOB NOT NULL, att_terms BLOB NOT NULL,
        columns BLOB NOT NULL);
      CREATE VIRTUAL TABLE fts USING fts5(${CASE_COLUMNS.join(', ')}, tokenize = 'unicode61');
      CREATE VIRTUAL TABLE fts_att USING fts5(att, att_parts, tokenize = 'unicode61');
      CREATE TABLE vocabulary (word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL);
    `);
    this.db
      .prepare(`INSERT INTO info (key, value) VALUES ('version', ?)`)
      .run(`${SCHEMA_VERSION}.${ANALYSIS_VERSION}`);
  }

  /** Everything in memory from the file, at once (tests, tools, after a failed write). */
  private loadMemory() {
    this.loadWords();
    for (let after: number | null = -1; after !== null;) after = this.loadDocuments(after);
    this.caseTerms.trim();
    this.attTerms.trim();
  }

  /**
   * The documents in memory while the engine already takes writes and PostgreSQL answers
   * searches (/readyz says "loading"): a batch at a time, so the worker answers in between. A
   * document written meanwhile is in memory already and is not read again.
   */
  private async loadInBackground(): Promise<void> {
    const started = performance.now();
    try {
      for (let after: number | null = -1; after !== null;) {
        after = this.loadDocuments(after);
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.caseTerms.trim();
      this.attTerms.trim();
      this.options.logger?.info?.(
        { documents: this.meta.size, ms: Math.round(performance.now() - started) },
        'embedded search index loaded',
      );
    } catch (error) {
      // PostgreSQL goes on answering; `npm run cli -- reindex` rebuilds the file.
      this.ready = false;
      this.options.logger?.warn(
        { err: error },
        'embedded search index could not be loaded; PostgreSQL answers',
      );
    } finally {
      this.loading = null;
    }
  }

  /** The term dictionary and the vocabulary (small: read at once); memory is emptied first. */
  private loadWords() {
    this.phrases.clear();
    this.columnCache.clear();
    this.meta.clear();
    this.slots.clear();
    this.dictionary.clear();
    this.metaAt = [];
    this.columns.clear();
    const terms = this.db.prepare(`SELECT id, term FROM terms ORDER BY id`).raw().iterate() as Iterable<
      [number, string]
    >;
    for (const [id, term] of terms)
      if (this.dictionary.intern(term) !== id) throw new Error('damaged term dictionary');
    this.savedTerms = this.dictionary.size;
    this.vocabulary.clear();
    for (const [word, docs] of this.db
      .prepare(`SELECT word, docs FROM vocabulary`)
      .raw()
      .iterate() as Iterable<[string, number]>)
      this.vocabulary.set(word, docs);
  }

  /** The next documents after a case id into memory; returns the last id read, null at the end. */
  private loadDocuments(after: number): number | null {
    const rows = this.statement(
      `SELECT id, meta, terms, att_terms FROM docs WHERE id > ? ORDER BY id LIMIT ${LOAD_BATCH}`,
    )
      .raw()
      .all(after) as Array<[number, string, Buffer, Buffer]>;
    for (const [id, metaText, caseTerms, attTerms] of rows) {
      if (this.meta.has(id)) continue;
      const m = JSON.parse(metaText) as Meta;
      this.meta.set(m.id, m);
      this.place(m, decodeTerms(caseTerms), decodeTerms(attTerms));
    }
    return rows.length ? rows[rows.length - 1][0] : null;
  }

  async health(): Promise<void> {
    this.db.prepare('SELECT 1 FROM info LIMIT 1').get();
  }

  /** For /readyz: whether the index is being rebuilt (PostgreSQL answers meanwhile). */
  state() {
    return {
      documents: this.meta.size,
      rebuilding: this.rebuilding || !this.ready,
      ...(this.loading ? { loading: true } : {}),
    };
  }

  /** The index needs no rebuild after all (nothing to index): answer from it. */
  markReady() {
    this.ready = true;
  }

  async documentCount(): Promise<number> {
    if (!this.loading) return this.meta.size;
    return this.statement(`SELECT count(*) FROM docs`).pluck().get() as number;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const write = this.db.transaction((list: SearchDocument[]) => {
      for (const d of list) this.writeDoc(d);
    });
    try {
      write(docs);
    } catch (error) {
      // The transaction rolled back: memory must not keep what the file lost.
      this.loadMemory();
      throw error;
    }
    this.compactSlots();
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const remove = this.db.transaction((list: number[]) => {
      for (const id of list) this.deleteDoc(id);
    });
    remove(ids);
    this.compactSlots();
  }

  async reset(): Promise<void> {
    this.db.exec(`DELETE FROM docs; DELETE FROM fts; DELETE FROM fts_att; DELETE FROM vocabulary;`);
    // The terms keep their numbers (the table and the dictionary stay as they are).
    this.meta.clear();
    this.vocabulary.clear();
    this.slots.clear();
    this.metaAt = [];
    this.columns.clear();
    this.newest = null;
    this.phrases.clear();
    this.columnCache.clear();
  }

  /**
   * Rebuilds from every document while the index keeps answering (documents are replaced in
   * place, those of deleted cases removed at the end). A new or damaged index answers nothing
   * until it is full: PostgreSQL answers meanwhile.
   */
  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<void> {
    this.startRebuild();
    const seen: number[] = [];
    try {
      for await (const docs of batches) {
        await this.upsert(docs);
        for (const d of docs) seen.push(d.id);
        // Let other work in between batches: SQLite runs on this thread.
        await new Promise((r) => setImmediate(r));
      }
    } catch (error) {
      this.rebuilding = false;
      throw error;
    }
    this.endRebuild(seen);
  }

  /** A rebuild begins (the worker's proxy sends the batches as upserts in between). */
  startRebuild() {
    this.rebuilding = true;
  }

  /** A rebuild ends: cases not seen are gone, the index is compacted and answers. */
  endRebuild(seen: number[]) {
    try {
      const kept = new Set(seen);
      const gone = [...this.meta.keys()].filter((id) => !kept.has(id));
      this.db.transaction(() => gone.forEach((id) => this.deleteDoc(id)))();
      this.db.exec(
        `INSERT INTO fts(fts) VALUES ('optimize'); INSERT INTO fts_att(fts_att) VALUES ('optimize');`,
      );
      this.ready = true;
    } finally {
      this.rebuilding = false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private deleteDoc(id: number) {
    const old = this.db.prepare(`SELECT words, meta FROM docs WHERE id = ?`).get(id) as
      { words: string; meta: string } | undefined;
    if (!old) return;
    if (isShared(JSON.parse(old.meta) as Meta)) this.countWords(JSON.parse(old.words), -1);
    this.db.prepare(`DELETE FROM docs WHERE id = ?`).run(id);
    this.db.prepare(`DELETE FROM fts WHERE rowid = ?`).run(id);
    this.db.prepare(`DELETE FROM fts_att WHERE rowid = ?`).run(id);
    this.meta.delete(id);
    this.columnCache.delete(id);
    const slot = this.slots.slot(id);
    if (slot !== undefined) this.metaAt[slot] = undefined;
    this.slots.release(id);
    this.newest = null;
    this.phrases.clear();
  }

  private countWords(list: string[], delta: 1 | -1) {
    const up = this.db.prepare(
      `INSERT INTO vocabulary (word, docs) VALUES (?, 1) ON CONFLICT (word) DO UPDATE SET docs = docs + 1`,
    );
    const down = this.db.prepare(`UPDATE vocabulary SET docs = docs - 1 WHERE word = ?`);
    for (const w of list) {
      if (delta > 0) up.run(w);
      else down.run(w);
      const n = (this.vocabulary.get(w) ?? 0) + delta;
      if (n > 0) this.vocabulary.set(w, n);
      else this.vocabulary.delete(w);
    }
    if (delta < 0) this.db.prepare(`DELETE FROM vocabulary WHERE docs <= 0`).run();
  }

  private writeDoc(d: SearchDocument) {
    this.deleteDoc(d.id);
    const meta: Meta = {
      id: d.id,
      status: d.status,
      authorId: d.authorId,
      visibility: d.visibility,
      organizationId: d.organizationId,
      roles: d.roles,
      themes: d.themes,
      organization: d.organizationName,
      organizationKind: d.organizationKind,
      year: d.year,
      hasReflection: d.hasReflection,
      presented: d.presented,
      answered: d.answered,
      updatedAt: Date.parse(d.updatedAt),
      title: d.title,
      summary: d.summary,
    };
    const analysed = analyseDocument(d);
    const { columns, attachmentTexts: attachments, vocabulary: vocab } = analysed;
    const att = analysed.attachments;
    this.db
      .prepare(`INSERT INTO fts (rowid, ${CASE_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(d.id, ...columns);
    if (att.stems)
      this.db
        .prepare(`INSERT INTO fts_att (rowid, att, att_parts) VALUES (?, ?, ?)`)
        .run(d.id, att.stems, att.parts);
    const caseTerms = weighTerms(caseWeightedColumns(analysed), this.dictionary);
    const attTerms = weighTerms(attachmentWeightedColumns(analysed), this.dictionary);
    this.db
      .prepare(
        `INSERT INTO docs (id, meta, body, attachments, words, reactions, terms, att_terms, columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.id,
        JSON.stringify(meta),
        d.body,
        JSON.stringify(attachments),
        JSON.stringify(vocab),
        JSON.stringify(d.reactions),
        encodeTerms(caseTerms),
        encodeTerms(attTerms),
        // The columns words may be near each other in (not the exact words), as term numbers.
        encodeColumns(
          columns
            .filter((_, i) => CASE_COLUMNS[i] !== 'exact')
            .map((tokens) => (tokens ? tokens.split(' ').map((t) => this.dictionary.intern(t)) : [])),
        ),
      );
    if (isShared(d)) this.countWords(vocab, 1);
    this.meta.set(d.id, meta);
    this.place(meta, caseTerms, attTerms);
    this.saveTerms();
    this.newest = null;
    this.phrases.clear();
  }

  /** A document into the in-memory postings, in a new slot. */
  private place(meta: Meta, caseTerms: DocTerms, attTerms: DocTerms) {
    const slot = this.slots.assign(meta.id);
    this.metaAt[slot] = meta;
    this.columns.set(slot, { ...meta, shared: isShared(meta) });
    this.caseTerms.add(slot, caseTerms);
    this.attTerms.add(slot, attTerms);
  }

  /** New terms of the dictionary into the terms table (in the write's transaction). */
  private saveTerms() {
    const insert = this.statement(`INSERT INTO terms (id, term) VALUES (?, ?)`);
    for (; this.savedTerms < this.dictionary.size; this.savedTerms++)
      insert.run(this.savedTerms, this.dictionary.names[this.savedTerms]);
  }

  /** Drops dead slots when they outnumber the living (after writes, never during a search). */
  private compactSlots() {
    if (!this.slots.wasteful) return;
    const remap = this.slots.compact();
    const metaAt: Array<Meta | undefined> = [];
    remap.forEach((to, from) => {
      if (to >= 0) metaAt[to] = this.metaAt[from];
    });
    this.metaAt = metaAt;
    this.columns.remap(remap);
    this.newest = null;
    this.phrases.clear();
  }

  /**
   * Rows of one FTS5 table matching an expression, with bm25 (higher is better), as slots. Used
   * for phrases of several words, which need positions.
   */
  private match(table: 'fts' | 'fts_att', expression: string): PhraseMatches {
    const key = `${table} ${expression}`;
    let found = this.phrases.get(key);
    if (found) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.phrases.delete(key);
      this.phrases.set(key, found);
      return found;
    }
    const weights = table === 'fts' ? CASE_WEIGHTS : ATT_WEIGHTS;
    const rows = this.statement(
      `SELECT rowid AS id, -bm25(${table}, ${weights.join(', ')}) AS score FROM ${table} WHERE ${table} MATCH ?`,
    )
      .raw()
      .all(expression) as Array<[number, number]>;
    // A phrase in more than half of the cases weighs nothing (as in the postings' idf floor).
    const weightless = rows.length * 2 > this.meta.size;
    // As slots: every write empties this cache, so they stay valid while it holds them.
    const live = rows.filter((r) => this.slots.slot(r[0]) !== undefined);
    found = {
      slots: Int32Array.from(live, (r) => this.slots.slot(r[0])!),
      scores: Float32Array.from(live, (r) => (weightless ? 0 : r[1])),
    };
    this.phrases.set(key, found);
    if (this.phrases.size > PHRASE_CACHE) this.phrases.delete(this.phrases.keys().next().value!);
    return found;
  }

  /** Per-slot accumulators as long as the slots (grown after writes). */
  private accumulators() {
    if (this.caseAcc.length < this.slots.count) {
      this.caseAcc = new Float64Array(this.slots.caseOf.length);
      this.attAcc = new Float64Array(this.slots.caseOf.length);
    }
  }

  /**
   * bm25 of a group in one table, added per slot to `out`: the sum over its alternatives, as
   * FTS5 sums the phrases of an OR query (a stem in the text or as a compound part, the exact
   * word, a prefix). Single words are scored in memory; phrases of several words need positions
   * and go to FTS5.
   */
  private scoreGroup(table: 'fts' | 'fts_att', g: GroupForms, out: Float64Array, touched: number[]) {
    const index = table === 'fts' ? this.caseTerms : this.attTerms;
    if (index.size === 0) return;
    const ids = (...terms: string[]) =>
      terms.map((t) => this.dictionary.idOf(t)).filter((id): id is number => id !== undefined);
    for (const s of new Set(g.stems)) index.addPhrase(g.strict ? ids(s) : ids(s, PARTS + s), out, touched);
    if (table === 'fts') for (const w of new Set(g.exact)) index.addPhrase(ids(EXACT + w), out, touched);
    for (const p of g.prefixes)
      index.addPhrase(
        [...this.dictionary.startingWith(p), ...this.dictionary.startingWith(PARTS + p)],
        out,
        touched,
      );
    const cols = table === 'fts' ? CASE_COLS : ATT_COLS;
    for (const phrase of g.phrases) {
      if (phrase.length === 1) {
        index.addPhrase(ids(phrase[0]), out, touched);
        continue;
      }
      const expression = `{${cols.stems.join(' ')}}: "${phrase.join(' ').replace(/"/g, '')}"`;
      const { slots, scores } = this.match(table, expression);
      for (let i = 0; i < slots.length; i++) {
        if (out[slots[i]] === 0) touched.push(slots[i]);
        out[slots[i]] += scores[i];
      }
    }
  }

  /** Prepared statements, kept (preparing one costs as much as a small search). */
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** Corrections for a word no visible case has, from the words of published cases (shared rule). */
  private corrections(word: string): string[] {
    return typoCorrections(word, this.vocabulary);
  }

  async search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult> {
    if (!this.ready || this.loading) throw new SearchIndexNotReady();
    const started = performance.now();
    const parsed = parsedOf(query);
    const thesaurus = (await this.options.thesaurus?.().catch(() => null)) ?? null;
    const analysed = analyseQuery(parsed, thesaurus, (w) => this.vocabulary.get(w) ?? 0);
    // Bounded work per query: a 200-character query has at most this many groups.
    analysed.groups.splice(MAX_GROUPS);
    const hasText = analysed.groups.length > 0 || analysed.excluded.length > 0;
    const nGroups = analysed.groups.length;
    const corrected: Array<{ from: string; to: string }> = [];

    // Per group: which cases match, and how well (bm25 summed over groups is bm25 of the OR query).
    const board = new Scoreboard(this.slots.count);
    const visible = visibleTo(viewer, query.filters.statuses);
    const groupsMatched: number[] = [];
    let lookedUp = 0;
    for (const [groupIndex, g] of analysed.groups.entries()) {
      const found = this.matchGroup(g);
      // A word no visible case has (a typo): its most common correction that some case has.
      // At most MAX_CORRECTED_WORDS look-ups per query (each reads the whole vocabulary).
      if (
        !query.literal &&
        !g.strict &&
        g.exact.length === 1 &&
        lookedUp < MAX_CORRECTED_WORDS &&
        !this.anyVisible(found, visible)
      ) {
        lookedUp++;
        const fix = this.corrections(g.exact[0]).find((text) =>
          this.anyVisible(this.matchGroup(wordForms({ kind: 'word', text }, thesaurus)), visible),
        );
        if (fix) corrected.push({ from: g.exact[0], to: fix });
      }
      board.add(found, 1 << groupIndex);
      // "Found nowhere" counts only what the viewer may see: a draft's word stays unmentioned.
      groupsMatched.push(this.anyVisible(found, visible) ? 1 : 0);
    }
    // Corrected words: the query is searched again as if the corrections had been typed (so a
    // corrected compound is split and expanded like any word), and says what was corrected.
    if (corrected.length) {
      const fixes = new Map(corrected.map((c) => [c.from, c.to]));
      const q = query.q
        .split(/(\s+)/)
        .map((part) => {
          const minus = part.startsWith('-') ? '-' : '';
          const word = words(part.slice(minus.length));
          return word.length === 1 && fixes.has(word[0]) ? `${minus}${fixes.get(word[0])}` : part;
        })
        .join('');
      const result = await this.search({ ...query, q, parsed: undefined, literal: true }, viewer);
      const tookMs = Math.round(performance.now() - started);
      // With these filters the corrected words find nothing either: offer them ("bedoelde u …").
      if (result.total === 0) return { ...result, corrections: [], suggestions: [q], tookMs };
      return { ...result, corrections: corrected, tookMs };
    }
    const excluded = new Uint8Array(this.slots.count);
    for (const g of analysed.excluded) for (const slot of this.matchGroup(g).slots) excluded[slot] = 1;

    // Visible candidates; without words every case, newest first (kept sorted between writes).
    // With the default statuses a case for the whole community is visible to every member.
    const everyoneSees = query.filters.statuses.length === 0;
    const candidates: number[] = [];
    for (const slot of nGroups > 0 ? board.slots : this.newestFirst()) {
      const m = this.metaAt[slot];
      if (m && !excluded[slot] && ((everyoneSees && this.columns.isShared(slot)) || visible(m)))
        candidates.push(slot);
    }
    const { total, facets, matching } = this.columns.count(candidates, query.filters);
    const sort = query.sort ?? (hasText ? 'relevance' : 'newest');
    const pages = Math.max(1, Math.ceil(total / query.perPage));
    const page = Math.min(Math.max(1, query.page), pages);
    const wanted = page * query.perPage;
    let ordered: number[] = matching;
    if (sort === 'relevance' && nGroups > 0) ordered = this.rank(matching, analysed, board, wanted);
    else if (sort === 'title') {
      const collator = TITLE_ORDER;
      const title = (slot: number) => this.metaAt[slot]!.title;
      ordered = matching.sort(
        (a, b) => collator.compare(title(a), title(b)) || this.caseOf(a) - this.caseOf(b),
      );
    } else if (nGroups > 0)
      ordered = topSlots(matching, wanted, (slot) => this.metaAt[slot]!.updatedAt, this.byNewest);

    const shown = ordered.slice((page - 1) * query.perPage, wanted);
    const hits = this.hits(shown, analysed.groups, board);

    const full = (1 << nGroups) - 1;
    let allWords = total;
    if (nGroups > 1) {
      allWords = 0;
      for (const slot of matching) if (board.mask[slot] === full) allWords++;
    }
    const missing =
      nGroups > 1 && allWords === 0 && total > 0
        ? analysed.groups.filter((_, i) => groupsMatched[i] === 0).map((g) => g.label)
        : [];
    const suggestions = total === 0 && hasText ? this.suggest(parsed) : [];
    return {
      total,
      page,
      perPage: query.perPage,
      tookMs: Math.round(performance.now() - started),
      hits,
      facets,
      suggestions,
      corrections: corrected,
      expansions: [...new Set(analysed.groups.flatMap((g) => g.expansions))],
      partial: nGroups > 1 && total > 0 && allWords === 0 ? { missing } : undefined,
    };
  }

  private caseOf(slot: number): number {
    return this.slots.caseOf[slot];
  }

  /** Newest first, then the higher case id (a stable order for equal times). */
  private readonly byNewest = (a: number, b: number) =>
    this.metaAt[b]!.updatedAt - this.metaAt[a]!.updatedAt || this.caseOf(b) - this.caseOf(a);

  /**
   * Most words first, then bm25. The best RERANK of those are checked for what needs positions
   * (compounds written apart, query words close together) and ranked again; below them the
   * order is only needed as far as the page shown (pages that deep are rarely looked at).
   */
  private rank(matching: number[], analysed: AnalysedQuery, board: Scoreboard, wanted: number): number[] {
    const byWords = (a: number, b: number) =>
      board.groups[b] - board.groups[a] || board.score[b] - board.score[a] || this.byNewest(a, b);
    // Groups before score in one number (a score stays far below 1e6).
    const ordered = topSlots(
      matching,
      Math.max(RERANK, wanted),
      (slot) => board.groups[slot] * 1e6 + board.score[slot],
      byWords,
    );
    const head = ordered.slice(0, RERANK);
    const needsPositions = analysed.compounds.length > 0 || analysed.groups.length > 1;
    const texts = needsPositions ? this.columnsOf(head) : new Map<number, Uint32Array[]>();
    this.checkCompounds(analysed, board, head, texts);
    const near =
      analysed.groups.length > 1 ? this.nearPairs(analysed.groups, texts) : new Map<number, number>();
    const now = Date.now();
    const rankOf = new Map<number, number>();
    for (const slot of head) {
      // A bonus per pair of query words close together, and a small one for recent cases (at most 2%).
      const ageYears = Math.max(0, (now - this.metaAt[slot]!.updatedAt) / 31_557_600_000);
      rankOf.set(
        slot,
        board.score[slot] * (1 + NEAR_BONUS * (near.get(slot) ?? 0)) * (1 + 0.02 / (1 + ageYears)),
      );
    }
    head.sort(
      (a, b) => board.groups[b] - board.groups[a] || rankOf.get(b)! - rankOf.get(a)! || this.byNewest(a, b),
    );
    return [...head, ...ordered.slice(RERANK)];
  }

  /** Every live slot, newest case first: sorted once after a write, not per search. */
  private newestFirst(): number[] {
    if (!this.newest) {
      const live: number[] = [];
      for (let slot = 0; slot < this.slots.count; slot++) if (this.metaAt[slot]) live.push(slot);
      this.newest = live.sort(this.byNewest);
    }
    return this.newest;
  }

  /** The cases matching a group, in the case's own text or its attachments, by slot. */
  private matchGroup(g: GroupForms): Found {
    this.accumulators();
    const { caseAcc, attAcc } = this;
    const inText: number[] = [];
    const inAttachments: number[] = [];
    this.scoreGroup('fts', g, caseAcc, inText);
    this.scoreGroup('fts_att', g, attAcc, inAttachments);
    const n = inText.length;
    const found: Found = { slots: inText, scores: new Float64Array(n + inAttachments.length), inCase: n };
    for (let i = 0; i < n; i++) found.scores[i] = caseAcc[inText[i]] + ATTACHMENT_FACTOR * attAcc[inText[i]];
    for (const slot of inAttachments)
      if (caseAcc[slot] === 0) {
        found.scores[found.slots.length] = ATTACHMENT_FACTOR * attAcc[slot];
        found.slots.push(slot);
      }
    for (const slot of inText) caseAcc[slot] = 0;
    for (const slot of inAttachments) attAcc[slot] = 0;
    return found;
  }

  private anyVisible(found: Found, visible: (m: Meta) => boolean) {
    for (const slot of found.slots) {
      const m = this.metaAt[slot];
      if (m && visible(m)) return true;
    }
    return false;
  }

  /**
   * A compound's parts count as all there only where they stand together, or the compound itself
   * is there: elsewhere the case matches one group fewer ("ruil" … "meester" is no "ruilmeester").
   */
  private checkCompounds(
    analysed: AnalysedQuery,
    board: Scoreboard,
    head: number[],
    texts: Map<number, Uint32Array[]>,
  ) {
    if (analysed.compounds.length === 0) return;
    const id = (term: string) => this.dictionary.idOf(term) ?? -1;
    for (const c of analysed.compounds) {
      const mask = c.groups.map((g) => analysed.groups.indexOf(g)).reduce((m, i) => m | (1 << i), 0);
      const candidates = head.filter((slot) => (board.mask[slot] & mask) === mask);
      const whole = c.whole.map((w) => [id(w)]);
      const phrases = c.phrases.map((p) => p.map(id));
      const parts = c.parts.map((p) => [id(p)]);
      const tightIn = (columns: Uint32Array[]) =>
        [...whole, ...phrases].some((p) => hasPhrase(columns, p)) || near(columns, parts, PARTS_NEAR);
      const together = new Set(candidates.filter((slot) => tightIn(texts.get(slot) ?? [])));
      // Attachments (long texts, FTS5) only for cases whose own text does not have it.
      const all = `{${[...ATT_COLS.stems, ...ATT_COLS.parts].join(' ')}}`;
      const expression = [
        ...c.whole.map((w) => `${all}: "${w}"`),
        ...c.phrases.map((p) => `${all}: "${p.join(' ')}"`),
        `${all}: NEAR(${c.parts.map((p) => `"${p}"`).join(' ')}, ${PARTS_NEAR})`,
      ].join(' OR ');
      const rest = candidates.filter((slot) => !together.has(slot) && this.attTerms.has(slot));
      for (const caseId of this.matchAmong(
        'fts_att',
        expression,
        rest.map((slot) => this.caseOf(slot)),
      ))
        together.add(this.slots.slot(caseId)!);
      for (const slot of candidates) if (!together.has(slot)) board.groups[slot]--;
    }
  }

  /** The analysed columns (as term numbers) of these slots: from the cache, the rest read from disk. */
  private columnsOf(slots: number[]): Map<number, Uint32Array[]> {
    const out = new Map<number, Uint32Array[]>();
    const missing: number[] = [];
    for (const slot of slots) {
      const id = this.caseOf(slot);
      const cached = this.columnCache.get(id);
      if (!cached) {
        missing.push(id);
        continue;
      }
      // Most recently used last: the first entries are the ones to drop.
      this.columnCache.delete(id);
      this.columnCache.set(id, cached);
      out.set(slot, cached);
    }
    if (missing.length === 0) return out;
    const rows = this.statement(`SELECT id, columns FROM docs WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(missing)) as Array<[number, Buffer]>;
    for (const [id, blob] of rows) {
      const columns = decodeColumns(blob);
      out.set(this.slots.slot(id)!, columns);
      this.columnCache.set(id, columns);
    }
    for (const id of this.columnCache.keys()) {
      if (this.columnCache.size <= COLUMN_CACHE_CASES) break;
      this.columnCache.delete(id);
    }
    return out;
  }

  /** Which of these rows (case ids) match an expression (positions are read for these rows only). */
  private matchAmong(table: 'fts' | 'fts_att', expression: string, ids: number[]): number[] {
    if (ids.length === 0) return [];
    return this.statement(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(expression, JSON.stringify(ids)) as number[];
  }

  /**
   * Proximity: per slot, how many pairs of neighbouring query words stand within NEAR_WORDS of
   * each other (in the text, or as parts of one compound). At most MAX_NEAR_PAIRS pairs are looked at.
   */
  private nearPairs(groups: GroupForms[], texts: Map<number, Uint32Array[]>): Map<number, number> {
    const id = (term: string) => this.dictionary.idOf(term) ?? -1;
    const heads = groups.map((g) =>
      g.stems[0] !== undefined ? [id(g.stems[0])] : (g.phrases[0]?.map(id) ?? null),
    );
    const pairs: Array<[number[], number[]]> = [];
    for (let i = 0; i + 1 < heads.length && i < MAX_NEAR_PAIRS; i++) {
      const [a, b] = [heads[i], heads[i + 1]];
      if (a && b && a.join() !== b.join()) pairs.push([a, b]);
    }
    const counts = new Map<number, number>();
    if (pairs.length === 0) return counts;
    for (const [slot, columns] of texts) {
      const n = pairs.filter((pair) => near(columns, pair, NEAR_WORDS)).length;
      if (n) counts.set(slot, n);
    }
    return counts;
  }

  /** Hits with snippets: from the case's own text, or from the attachment where only that matched. */
  private hits(shown: number[], groups: GroupForms[], board: Scoreboard): SearchHit[] {
    const marks = markedStems(groups);
    const get = this.statement(`SELECT body, reactions FROM docs WHERE id = ?`);
    // Attachment text is long: read only for a case found in its attachments alone.
    const getAttachments = this.statement(`SELECT attachments FROM docs WHERE id = ?`).pluck();
    return shown.map((slot) => {
      const m = this.metaAt[slot]!;
      const hit: SearchHit = {
        id: m.id,
        title: m.title,
        summary: m.summary,
        snippet: markedSnippet(m.summary),
        roles: m.roles,
        themes: m.themes,
        organization: m.organization,
        organizationKind: m.organizationKind,
        year: m.year,
        status: m.status as SearchHit['status'],
        updatedAt: new Date(m.updatedAt).toISOString(),
      };
      if (groups.length === 0) return hit;
      const row = get.get(m.id) as { body: string; reactions: string };
      if (board.mask[slot] && !board.inCase[slot]) {
        const attachments = JSON.parse(getAttachments.get(m.id) as string) as Array<{
          id: number;
          filename: string;
          text: string;
          pageOffsets: number[] | null;
        }>;
        let best: { a: (typeof attachments)[number]; snip: Snip } | null = null;
        for (const a of attachments) {
          const snip = snippetOf(a.text, marks);
          if (snip && (!best || snip.hits > best.snip.hits)) best = { a, snip };
        }
        if (best) {
          hit.snippet = markedSnippet(best.snip.text);
          const page = pageAt(best.a.pageOffsets, best.snip.firstAt);
          hit.attachment = { id: best.a.id, filename: best.a.filename, ...(page ? { page } : {}) };
          return hit;
        }
      }
      const snip = snippetOf(`${m.summary}\n${row.body}`, marks);
      // A reaction with more of the query words than the case's own text is the best match.
      const own = Math.max(snip?.hits ?? 0, snippetOf(m.title, marks)?.hits ?? 0);
      let best: { r: { id: number; authorName: string }; snip: Snip } | null = null;
      for (const r of JSON.parse(row.reactions) as Array<{ id: number; authorName: string; text: string }>) {
        const rs = snippetOf(r.text, marks);
        if (rs && rs.hits > own && (!best || rs.hits > best.snip.hits)) best = { r, snip: rs };
      }
      if (best) {
        hit.snippet = markedSnippet(best.snip.text);
        hit.reaction = { id: best.r.id, authorName: best.r.authorName };
      } else if (snip) hit.snippet = markedSnippet(snip.text);
      return hit;
    });
  }

  /** "Bedoelde u …": the query with each unknown word replaced by its most common correction. */
  private suggest(parsed: ParsedQuery): string[] {
    const fix = (t: QueryTerm) =>
      t.kind === 'phrase'
        ? `"${t.text}"`
        : this.vocabulary.has(t.text)
          ? t.text
          : (this.corrections(t.text)[0] ?? t.text);
    const typed = (t: QueryTerm) => (t.kind === 'phrase' ? `"${t.text}"` : t.text);
    const excluded = parsed.excluded.map((t) => `-${typed(t)}`);
    const asTyped = [...parsed.groups.map((g) => g.map(typed).join(' of ')), ...excluded].join(' ');
    const suggestion = [...parsed.groups.map((g) => g.map(fix).join(' of ')), ...excluded].join(' ');
    return suggestion !== asTyped ? [suggestion] : [];
  }

  /** Cases most like this one: its rarest words of title, summary and tags, ranked by bm25. */
  async related(query: RelatedQuery, viewer: SearchViewer): Promise<number[]> {
    void viewer; // related cases are published ones only, the same for every member
    if (!this.ready || this.loading) throw new SearchIndexNotReady();
    const source = this.meta.get(query.caseId);
    if (!source) return [];
    const row = this.db.prepare(`SELECT exact FROM fts WHERE rowid = ?`).get(query.caseId) as
      { exact: string } | undefined;
    const candidates = [...new Set((row?.exact ?? '').split(' '))].filter(
      (w) => w.length > 3 && !isNoiseWord(w) && (this.vocabulary.get(w) ?? 0) > 1,
    );
    candidates.sort((a, b) => this.vocabulary.get(a)! - this.vocabulary.get(b)!);
    const terms = [...new Set(candidates.slice(0, 12).map(stem))];
    this.accumulators();
    const scores = this.caseAcc;
    const touched: number[] = [];
    for (const t of terms) {
      const id = this.dictionary.idOf(t);
      if (id !== undefined) this.caseTerms.addPhrase([id], scores, touched);
    }
    const sourceSlot = this.slots.slot(source.id)!;
    // Most published cases share a theme or role with it: the best few are picked, not all sorted.
    const total = new Float64Array(this.slots.count);
    const ranked: number[] = [];
    for (let slot = 0; slot < this.slots.count; slot++) {
      if (!this.metaAt[slot] || slot === sourceSlot || !this.columns.isShared(slot)) continue;
      total[slot] = scores[slot] + this.columns.similarity(slot, sourceSlot, RELATED_WEIGHTS);
      if (total[slot] > 0) ranked.push(slot);
    }
    for (const slot of touched) scores[slot] = 0;
    const byScore = (a: number, b: number) =>
      total[b] - total[a] || this.metaAt[b]!.updatedAt - this.metaAt[a]!.updatedAt;
    return topSlots(ranked, query.limit, (slot) => total[slot], byScore)
      .slice(0, query.limit)
      .map((slot) => this.caseOf(slot));
  }
}

/** Rows of an FTS5 phrase match, as slots with their bm25. */
interface PhraseMatches {
  slots: Int32Array;
  scores: Float32Array;
}

/** The slots matching one query group with their bm25; the first `inCase` matched in the case's own text. */
interface Found {
  slots: number[];
  scores: Float64Array;
  inCase: number;
}

/** One search's tally per slot: bm25 summed over groups, groups matched (bits in a mask), own text or attachment only. */
class Scoreboard {
  readonly score: Float64Array;
  readonly groups: Uint8Array;
  readonly mask: Int32Array;
  readonly inCase: Uint8Array;
  /** Slots matching any group, in the order first matched. */
  readonly slots: number[] = [];

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.groups = new Uint8Array(size);
    this.mask = new Int32Array(size);
    this.inCase = new Uint8Array(size);
  }

  add(found: Found, bit: number) {
    for (let i = 0; i < found.slots.length; i++) {
      const slot = found.slots[i];
      if (this.mask[slot] === 0) this.slots.push(slot);
      this.score[slot] += found.scores[i];
      this.groups[slot]++;
      this.mask[slot] |= bit;
      if (i < found.inCase) this.inCase[slot] = 1;
    }
  }
}

/**
 * The first `k` slots by a numeric key (highest first; ties by `order`), without sorting them
 * all: the k-th key is found in a sorted copy of the keys (native numeric sort), and only the
 * slots at or above it are sorted with the full comparison. The rest follow unsorted.
 */
function topSlots(
  slots: number[],
  k: number,
  key: (slot: number) => number,
  order: (a: number, b: number) => number,
) {
  if (slots.length <= k * 2) return slots.sort(order);
  const keys = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) keys[i] = key(slots[i]);
  const threshold = keys.slice().sort()[slots.length - k];
  const top: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < slots.length; i++) (keys[i] >= threshold ? top : rest).push(slots[i]);
  return [...top.sort(order), ...rest];
}
