import type { UserRole } from '../../src/domain';
import { can, requiresTwoFactor, type CaseRef, type ReactionRef, type Viewer } from '../../src/policy';

const viewer = (roles: UserRole[], id = 10, organizationId = 1): Viewer => ({
  id,
  name: 'x',
  email: 'x@example.nl',
  roles,
  organizationId,
  organizationName: 'Org',
  hasTotp: true,
});
const practitioner = viewer(['practitioner']);
const expert = viewer(['expert']);
const curator = viewer(['curator']);
const admin = viewer(['admin']);
const ROLES = { practitioner, expert, curator, admin };

const own = (status: CaseRef['status']): CaseRef => ({
  authorId: 10,
  organizationId: 1,
  status,
  visibility: 'vakgemeenschap',
});
const others = (
  status: CaseRef['status'],
  organizationId = 2,
  visibility: CaseRef['visibility'] = 'vakgemeenschap',
): CaseRef => ({
  authorId: 99,
  organizationId,
  status,
  visibility,
});
/** A shown reaction by this author, written this many hours ago. */
const reaction = (authorId: number, hoursAgo: number): ReactionRef => ({
  authorId,
  status: 'active',
  createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
});
const openMeeting = {
  status: 'nominations_open' as const,
  nominationDeadline: new Date(Date.now() + 86_400_000),
};

// The matrix of DESIGN.md, row by row: [description, check, practitioner, expert, curator, admin].
const matrix: Array<[string, (v: Viewer) => boolean, boolean, boolean, boolean, boolean]> = [
  ['read a published case', (v) => can(v, 'case:read', others('published')), true, true, true, true],
  ['read an archived case', (v) => can(v, 'case:read', others('archived')), true, true, true, true],
  ['create a case', (v) => can(v, 'case:create'), true, true, true, true],
  ['edit own published case', (v) => can(v, 'case:edit', own('published')), true, true, true, true],
  [
    "edit someone else's published case",
    (v) => can(v, 'case:edit', others('published')),
    false,
    false,
    true,
    true,
  ],
  ['read own draft', (v) => can(v, 'case:read', own('draft')), true, true, true, true],
  ["read someone else's draft", (v) => can(v, 'case:read', others('draft')), false, false, false, true],
  ["edit someone else's draft", (v) => can(v, 'case:edit', others('draft')), false, false, false, true],
  [
    'write a reflection on a published case',
    (v) => can(v, 'reflection:create', others('published')),
    false,
    true,
    false,
    true,
  ],
  [
    'write a reflection on a draft',
    (v) => can(v, 'reflection:create', own('draft')),
    false,
    false,
    false,
    false,
  ],
  [
    'edit own reflection',
    (v) => can(v, 'reflection:edit', { authorId: 10, status: 'active' }),
    false,
    true,
    false,
    true,
  ],
  [
    "edit someone else's reflection",
    (v) => can(v, 'reflection:edit', { authorId: 99, status: 'active' }),
    false,
    false,
    false,
    false,
  ],
  [
    "nominate own organisation's published case",
    (v) => can(v, 'nomination:create', others('published', 1), openMeeting),
    true,
    true,
    true,
    true,
  ],
  [
    "nominate another organisation's case",
    (v) => can(v, 'nomination:create', others('published', 2), openMeeting),
    false,
    false,
    true,
    true,
  ],
  [
    'nominate a draft',
    (v) => can(v, 'nomination:create', own('draft'), openMeeting),
    false,
    false,
    false,
    false,
  ],
  [
    'nominate after the deadline',
    (v) =>
      can(v, 'nomination:create', others('published', 1), {
        status: 'nominations_open',
        nominationDeadline: new Date(Date.now() - 1000),
      }),
    false,
    false,
    false,
    false,
  ],
  [
    'nominate for a meeting not open',
    (v) =>
      can(v, 'nomination:create', others('published', 1), { status: 'agenda_set', nominationDeadline: null }),
    false,
    false,
    false,
    false,
  ],
  ['decide nominations', (v) => can(v, 'nomination:decide'), false, false, true, true],
  ['create and edit meetings', (v) => can(v, 'meeting:manage'), false, false, true, true],
  ['sign up for a meeting (with guests)', (v) => can(v, 'meeting:signup'), true, true, true, true],
  ['manage users', (v) => can(v, 'admin:users'), false, false, false, true],
  ['manage organisations', (v) => can(v, 'admin:organizations'), false, false, false, true],
  ['manage themes', (v) => can(v, 'admin:themes'), false, false, true, true],
  ['read the audit log', (v) => can(v, 'admin:audit'), false, false, false, true],
  ['manage the thesaurus', (v) => can(v, 'admin:thesaurus'), false, false, true, true],
  ['read search insight and collection charts', (v) => can(v, 'admin:insight'), false, false, true, true],
  ['see the mail outbox (unsent and failed mails)', (v) => can(v, 'admin:mail'), false, false, false, true],
  [
    'see cases on upcoming agendas without a reflection (home)',
    (v) => can(v, 'reflection:prepare'),
    false,
    true,
    false,
    true,
  ],
  [
    'react on a published case',
    (v) => can(v, 'reaction:create', others('published')),
    true,
    true,
    true,
    true,
  ],
  ['react on a draft', (v) => can(v, 'reaction:create', own('draft')), false, false, false, false],
  [
    'react on an archived case',
    (v) => can(v, 'reaction:create', others('archived')),
    false,
    false,
    false,
    false,
  ],
  [
    'edit own reaction within 24 hours',
    (v) => can(v, 'reaction:edit', reaction(10, 23)),
    true,
    true,
    true,
    true,
  ],
  [
    'edit own reaction after 24 hours',
    (v) => can(v, 'reaction:edit', reaction(10, 25)),
    false,
    false,
    false,
    false,
  ],
  [
    "edit someone else's reaction",
    (v) => can(v, 'reaction:edit', reaction(99, 1)),
    false,
    false,
    false,
    false,
  ],
  [
    'delete own reaction, also later',
    (v) => can(v, 'reaction:delete', reaction(10, 100)),
    true,
    true,
    true,
    true,
  ],
  [
    "delete someone else's reaction",
    (v) => can(v, 'reaction:delete', reaction(99, 1)),
    false,
    false,
    false,
    false,
  ],
  [
    'mark a reaction on own case "dit hielp mij"',
    (v) => can(v, 'reaction:mark-helpful', own('published'), reaction(99, 1)),
    true,
    true,
    true,
    true,
  ],
  [
    "mark a reaction on someone else's case",
    (v) => can(v, 'reaction:mark-helpful', others('published'), reaction(98, 1)),
    false,
    false,
    false,
    false,
  ],
  [
    "report someone else's reaction",
    (v) => can(v, 'reaction:report', reaction(99, 1)),
    true,
    true,
    true,
    true,
  ],
  ['report own reaction', (v) => can(v, 'reaction:report', reaction(10, 1)), false, false, false, false],
  ['hide reactions, handle reports', (v) => can(v, 'reaction:moderate'), false, false, true, true],
  [
    'review cases published with confirmed findings',
    (v) => can(v, 'privacy:review'),
    false,
    false,
    true,
    true,
  ],
  ['download own data', (v) => can(v, 'member:export', 10), true, true, true, true],
  ["download someone else's data", (v) => can(v, 'member:export', 99), false, false, false, false],
  ['remove a member', (v) => can(v, 'member:remove', 99), false, false, false, true],
  ['remove oneself', (v) => can(v, 'member:remove', 10), false, false, false, false],
];

describe('permission matrix (DESIGN.md)', () => {
  it.each(matrix)('%s', (_name, check, ...expected) => {
    const actual = Object.values(ROLES).map((v) => check(v));
    expect(actual).toEqual(expected);
  });

  it('refuses everything to nobody', () => {
    expect(can(null, 'case:create')).toBe(false);
    expect(can(undefined, 'case:read', others('published'))).toBe(false);
  });

  it('combines roles: a practitioner who is also curator may decide', () => {
    expect(can(viewer(['practitioner', 'curator']), 'nomination:decide')).toBe(true);
  });

  it('requires a second factor for admins and curators only', () => {
    expect(Object.values(ROLES).map(requiresTwoFactor)).toEqual([false, false, true, true]);
  });
});
