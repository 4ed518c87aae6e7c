import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service';
import { buildUser, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * Every page needs the session, the viewer and the unread count; the embedded database answers
 * one statement at a time. What a page costs is kept low without serving anything stale that
 * matters: a role change or deactivation takes effect at the next request.
 */
let ctx: TestContext;
let member: TestUser;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await buildUser(ctx.db.dataSource, { roles: ['admin'] });
  member = await buildUser(ctx.db.dataSource, { withTotp: true });
});
afterAll(() => ctx.close());

const expiryOf = async (userId: number) => {
  const [row] = await ctx.db.dataSource.query(
    `SELECT expire FROM sessions WHERE (sess -> 'passport' ->> 'user')::int = $1`,
    [userId],
  );
  return new Date(row.expire).getTime();
};

describe('what a page costs', () => {
  it('moves the session expiry in the store at most once a minute, while the cookie keeps rolling', async () => {
    const agent = request.agent(ctx.app);
    await loginAs(agent, member);
    await agent.get('/account').expect(200);
    const first = await expiryOf(member.id);
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) {
      const page = await agent.get('/account').expect(200);
      expect(String(page.headers['set-cookie'] ?? '')).toMatch(/Expires=/);
    }
    expect(await expiryOf(member.id)).toBe(first);
  });

  it('a role change takes effect at the next request', async () => {
    const agent = request.agent(ctx.app);
    await loginAs(agent, member);
    await agent.get('/beheer/thesaurus').expect(403);
    await new UsersService(ctx.db.dataSource).update(
      member.id,
      { name: member.name, roles: ['practitioner', 'curator'], organizationId: member.organizationId },
      { id: admin.id },
    );
    await agent.get('/beheer/thesaurus').expect(200);
  });

  it('a deactivated member is signed out at the next request', async () => {
    const other = await buildUser(ctx.db.dataSource);
    const agent = request.agent(ctx.app);
    await loginAs(agent, other);
    await agent.get('/account').expect(200);
    await new UsersService(ctx.db.dataSource).setActive(other.id, false, { id: admin.id });
    const after = await agent.get('/account');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/inloggen/);
  });
});
