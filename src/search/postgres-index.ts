import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import type { SearchDocument } from './search-document';
import { isShared, sharedVisibilitySql } from './visibility';

/** In every transaction that changes documents or the lexicon (the reader caches shared facet counts per generation). */
export const BUMP_GENERATION = `UPDATE search_generation SET generation = generation + 1 WHERE id = 1`;
/** Instead of BUMP_GENERATION where the lexicon is emptied: readers load it again from scratch. */
const BUMP_LEXICON = `UPDATE search_generation SET generation = generation + 1, lexicon_rebuilt = generation + 1 WHERE id = 1`;
/** The generation the transaction bumped to: the words it adds are loaded by readers behind it. */
const CURRENT_GENERATION = `(SELECT generation FROM search_generation WHERE id = 1)`;

/**
 * The PostgreSQL search index's writer: search_documents (one row per case, its vectors generated
 * by the database), search_attachment_documents and the lexicon of words for typo corrections.
 * The reader is PostgresCaseSearch (postgres-search.ts).
 */
export class PostgresSearchIndex {
  constructor(private readonly dataSource: DataSource) {}

  async health(): Promise<void> {
    await this.dataSource.query('SELECT 1 FROM search_documents LIMIT 1');
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((d) => d.id);
    // PostgreSQL's parser reads "<script>" as the start of a script block and skips the rest: no angle brackets.
    const plain = (text: string) => text.replace(/[<>]/g, ' ');
    const rows = docs.map((d) => ({
      case_id: d.id,
      status: d.status,
      author_id: d.authorId,
      visibility: d.visibility,
      organization_id: d.organizationId,
      organization_name: d.organizationName,
      organization_kind: d.organizationKind,
      roles: d.roles,
      themes: d.themes,
      tags: d.tags,
      year: d.year,
      region: d.region,
      has_reflection: d.hasReflection,
      presented: d.presented,
      title: plain(d.title),
      summary: plain(d.summary),
      body: plain(d.body),
      meta_text: [
        d.tags.join(', '),
        d.themeNames.join(', '),
        d.organizationName,
        d.region,
        d.partners,
        d.contact,
        d.authorName,
      ]
        .filter(Boolean)
        .map(plain)
        .join(' · '),
      attachment_text: plain(d.attachments.map((a) => `${a.filename}\n${a.text}`).join('\n\n')),
      reflection_text: plain(d.reflectionText),
      reaction_text: plain(d.reactions.map((r) => r.text).join('\n\n')),
      reactions: d.reactions.map((r) => ({ id: r.id, authorName: r.authorName, text: plain(r.text) })),
      answered: d.answered,
      updated_at: d.updatedAt,
    }));
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_GENERATION);
      await m.query(
        `INSERT INTO search_documents (case_id, status, author_id, visibility, organization_id, organization_name, organization_kind, roles,
                                       themes, tags, year, region, has_reflection, presented, title, summary, body, meta_text,
                                       attachment_text, reflection_text, reaction_text, reactions, answered, updated_at)
         SELECT case_id, status, author_id, visibility, organization_id, organization_name, organization_kind, roles, themes, tags, year,
                region, has_reflection, presented, title, summary, body, meta_text, attachment_text, reflection_text,
                reaction_text, reactions, answered, updated_at
           FROM jsonb_to_recordset($1::jsonb) AS x(case_id int, status text, author_id int, visibility text, organization_id int,
                organization_name text, organization_kind text, roles text[], themes text[], tags text[], year int, region text,
                has_reflection boolean, presented boolean, title text, summary text, body text, meta_text text,
                attachment_text text, reflection_text text, reaction_text text, reactions jsonb, answered boolean,
                updated_at timestamptz)
         ON CONFLICT (case_id) DO UPDATE SET
           status = EXCLUDED.status, author_id = EXCLUDED.author_id, visibility = EXCLUDED.visibility,
           organization_id = EXCLUDED.organization_id,
           organization_name = EXCLUDED.organization_name, organization_kind = EXCLUDED.organization_kind,
           roles = EXCLUDED.roles, themes = EXCLUDED.themes, tags = EXCLUDED.tags, year = EXCLUDED.year,
           region = EXCLUDED.region, has_reflection = EXCLUDED.has_reflection, presented = EXCLUDED.presented,
           title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, meta_text = EXCLUDED.meta_text,
           attachment_text = EXCLUDED.attachment_text, reflection_text = EXCLUDED.reflection_text,
           reaction_text = EXCLUDED.reaction_text, reactions = EXCLUDED.reactions, answered = EXCLUDED.answered,
           updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(rows)],
      );
      await m.query(`DELETE FROM search_attachment_documents WHERE case_id = ANY($1)`, [ids]);
      const attachments = docs.flatMap((d) =>
        d.attachments
          .filter((a) => a.text.trim() !== '')
          .map((a) => ({
            attachment_id: a.id,
            case_id: d.id,
            filename: a.filename,
            page_offsets: a.pageOffsets,
            text: plain(a.text),
          })),
      );
      if (attachments.length) {
        await m.query(
          `INSERT INTO search_attachment_documents (attachment_id, case_id, filename, page_offsets, text)
           SELECT attachment_id, case_id, filename, page_offsets, text
             FROM jsonb_to_recordset($1::jsonb) AS x(attachment_id int, case_id int, filename text, page_offsets int[], text text)`,
          [JSON.stringify(attachments)],
        );
      }
      // The lexicon only learns words of cases every member may see: suggestions never leak a draft.
      const visibleText = docs
        .filter((d) => isShared(d, 'any'))
        .map((d) => {
          const row = rows.find((r) => r.case_id === d.id)!;
          // Attachment words up to a cap: enough for typo look-ups, cheap enough for big files.
          const attachments = d.attachments.map((a) => a.text.slice(0, 20_000)).join(' ');
          return `${row.title} ${row.summary} ${row.body} ${row.meta_text} ${attachments}`;
        })
        .join(' ');
      if (visibleText) {
        await m.query(
          `INSERT INTO search_lexicon (word, doc_count, generation)
           SELECT DISTINCT w, 1, ${CURRENT_GENERATION} FROM regexp_split_to_table(lower(immutable_unaccent($1)), '[^a-z0-9]+') AS w
            WHERE length(w) BETWEEN 3 AND 60
           ON CONFLICT (word) DO NOTHING`,
          [visibleText],
        );
      }
    });
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_GENERATION);
      await m.query(`DELETE FROM search_documents WHERE case_id = ANY($1)`, [ids]);
      await m.query(`DELETE FROM search_attachment_documents WHERE case_id = ANY($1)`, [ids]);
    });
  }

  async documentCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM search_documents`);
    return n;
  }

  async reset(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_LEXICON);
      await m.query(`DELETE FROM search_documents`);
      await m.query(`DELETE FROM search_attachment_documents`);
      await m.query(`DELETE FROM search_lexicon`);
    });
  }

  /** After a full rebuild: exact document counts per word (incremental upserts only add words). */
  async finishRebuild(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_LEXICON);
      await m.query(`DELETE FROM search_lexicon`);
      const p = new SqlParams();
      await m.query(
        `INSERT INTO search_lexicon (word, doc_count, generation)
         SELECT w, count(DISTINCT d.case_id), ${CURRENT_GENERATION} FROM search_documents d,
                regexp_split_to_table(lower(immutable_unaccent(
                  d.title || ' ' || d.summary || ' ' || d.body || ' ' || d.meta_text || ' ' || left(d.attachment_text, 60000))), '[^a-z0-9]+') AS w
          WHERE ${sharedVisibilitySql('d', (v) => p.add(v), 'any')} AND length(w) BETWEEN 3 AND 60
          GROUP BY w`,
        p.values,
      );
    });
    // A rebuild wrote every document: move the GIN indexes' pending entries into the indexes,
    // which every search would otherwise scan (PGlite has no autovacuum to do it).
    for (const index of GIN_INDEXES)
      await this.dataSource.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
  }
}

const GIN_INDEXES = [
  'search_documents_document_idx',
  'search_documents_head_idx',
  'search_attachment_documents_document_idx',
];
