import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BlobStore, blobRoot } from '../../src/attachments/blob-store';
import {
  EXTRACTION_LIMITS,
  ExtractionError,
  extractInWorker,
  extractionQueue,
} from '../../src/attachments/text-extraction';
import request from 'supertest';
import { buildCase, buildUser, csrfOf, loginAs } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';
import { pdfBomb, pdfFromObjects } from '../fixtures/pdf';

/**
 * Text extraction runs in a worker thread that is terminated at the time limit. These tests use
 * a real PDF that takes PDF.js several seconds to read (thousands of pages), so the limit has to
 * stop genuinely CPU-bound parsing, which a Promise.race on the main thread never could.
 */

/** A valid PDF with `pages` pages of 40 text lines each. */
function longPdf(pages: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const lines = Array.from(
      { length: 40 },
      (_, l) =>
        `BT /F1 10 Tf 20 ${800 - l * 18} Td (Regel ${l} van pagina ${p}: huurachterstand en maatwerk) Tj ET`,
    ).join('\n');
    const page = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`,
    );
    kids.push(`${page} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return pdfFromObjects(objects);
}

let ctx: TestContext;
let blobs: BlobStore;
let slowPdf: string;
let smallPdf: string;

beforeAll(async () => {
  ctx = await createTestApp();
  blobs = new BlobStore(blobRoot(ctx.config.dataDir));
  slowPdf = path.join(ctx.config.dataDir, 'lang.pdf');
  writeFileSync(slowPdf, longPdf(3000));
  smallPdf = path.join(ctx.config.dataDir, 'kort.pdf');
  writeFileSync(smallPdf, longPdf(1));
});
afterAll(() => ctx.close());

/** A 'pending' attachment on a new case, as an upload leaves it (blob in the store, row written). */
async function pendingAttachment(file: string): Promise<number> {
  const ds = ctx.db.dataSource;
  const author = await buildUser(ds);
  const caseId = await buildCase(ds, author);
  const copy = `${file}.${caseId}`;
  copyFileSync(file, copy); // putFile moves its source into the store
  const blob = await blobs.putFile(copy);
  const [row] = await ds.query(
    `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, uploaded_by_id)
     VALUES ($1, $2, 'bijlage.pdf', 'application/pdf', $3, 'pending', $4) RETURNING id`,
    [caseId, blob.sha256, blob.size, author.id],
  );
  return row.id;
}

const statusOf = async (id: number) =>
  (
    await ctx.db.dataSource.query(
      `SELECT extraction_status AS status, extraction_error AS error, length(extracted_text) AS chars FROM attachments WHERE id = $1`,
      [id],
    )
  )[0];

describe('text extraction in a worker thread', () => {
  it('extracts a small PDF off the main thread', async () => {
    const result = await extractInWorker('pdf', smallPdf);
    expect(result.text).toContain('Regel 0 van pagina 0: huurachterstand en maatwerk');
    expect(result.pageOffsets).toEqual([0]);
  });

  it('terminates CPU-bound parsing at the time limit, and the event loop keeps running meanwhile', async () => {
    let last = Date.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 20);
    const started = Date.now();
    try {
      const error = await extractInWorker('pdf', slowPdf, { ...EXTRACTION_LIMITS, timeoutMs: 1500 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ExtractionError);
      expect((error as Error).message).toBe(
        'Tekst uithalen duurde langer dan 1,5 seconden en is afgebroken.',
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
      expect(Date.now() - started).toBeLessThan(4000);
      // Parsing on the main thread would have stalled the timer for the whole parse.
      expect(longestGap).toBeLessThan(500);
    } finally {
      clearInterval(ticker);
    }
    // The worker is gone, not parsing on in the background: the process is nearly idle now.
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });

  it('stores a time-out as a failed extraction with its reason (limit set through the queue)', async () => {
    const id = await pendingAttachment(slowPdf);
    const queue = extractionQueue(ctx.db.dataSource, blobs, { limits: { timeoutMs: 300 } });
    queue.kick();
    await queue.idle();
    expect(await statusOf(id)).toEqual({
      status: 'failed',
      error: 'Tekst uithalen duurde langer dan 300 milliseconden en is afgebroken.',
      chars: null,
    });
  });

  it('at shutdown waits a bounded time, then stops the worker and leaves the attachment pending', async () => {
    const id = await pendingAttachment(slowPdf);
    const queue = extractionQueue(ctx.db.dataSource, blobs);
    queue.kick();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker is parsing now
    const started = Date.now();
    await queue.stop(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await statusOf(id)).toMatchObject({ status: 'pending' });
    queue.kick(); // a stopped queue takes no new work
    await queue.idle();
    expect(await statusOf(id)).toMatchObject({ status: 'pending' });

    // The next start picks it up (a fresh queue, as after a restart).
    const next = extractionQueue(ctx.db.dataSource, blobs, { limits: { timeoutMs: 300 } });
    next.kick();
    await next.idle();
    expect(await statusOf(id)).toMatchObject({ status: 'failed' });
  });

  it('lets a short extraction finish when the grace period allows', async () => {
    const id = await pendingAttachment(smallPdf);
    const queue = extractionQueue(ctx.db.dataSource, blobs);
    queue.kick();
    await new Promise((resolve) => setTimeout(resolve, 300)); // picked up: the worker is starting
    await queue.stop(20_000);
    expect(await statusOf(id)).toMatchObject({ status: 'extracted' });
  });
});

describe('decompression bombs', () => {
  /** The same bomb behind an ASCIIHex filter: the stream scan cannot see it, only the memory bound. */
  function hexWrappedBomb(mib: number): Buffer {
    const bomb = pdfBomb(mib).toString('latin1');
    const start = bomb.indexOf('stream\n') + 'stream\n'.length;
    const end = bomb.indexOf('\nendstream');
    const hex = Buffer.from(bomb.slice(start, end), 'latin1').toString('hex') + '>';
    return pdfFromObjects([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R >>',
      `<< /Length ${hex.length} /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n${hex}\nendstream`,
    ]);
  }

  it.each([
    ['a FlateDecode stream (found by the stream scan)', () => pdfBomb(1024)],
    ['a stream behind two filters (stopped by the memory bound)', () => hexWrappedBomb(1024)],
  ])(
    'a PDF inflating to 1 GiB in %s: the server does not grow, the file stays downloadable',
    async (_what, make) => {
      const bomb = make();
      expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
      const ds = ctx.db.dataSource;
      const author = await buildUser(ds);
      const caseId = await buildCase(ds, author, { status: 'published' });
      const agent = request.agent(ctx.app);
      await loginAs(agent, author);

      // This process is the server here (with Jest and the test database in it): it may not grow
      // by more than a small margin. server-process.test.ts checks the 600 MB of the real server.
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      try {
        const res = await agent
          .post(`/casussen/${caseId}/bijlagen`)
          .set('x-csrf-token', await csrfOf(agent, '/'))
          .set('Accept', 'application/json')
          .attach('bijlagen', bomb, 'bom.pdf')
          .expect(201);
        const id: number = res.body.attachments[0].id;
        const deadline = Date.now() + 30_000;
        while ((await statusOf(id)).status === 'pending' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        clearInterval(sampler);
        expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
        expect(await statusOf(id)).toEqual({
          status: 'failed',
          error: 'bestand te groot of te complex',
          chars: null,
        });
        const page = await agent.get(`/casussen/${caseId}`).expect(200);
        expect(page.text).toContain('tekst niet uitgelezen: bestand te groot of te complex');
        const download = await agent.get(`/bijlagen/${id}`).buffer(true).expect(200);
        expect(download.body.length).toBe(bomb.length);
      } finally {
        clearInterval(sampler);
      }
    },
    60_000,
  );
});
