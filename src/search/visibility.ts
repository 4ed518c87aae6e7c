import { CASE_STATUSES, type CaseStatus } from '../domain';
import type { SearchViewer } from './search-query';

/**
 * Who finds a case in search, described once; each engine's clause is derived from it below (SQL
 * for PostgreSQL and the database check of hits, a filter expression for Meilisearch, a predicate
 * for the embedded engine). Search is stricter than reading (policy.ts `case:read`): an admin may
 * open someone's draft by its address, but search never shows a draft to anyone but its author.
 */
const RULE = {
  /** What a query without a status filter searches. */
  defaultStatuses: ['published', 'draft'] as CaseStatus[],
  /** Found by the case's author only, whatever the filter. */
  authorOnly: ['draft'] as CaseStatus[],
};

/** A document's facts the rule reads. */
export interface VisibilityFacts {
  status: string;
  authorId: number;
}

/**
 * Which visible documents a clause covers: all of them, the part every member shares (cached
 * facet counts, the lexicons, related cases), or the part that is the viewer's own (their drafts).
 */
export type VisibilityScope = 'all' | 'shared' | 'own';

/** The statuses a query searches: its status filter, or the default. */
function statusesOf(statuses: readonly CaseStatus[] | 'any'): readonly CaseStatus[] {
  if (statuses === 'any') return CASE_STATUSES;
  return statuses.length > 0 ? statuses : RULE.defaultStatuses;
}

function split(statuses: readonly CaseStatus[] | 'any') {
  const list = statusesOf(statuses);
  return {
    shared: list.filter((s) => !RULE.authorOnly.includes(s)),
    own: list.filter((s) => RULE.authorOnly.includes(s)),
  };
}

/** Is a document's status one every member may find (no author check needed)? */
export function isSharedStatus(status: string, statuses: readonly CaseStatus[] | 'any' = []): boolean {
  return (split(statuses).shared as string[]).includes(status);
}

/** May this viewer find this document with these status filters (`[]` = the default, `'any'` = every status)? */
export function isVisible(
  doc: VisibilityFacts,
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
): boolean {
  const { shared, own } = split(statuses);
  if ((shared as string[]).includes(doc.status)) return true;
  return (own as string[]).includes(doc.status) && doc.authorId === viewer.id;
}

/**
 * The rule as a PostgreSQL condition on a row with `status` and `author_id` (search_documents or
 * cases); `add` binds a parameter and returns its placeholder.
 */
export function visibilitySql(
  alias: string,
  add: (value: unknown) => string,
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
  scope: VisibilityScope = 'all',
): string {
  // Each part binds its parameters only when used: PostgreSQL refuses an unused, untyped one.
  const shared = () => sharedVisibilitySql(alias, add, statuses);
  const own = () => {
    const list = split(statuses).own;
    return list.length
      ? `(${alias}.status = ANY(${add(list)}::text[]) AND ${alias}.author_id = ${add(viewer.id)})`
      : 'false';
  };
  if (scope === 'shared') return shared();
  if (scope === 'own') return own();
  return `(${shared()} OR ${own()})`;
}

/** The part of the rule every member shares, as SQL (needs no viewer). */
export function sharedVisibilitySql(
  alias: string,
  add: (value: unknown) => string,
  statuses: readonly CaseStatus[] | 'any',
): string {
  const { shared } = split(statuses);
  return shared.length ? `${alias}.status = ANY(${add(shared)}::text[])` : 'false';
}

const meiliStatusIn = (list: readonly string[]) =>
  `status IN [${list.map((s) => JSON.stringify(s)).join(', ')}]`;

/** The part of the rule every member shares, as a Meilisearch filter expression. */
export function sharedVisibilityMeiliFilter(statuses: readonly CaseStatus[] | 'any'): string {
  const { shared } = split(statuses);
  return shared.length ? meiliStatusIn(shared) : 'id = -1';
}

/** The rule as a Meilisearch filter expression (on the `status` and `authorId` attributes). */
export function visibilityMeiliFilter(
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
  scope: VisibilityScope = 'all',
): string {
  const sharedFilter = sharedVisibilityMeiliFilter(statuses);
  if (scope === 'shared') return sharedFilter;
  const id = Number(viewer.id);
  if (!Number.isInteger(id)) throw new Error('viewer id must be an integer');
  const { own } = split(statuses);
  const ownFilter = own.length ? `(${meiliStatusIn(own)} AND authorId = ${id})` : 'id = -1';
  return scope === 'own' ? ownFilter : `(${sharedFilter} OR ${ownFilter})`;
}
