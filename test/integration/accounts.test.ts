import { generate, generateSecret } from 'otplib';
import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service';
import { csrfFrom, buildUser, csrfOf, loginAs, TEST_PASSWORD } from '../support/factories';
import { LOGIN_FAILURES_PER_IP } from '../../src/accounts/login.router';
import { createTestApp, type TestContext } from '../support/test-app';
import type { MailMessage } from '../../src/mail/mailer';
import { LoginService } from '../../src/accounts/login.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const ds = () => ctx.db.dataSource;
const sessionCookie = (res: request.Response) =>
  String(res.headers['set-cookie'] ?? '')
    .split(',')
    .find((c) => c.trim().startsWith('casusbank.sid='))
    ?.split(';')[0];

async function postLogin(agent: ReturnType<typeof request.agent>, email: string, password: string) {
  const page = await agent.get('/inloggen');
  return agent
    .post('/inloggen')
    .type('form')
    .send({ email, password, _csrf: csrfFrom(page.text) });
}

async function auditActions(userId: number): Promise<string[]> {
  const rows = await ds().query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [
    String(userId),
  ]);
  return rows.map((r: { action: string }) => r.action);
}

describe('login', () => {
  it('changes the session id at login (no session fixation) and lands on the page asked for', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    const page = await agent.get('/inloggen?terug=/account').expect(200);
    // No session before login (nothing to keep), so none an attacker could have fixed.
    expect(sessionCookie(page)).toBeUndefined();
    const res = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD, terug: '/account', _csrf: csrfFrom(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/account');
    expect(sessionCookie(res)).toBeDefined();
  });

  it('never redirects off-site after login', async () => {
    const user = await buildUser(ds());
    for (const evil of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const agent = request.agent(ctx.app);
      const page = await agent.get('/inloggen');
      const res = await agent
        .post('/inloggen')
        .type('form')
        .send({ email: user.email, password: TEST_PASSWORD, terug: evil, _csrf: csrfFrom(page.text) })
        .expect(303);
      expect(res.headers.location).toBe('/');
    }
  });

  it('gives the same Dutch message for an unknown email and a wrong password, and keeps the email', async () => {
    const user = await buildUser(ds());
    const wrong = await postLogin(request.agent(ctx.app), user.email, 'helemaal-niet-goed');
    const unknown = await postLogin(request.agent(ctx.app), 'niemand@example.nl', 'helemaal-niet-goed');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(unknown.text).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(unknown.text).toContain('value="niemand@example.nl"');
  });

  it('spends comparable time on unknown emails and wrong passwords (dummy hash)', async () => {
    const user = await buildUser(ds());
    const time = async (email: string) => {
      const agent = request.agent(ctx.app);
      const page = await agent.get('/inloggen');
      const t0 = performance.now();
      await agent
        .post('/inloggen')
        .type('form')
        .send({ email, password: 'nog-steeds-niet-goed', _csrf: csrfFrom(page.text) });
      return performance.now() - t0;
    };
    await time('opwarmen@example.nl');
    const known = await time(user.email);
    const unknown = await time('onbekend-adres@example.nl');
    // argon2 dominates both; without the dummy hash the unknown case would be ~10x faster.
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it('validates the form: missing and over-long fields, invalid email', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/inloggen');
    const csrf = csrfFrom(page.text);
    const long = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: `${'a'.repeat(250)}@example.nl`, password: 'x', _csrf: csrf })
      .expect(400);
    expect(long.text).toContain('hoogstens 254 tekens');
    const bad = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'geen-adres', password: 'x', _csrf: csrf })
      .expect(400);
    expect(bad.text).toContain('Dit is geen geldig e-mailadres.');
    expect(bad.text).toContain('value="geen-adres"');
    const tooLongPassword = await agent
      .post('/inloggen')
      .type('form')
      .send({ email: 'a@example.nl', password: 'p'.repeat(1025), _csrf: csrf })
      .expect(400);
    expect(tooLongPassword.text).toContain('hoogstens 1.024 tekens');
    const empty = await agent.post('/inloggen').type('form').send({ _csrf: csrf }).expect(400);
    expect(empty.text).toContain('Vul uw wachtwoord in.');
  });

  it('locks an account for 15 minutes after 5 failures, audits it, and releases it after the window', async () => {
    const user = await buildUser(ds());
    for (let i = 1; i <= 4; i++)
      expect((await postLogin(request.agent(ctx.app), user.email, `fout-${i}-wachtwoord`)).status).toBe(401);
    const fifth = await postLogin(request.agent(ctx.app), user.email, 'fout-5-wachtwoord');
    expect(fifth.status).toBe(429);
    expect(fifth.text).toContain('tijdelijk geblokkeerd');
    // Even the right password is refused while locked.
    const locked = await postLogin(request.agent(ctx.app), user.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/over 1[45] minuten/);
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(5);
    expect(actions).toContain('login.locked');
    expect(actions).toContain('login.refused_locked');

    // The window passes.
    await ds().query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE account = $1`,
      [user.email],
    );
    expect((await postLogin(request.agent(ctx.app), user.email, TEST_PASSWORD)).status).toBe(303);
  });

  it('counts failures only within 15 minutes', async () => {
    const user = await buildUser(ds());
    for (let i = 0; i < 4; i++) await postLogin(request.agent(ctx.app), user.email, 'verkeerd-wachtwoord');
    await ds().query(
      `UPDATE login_throttle SET window_started_at = now() - interval '16 minutes' WHERE account = $1 AND source <> '*'`,
      [user.email],
    );
    expect((await postLogin(request.agent(ctx.app), user.email, 'verkeerd-wachtwoord')).status).toBe(401);
  });

  describe('lockout that tells nothing and locks out no one else', () => {
    let proxied: TestContext;
    const sent: MailMessage[] = [];
    beforeAll(async () => {
      proxied = await createTestApp({
        mailer: { enabled: true, send: (m) => sent.push(m), idle: async () => {} },
      });
      proxied.app.set('trust proxy', 1); // behind one proxy: X-Forwarded-For is the source
    });
    afterAll(() => proxied.close());
    const attempt = async (from: string, email: string, password: string) => {
      const agent = request.agent(proxied.app);
      const page = await agent.get('/inloggen').set('X-Forwarded-For', from);
      return agent
        .post('/inloggen')
        .set('X-Forwarded-For', from)
        .type('form')
        .send({ email, password, _csrf: csrfFrom(page.text) });
    };
    const message = (html: string) => /role="alert"[^>]*>([^<]*)</.exec(html)?.[1] ?? html;

    it('answers an unknown address exactly like a known one, also after five failures', async () => {
      const member = await buildUser(proxied.db.dataSource);
      const unknown = `niemand-${member.id}@example.nl`;
      for (let i = 0; i < 5; i++) {
        const known = await attempt('10.1.0.1', member.email, `fout-wachtwoord-${i}`);
        const other = await attempt('10.1.0.1', unknown, `fout-wachtwoord-${i}`);
        expect([other.status, message(other.text)]).toEqual([known.status, message(known.text)]);
      }
      const known = await attempt('10.1.0.1', member.email, TEST_PASSWORD);
      const other = await attempt('10.1.0.1', unknown, TEST_PASSWORD);
      expect(known.status).toBe(429);
      expect([other.status, message(other.text)]).toEqual([known.status, message(known.text)]);
    });

    it('locks the source that failed, not the member elsewhere, and tells the member by e-mail', async () => {
      const member = await buildUser(proxied.db.dataSource);
      for (let i = 0; i < 5; i++) await attempt('10.2.0.66', member.email, `geraden-wachtwoord-${i}`);
      expect((await attempt('10.2.0.66', member.email, TEST_PASSWORD)).status).toBe(429);
      expect((await attempt('10.2.0.7', member.email, TEST_PASSWORD)).status).toBe(303);
      const mails = sent.filter((m) => m.to === member.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toContain('geblokkeerd');
      expect(mails[0].text).toContain('10.2.0.66');
    });

    it('forgets counts older than a day', async () => {
      await ds().query(
        `INSERT INTO login_throttle (account, source, failures, window_started_at) VALUES ('oud@example.nl', '10.4.0.1', 3, now() - interval '2 days')`,
      );
      await new LoginService(ds()).checkPassword('iemand-anders@example.nl', 'fout-wachtwoord', '10.4.0.2');
      expect(await ds().query(`SELECT 1 FROM login_throttle WHERE account = 'oud@example.nl'`)).toEqual([]);
    });

    it('locks the address everywhere after many failures from many sources (the slower ceiling)', async () => {
      const member = await buildUser(proxied.db.dataSource);
      for (let source = 0; source < 10; source++) {
        for (let i = 0; i < 5; i++) await attempt(`10.3.${source}.1`, member.email, `verspreid-geraden-${i}`);
      }
      expect((await attempt('10.3.99.1', member.email, TEST_PASSWORD)).status).toBe(429);
    });
  });

  it('refuses a deactivated member with a clear message', async () => {
    const user = await buildUser(ds(), { active: false });
    const res = await postLogin(request.agent(ctx.app), user.email, TEST_PASSWORD);
    expect(res.status).toBe(403);
    expect(res.text).toContain('gedeactiveerd');
  });

  it('rate-limits login attempts per IP address', async () => {
    const limited = await createTestApp();
    try {
      const agent = request.agent(limited.app);
      const page = await agent.get('/inloggen');
      const csrf = csrfFrom(page.text);
      let last = 0;
      for (let i = 0; i <= LOGIN_FAILURES_PER_IP; i++) {
        last = (
          await agent
            .post('/inloggen')
            .type('form')
            .send({ email: `x${i}@example.nl`, password: 'p', _csrf: csrf })
        ).status;
      }
      expect(last).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('logout ends the session on the server', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    const home = await agent.get('/').expect(200);
    const cookie = sessionCookie(await agent.get('/account'))!;
    await agent
      .post('/uitloggen')
      .type('form')
      .send({ _csrf: csrfFrom(home.text) })
      .expect(303);
    await agent.get('/').expect(303);
    if (cookie) await request(ctx.app).get('/').set('Cookie', cookie).expect(303);
  });

  it("stops a deactivated member's live session at once", async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    await agent.get('/').expect(200);
    // As the Beheer page does it (the viewer is cached briefly per request; deactivation forgets it).
    const admin = await buildUser(ds(), { roles: ['admin'] });
    await new UsersService(ds()).setActive(user.id, false, { id: admin.id });
    await agent.get('/').expect(303);
  });

  it('ends a session 12 hours after login, however active', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    await ds().query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{authenticatedAt}', to_jsonb((extract(epoch FROM now()) * 1000 - 12.5 * 3600 * 1000)::bigint))::json
        WHERE sess -> 'passport' ->> 'user' = $1`,
      [String(user.id)],
    );
    const res = await agent.get('/account').expect(303);
    expect(res.headers.location).toContain('/inloggen?verlopen=1');
  });

  it('stores no session for visitors who are not signed in, and still checks their forms', async () => {
    const count = async () => Number((await ds().query(`SELECT count(*) AS n FROM sessions`))[0].n);
    const before = await count();
    for (let i = 0; i < 20; i++) {
      // Each a fresh visitor without cookies, on pages with and without forms.
      await request(ctx.app).get('/inloggen').expect(200);
      await request(ctx.app).get('/uitnodiging/een-onbekende-link-van-lengte').expect(404);
      await request(ctx.app).get('/bestaat-niet').expect(404);
      await request(ctx.app).get('/casussen').expect(303);
    }
    expect(await count()).toBe(before);

    // The login form still needs its token: the one from this visitor's cookie.
    const stranger = request.agent(ctx.app);
    const page = await stranger.get('/inloggen').expect(200);
    const user = await buildUser(ds());
    await request(ctx.app)
      .post('/inloggen')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD, _csrf: csrfFrom(page.text) })
      .expect(403); // the token without its cookie
    await stranger
      .post('/inloggen')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD, _csrf: 'nagemaakt' })
      .expect(403);
    await stranger
      .post('/inloggen')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD, _csrf: csrfFrom(page.text) })
      .expect(303);
    expect(await count()).toBe(before + 1); // signing in is something to keep
    await stranger.get('/').expect(200);
  });

  it('refuses a state-changing request without a CSRF token with a Dutch 403', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    const res = await agent.post('/uitloggen').type('form').send({}).expect(403);
    expect(res.text).toContain('Het formulier is verlopen');
    await agent.post('/uitloggen').type('form').send({ _csrf: 'verkeerd' }).expect(403);
    // A multipart body is no way around it: only the upload route reads its token from one.
    await agent.post('/uitloggen').field('iets', 'waarde').expect(403);
    await agent.get('/').expect(200);
  });
});

describe('two-factor sign-in', () => {
  it('sends an admin without a second factor to enrolment, and refuses their changes until then', async () => {
    const admin = await buildUser(ds(), { roles: ['admin'], withTotp: false });
    const agent = request.agent(ctx.app);
    await loginAs(agent, admin);
    const res = await agent.get('/').expect(303);
    expect(res.headers.location).toBe('/account/tweestaps');
    const page = await agent.get('/account/tweestaps').expect(200);
    expect(page.text).toContain('verplicht');
    expect(page.text).toMatch(/<img src="data:image\/svg\+xml;base64,/);
    const refused = await agent
      .post('/account/wachtwoord')
      .type('form')
      .send({
        current: TEST_PASSWORD,
        password: 'nieuw-en-lang-genoeg',
        confirm: 'nieuw-en-lang-genoeg',
        _csrf: csrfFrom(page.text),
      })
      .expect(403);
    expect(refused.text).toContain('tweestapsverificatie');
  });

  it('enrols: a wrong code is refused, the right one turns it on and shows 10 recovery codes once', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    const page = await agent.get('/account/tweestaps').expect(200);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(page.text)![1].replace(/ /g, '');
    const csrf = csrfFrom(page.text);
    await agent.post('/account/tweestaps').type('form').send({ code: '000000', _csrf: csrf }).expect(400);
    const done = await agent
      .post('/account/tweestaps')
      .type('form')
      .send({ code: await generate({ secret }), _csrf: csrf })
      .expect(200);
    const codes = [...done.text.matchAll(/<li><code>([0-9a-f]{5}-[0-9a-f]{5})<\/code><\/li>/g)].map(
      (m) => m[1],
    );
    expect(codes).toHaveLength(10);
    const [row] = await ds().query(`SELECT totp_enabled_at, recovery_code_hashes FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(row.totp_enabled_at).not.toBeNull();
    expect(row.recovery_code_hashes).toHaveLength(10);
    expect(row.recovery_code_hashes.join()).not.toContain(codes[0]);
    expect(await auditActions(user.id)).toContain('user.totp_enabled');

    // Now login asks for the code; a wrong code is refused, a recovery code works exactly once.
    const second = request.agent(ctx.app);
    const step1 = await postLogin(second, user.email, TEST_PASSWORD);
    expect(step1.headers.location).toBe('/inloggen/code');
    const codePage = await second.get('/inloggen/code');
    await second.get('/').expect(303); // not signed in yet
    const wrong = await second
      .post('/inloggen/code')
      .type('form')
      .send({ code: '123456', _csrf: csrfFrom(codePage.text) });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Deze code klopt niet');
    await second
      .post('/inloggen/code')
      .type('form')
      .send({ code: codes[0], _csrf: csrfFrom(codePage.text) })
      .expect(303);
    await second.get('/').expect(200);

    const third = request.agent(ctx.app);
    await postLogin(third, user.email, TEST_PASSWORD);
    const codePage3 = await third.get('/inloggen/code');
    await third
      .post('/inloggen/code')
      .type('form')
      .send({ code: codes[0], _csrf: csrfFrom(codePage3.text) })
      .expect(401);
    await third.get('/').expect(303);

    // Typed without its dash, in capitals, with a space: the same code, and no failure counted.
    const fourth = request.agent(ctx.app);
    await postLogin(fourth, user.email, TEST_PASSWORD);
    const codePage4 = await fourth.get('/inloggen/code');
    const [before] = await ds().query(`SELECT failed_login_count FROM users WHERE id = $1`, [user.id]);
    await fourth
      .post('/inloggen/code')
      .type('form')
      .send({ code: ` ${codes[1].replace('-', '').toUpperCase()} `, _csrf: csrfFrom(codePage4.text) })
      .expect(303);
    await fourth.get('/').expect(200);
    const [after] = await ds().query(`SELECT failed_login_count FROM users WHERE id = $1`, [user.id]);
    expect(after.failed_login_count).toBe(0);
    expect(before.failed_login_count).toBeGreaterThan(0);
  });

  it('refuses a TOTP code that was already used (replay), and accepts the next one', async () => {
    const user = await buildUser(ds(), { withTotp: true });
    const code = await generate({ secret: user.totpSecret! });
    const signIn = async (agent: ReturnType<typeof request.agent>, totp: string) => {
      expect((await postLogin(agent, user.email, TEST_PASSWORD)).headers.location).toBe('/inloggen/code');
      const page = await agent.get('/inloggen/code');
      return agent
        .post('/inloggen/code')
        .type('form')
        .send({ code: totp, _csrf: csrfFrom(page.text) });
    };
    const first = request.agent(ctx.app);
    expect((await signIn(first, code)).status).toBe(303);
    await first.get('/').expect(200);

    // The same code, still inside its window, from an attacker who watched it being typed.
    const replay = request.agent(ctx.app);
    const refused = await signIn(replay, code);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('Deze code klopt niet');
    await replay.get('/').expect(303);
    const [audit] = await ds().query(
      `SELECT details FROM audit_events WHERE action = 'login.failed' AND subject_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(user.id)],
    );
    expect(audit.details).toMatchObject({ reason: 'totp_reused' });

    // The code of the next 30-second step is new, so it works.
    const nextStep = (Math.floor(Date.now() / 30_000) + 1) * 30;
    const next = await generate({ secret: user.totpSecret!, epoch: nextStep });
    expect((await signIn(request.agent(ctx.app), next)).status).toBe(303);
  });

  it('does not accept the code used for enrolment as a sign-in code', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    const page = await agent.get('/account/tweestaps').expect(200);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(page.text)![1].replace(/ /g, '');
    const code = await generate({ secret });
    await agent
      .post('/account/tweestaps')
      .type('form')
      .send({ code, _csrf: csrfFrom(page.text) })
      .expect(200);

    const other = request.agent(ctx.app);
    await postLogin(other, user.email, TEST_PASSWORD);
    const codePage = await other.get('/inloggen/code');
    await other
      .post('/inloggen/code')
      .type('form')
      .send({ code, _csrf: csrfFrom(codePage.text) })
      .expect(401);
    await other.get('/').expect(303);
  });

  it('logs in with a TOTP code from the app', async () => {
    const user = await buildUser(ds(), { withTotp: true });
    const agent = request.agent(ctx.app);
    await loginAs(agent, user); // throws unless the code step succeeds
    await agent.get('/').expect(200);
  });
});

describe('invitations and passwords', () => {
  async function invitationFor(userId: number, expiresIn = '7 days') {
    const token = `uitnodiging-${generateSecret()}`.replace(/[^A-Za-z0-9_-]/g, '');
    const { createHash } = await import('node:crypto');
    await ds().query(
      `INSERT INTO invitations (user_id, token_hash, purpose, expires_at) VALUES ($1, $2, 'invite', now() + $3::interval)`,
      [userId, createHash('sha256').update(token).digest('hex'), expiresIn],
    );
    return token;
  }

  it('sets a password through an invitation link exactly once', async () => {
    const user = await buildUser(ds());
    await ds().query(`UPDATE users SET password_hash = NULL WHERE id = $1`, [user.id]);
    const token = await invitationFor(user.id);
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/uitnodiging/${token}`).expect(200);
    const csrf = csrfFrom(page.text);
    const common = await agent
      .post(`/uitnodiging/${token}`)
      .type('form')
      .send({ password: 'welkom123456', confirm: 'welkom123456', _csrf: csrf })
      .expect(400);
    expect(common.text).toContain('veelgebruikte wachtwoorden');
    const short = await agent
      .post(`/uitnodiging/${token}`)
      .type('form')
      .send({ password: 'kort', confirm: 'kort', _csrf: csrf })
      .expect(400);
    expect(short.text).toContain('minstens 12 tekens');
    const mismatch = await agent
      .post(`/uitnodiging/${token}`)
      .type('form')
      .send({ password: 'een-goede-zin-voor-mij', confirm: 'een-andere-zin', _csrf: csrf })
      .expect(400);
    expect(mismatch.text).toContain('niet gelijk');
    await agent
      .post(`/uitnodiging/${token}`)
      .type('form')
      .send({ password: 'een-goede-zin-voor-mij', confirm: 'een-goede-zin-voor-mij', _csrf: csrf })
      .expect(303);
    expect((await postLogin(request.agent(ctx.app), user.email, 'een-goede-zin-voor-mij')).status).toBe(303);
    const reused = await agent.get(`/uitnodiging/${token}`).expect(410);
    expect(reused.text).toContain('al gebruikt');
  });

  it('refuses an expired or unknown invitation link', async () => {
    const user = await buildUser(ds());
    const token = await invitationFor(user.id, '-1 hour');
    const res = await request(ctx.app).get(`/uitnodiging/${token}`).expect(410);
    expect(res.text).toContain('verlopen');
    await request(ctx.app).get('/uitnodiging/bestaatniet-bestaatniet-bestaatniet').expect(404);
  });

  it('changes the password with the current one, and ends the other sessions', async () => {
    const user = await buildUser(ds());
    const mine = request.agent(ctx.app);
    const other = request.agent(ctx.app);
    await loginAs(mine, user);
    await loginAs(other, user);
    const csrf = await csrfOf(mine, '/account');
    const wrong = await mine
      .post('/account/wachtwoord')
      .type('form')
      .send({
        current: 'niet-het-huidige',
        password: 'nieuw-en-lang-genoeg',
        confirm: 'nieuw-en-lang-genoeg',
        _csrf: csrf,
      })
      .expect(400);
    expect(wrong.text).toContain('Uw huidige wachtwoord klopt niet.');
    await mine
      .post('/account/wachtwoord')
      .type('form')
      .send({
        current: TEST_PASSWORD,
        password: 'nieuw-en-lang-genoeg',
        confirm: 'nieuw-en-lang-genoeg',
        _csrf: csrf,
      })
      .expect(303);
    await mine.get('/account').expect(200);
    await other.get('/account').expect(303);
    expect((await postLogin(request.agent(ctx.app), user.email, 'nieuw-en-lang-genoeg')).status).toBe(303);
  });

  it('counts wrong current passwords towards the account lockout, audits them, and refuses changes while locked', async () => {
    const user = await buildUser(ds());
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    const csrf = await csrfOf(agent, '/account');
    const change = (current: string) =>
      agent
        .post('/account/wachtwoord')
        .type('form')
        .send({ current, password: 'nieuw-en-lang-genoeg', confirm: 'nieuw-en-lang-genoeg', _csrf: csrf });

    // Failed logins by someone elsewhere do not count here (they would let a stranger lock the
    // member out); wrong current passwords in the member's own session do, locked at five.
    for (let i = 1; i <= 2; i++)
      expect((await postLogin(request.agent(ctx.app), user.email, `fout-${i}-wachtwoord`)).status).toBe(401);
    for (let i = 1; i <= 4; i++) expect((await change(`niet-het-huidige-${i}`)).status).toBe(400);
    const fifth = await change('niet-het-huidige-5');
    expect(fifth.status).toBe(429);
    expect(fifth.text).toContain('tijdelijk geblokkeerd');

    // While locked, even the right current password is refused, and so is signing in elsewhere.
    const locked = await change(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect((await postLogin(request.agent(ctx.app), user.email, TEST_PASSWORD)).status).toBe(429);
    const [row] = await ds().query(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(row.locked).toBe(true);

    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'user.password_change_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(2);
    expect(actions).toContain('login.locked');
    expect(actions).toContain('user.password_change_refused_locked');
    expect(actions).not.toContain('user.password_changed');

    // After the lockout the right current password works again.
    await ds().query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    expect((await change(TEST_PASSWORD)).status).toBe(303);
  });
});

describe('the session cookie in production (__Host- prefix)', () => {
  let prod: TestContext;
  beforeAll(async () => {
    prod = await createTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://casusbank.example.nl',
      },
    });
  });
  afterAll(() => prod.close());

  /** Signs in over "HTTPS" (behind the proxy), carrying the cookie by hand: it is Secure. */
  async function signIn(user: { email: string; password: string }) {
    const https = (r: request.Test) => r.set('X-Forwarded-Proto', 'https');
    const page = await https(request(prod.app).get('/inloggen')).expect(200);
    const before = String(page.headers['set-cookie']).split(';')[0];
    const res = await https(request(prod.app).post('/inloggen'))
      .set('Cookie', before)
      .type('form')
      .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) })
      .expect(303);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^__Host-casusbank=/);
    return { cookie, https };
  }
  const clears = (res: request.Response) =>
    expect(String(res.headers['set-cookie'])).toMatch(
      /__Host-casusbank=; Path=\/; Expires=Thu, 01 Jan 1970 [^;]+; HttpOnly; Secure; SameSite=Lax/,
    );

  it('is cleared under its own name, with Secure, at logout', async () => {
    const user = await buildUser(prod.db.dataSource);
    const { cookie, https } = await signIn(user);
    const home = await https(request(prod.app).get('/')).set('Cookie', cookie).expect(200);
    const res = await https(request(prod.app).post('/uitloggen'))
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(home.text) })
      .expect(303);
    clears(res);
  });

  it('is cleared under its own name when the session passes its 12 hours', async () => {
    const user = await buildUser(prod.db.dataSource);
    const { cookie, https } = await signIn(user);
    await prod.db.dataSource.query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{authenticatedAt}', to_jsonb((extract(epoch FROM now()) * 1000 - 12.5 * 3600 * 1000)::bigint))::json
        WHERE sess -> 'passport' ->> 'user' = $1`,
      [String(user.id)],
    );
    const res = await https(request(prod.app).get('/account')).set('Cookie', cookie).expect(303);
    expect(res.headers.location).toContain('/inloggen?verlopen=1');
    clears(res);
  });
});
