import { randomBytes } from 'node:crypto';
import { generate, generateSecret } from 'otplib';
import type { Agent } from 'supertest';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/accounts/passwords';
import { emptyContent, type CaseContent } from '../../src/cases/case-fields';
import { CasesService } from '../../src/cases/cases.service';
import type { CaseStatus, OrganizationKind, UserRole } from '../../src/domain';
import { requiresTwoFactor } from '../../src/policy';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export interface TestOrganization {
  id: number;
  name: string;
}
export interface TestUser {
  id: number;
  email: string;
  name: string;
  password: string;
  roles: UserRole[];
  organizationId: number;
  totpSecret: string | null;
}

export async function buildOrganization(
  ds: DataSource,
  overrides: { name?: string; kind?: OrganizationKind } = {},
): Promise<TestOrganization> {
  const name = overrides.name ?? `Woonstichting ${unique()}`;
  const [row] = await ds.query(`INSERT INTO organizations (name, kind) VALUES ($1, $2) RETURNING id`, [
    name,
    overrides.kind ?? 'woningcorporatie',
  ]);
  return { id: row.id, name };
}

/**
 * Where each test user with a second factor lives. A TOTP code works once (replay guard), but a
 * test signs the same user in several times within one 30-second step: loginAs clears the guard.
 */
const totpDatabases = new Map<string, DataSource>();

// One hash for every test user: argon2 is slow on purpose, tests need not be.
let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct-paard-batterij-niet';

/** A member with a password; admins and curators get a second factor enrolled (policy requires it). */
export async function buildUser(
  ds: DataSource,
  overrides: {
    roles?: UserRole[];
    organizationId?: number;
    email?: string;
    name?: string;
    active?: boolean;
    withTotp?: boolean;
  } = {},
): Promise<TestUser> {
  const roles = overrides.roles ?? ['practitioner'];
  const organizationId = overrides.organizationId ?? (await buildOrganization(ds)).id;
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `lid-${unique()}@example.nl`;
  const withTotp = overrides.withTotp ?? requiresTwoFactor({ roles });
  const totpSecret = withTotp ? generateSecret() : null;
  const [row] = await ds.query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id, active, totp_secret, totp_enabled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      email,
      overrides.name ?? `Testlid ${unique()}`,
      await sharedHash,
      roles,
      organizationId,
      overrides.active ?? true,
      totpSecret,
      totpSecret ? new Date() : null,
    ],
  );
  if (totpSecret) totpDatabases.set(email, ds);
  return {
    id: row.id,
    email,
    name: overrides.name ?? '',
    password: TEST_PASSWORD,
    roles,
    organizationId,
    totpSecret,
  };
}

export function defaultCaseContent(overrides: Partial<CaseContent> = {}): CaseContent {
  return {
    ...emptyContent(),
    title: `Casus ${unique()}`,
    summary: 'Een korte samenvatting van de aanpak.',
    context: 'Aanleiding van de casus.',
    approach: 'De aanpak in stappen.',
    results: 'Wat het opleverde.',
    lessons: 'Wat we leerden.',
    question: 'Wat zouden jullie doen?',
    roles: ['verhuurder'],
    themes: ['incasso'],
    tags: [],
    partners: '',
    region: '',
    year: 2024,
    contact: '',
    visibility: 'vakgemeenschap',
    ...overrides,
  };
}

/** A case written through the real service (revision and outbox included). */
export async function buildCase(
  ds: DataSource,
  author: TestUser,
  overrides: Partial<CaseContent> & { status?: CaseStatus } = {},
): Promise<number> {
  const { status, ...content } = overrides;
  return new CasesService(ds).create(defaultCaseContent(content), {
    authorId: author.id,
    organizationId: author.organizationId,
    status: status ?? 'published',
  });
}

/** Extracts the CSRF token from a rendered page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('Geen CSRF-token in de pagina');
  return match[1];
}

/** Signs in through the real login form (and the second factor when enrolled). */
export async function loginAs(agent: Agent, user: TestUser): Promise<void> {
  const page = await agent.get('/inloggen').expect(200);
  const res = await agent
    .post('/inloggen')
    .type('form')
    .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) });
  if (res.status !== 303) throw new Error(`Inloggen mislukt (${res.status}): ${res.text.slice(0, 300)}`);
  if (res.headers.location === '/inloggen/code') {
    const codePage = await agent.get('/inloggen/code').expect(200);
    await totpDatabases
      .get(user.email)
      ?.query(`UPDATE users SET totp_last_step = NULL WHERE email = $1`, [user.email]);
    const code = await generate({ secret: user.totpSecret! });
    const done = await agent
      .post('/inloggen/code')
      .type('form')
      .send({ code, _csrf: csrfFrom(codePage.text) });
    if (done.status !== 303) throw new Error(`Tweede stap mislukt (${done.status})`);
  }
}

/** A CSRF token for the signed-in agent's session (from any page with a form). */
export async function csrfOf(agent: Agent, page = '/'): Promise<string> {
  const res = await agent.get(page);
  return csrfFrom(res.text);
}
