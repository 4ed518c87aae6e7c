import 'reflect-metadata';
import {
  createOrganizationFromCli,
  createUserFromCli,
  listOrganizationsFromCli,
  setPasswordFromCli,
} from './accounts/accounts.cli';
import { ConfigError, loadConfig, parseMeiliKeysEnv, type Config } from './config';
import { openDatabase, type Database } from './db/data-source';
import { vacuumDatabase } from './db/maintenance';
import { seedDemo } from './demo/seed-demo';
import { createLogger } from './logger';
import { createMailer } from './mail/mailer';
import { draftRetention } from './privacy/retention';
import { createSearchStack } from './search/create-search';
import { reindexAll } from './search/indexer';
import { exportCases, importCases } from './cases/import-export';
import { AttachmentsService } from './attachments/attachments.service';
import { BlobStore, blobRoot } from './attachments/blob-store';
import { readFile } from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { ensureMeiliKeys, INDEX_PATTERN } from './search/meili-keys';
import { startProgress, type TerminalProgress } from './progress/terminal-progress';

/**
 * An onProgress callback that starts a progress display at its first call (when the total is
 * known) and stops it when done reaches the total; stop() ends it early (on an error).
 */
function progressFor(label: string, unit: string) {
  let shown: TerminalProgress | null = null;
  let shownFor = '';
  return {
    report(done: number, total: number, part = '') {
      if (total === 0) return; // nothing to do: the summary line says so
      if (!shown || part !== shownFor) {
        shown?.stop();
        shown = startProgress(part ? `${label} (${part})` : label, total, { unit });
        shownFor = part;
      }
      shown.update(done, total);
      if (done >= total) {
        shown.stop();
        shown = null;
      }
    },
    stop() {
      shown?.stop();
      shown = null;
    },
  };
}

interface Command {
  summary: string;
  usage: string;
  run(ctx: { db: Database; config: Config; args: string[] }): Promise<number | void>;
}

/** A command that needs neither the database nor the app's configuration. */
interface StandaloneCommand {
  summary: string;
  usage: string;
  standalone(env: NodeJS.ProcessEnv): Promise<number | void>;
}

const standaloneCommands: Record<string, StandaloneCommand> = {
  'meili:keys': {
    summary:
      'maakt met de hoofdsleutel de indexeersleutel (cases*) en de zoeksleutel van de app, of toont de bestaande',
    usage: 'meili:keys   (met MEILI_URL en MEILI_MASTER_KEY)',
    async standalone(env) {
      let target: { url: string; masterKey: string };
      try {
        target = parseMeiliKeysEnv(env);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const p of error.problems) console.error(`Configuratiefout: ${p}`);
        return 1;
      }
      const master = new Meilisearch({ host: target.url, apiKey: target.masterKey, timeout: 10_000 });
      const { adminKey, searchKey, created } = await ensureMeiliKeys(master);
      console.error(
        created.length
          ? `Sleutel(s) aangemaakt: ${created.join(', ')} (indexen ${INDEX_PATTERN}, verlopen niet).`
          : `De sleutels bestonden al (indexen ${INDEX_PATTERN}).`,
      );
      console.error('Zet deze twee regels in .env en start de app opnieuw (docker compose up -d):');
      console.log(`MEILI_ADMIN_KEY=${adminKey}`);
      console.log(`MEILI_SEARCH_KEY=${searchKey}`);
    },
  },
};

/** npm run cli -- <command>: every command takes the same DATA_DIR lock as the server. */
const commands: Record<string, Command> = {
  migrate: {
    summary: 'voert openstaande databasemigraties uit',
    usage: 'migrate',
    async run({ db }) {
      const pending = await db.dataSource.showMigrations();
      await db.dataSource.runMigrations({ transaction: 'each' });
      console.log(pending ? 'Migraties uitgevoerd.' : 'De database is al bijgewerkt.');
    },
  },
  'seed-demo': {
    summary: 'vult een lege database met demodata (niet in productie)',
    usage: 'seed-demo',
    async run({ db, config }) {
      if (config.isProduction) {
        console.error('seed-demo weigert met NODE_ENV=production.');
        return 1;
      }
      const result = await seedDemo(db.dataSource);
      if (!result.seeded) {
        console.error('De database is niet leeg; demodata wordt alleen in een lege database geladen.');
        return 1;
      }
      console.log(`Demodata geladen: ${result.cases} casussen.`);
      for (const a of result.accounts)
        console.log(`  ${a.email.padEnd(28)} ${a.password.padEnd(22)} ${a.roles.join(', ')}`);
    },
  },
  import: {
    summary: 'importeert casussen uit een JSON-bestand (alles of niets)',
    usage: 'import BESTAND.json',
    async run({ db, args }) {
      const file = args[0];
      if (!file) {
        console.error('Geef het bestand op: npm run cli -- import BESTAND.json');
        return 1;
      }
      let data: unknown;
      try {
        data = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        console.error(`Kan ${file} niet lezen als JSON: ${(error as Error).message}`);
        return 1;
      }
      const progress = progressFor('importeren', 'casussen');
      const result = await importCases(db.dataSource, data, undefined, (done, total) =>
        progress.report(done, total),
      ).finally(() => progress.stop());
      if (!result.ok) {
        console.error(`Niets geïmporteerd: ${result.problems.length} probleem/problemen gevonden.`);
        for (const p of result.problems) console.error(`  record ${p.index}: ${p.field}: ${p.message}`);
        return 1;
      }
      const perSecond = result.ms > 0 ? Math.round((result.count / result.ms) * 1000) : result.count;
      console.log(
        `${result.count} casussen geïmporteerd in ${(result.ms / 1000).toFixed(1)} s (${perSecond} per seconde).`,
      );
      // Cases given to accounts that already existed: their owners now see them (drafts too).
      for (const a of result.existingAuthors)
        console.log(
          `Let op: ${a.cases} casus(sen) toegeschreven aan het bestaande account ${a.email}` +
            (a.drafts
              ? `, waarvan ${a.drafts} concept(en) die alleen dat account (en beheerders) ziet.`
              : '.'),
        );
    },
  },
  export: {
    summary: 'schrijft alle casussen als JSON naar stdout (concepten alleen met --include-drafts)',
    usage: 'export [--include-drafts] > BESTAND.json',
    async run({ db, args }) {
      const cases = await exportCases(db.dataSource, { includeDrafts: args.includes('--include-drafts') });
      process.stdout.write(`${JSON.stringify(cases, null, 2)}\n`);
    },
  },
  reindex: {
    summary: 'bouwt de zoekindex opnieuw op uit PostgreSQL (Meilisearch: nieuwe index, dan wisselen)',
    usage: 'reindex',
    async run({ db, config }) {
      const stack = createSearchStack(config, db);
      const started = performance.now();
      const progress = progressFor('zoekindex opbouwen', 'casussen');
      const count = await reindexAll(
        db.dataSource,
        stack.search === stack.searchFallback ? [stack.search] : [stack.searchFallback, stack.search],
        (done, total, engine) => progress.report(done, total, engine),
      ).finally(() => progress.stop());
      await stack.search.close?.();
      console.log(
        `Zoekindex (${stack.search.engine}) opnieuw opgebouwd: ${count} casussen in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
    },
  },
  'gc-blobs': {
    summary: 'verwijdert bijlagebestanden waar geen bijlage meer naar verwijst (ouder dan een uur)',
    usage: 'gc-blobs',
    async run({ db, config }) {
      const blobs = new BlobStore(blobRoot(config.dataDir));
      const progress = progressFor('bijlagebestanden nakijken', 'bestanden');
      const { count, bytes } = await new AttachmentsService(db.dataSource, blobs)
        .gcBlobs({
          dataDir: config.dataDir, // upload temp files left by a crash, too
          onProgress: (done, total) => progress.report(done, total),
        })
        .finally(() => progress.stop());
      console.log(
        `${count} ongebruikte bestand(en) verwijderd, ${(bytes / 1024 / 1024).toFixed(1)} MB vrijgemaakt.`,
      );
    },
  },
  vacuum: {
    summary: 'ruimt de hele database op en ververst de statistieken (ingebouwd: server eerst stoppen)',
    usage: 'vacuum',
    async run({ db }) {
      const started = performance.now();
      const progress = progressFor('opruimen', 'tabellen');
      const { beforeBytes, afterBytes } = await vacuumDatabase(db.dataSource, (done, total) =>
        progress.report(done, total),
      ).finally(() => progress.stop());
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `Database opgeruimd in ${((performance.now() - started) / 1000).toFixed(1)} s: ${mb(beforeBytes)} MB → ${mb(afterBytes)} MB.`,
      );
    },
  },
  retention: {
    summary:
      'herinnert auteurs aan concepten die DRAFT_RETENTION_MONTHS niet bewerkt zijn en verwijdert ze DRAFT_REMOVAL_MONTHS later (de server doet dit dagelijks)',
    usage: 'retention',
    async run({ db, config }) {
      const logger = createLogger(config.logLevel);
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
      const { reminded, removed } = await draftRetention(db.dataSource, config, { mailer, logger }).run();
      await mailer.idle();
      console.log(`${reminded} auteur(s) herinnerd aan een oud concept, ${removed} concept(en) verwijderd.`);
    },
  },
  'org:create': {
    summary: 'maakt een organisatie',
    usage:
      'org:create --name NAAM --kind woningcorporatie|gemeente|zorg-welzijn|huurdersorganisatie|kennisinstituut|overig',
    run: ({ db, args }) => createOrganizationFromCli(db.dataSource, args),
  },
  'org:list': {
    summary: 'toont de organisaties met hun aantal accounts',
    usage: 'org:list',
    run: ({ db }) => listOrganizationsFromCli(db.dataSource),
  },
  'user:create': {
    summary:
      'maakt een account; wachtwoord via stdin of gegenereerd (lege database: maakt de organisatie ook)',
    usage: 'user:create --email E --name N --org ORGANISATIE [--org-kind SOORT] --role admin [--role …]',
    run: ({ db, args }) => createUserFromCli(db.dataSource, args),
  },
  'user:password': {
    summary: 'zet een nieuw wachtwoord; via stdin of gegenereerd',
    usage: 'user:password --email E',
    run: ({ db, args }) => setPasswordFromCli(db.dataSource, args),
  },
};

function help(): void {
  console.log('Gebruik: npm run cli -- <opdracht> [opties]\n');
  for (const c of [...Object.values(commands), ...Object.values(standaloneCommands)])
    console.log(`  ${c.usage.padEnd(80)} ${c.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    help();
    return name ? 0 : 1;
  }
  if (standaloneCommands[name]) return (await standaloneCommands[name].standalone(process.env)) ?? 0;
  const command = commands[name];
  if (!command) {
    console.error(`Onbekende opdracht "${name}".`);
    help();
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems) console.error(`Configuratiefout: ${p}`);
      return 1;
    }
    throw error;
  }
  let db: Database;
  try {
    db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      purpose: `cli ${name}`,
    });
  } catch (error) {
    console.error(`Database niet beschikbaar: ${(error as Error).message}`);
    return 1;
  }
  try {
    return (await command.run({ db, config, args })) ?? 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error((error as Error).message ?? error);
    process.exit(1);
  },
);
