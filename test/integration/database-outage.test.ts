import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/data-source';
import { createSearchStack } from '../../src/search/create-search';

/**
 * A PostgreSQL server that goes away and comes back, through a TCP proxy we can cut.
 * Needs a real server (TEST_DATABASE_URL); the embedded database cannot be lost.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const describeServer = serverUrl ? describe : describe.skip;
if (!serverUrl)
  console.warn(
    'database-outage: overgeslagen, zet TEST_DATABASE_URL om tegen een echte PostgreSQL-server te testen',
  );

/**
 * A TCP proxy that stays bound to its port for the whole test (so no other process can take the
 * port while the database is "gone"): cut() drops every connection and refuses new ones until
 * restore().
 */
class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  private down = false;
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}
  async start() {
    this.server = net.createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  cut() {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }
  restore() {
    this.down = false;
  }
  async close() {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describeServer('the database lost and back', () => {
  let proxy: CuttableProxy;
  let db: Database;
  let name: string;
  beforeAll(async () => {
    const url = new URL(serverUrl!);
    name = `casusbank_outage_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.CASUSBANK_TEST_TEMPLATE_DB}`);
    await admin.end();
    proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.start();
    url.port = String(proxy.port);
    url.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: url.toString(), runMigrations: false });
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.close();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('answers 503 on /readyz and on pages while the database is gone, and recovers when it is back', async () => {
    const config = {
      ...parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      sessionSecret: 'x'.repeat(40),
    };
    const stack = createSearchStack({}, db);
    const app = createApp({ config, db, logger: pino({ level: 'silent' }), ...stack });
    // One listening server for every request (supertest would otherwise open one per request).
    const server = app.listen(0, '127.0.0.1');
    try {
      await request(server).get('/readyz').expect(200);
      proxy.cut();
      const down = await request(server).get('/readyz').expect(503);
      expect(down.body.checks.database.ok).toBe(false);
      // Repeated: a page that touches the session used to be cut off half-way now and then.
      for (let i = 0; i < 20; i++) {
        const page = await request(server)
          .get('/uitnodiging/een-link-die-de-database-nodig-heeft')
          .expect(503);
        expect(page.text).toContain('De database is tijdelijk niet bereikbaar');
        expect(page.headers['retry-after']).toBe('30');
      }

      proxy.restore();
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await request(server).get('/readyz')).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(200);
      await request(server).get('/inloggen').expect(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await app.shutdown();
    }
  });

  it('answers 503 with Retry-After while the database refuses connections (SQLSTATE 55000)', async () => {
    const config = {
      ...parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      sessionSecret: 'x'.repeat(40),
    };
    const stack = createSearchStack({}, db);
    const app = createApp({ config, db, logger: pino({ level: 'silent' }), ...stack });
    const server = app.listen(0, '127.0.0.1');
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await request(server).get('/inloggen').timeout(5000).expect(200);
      // "database … is not currently accepting connections": new connections get 55000.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      for (let i = 0; i < 5; i++) {
        const page = await request(server)
          .get('/uitnodiging/een-link-die-de-database-nodig-heeft')
          .timeout(5000);
        expect(page.status).toBe(503);
        expect(page.headers['retry-after']).toBe('30');
      }
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await new Promise((resolve) => server.close(resolve));
      await app.shutdown();
    }
  });
});
