import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { CaseSearch, RelatedQuery } from './case-search';
import { ANALYSIS_VERSION, analyseText, isNoiseWord, stem, words } from './dutch-analysis';
import {
  PARTS_NEAR,
  analyseQuery,
  groupExpression,
  wordForms,
  type AnalysedQuery,
  markedStems,
  type ColumnSet,
  type GroupForms,
  type ThesaurusIndex,
} from './embedded-query';
import type { SearchDocument } from './search-document';
import {
  parsedOf,
  type ParsedQuery,
  type QueryTerm,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchViewer,
} from './search-query';
import { typoCorrections } from './lexicon';
import { emptyFacets, markedSnippet, pageAt, snippetOf, type Snip } from './snippets';
import { isShared, isVisible } from './visibility';

/** Bumped when the file layout changes; an index of another version is rebuilt. */
const SCHEMA_VERSION = 3;

/** Attachment text indexed per case (the rest of a long file is still downloadable, not searchable). */
export const EMBEDDED_ATTACHMENT_CHARS = 100_000;

/**
 * Field weights for bm25 (title strongest; compound parts and attachments weakest). The exact
 * column holds the unstemmed words of title, summary and tags: an exact word ranks above its stem.
 */
const CASE_COLUMNS = ['title', 'head', 'body', 'meta', 'refl', 'tparts', 'parts', 'exact', 'react'] as const;
/** Members' reactions weigh least, like reflections (compound parts of reactions are not indexed apart). */
const CASE_WEIGHTS = [10, 4, 1, 2, 1, 3, 0.6, 2, 1];
const ATT_WEIGHTS = [1, 0.3];
/** An attachment match counts for this much of a case-text match. */
const ATTACHMENT_FACTOR = 0.5;
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
/** Query groups looked at (a bit each in a mask). */
const MAX_GROUPS = 24;

const byNewest = (a: Meta, b: Meta) => b.updatedAt - a.updatedAt || b.id - a.id;

/** The best this many matches (by words matched and bm25) are ranked again with positions. */
const RERANK = 200;
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

interface Scored {
  id: number;
  /** How many query groups the case matches (a compound whose parts stand apart counts one less). */
  groups: number;
  /** Bit i: the case matches query group i. */
  mask: number;
  score: number;
  inCase: boolean;
}

export interface EmbeddedSearchOptions {
  /** The index file (in DATA_DIR); null keeps it in memory (tests). */
  file: string | null;
  logger?: Pick<Logger, 'warn'>;
  /** The kerngroep's thesaurus; a search without it (database down) still answers. */
  thesaurus?: () => Promise<ThesaurusIndex | null>;
}

/**
 * The embedded search engine: SQLite FTS5 (bm25 with field weights) in the app's process,
 * persisted in DATA_DIR, fed by the search outbox like every engine. Text goes in analysed by
 * the shared Dutch analysis (stems, compound parts); filters, facets and visibility are answered
 * from metadata in memory; snippets are built for the shown page only.
 */
export class EmbeddedCaseSearch implements CaseSearch {
  readonly engine = 'embedded' as const;
  private db!: Database.Database;
  private meta = new Map<number, Meta>();
  /** Words of published cases with their document counts: typo corrections and suggestions. */
  private vocabulary = new Map<string, number>();
  private ready: boolean;
  private rebuilding = false;
  private readonly statements = new Map<string, Database.Statement>();
  /** Every case newest first; dropped at each write. */
  private newest: Meta[] | null = null;

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
        this.loadMemory();
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
        reactions TEXT NOT NULL DEFAULT '[]');
      CREATE VIRTUAL TABLE fts USING fts5(${CASE_COLUMNS.join(', ')}, tokenize = 'unicode61');
      CREATE VIRTUAL TABLE fts_att USING fts5(att, att_parts, tokenize = 'unicode61');
      CREATE TABLE vocabulary (word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
    `);
    this.db
      .prepare(`INSERT INTO info (key, value) VALUES ('version', ?)`)
      .run(`${SCHEMA_VERSION}.${ANALYSIS_VERSION}`);
  }

  private loadMemory() {
    this.meta.clear();
    for (const row of this.db.prepare(`SELECT meta FROM docs`).iterate() as Iterable<{ meta: string }>) {
      const m = JSON.parse(row.meta) as Meta;
      this.meta.set(m.id, m);
    }
    this.vocabulary.clear();
    for (const row of this.db.prepare(`SELECT word, docs FROM vocabulary`).iterate() as Iterable<{
      word: string;
      docs: number;
    }>)
      this.vocabulary.set(row.word, row.docs);
  }

  async health(): Promise<void> {
    this.db.prepare('SELECT 1 FROM info LIMIT 1').get();
  }

  /** For /readyz: whether the index is being rebuilt (PostgreSQL answers meanwhile). */
  state() {
    return { documents: this.meta.size, rebuilding: this.rebuilding || !this.ready };
  }

  /** The index needs no rebuild after all (nothing to index): answer from it. */
  markReady() {
    this.ready = true;
  }

  async documentCount(): Promise<number> {
    return this.meta.size;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const write = this.db.transaction((list: SearchDocument[]) => {
      for (const d of list) this.writeDoc(d);
    });
    write(docs);
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const remove = this.db.transaction((list: number[]) => {
      for (const id of list) this.deleteDoc(id);
    });
    remove(ids);
  }

  async reset(): Promise<void> {
    this.db.exec(`DELETE FROM docs; DELETE FROM fts; DELETE FROM fts_att; DELETE FROM vocabulary;`);
    this.meta.clear();
    this.vocabulary.clear();
    this.newest = null;
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
    this.newest = null;
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
    const metaText = [
      d.themeNames.join(' '),
      d.organizationName,
      d.region,
      d.partners,
      d.contact,
      d.authorName,
    ].join(' \n ');
    const title = analyseText(d.title);
    const head = analyseText(`${d.summary}\n${d.tags.join(' , ')}`);
    const body = analyseText(d.body);
    const metaA = analyseText(metaText);
    const refl = analyseText(d.reflectionText);
    const react = analyseText(d.reactions.map((r) => r.text).join('\n\n'));
    const attachments = d.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      pageOffsets: a.pageOffsets,
      text: a.text.slice(0, EMBEDDED_ATTACHMENT_CHARS),
    }));
    const att = analyseText(attachments.map((a) => `${a.filename}\n${a.text}`).join('\n\n'));
    const exact = words(`${d.title} ${d.summary} ${d.tags.join(' ')}`).join(' ');
    const headParts = [title.parts, head.parts].join(' ');
    const parts = [body.parts, metaA.parts, refl.parts].join(' ');
    this.db
      .prepare(`INSERT INTO fts (rowid, ${CASE_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        d.id,
        title.stems,
        head.stems,
        body.stems,
        metaA.stems,
        refl.stems,
        headParts,
        parts,
        exact,
        react.stems,
      );
    if (att.stems)
      this.db
        .prepare(`INSERT INTO fts_att (rowid, att, att_parts) VALUES (?, ?, ?)`)
        .run(d.id, att.stems, att.parts);
    // The vocabulary learns words of published cases only: a typo fix never reveals a draft.
    const vocab = [
      ...new Set(
        words(
          `${d.title} ${d.summary} ${d.body} ${metaText} ${d.tags.join(' ')} ${attachments.map((a) => a.text.slice(0, 20_000)).join(' ')}`,
        ).filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w)),
      ),
    ];
    this.db
      .prepare(`INSERT INTO docs (id, meta, body, attachments, words, reactions) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(
        d.id,
        JSON.stringify(meta),
        d.body,
        JSON.stringify(attachments),
        JSON.stringify(vocab),
        JSON.stringify(d.reactions),
      );
    if (isShared(d)) this.countWords(vocab, 1);
    this.meta.set(d.id, meta);
    this.newest = null;
  }

  /** May this viewer see this case with these status filters? */
  private visible(m: Meta, query: SearchQuery, viewer: SearchViewer): boolean {
    return isVisible(m, viewer, query.filters.statuses);
  }

  /**
   * Rows of one FTS5 table matching an expression, with bm25 (higher is better). A match in more
   * than half of the cases carries no weight in bm25 (FTS5 clamps its inverse document frequency
   * to almost zero), so for those only the matching rows are read (ranking every row of a word in
   * every case is what makes a search slow): score 0.
   */
  private match(table: 'fts' | 'fts_att', expression: string): Map<number, number> {
    if (!expression) return new Map();
    const ids = this.statement(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`)
      .pluck()
      .all(expression) as number[];
    if (ids.length * 2 > this.meta.size) return new Map(ids.map((id) => [id, 0]));
    const weights = table === 'fts' ? CASE_WEIGHTS : ATT_WEIGHTS;
    const rows = this.statement(
      `SELECT rowid AS id, -bm25(${table}, ${weights.join(', ')}) AS score FROM ${table} WHERE ${table} MATCH ?`,
    )
      .raw()
      .all(expression) as Array<[number, number]>;
    return new Map(rows);
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
    if (!this.ready) throw new SearchIndexNotReady();
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
    const scored = new Map<number, Scored>();
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
        !this.anyVisible(found, query, viewer)
      ) {
        lookedUp++;
        const fix = this.corrections(g.exact[0]).find((text) =>
          this.anyVisible(this.matchGroup(wordForms({ kind: 'word', text }, thesaurus)), query, viewer),
        );
        if (fix) corrected.push({ from: g.exact[0], to: fix });
      }
      const bit = 1 << groupIndex;
      for (const [id, score, inCase] of found) {
        let s = scored.get(id);
        if (!s) scored.set(id, (s = { id, groups: 0, mask: 0, score: 0, inCase: false }));
        s.score += score;
        s.inCase ||= inCase;
        s.groups++;
        s.mask |= bit;
      }
      // "Found nowhere" counts only what the viewer may see: a draft's word stays unmentioned.
      groupsMatched.push(this.anyVisible(found, query, viewer) ? 1 : 0);
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
    const excluded = new Set<number>();
    for (const g of analysed.excluded) for (const [id] of this.matchGroup(g)) excluded.add(id);

    // Visible candidates; without words every case, newest first (kept sorted between writes).
    const candidates: Meta[] = [];
    if (nGroups > 0) {
      for (const s of scored.values()) {
        const m = this.meta.get(s.id);
        if (m && !excluded.has(m.id) && this.visible(m, query, viewer)) candidates.push(m);
      }
    } else {
      for (const m of this.newestFirst())
        if (!excluded.has(m.id) && this.visible(m, query, viewer)) candidates.push(m);
    }
    const { total, facets, matching } = this.facets(candidates, query);
    const sort = query.sort ?? (hasText ? 'relevance' : 'newest');
    let ordered: Meta[] = matching;
    if (sort === 'relevance' && nGroups > 0) ordered = this.rank(matching, analysed, scored);
    else if (sort === 'title') {
      const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
      ordered = matching.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
    } else if (nGroups > 0) ordered = matching.sort(byNewest);

    const pages = Math.max(1, Math.ceil(total / query.perPage));
    const page = Math.min(Math.max(1, query.page), pages);
    const shown = ordered.slice((page - 1) * query.perPage, page * query.perPage);
    const hits = this.hits(shown, analysed.groups, scored);

    const full = (1 << nGroups) - 1;
    const allWords = nGroups > 1 ? ordered.filter((m) => scored.get(m.id)!.mask === full).length : total;
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

  /**
   * Most words first, then bm25. The best RERANK of those are checked for what needs positions
   * (compounds written apart, query words close together) and ranked again; the rest keep
   * their order (pages that deep are rarely looked at).
   */
  private rank(matching: Meta[], analysed: AnalysedQuery, scored: Map<number, Scored>): Meta[] {
    const items = matching.map((m) => ({ m, s: scored.get(m.id)!, rank: 0 }));
    items.sort((a, b) => b.s.groups - a.s.groups || b.s.score - a.s.score || byNewest(a.m, b.m));
    const head = items.slice(0, RERANK);
    const headIds = head.map((i) => i.m.id);
    this.checkCompounds(analysed, scored, headIds);
    const near =
      analysed.groups.length > 1 ? this.nearPairs(analysed.groups, headIds) : new Map<number, number>();
    const now = Date.now();
    for (const item of head) {
      // A bonus per pair of query words close together, and a small one for recent cases (at most 2%).
      const ageYears = Math.max(0, (now - item.m.updatedAt) / 31_557_600_000);
      item.rank = item.s.score * (1 + NEAR_BONUS * (near.get(item.m.id) ?? 0)) * (1 + 0.02 / (1 + ageYears));
    }
    head.sort((a, b) => b.s.groups - a.s.groups || b.rank - a.rank || byNewest(a.m, b.m));
    return [...head, ...items.slice(RERANK)].map((i) => i.m);
  }

  /** Every case, newest first: sorted once after a write, not per search. */
  private newestFirst(): Meta[] {
    this.newest ??= [...this.meta.values()].sort(byNewest);
    return this.newest;
  }

  /** The cases matching a group, in the case's own text or its attachments: [id, score, in the case]. */
  private matchGroup(g: GroupForms): Array<[number, number, boolean]> {
    const inCase = this.match('fts', groupExpression(g, CASE_COLS));
    const inAtt = this.match('fts_att', groupExpression(g, ATT_COLS));
    const out: Array<[number, number, boolean]> = [];
    for (const [id, score] of inCase) out.push([id, score + ATTACHMENT_FACTOR * (inAtt.get(id) ?? 0), true]);
    for (const [id, score] of inAtt) if (!inCase.has(id)) out.push([id, ATTACHMENT_FACTOR * score, false]);
    return out;
  }

  private anyVisible(found: Array<[number, number, boolean]>, query: SearchQuery, viewer: SearchViewer) {
    for (const [id] of found) {
      const m = this.meta.get(id);
      if (m && this.visible(m, query, viewer)) return true;
    }
    return false;
  }

  /**
   * A compound's parts count as all there only where they stand together, or the compound itself
   * is there: elsewhere the case matches one group fewer ("ruil" … "meester" is no "ruilmeester").
   */
  private checkCompounds(analysed: AnalysedQuery, scored: Map<number, Scored>, ids: number[]) {
    for (const c of analysed.compounds) {
      const all = (cols: ColumnSet) => `{${[...cols.stems, ...cols.parts].join(' ')}}`;
      const tight = (cols: ColumnSet) =>
        [
          ...c.whole.map((w) => `${all(cols)}: "${w}"`),
          ...c.phrases.map((p) => `${all(cols)}: "${p.join(' ')}"`),
          `${all(cols)}: NEAR(${c.parts.map((p) => `"${p}"`).join(' ')}, ${PARTS_NEAR})`,
        ].join(' OR ');
      const indexes = c.groups.map((g) => analysed.groups.indexOf(g));
      const mask = indexes.reduce((m, i) => m | (1 << i), 0);
      const candidates = ids.filter((id) => (scored.get(id)!.mask & mask) === mask);
      const together = new Set([
        ...this.matchAmong('fts', tight(CASE_COLS), candidates),
        ...this.matchAmong('fts_att', tight(ATT_COLS), candidates),
      ]);
      for (const id of candidates) if (!together.has(id)) scored.get(id)!.groups--;
    }
  }

  /** Which of these rows match an expression (positions are read for these rows only). */
  private matchAmong(table: 'fts' | 'fts_att', expression: string, ids: number[]): number[] {
    if (ids.length === 0) return [];
    return this.statement(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(expression, JSON.stringify(ids)) as number[];
  }

  /**
   * Proximity: per case, how many pairs of neighbouring query words stand within NEAR_WORDS of
   * each other (in the text, or as parts of one compound). At most MAX_NEAR_PAIRS pairs are looked at.
   */
  private nearPairs(groups: GroupForms[], ids: number[]): Map<number, number> {
    const heads = groups.map((g) => g.stems[0] ?? g.phrases[0]?.join(' ') ?? null);
    const counts = new Map<number, number>();
    const cols = `{${[...CASE_COLS.stems, ...CASE_COLS.parts].join(' ')}}`;
    for (let i = 0; i + 1 < heads.length && i < MAX_NEAR_PAIRS; i++) {
      const [a, b] = [heads[i], heads[i + 1]];
      if (!a || !b || a === b) continue;
      for (const id of this.matchAmong('fts', `${cols}: NEAR("${a}" "${b}", ${NEAR_WORDS})`, ids))
        counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** Total, facet counts (each facet ignoring its own filter) and the cases passing every filter. */
  private facets(candidates: Meta[], query: SearchQuery) {
    const f = query.filters;
    const facets: SearchFacets = emptyFacets();
    const matching: Meta[] = [];
    const bump = (counts: Record<string, number>, value: string) => {
      counts[value] = (counts[value] ?? 0) + 1;
    };
    for (const m of candidates) {
      // Which filters the case fails; one failed filter still counts in that filter's own facet.
      const role = f.roles.length === 0 || m.roles.some((r) => f.roles.includes(r));
      const theme = f.themes.length === 0 || m.themes.some((t) => f.themes.includes(t));
      const kind = f.organizationKinds.length === 0 || f.organizationKinds.includes(m.organizationKind);
      const year = f.years.length === 0 || (m.year !== null && f.years.includes(m.year));
      const reflection = f.hasReflection === undefined || m.hasReflection === f.hasReflection;
      const presented = f.presented === undefined || m.presented === f.presented;
      const answered = f.answered === undefined || m.answered === f.answered;
      const failed = +!role + +!theme + +!kind + +!year + +!reflection + +!presented + +!answered;
      if (failed > 1) continue;
      if (failed === 0) matching.push(m);
      if (failed === 0 || !role) for (const r of m.roles) bump(facets.role, r);
      if (failed === 0 || !theme) for (const t of m.themes) bump(facets.theme, t);
      if (failed === 0 || !kind) bump(facets.organizationKind, m.organizationKind);
      if ((failed === 0 || !year) && m.year !== null) bump(facets.year, String(m.year));
      if (failed === 0 || !reflection) bump(facets.hasReflection, String(m.hasReflection));
      if (failed === 0 || !presented) bump(facets.presented, String(m.presented));
      if (failed === 0 || !answered) bump(facets.answered, String(m.answered));
    }
    return { total: matching.length, facets, matching };
  }

  /** Hits with snippets: from the case's own text, or from the attachment where only that matched. */
  private hits(shown: Meta[], groups: GroupForms[], scored: Map<number, Scored>): SearchHit[] {
    const marks = markedStems(groups);
    const get = this.db.prepare(`SELECT body, attachments, reactions FROM docs WHERE id = ?`);
    return shown.map((m) => {
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
      const row = get.get(m.id) as { body: string; attachments: string; reactions: string };
      const s = scored.get(m.id);
      if (s && !s.inCase) {
        const attachments = JSON.parse(row.attachments) as Array<{
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
    const source = this.meta.get(query.caseId);
    if (!source) return [];
    const row = this.db.prepare(`SELECT exact FROM fts WHERE rowid = ?`).get(query.caseId) as
      { exact: string } | undefined;
    const candidates = [...new Set((row?.exact ?? '').split(' '))].filter(
      (w) => w.length > 3 && !isNoiseWord(w) && (this.vocabulary.get(w) ?? 0) > 1,
    );
    candidates.sort((a, b) => this.vocabulary.get(a)! - this.vocabulary.get(b)!);
    const terms = [...new Set(candidates.slice(0, 12).map(stem))];
    const scores = new Map<number, number>();
    if (terms.length) {
      const expr = `{${CASE_COLS.stems.join(' ')}}: (${terms.map((t) => `"${t}"`).join(' OR ')})`;
      for (const [id, s] of this.match('fts', expr)) scores.set(id, s);
    }
    const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).length;
    const ranked: Array<{ id: number; score: number; updatedAt: number }> = [];
    for (const m of this.meta.values()) {
      if (m.id === source.id || !isShared(m)) continue;
      const score =
        (scores.get(m.id) ?? 0) + 3 * shared(m.themes, source.themes) + shared(m.roles, source.roles) * 0.5;
      if (score > 0) ranked.push({ id: m.id, score, updatedAt: m.updatedAt });
    }
    ranked.sort((a, b) => b.score - a.score || b.updatedAt - a.updatedAt);
    return ranked.slice(0, query.limit).map((r) => r.id);
  }
}
