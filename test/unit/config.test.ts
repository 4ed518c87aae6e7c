import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.uploadMaxBytes).toBe(25 * 1024 * 1024);
    expect(config.logLevel).toBe('info');
    expect(config.isProduction).toBe(false);
  });

  it('names each problem on its own line, in Dutch, with the value given', () => {
    const lines = problems({ PORT: 'abc', UPLOAD_MAX_MB: '-3', LOG_LEVEL: 'luid' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('PORT moet een getal zijn (nu: "abc")');
    expect(lines.some((l) => l.startsWith('UPLOAD_MAX_MB moet groter dan 0 zijn'))).toBe(true);
    expect(lines.some((l) => l.startsWith('LOG_LEVEL moet fatal, error'))).toBe(true);
  });

  it('requires SESSION_SECRET and PUBLIC_URL in production and never prints secret values', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'SESSION_SECRET is verplicht als NODE_ENV=production',
      'PUBLIC_URL is verplicht als NODE_ENV=production (het adres waarop leden de site bereiken, bijv. https://casusbank.example.nl)',
    ]);
    const secret = 'x'.repeat(40);
    expect(
      problems({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        PUBLIC_URL: 'https://casusbank.example.nl',
      }),
    ).toEqual([]);
    const short = problems({
      NODE_ENV: 'production',
      SESSION_SECRET: 'kort-geheim',
      PUBLIC_URL: 'https://casusbank.example.nl',
    });
    expect(short[0]).toContain('minstens 32 tekens');
    expect(short[0]).not.toContain('kort-geheim');
  });

  it('keeps PUBLIC_URL optional outside production, accepts only http(s), and drops a trailing slash', () => {
    expect(parseConfig({}).publicUrl).toBeUndefined();
    expect(parseConfig({ PUBLIC_URL: 'https://casusbank.example.nl/' }).publicUrl).toBe(
      'https://casusbank.example.nl',
    );
    expect(problems({ PUBLIC_URL: 'javascript:alert(1)' })[0]).toContain(
      'PUBLIC_URL moet een geldige http(s)-URL zijn',
    );
  });

  it('makes the production server refuse to start without PUBLIC_URL, in one line, exit 1', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../src/server.ts')],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SESSION_SECRET: 'x'.repeat(40),
          PUBLIC_URL: '',
          DATA_DIR: path.join(__dirname, '../../data-should-not-be-created'),
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Configuratiefout: PUBLIC_URL is verplicht als NODE_ENV=production (het adres waarop leden de site bereiken, bijv. https://casusbank.example.nl)',
    ]);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL and an invalid MEILI_URL', () => {
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toContain(
      'DATABASE_URL moet beginnen met postgres://',
    );
    expect(problems({ MEILI_URL: 'geen url' })[0]).toContain('MEILI_URL moet een geldige URL zijn');
  });

  it('makes the server print one clear line and exit 1 before starting on PORT=abc', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../src/server.ts')],
      {
        env: {
          ...process.env,
          PORT: 'abc',
          DATA_DIR: path.join(__dirname, '../../data-should-not-be-created'),
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Configuratiefout: PORT moet een getal zijn (nu: "abc")');
  });
});
