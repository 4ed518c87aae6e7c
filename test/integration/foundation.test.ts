import request from 'supertest';
import { buildUser, csrfFrom, loginAs } from '../support/factories';
import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { SwitchableSearch } from '../support/switchable-search';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('HTTP shell', () => {
  it('answers /healthz without a session', async () => {
    const res = await request(ctx.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('reports database, search and search backlog on /readyz', async () => {
    const res = await request(ctx.app).get('/readyz').expect(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.database.ok).toBe(true);
    // The embedded engine by default; it says whether it is being rebuilt (PostgreSQL answers meanwhile).
    expect(res.body.checks.search).toMatchObject({ ok: true, engine: 'embedded', rebuilding: false });
    expect(res.body.checks.searchBacklog).toMatchObject({ ok: true, size: expect.any(Number) });
  });

  it('answers 503 on /readyz when the search engine does not answer', async () => {
    const failing = await createTestApp({
      search: (db) =>
        Object.assign(new SwitchableSearch(new PostgresCaseSearch(db.dataSource)), { down: true }),
    });
    try {
      const res = await request(failing.app).get('/readyz').expect(503);
      expect(res.body.checks.search.ok).toBe(false);
      expect(res.body.checks.database.ok).toBe(true);
    } finally {
      await failing.close();
    }
  });

  it('sets a strict Content-Security-Policy and a request id', async () => {
    const res = await request(ctx.app).get('/inloggen').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps a well-formed request id given by a proxy, and replaces a malformed one', async () => {
    const kept = await request(ctx.app).get('/healthz').set('X-Request-Id', 'lb-1234');
    expect(kept.headers['x-request-id']).toBe('lb-1234');
    const replaced = await request(ctx.app).get('/healthz').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('serves static files with cache headers, a year when versioned', async () => {
    const plain = await request(ctx.app).get('/css/app.css').expect(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
    const versioned = await request(ctx.app).get('/css/app.css?v=abc').expect(200);
    expect(versioned.headers['cache-control']).toContain('immutable');
  });

  it('sends a logged-out visitor to the login page, keeping where they were going', async () => {
    const res = await request(ctx.app).get('/').expect(303);
    expect(res.headers.location).toBe('/inloggen?terug=%2F');
  });

  it('shows a Dutch 404 page for unknown routes', async () => {
    const res = await request(ctx.app).get('/bestaat-niet').expect(404);
    expect(res.text).toContain('Deze pagina bestaat niet');
    expect(res.text).toContain('<html lang="nl">');
  });

  it('answers 413 for an oversized form body and 400 for malformed JSON, without crashing', async () => {
    const big = 'x'.repeat(300 * 1024);
    await request(ctx.app).post('/inloggen').type('form').send(`email=${big}`).expect(413);
    const bad = await request(ctx.app)
      .post('/inloggen')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(bad.status).toBe(400);
    await request(ctx.app).get('/healthz').expect(200);
  });

  it('renders the home page in Dutch with navigation and a skip link for a member', async () => {
    const agent = request.agent(ctx.app);
    const user = await buildUser(ctx.db.dataSource);
    await loginAs(agent, user);
    const res = await agent.get('/').expect(200);
    expect(res.text).toContain('href="#inhoud"');
    expect(res.text).toContain('aria-label="Hoofdmenu"');
    expect(res.text).toContain('Komende bijeenkomsten');
  });
});

describe('errors', () => {
  it('shows a 500 page with the request id and no stack trace in production', async () => {
    const prod = await createTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        PUBLIC_URL: 'https://casusbank.example.nl',
      },
    });
    try {
      const page = await request(prod.app).get('/inloggen').set('X-Forwarded-Proto', 'https').expect(200);
      const cookie = String(page.headers['set-cookie']).split(';')[0];
      // Before login only the signed CSRF cookie (no session is stored for a visitor).
      expect(String(page.headers['set-cookie'])).toMatch(
        /^__Host-casusbank-csrf=.*; Path=\/; .*HttpOnly; Secure; SameSite=Lax/,
      );
      // A broken table makes the login fail unexpectedly.
      await prod.db.dataSource.query('ALTER TABLE users RENAME TO users_weg');
      const res = await request(prod.app)
        .post('/inloggen')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', cookie)
        .type('form')
        .send({
          email: 'iemand@example.nl',
          password: 'een-wachtwoord-van-lengte',
          _csrf: csrfFrom(page.text),
        })
        .expect(500);
      expect(res.text).toContain('Er ging iets mis');
      expect(res.text).toContain(res.headers['x-request-id']);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(res.text).not.toContain('users_weg');
      await prod.db.dataSource.query('ALTER TABLE users_weg RENAME TO users');
    } finally {
      await prod.close();
    }
  });
});
