import { CASE_STATUSES, type CaseStatus, type CaseVisibility } from '../domain';
import type { SearchViewer } from './search-query';

/**
 * Who finds a case in search, described once; each engine's clause is derived from it below (SQL
 * for PostgreSQL and the database check of hits, a filter expression for Meilisearch, a predicate
 * for the embedded engine). Search is stricter than reading (policy.ts `case:read`): an admin may
 * open someone's draft by its address, but search never shows a draft to anyone but its author.
 * A published or archived case is found by whom its visibility level admits (as `case:read`):
 * everyone ('vakgemeenschap'), the kerngroep and experts, or its own organisation's members; its
 * author and admins always.
 */
const RULE = {
  /** What a query without a status filter searches. */
  defaultStatuses: ['published', 'draft'] as CaseStatus[],
  /** Found by the case's author only, whatever the filter. */
  authorOnly: ['draft'] as CaseStatus[],
  /** The level every member may find; documents without one (older indexes) count as this. */
  everyone: 'vakgemeenschap' as CaseVisibility,
  /** The other levels, and who they admit besides the author and admins. */
  restricted: ['kerngroep-experts', 'organisatie'] as CaseVisibility[],
  seesKerngroepLevel: ['curator', 'expert'],
  seesEverything: ['admin'],
};

/** A document's facts the rule reads. */
export interface VisibilityFacts {
  status: string;
  authorId: number;
  visibility?: string;
  organizationId?: number;
}

/**
 * Which visible documents a clause covers: all of them, the part every member shares (cached
 * facet counts, the lexicons, related cases), or the part that is the viewer's own (their drafts,
 * and the restricted cases they may find).
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

/** Which restricted levels this viewer finds without being the author: all, the kerngroep's, or none but their organisation's. */
function restrictedFor(viewer: SearchViewer): { levels: CaseVisibility[]; organizationId: number | null } {
  const roles = viewer.roles ?? [];
  const orgId = Number(viewer.organizationId);
  const organizationId = Number.isInteger(orgId) ? orgId : null;
  if (roles.some((r) => RULE.seesEverything.includes(r)))
    return { levels: RULE.restricted, organizationId: null };
  const levels = roles.some((r) => RULE.seesKerngroepLevel.includes(r))
    ? (['kerngroep-experts'] as CaseVisibility[])
    : [];
  return { levels, organizationId };
}

const levelOf = (doc: VisibilityFacts) => doc.visibility ?? RULE.everyone;

/** Is a document one every member may find (with these status filters; no viewer needed)? */
export function isShared(doc: VisibilityFacts, statuses: readonly CaseStatus[] | 'any' = []): boolean {
  return (split(statuses).shared as string[]).includes(doc.status) && levelOf(doc) === RULE.everyone;
}

/** May this viewer find this document with these status filters (`[]` = the default, `'any'` = every status)? */
export function isVisible(
  doc: VisibilityFacts,
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
): boolean {
  return visibleTo(viewer, statuses)(doc);
}

/** The same rule as a test for many documents: the viewer's and the statuses' part worked out once. */
export function visibleTo(
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
): (doc: VisibilityFacts) => boolean {
  const { shared, own } = split(statuses) as { shared: string[]; own: string[] };
  let restricted: ReturnType<typeof restrictedFor> | null = null;
  return (doc) => {
    if (own.includes(doc.status)) return doc.authorId === viewer.id;
    if (!shared.includes(doc.status)) return false;
    const level = levelOf(doc) as CaseVisibility;
    if (level === RULE.everyone || doc.authorId === viewer.id) return true;
    const { levels, organizationId } = (restricted ??= restrictedFor(viewer));
    if (levels.includes(level)) return true;
    return level === 'organisatie' && organizationId !== null && doc.organizationId === organizationId;
  };
}

/**
 * The rule as a PostgreSQL condition on a row with `status`, `author_id`, `visibility` and
 * `organization_id` (search_documents or cases); `add` binds a parameter and returns its placeholder.
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
    const { own: ownStatuses, shared: sharedStatuses } = split(statuses);
    const parts: string[] = [];
    const id = Number(viewer.id);
    if (ownStatuses.length)
      parts.push(`(${alias}.status = ANY(${add(ownStatuses)}::text[]) AND ${alias}.author_id = ${add(id)})`);
    if (sharedStatuses.length) {
      const { levels, organizationId } = restrictedFor(viewer);
      const who = [`${alias}.author_id = ${add(id)}`];
      if (levels.length) who.push(`${alias}.visibility = ANY(${add(levels)}::text[])`);
      if (organizationId !== null)
        who.push(
          `(${alias}.visibility = 'organisatie' AND ${alias}.organization_id = ${add(organizationId)})`,
        );
      parts.push(
        `(${alias}.status = ANY(${add(sharedStatuses)}::text[]) AND ${alias}.visibility <> '${RULE.everyone}' AND (${who.join(' OR ')}))`,
      );
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'false';
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
  return shared.length
    ? `(${alias}.status = ANY(${add(shared)}::text[]) AND ${alias}.visibility = '${RULE.everyone}')`
    : 'false';
}

const meiliIn = (attribute: string, list: readonly string[]) =>
  `${attribute} IN [${list.map((s) => JSON.stringify(s)).join(', ')}]`;

/**
 * The part of the rule every member shares, as a Meilisearch filter expression. "NOT IN the
 * restricted levels" also matches documents indexed before levels existed.
 */
export function sharedVisibilityMeiliFilter(statuses: readonly CaseStatus[] | 'any'): string {
  const { shared } = split(statuses);
  return shared.length
    ? `(${meiliIn('status', shared)} AND visibility NOT IN [${RULE.restricted.map((l) => JSON.stringify(l)).join(', ')}])`
    : 'id = -1';
}

/** The rule as a Meilisearch filter expression (on `status`, `authorId`, `visibility`, `organizationId`). */
export function visibilityMeiliFilter(
  viewer: SearchViewer,
  statuses: readonly CaseStatus[] | 'any',
  scope: VisibilityScope = 'all',
): string {
  const sharedFilter = sharedVisibilityMeiliFilter(statuses);
  if (scope === 'shared') return sharedFilter;
  const id = Number(viewer.id);
  if (!Number.isInteger(id)) throw new Error('viewer id must be an integer');
  const { own, shared } = split(statuses);
  const parts: string[] = [];
  if (own.length) parts.push(`(${meiliIn('status', own)} AND authorId = ${id})`);
  if (shared.length) {
    const { levels, organizationId } = restrictedFor(viewer);
    const who = [`authorId = ${id}`];
    if (levels.length) who.push(meiliIn('visibility', levels));
    if (organizationId !== null)
      who.push(`(visibility = "organisatie" AND organizationId = ${organizationId})`);
    parts.push(
      `(${meiliIn('status', shared)} AND ${meiliIn('visibility', RULE.restricted)} AND (${who.join(' OR ')}))`,
    );
  }
  const ownFilter = parts.length ? `(${parts.join(' OR ')})` : 'id = -1';
  return scope === 'own' ? ownFilter : `(${sharedFilter} OR ${ownFilter})`;
}
