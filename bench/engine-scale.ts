/**
 * How the embedded engine alone grows with the collection, without HTTP or a database:
 * `node --expose-gc --import tsx bench/engine-scale.ts [--cases 10000,50000] [--rounds 3]`. For each size it writes
 * the benchmark's generated corpus into an index file in a temporary directory, opens it again
 * (the load a restart does), and times the benchmark's 36-query mix one search at a time
 * (p50/p95/max in ms, CPU per search). Prints JSON lines; nothing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedCaseSearch } from '../src/search/embedded-search';
import type { SearchDocument } from '../src/search/search-document';
import { searchParamsSchema, toSearchQuery } from '../src/search/search.params';
import { BENCH_THEMES, generateCorpus, queryMix, type BenchCase } from './corpus';

function toDocument(c: BenchCase, id: number): SearchDocument {
  return {
    id,
    title: c.title,
    summary: c.summary,
    body: [c.context, c.approach, c.results, c.lessons, c.question].join('\n\n'),
    tags: c.tags,
    roles: c.roles,
    themes: c.themes,
    themeNames: c.themes,
    organizationId: 1,
    organizationName: c.organization,
    organizationKind: 'woningcorporatie',
    region: c.region,
    partners: c.partners,
    contact: c.contact,
    year: c.year,
    attachments: c.attachmentTexts.map((text, i) => ({
      id: id * 10 + i,
      filename: `bijlage-${i + 1}.pdf`,
      text,
      pageOffsets: null,
    })),
    reflectionText: '',
    reactions: [],
    status: c.status,
    visibility: 'vakgemeenschap',
    authorId: 1,
    authorName: c.author,
    hasReflection: false,
    presented: false,
    answered: false,
    updatedAt: new Date(Date.UTC(2020, 0, 1) + id * 60_000).toISOString(),
  } as SearchDocument;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const { values } = parseArgs({
    options: { cases: { type: 'string', default: '10000,50000' }, rounds: { type: 'string', default: '3' } },
  });
  const mix = queryMix();
  const queries = mix.map(
    (qs) =>
      toSearchQuery(searchParamsSchema.parse(Object.fromEntries(new URLSearchParams(qs))), [...BENCH_THEMES])
        .query,
  );
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (const n of values.cases.split(',').map(Number)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-engine-'));
    const file = path.join(dir, 'cases.sqlite');
    try {
      const corpus = generateCorpus(n);
      const writer = new EmbeddedCaseSearch({ file });
      writer.markReady();
      let t = performance.now();
      for (let i = 0; i < corpus.length; i += 500)
        await writer.upsert(corpus.slice(i, i + 500).map((c, k) => toDocument(c, i + k + 1)));
      const buildSeconds = (performance.now() - t) / 1000;
      await writer.close();
      gc();
      const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const heapBefore = memory();
      t = performance.now();
      const engine = new EmbeddedCaseSearch({ file });
      const loadMs = performance.now() - t;
      gc();
      const heapMb = (memory() - heapBefore) / 1e6;
      for (const q of queries) await engine.search(q, { id: 2 });
      const times: number[] = [];
      const slowest = new Map<string, number>();
      const cpu0 = process.cpuUsage();
      for (let r = 0; r < Number(values.rounds); r++)
        for (const [i, q] of queries.entries()) {
          const s = performance.now();
          await engine.search(q, { id: 2 });
          const ms = performance.now() - s;
          times.push(ms);
          slowest.set(mix[i], Math.max(ms, slowest.get(mix[i]) ?? 0));
        }
      const cpu = process.cpuUsage(cpu0);
      times.sort((a, b) => a - b);
      const at = (p: number) => round1(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
      console.log(
        JSON.stringify({
          cases: n,
          buildSeconds: round1(buildSeconds),
          loadMs: Math.round(loadMs),
          heapMb: Math.round(heapMb),
          searches: times.length,
          p50: at(0.5),
          p95: at(0.95),
          max: at(1),
          cpuMsPerSearch: round1((cpu.user + cpu.system) / 1000 / times.length),
          slowest: [...slowest]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .map(([q, ms]) => `${decodeURIComponent(q)} ${round1(ms)} ms`),
        }),
      );
      await engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
