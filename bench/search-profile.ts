/**
 * Search cost in-process, without HTTP: `npx tsx bench/search-profile.ts build DIR [--cases N]`
 * builds a corpus database once (embedded, or --database-url); `… time DIR [--rounds N]` opens it
 * and times the adapter's search() for the benchmark's query mix, browse and related cases,
 * with the database time split by statement kind. `--engine embedded` times the embedded engine
 * instead (its index is built into DIR/search from the database the first time). Prints JSON
 * lines (mean, p50, p95, max per call); nothing is asserted.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/data-source';
import { reindexAll } from '../src/search/indexer';
import type { CaseSearch } from '../src/search/case-search';
import { embeddedIndexFile } from '../src/search/create-search';
import { EmbeddedCaseSearch } from '../src/search/embedded-search';
import { PostgresCaseSearch } from '../src/search/postgres-search';
import { Thesaurus } from '../src/search/thesaurus';
import { buildThesaurusIndex } from '../src/search/thesaurus-index';
import { searchParamsSchema, toSearchQuery } from '../src/search/search.params';
import { queryMix } from './corpus';
import { BENCH_EMAIL, loadBenchCorpus } from './load-corpus';

function kindOf(sql: string): string {
  if (/json_agg\(h ORDER BY h.ord\)| AS ranked,/.test(sql))
    return /UNION ALL SELECT 'role'/.test(sql) ? 'searchWithFacets' : 'search';
  if (/ AS flags/.test(sql)) return 'positions';
  if (/left\(d.body, \d+\) AS body, d.reactions/.test(sql)) return 'page';
  if (/search_generation/.test(sql)) return 'generation';
  if (/search_lexicon/.test(sql)) return 'lexicon';
  if (/search_attachment_documents/.test(sql)) return 'attachmentSnippets';
  if (/AS c\(word, stem\)/.test(sql)) return 'suggestions';
  if (/AS visible$/.test(sql)) return 'corrections';
  if (/WITH src AS/.test(sql)) return 'related';
  return 'other';
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      cases: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '3' },
      'database-url': { type: 'string' },
      only: { type: 'string' },
      dump: { type: 'string' },
      agree: { type: 'boolean' },
      rerank: { type: 'string' },
      explain: { type: 'string' },
      engine: { type: 'string', default: 'postgres' },
    },
  });
  const [mode, dir] = positionals;
  const databaseUrl = values['database-url'];
  if (mode === 'build') {
    if (!databaseUrl && existsSync(dir)) throw new Error(`${dir} exists`);
    const db = await openDatabase({ databaseUrl, dataDir: dir, purpose: 'profile build' });
    const ds = db.dataSource;
    const n = Number(values.cases);
    await loadBenchCorpus(ds, { cases: n, passwordHash: 'x' });
    const t0 = performance.now();
    await reindexAll(ds, [new PostgresCaseSearch(ds)]);
    await ds.query(`DELETE FROM search_outbox`);
    console.log(JSON.stringify({ built: n, reindexSeconds: Math.round(performance.now() - t0) / 1000 }));
    await db.close();
    return;
  }

  const db = await openDatabase({ databaseUrl, dataDir: dir, purpose: 'profile time' });
  const ds = db.dataSource;
  await ds.query('ANALYZE');
  const byKind: Record<string, number> = {};
  const original = ds.query.bind(ds);
  (ds as any).query = async (sql: string, params?: unknown[], ...rest: unknown[]) => {
    const t = performance.now();
    try {
      return await original(sql, params as any[], ...(rest as []));
    } finally {
      const k = kindOf(sql);
      byKind[k] = (byKind[k] ?? 0) + performance.now() - t;
    }
  };
  const postgres = new PostgresCaseSearch(ds, {
    ...(values.rerank ? { rerankCandidates: Number(values.rerank) } : {}),
  });
  // --engine embedded: the embedded index in DIR/search (built from the database when missing, timed).
  let search: CaseSearch = postgres;
  if (values.engine === 'embedded') {
    const t0 = performance.now();
    // The thesaurus read once, as the app's worker keeps it until it changes.
    const thesaurusIndex = buildThesaurusIndex(await new Thesaurus(ds).groups());
    const embedded = new EmbeddedCaseSearch({
      file: embeddedIndexFile(dir),
      thesaurus: async () => thesaurusIndex,
    });
    console.log(JSON.stringify({ embeddedOpenMs: Math.round(performance.now() - t0) }));
    if ((await embedded.documentCount()) === 0) {
      const t1 = performance.now();
      await reindexAll(ds, [embedded]);
      console.log(JSON.stringify({ embeddedBuildSeconds: Math.round(performance.now() - t1) / 1000 }));
    }
    embedded.markReady();
    search = embedded;
  }
  const [viewer] = await ds.query(`SELECT id FROM users WHERE email = $1`, [BENCH_EMAIL]);
  const themes = (await ds.query(`SELECT slug FROM themes`)).map((t: { slug: string }) => t.slug);
  const toQuery = (qs: string) =>
    toSearchQuery(searchParamsSchema.parse(Object.fromEntries(new URLSearchParams(qs))), themes).query;
  const browse = ['', 'pagina=2', 'thema=incasso', 'rol=verhuurder&jaar=2020'];
  const published: number[] = (
    await ds.query(`SELECT case_id FROM search_documents WHERE status = 'published' ORDER BY case_id`)
  ).map((r: any) => r.case_id);
  const casePages = Array.from({ length: 60 }, (_, i) => published[(i * 9973) % published.length]);
  const scenarios: Record<string, Array<() => Promise<unknown>>> = {
    search: queryMix().map((qs) => () => search.search(toQuery(qs), { id: viewer.id })),
    browse: browse.map((qs) => () => search.search(toQuery(qs), { id: viewer.id })),
    related: casePages.map((id) => () => search.related({ caseId: id, limit: 7 }, { id: viewer.id })),
  };
  if (values.explain !== undefined) {
    // EXPLAIN (ANALYZE, BUFFERS) of every statement one search (or browse with an empty string) runs.
    (ds as any).query = async (sql: string, params?: unknown[]) => {
      if (/^\s*(WITH|SELECT)/.test(sql) && /search_documents|search_lexicon/.test(sql)) {
        const plan = await original(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params as any[]);
        console.log(`--- ${kindOf(sql)}\n${plan.map((r: any) => r['QUERY PLAN']).join('\n')}`);
      }
      return original(sql, params as any[]);
    };
    await search.search(toQuery(values.explain), { id: viewer.id });
    await db.close();
    return;
  }
  if (values.agree) {
    // How far the bounded ranking agrees with ranking every match on the full vector:
    // nDCG@10 of our top 10 against the ideal order (gain 10 for the ideal first … 1 for the tenth).
    const ideal = new PostgresCaseSearch(ds, { rerankCandidates: 1_000_000 });
    const dcg = (ids: number[], gain: Map<number, number>) =>
      ids.slice(0, 10).reduce((s, id, i) => s + (gain.get(id) ?? 0) / Math.log2(i + 2), 0);
    const scores: number[] = [];
    let overlap = 0;
    for (const qs of queryMix()) {
      const want = (await ideal.search(toQuery(qs), { id: viewer.id })).hits.map((h) => h.id).slice(0, 10);
      const got = (await search.search(toQuery(qs), { id: viewer.id })).hits.map((h) => h.id).slice(0, 10);
      const gain = new Map(want.map((id, i) => [id, 10 - i]));
      const best = dcg(want, gain);
      scores.push(best ? dcg(got, gain) / best : 1);
      overlap += got.filter((id) => gain.has(id)).length / Math.max(1, want.length);
    }
    console.log(
      JSON.stringify({
        ndcgVsFullRanking: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000,
        top10Overlap: Math.round((overlap / scores.length) * 1000) / 1000,
      }),
    );
    await db.close();
    return;
  }
  if (values.dump) {
    // Every answer of the mix, for comparing before and after a change.
    const out: unknown[] = [];
    for (const qs of [
      ...queryMix(),
      ...browse,
      'q=huur&pagina=3',
      'q=aanpak&sorteer=nieuwste',
      'q=woning&sorteer=titel',
      'status=concept',
    ])
      out.push({ qs, ...(await search.search(toQuery(qs), { id: viewer.id })), tookMs: 0 });
    for (const id of casePages)
      out.push({ related: id, ids: await search.related({ caseId: id, limit: 7 }, { id: viewer.id }) });
    (await import('node:fs')).writeFileSync(values.dump, JSON.stringify(out, null, 1));
    await db.close();
    return;
  }
  const only = values.only?.split(',');
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, calls] of Object.entries(scenarios)) {
      if (only && !only.includes(name)) continue;
      for (const k of Object.keys(byKind)) delete byKind[k];
      postgres.facetCacheStats.hits = postgres.facetCacheStats.misses = 0;
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (const call of calls) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
      const ms = performance.now() - t0;
      times.sort((a, b) => a - b);
      const at = (p: number) =>
        Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
      const cpu = process.cpuUsage(cpu0);
      const per = (x: number) => Math.round((x / calls.length) * 10) / 10;
      console.log(
        JSON.stringify({
          round,
          name,
          n: calls.length,
          msPerCall: per(ms),
          p50: at(0.5),
          p95: at(0.95),
          max: at(1),
          cpuMsPerCall: per((cpu.user + cpu.system) / 1000),
          facetCache: { ...postgres.facetCacheStats },
          dbMsPerCall: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, per(v)])),
        }),
      );
    }
  }
  await db.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
