import type { DataSource } from 'typeorm';
import { markedStems, type GroupForms } from './embedded-query';
import type { SearchHit } from './search-query';
import {
  markedSnippet,
  pageAt,
  snippetOf,
  SNIPPET_SCAN_CHARS,
  type Snip,
  type SnippetMarks,
} from './snippets';

/** The PostgreSQL search's hits for the shown page: its rows and their snippets, built in JavaScript. */

/** A snippet is looked for in this much of the summary and body first (most hits have a query word there). */
const SNIPPET_SHORT_CHARS = 2000;

/** Attachment text read for a snippet. */
const SNIPPET_ATTACHMENT_CHARS = SNIPPET_SCAN_CHARS;

/** A hit as the statement returns it (JSON), with what its snippet is built from. */
export interface PageRow {
  case_id: number;
  title: string;
  summary: string;
  roles: string[];
  themes: string[];
  organization_name: string;
  organization_kind: string;
  year: number | null;
  status: SearchHit['status'];
  updated_at: string;
  body?: string | null;
  reactions?: Array<{ id: number; authorName: string; text: string }> | null;
}

/** The shown page's rows, in the given order, with what snippets are built from. */
export async function pageRows(dataSource: DataSource, ids: number[]): Promise<PageRow[]> {
  if (ids.length === 0) return [];
  const rows: PageRow[] = await dataSource.query(
    `SELECT d.case_id, d.title, d.summary, d.roles, d.themes, d.organization_name, d.organization_kind, d.year,
              d.status, d.updated_at, left(d.body, ${SNIPPET_SCAN_CHARS}) AS body, d.reactions
         FROM search_documents d WHERE d.case_id = ANY($1::int[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.case_id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is PageRow => !!r);
}

/**
 * Hits with snippets, built here for the shown page as the embedded engine builds them: from the
 * attachment where only that matched, else from the case's text, or from a member's reaction
 * that has more of the query words than the case's own text.
 */
export async function hitsOf(
  dataSource: DataSource,
  rows: PageRow[],
  groups: GroupForms[],
  inCase: Map<number, boolean>,
): Promise<SearchHit[]> {
  const marks = markedStems(groups);
  const hits = rows.map((r): SearchHit => ({
    id: r.case_id,
    title: r.title,
    summary: r.summary,
    snippet: markedSnippet(r.summary),
    roles: r.roles,
    themes: r.themes,
    organization: r.organization_name,
    organizationKind: r.organization_kind,
    year: r.year,
    status: r.status,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
  if (groups.length === 0) return hits;
  const inAttachment = hits.filter((h) => inCase.get(h.id) === false);
  const fromAttachment = inAttachment.length
    ? await attachmentSnippets(dataSource, inAttachment, marks)
    : new Set();
  rows.forEach((r, i) => {
    const hit = hits[i];
    if (fromAttachment.has(hit.id)) return;
    const text = `${r.summary}\n${r.body ?? ''}`;
    const snip =
      snippetOf(text.slice(0, SNIPPET_SHORT_CHARS), marks) ??
      (text.length > SNIPPET_SHORT_CHARS ? snippetOf(text, marks) : null);
    const own = Math.max(snip?.hits ?? 0, snippetOf(r.title, marks)?.hits ?? 0);
    let best: { r: { id: number; authorName: string }; snip: Snip } | null = null;
    for (const reaction of r.reactions ?? []) {
      const rs = snippetOf(reaction.text, marks);
      if (rs && rs.hits > own && (!best || rs.hits > best.snip.hits)) best = { r: reaction, snip: rs };
    }
    if (best) {
      hit.snippet = markedSnippet(best.snip.text);
      hit.reaction = { id: best.r.id, authorName: best.r.authorName };
    } else if (snip) hit.snippet = markedSnippet(snip.text);
  });
  return hits;
}

/** For hits found only in an attachment: the attachment with most query words, its snippet and PDF page. */
async function attachmentSnippets(
  dataSource: DataSource,
  hits: SearchHit[],
  marks: SnippetMarks,
): Promise<Set<number>> {
  const rows: Array<{
    case_id: number;
    attachment_id: number;
    filename: string;
    page_offsets: number[] | null;
    text: string;
  }> = await dataSource.query(
    `SELECT s.case_id, s.attachment_id, s.filename, s.page_offsets, left(s.text, ${SNIPPET_ATTACHMENT_CHARS}) AS text
         FROM search_attachment_documents s WHERE s.case_id = ANY($1::int[]) ORDER BY s.attachment_id`,
    [hits.map((h) => h.id)],
  );
  const done = new Set<number>();
  for (const hit of hits) {
    let best: { a: (typeof rows)[number]; snip: Snip } | null = null;
    for (const a of rows) {
      if (a.case_id !== hit.id) continue;
      const snip = snippetOf(a.text, marks);
      if (snip && (!best || snip.hits > best.snip.hits)) best = { a, snip };
    }
    if (!best) continue;
    hit.snippet = markedSnippet(best.snip.text);
    const page = pageAt(best.a.page_offsets, best.snip.firstAt);
    hit.attachment = { id: best.a.attachment_id, filename: best.a.filename, ...(page ? { page } : {}) };
    done.add(hit.id);
  }
  return done;
}
