import type { CaseStatus, CaseVisibility, MeetingStatus, UserRole } from './domain';

/** The signed-in person as every rule sees them (loaded fresh from the database per request). */
export interface Viewer {
  id: number;
  name: string;
  email: string;
  roles: UserRole[];
  organizationId: number;
  organizationName: string;
  hasTotp: boolean;
}

export interface CaseRef {
  authorId: number;
  organizationId: number;
  status: CaseStatus;
  visibility: CaseVisibility;
}
export interface ReflectionRef {
  authorId: number;
  status: 'active' | 'withdrawn';
}
export interface ReactionRef {
  authorId: number;
  status: 'active' | 'deleted' | 'hidden';
  createdAt: Date;
}
export interface NominationRef {
  nominatedById: number;
}
export interface MeetingRef {
  status: MeetingStatus;
  nominationDeadline: Date | null;
}

/** A reaction can be edited this long after it was written. */
export const REACTION_EDIT_HOURS = 24;

/**
 * Every permission rule of DESIGN.md's matrix, in one place. Routes enforce these; view-models
 * turn them into flags (canEdit …) so templates never look at roles.
 */
export const policy = {
  /**
   * Read a case (and download its attachments): drafts for author and admin; published and
   * archived ones for whom its visibility level admits (seesVisibility).
   */
  'case:read': (v: Viewer, c: CaseRef) =>
    c.authorId === v.id || isAdmin(v) || (c.status !== 'draft' && seesVisibility(v, c)),
  'case:create': (_v: Viewer) => true,
  /** Edit, publish, archive, restore, manage attachments: own cases, or curator/admin. */
  'case:edit': (v: Viewer, c: CaseRef) =>
    (c.authorId === v.id || isCurator(v) || isAdmin(v)) &&
    (c.status !== 'draft' || c.authorId === v.id || isAdmin(v)),
  /** Revisions follow reading and editing: who may edit may see the history. */
  'case:history': (v: Viewer, c: CaseRef) => policy['case:edit'](v, c),
  'case:export-drafts': (v: Viewer) => isAdmin(v),

  'reflection:create': (v: Viewer, c: CaseRef) => (isExpert(v) || isAdmin(v)) && c.status === 'published',
  /** Edit or withdraw: only the expert who wrote it, while it is active. */
  /** The home page's "still without a reflection" list of cases on upcoming agendas: who writes reflections. */
  'reflection:prepare': (v: Viewer) => isExpert(v) || isAdmin(v),
  'reflection:edit': (v: Viewer, r: ReflectionRef) =>
    r.status === 'active' && r.authorId === v.id && (isExpert(v) || isAdmin(v)),

  /** Meedenken: every member reacts on a published case (never on a draft or an archived one). */
  'reaction:create': (_v: Viewer, c: CaseRef) => c.status === 'published',
  /** Edit: only the writer, within REACTION_EDIT_HOURS of writing it, while it is shown. */
  'reaction:edit': (v: Viewer, r: ReactionRef, now = new Date()) =>
    r.status === 'active' &&
    r.authorId === v.id &&
    now.getTime() - r.createdAt.getTime() <= REACTION_EDIT_HOURS * 3_600_000,
  /** Delete: only the writer (also a hidden one), at any time. */
  'reaction:delete': (v: Viewer, r: ReactionRef) => r.status !== 'deleted' && r.authorId === v.id,
  /** "Dit hielp mij": only the case's author, on someone else's reaction to their published case. */
  'reaction:mark-helpful': (v: Viewer, c: CaseRef, r: ReactionRef) =>
    c.authorId === v.id && c.status === 'published' && r.status === 'active' && r.authorId !== v.id,
  /** Report ("Melden") a reaction to the kerngroep: any member, not their own. */
  'reaction:report': (v: Viewer, r: ReactionRef) => r.status === 'active' && r.authorId !== v.id,
  /** Hide reactions with a reason and handle reports: the kerngroep (and admins). */
  'reaction:moderate': (v: Viewer) => isCurator(v) || isAdmin(v),

  /** Nominate a published case for a meeting open for nominations. */
  'nomination:create': (v: Viewer, c: CaseRef, m: MeetingRef, now = new Date()) =>
    c.status === 'published' &&
    m.status === 'nominations_open' &&
    (!m.nominationDeadline || m.nominationDeadline.getTime() >= now.getTime()) &&
    (c.organizationId === v.organizationId || isCurator(v) || isAdmin(v)),
  /** Decide, place on the agenda, mark presented: the kerngroep (and admins). */
  'nomination:decide': (v: Viewer) => isCurator(v) || isAdmin(v),
  /** See a nomination's status and feedback: who nominated it, and who decides. */
  'nomination:read': (v: Viewer, n: NominationRef) => n.nominatedById === v.id || isCurator(v) || isAdmin(v),
  /** Create and edit meetings, change their status, order the agenda; limits, programme, attendance, verslag. */
  'meeting:manage': (v: Viewer) => isCurator(v) || isAdmin(v),
  /** Sign oneself up for a meeting (with guests, who never get an account), change or cancel it. */
  'meeting:signup': (_v: Viewer) => true,

  /** The kerngroep looks at cases published with confirmed findings (privacy review). */
  'privacy:review': (v: Viewer) => isCurator(v) || isAdmin(v),
  /** Download everything stored about a member (AVG): only that member themself. */
  'member:export': (v: Viewer, memberId: number) => v.id === memberId,
  /** Remove a member (content kept as "voormalig lid" or removed): admins, never themselves. */
  'member:remove': (v: Viewer, memberId: number) => isAdmin(v) && v.id !== memberId,

  'admin:users': (v: Viewer) => isAdmin(v),
  'admin:organizations': (v: Viewer) => isAdmin(v),
  'admin:themes': (v: Viewer) => isAdmin(v) || isCurator(v),
  'admin:audit': (v: Viewer) => isAdmin(v),
  /** The mail outbox: what was sent, what failed and will be tried again. */
  'admin:mail': (v: Viewer) => isAdmin(v),
  /** Synonym groups, abbreviations and spelling variants search uses: the kerngroep (and admins). */
  'admin:thesaurus': (v: Viewer) => isCurator(v) || isAdmin(v),
  /** What members search for and the collection at a glance (aggregates only): the kerngroep (and admins). */
  'admin:insight': (v: Viewer) => isCurator(v) || isAdmin(v),
  /** Any admin page at all (the "Beheer" menu). */
  'admin:any': (v: Viewer) => isAdmin(v) || isCurator(v),
} as const;

export type Action = keyof typeof policy;
export type Args<A extends Action> = (typeof policy)[A] extends (v: Viewer, ...rest: infer R) => boolean
  ? R
  : never;

/** can(viewer, action, ...resources): the one question every route and view-model asks. */
export function can<A extends Action>(
  viewer: Viewer | null | undefined,
  action: A,
  ...resource: Args<A>
): boolean {
  if (!viewer) return false;
  const rule = policy[action] as (v: Viewer, ...rest: unknown[]) => boolean;
  return rule(viewer, ...resource);
}

/**
 * Who a published case's visibility level admits (besides its author and admins): everyone, the
 * kerngroep and experts, or the members of the case's organisation. Search derives its clauses
 * from the same facts (search/visibility.ts).
 */
export function seesVisibility(
  v: Pick<Viewer, 'roles' | 'organizationId'>,
  c: Pick<CaseRef, 'visibility' | 'organizationId'>,
): boolean {
  if (c.visibility === 'vakgemeenschap') return true;
  if (c.visibility === 'kerngroep-experts') return v.roles.some((r) => r === 'curator' || r === 'expert');
  return c.organizationId === v.organizationId;
}

/** Second factor is required for people who can change what others see or do. */
export function requiresTwoFactor(v: Pick<Viewer, 'roles'>): boolean {
  return v.roles.includes('admin') || v.roles.includes('curator');
}

function isAdmin(v: Viewer) {
  return v.roles.includes('admin');
}
function isCurator(v: Viewer) {
  return v.roles.includes('curator');
}
function isExpert(v: Viewer) {
  return v.roles.includes('expert');
}
