import type { EntityManager } from 'typeorm';
import { bodyFieldsOf, contentColumnsOf } from '../cases/case-fields';
import { markdownToText } from '../cases/markdown';
import type { CaseStatus, CaseVisibility } from '../domain';

/** Attachment text kept in a search document (Meilisearch has a per-attribute position limit). */
export const MAX_ATTACHMENT_TEXT = 200_000;

/** Everything search knows about one case; both adapters index exactly this. */
export interface SearchDocument {
  id: number;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  roles: string[];
  themes: string[];
  themeNames: string[];
  organizationId: number;
  organizationName: string;
  organizationKind: string;
  region: string;
  partners: string;
  contact: string;
  year: number | null;
  attachments: Array<{ id: number; filename: string; text: string; pageOffsets: number[] | null }>;
  reflectionText: string;
  /** Members' shown reactions (not hidden, not deleted): searched at the lowest weight, like reflections. */
  reactions: Array<{ id: number; authorName: string; text: string }>;
  status: CaseStatus;
  /** Who may find it (search/visibility.ts). */
  visibility: CaseVisibility;
  authorId: number;
  authorName: string;
  hasReflection: boolean;
  presented: boolean;
  /** The author marked a reaction "Dit hielp mij": the question is answered. */
  answered: boolean;
  updatedAt: string;
}

/** Builds the documents of these cases from the database; ids of deleted cases are simply absent. */
export async function buildSearchDocuments(m: EntityManager, caseIds: number[]): Promise<SearchDocument[]> {
  if (caseIds.length === 0) return [];
  const rows = await m.query(
    `SELECT c.id, ${contentColumnsOf('c')}, c.status, c.author_id, u.name AS author_name,
            c.organization_id, o.name AS organization_name, o.kind AS organization_kind,
            greatest(c.updated_at, (SELECT max(r.updated_at) FROM reflections r WHERE r.case_id = c.id)) AS updated_at,
            coalesce((SELECT array_agg(t.slug ORDER BY t.slug) FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id), '{}') AS themes,
            coalesce((SELECT array_agg(t.name ORDER BY t.slug) FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id), '{}') AS theme_names,
            coalesce((SELECT string_agg(r.body, E'\\n\\n' ORDER BY r.id) FROM reflections r WHERE r.case_id = c.id AND r.status = 'active'), '') AS reflections,
            coalesce((SELECT string_agg(n.outcome, E'\\n\\n' ORDER BY n.id) FROM nominations n
                       WHERE n.case_id = c.id AND n.presented_at IS NOT NULL AND n.outcome <> ''), '') AS outcomes,
            EXISTS (SELECT 1 FROM nominations n WHERE n.case_id = c.id AND n.presented_at IS NOT NULL) AS presented,
            EXISTS (SELECT 1 FROM reactions x WHERE x.case_id = c.id AND x.status = 'active' AND x.helpful_at IS NOT NULL) AS answered
       FROM cases c JOIN organizations o ON o.id = c.organization_id JOIN users u ON u.id = c.author_id
      WHERE c.id = ANY($1)`,
    [caseIds],
  );
  const attachmentRows = await m.query(
    `SELECT id, case_id, filename, left(coalesce(extracted_text, ''), $2) AS text, page_offsets
       FROM attachments WHERE case_id = ANY($1) ORDER BY id`,
    [caseIds, MAX_ATTACHMENT_TEXT],
  );
  const reactionRows = await m.query(
    `SELECT x.id, x.case_id, u.name AS author_name, x.body FROM reactions x JOIN users u ON u.id = x.author_id
      WHERE x.case_id = ANY($1) AND x.status = 'active' ORDER BY x.id`,
    [caseIds],
  );
  const reactionsByCase = new Map<number, SearchDocument['reactions']>();
  for (const x of reactionRows) {
    const list = reactionsByCase.get(x.case_id) ?? [];
    list.push({ id: x.id, authorName: x.author_name, text: markdownToText(x.body) });
    reactionsByCase.set(x.case_id, list);
  }
  const attachmentsByCase = new Map<number, SearchDocument['attachments']>();
  for (const a of attachmentRows) {
    const list = attachmentsByCase.get(a.case_id) ?? [];
    list.push({ id: a.id, filename: a.filename, text: a.text, pageOffsets: a.page_offsets });
    attachmentsByCase.set(a.case_id, list);
  }
  return rows.map((r: Record<string, any>) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    body: bodyFieldsOf(r).map(markdownToText).filter(Boolean).join('\n\n'),
    tags: r.tags,
    roles: r.roles,
    themes: r.themes,
    themeNames: r.theme_names,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    organizationKind: r.organization_kind,
    region: r.region,
    partners: r.partners,
    contact: r.contact,
    year: r.year,
    attachments: attachmentsByCase.get(r.id) ?? [],
    // What a meeting learnt from the case (its verslag) is found with the case, beside the experts' reflections.
    reflectionText: [markdownToText(r.reflections), r.outcomes].filter(Boolean).join('\n\n'),
    reactions: reactionsByCase.get(r.id) ?? [],
    status: r.status,
    visibility: r.visibility,
    authorId: r.author_id,
    authorName: r.author_name,
    hasReflection: r.reflections.trim() !== '',
    presented: r.presented,
    answered: r.answered,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}
