import JSZip from 'jszip';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import request, { type Agent } from 'supertest';
import { AttachmentsService } from '../../src/attachments/attachments.service';
import { BlobStore, blobRoot } from '../../src/attachments/blob-store';
import { sanitizeFilename } from '../../src/attachments/filenames';
import { EXTRACTION_LIMITS, checkZip } from '../../src/attachments/text-extraction';
import { buildCase, buildUser, csrfOf, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';
import { pdf } from '../fixtures/pdf';

// ---- Fixtures: real, minimal files, built here so each test shows what it sends ----

/** An Office Open XML package: [Content_Types].xml names the main part, which decides docx/xlsx/pptx. */
async function ooxml(
  part: string,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/></Relationships>`,
  );
  zip.file(part, body);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const docx = (text: string, extra: Record<string, string> = {}) =>
  ooxml(
    'word/document.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
      `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    extra,
  );
const xlsx = () =>
  ooxml(
    'xl/workbook.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  );
const pptx = () =>
  ooxml(
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  );
/** OpenDocument: an uncompressed `mimetype` entry first. */
async function odt(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'content.xml',
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const png = () =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
const jpeg = () =>
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
/** The start of a Linux executable. */
const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 1)]);

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

// ---- Setup ----

let ctx: TestContext;
let author: TestUser;
let other: TestUser;
let caseId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  const ds = ctx.db.dataSource;
  author = await buildUser(ds);
  other = await buildUser(ds);
  caseId = await buildCase(ds, author, { status: 'published' });
});
afterAll(() => ctx.close());

async function agentFor(user: TestUser, app = ctx.app) {
  const agent = request.agent(app);
  await loginAs(agent, user);
  return agent;
}

type Upload = [Buffer, string];

/** Posts files to a case the way the browser's form does (token in the header here). */
async function upload(
  agent: Agent,
  id: number,
  files: Upload[],
  status: number,
  options: { json?: boolean; csrf?: string | null } = {},
) {
  const csrf = options.csrf === undefined ? await csrfOf(agent, '/') : options.csrf;
  let req = agent.post(`/casussen/${id}/bijlagen`);
  if (csrf) req = req.set('x-csrf-token', csrf);
  if (options.json ?? true) req = req.set('Accept', 'application/json');
  for (const [buffer, name] of files) req = req.attach('bijlagen', buffer, name);
  return req.expect(status);
}

const rowsOf = (id: number) =>
  ctx.db.dataSource.query(
    `SELECT id, filename, mime_type, size_bytes::int AS size, extraction_status, extraction_error, extracted_text, page_offsets,
            trim(blob_sha256) AS sha
       FROM attachments WHERE case_id = $1 ORDER BY id`,
    [id],
  );

// Extraction runs in a child process; on a loaded machine its start alone can take seconds.
async function waitForExtraction(attachmentId: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ctx.db.dataSource.query(
      `SELECT extraction_status, extraction_error, extracted_text, page_offsets FROM attachments WHERE id = $1`,
      [attachmentId],
    );
    if (row.extraction_status !== 'pending' || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const tmpFiles = (c: TestContext = ctx) => readdirSync(path.join(c.config.dataDir, 'tmp'));
const blobFiles = (c: TestContext = ctx) => new BlobStore(blobRoot(c.config.dataDir)).listAll();

// ---- Tests ----

describe('uploading attachments', () => {
  it('accepts every allowed type, judged by content, and extracts PDF and DOCX text after the response', async () => {
    const agent = await agentFor(author);
    const id = await buildCase(ctx.db.dataSource, author);
    const res = await upload(
      agent,
      id,
      [
        [pdf('Huurachterstand xylofoonregister'), 'rapport.pdf'],
        [await docx('Woonfraude aanpak'), 'notitie.docx'],
        [await xlsx(), 'cijfers.xlsx'],
        [await pptx(), 'presentatie.pptx'],
        [await odt(), 'verslag.odt'],
        [png(), 'foto.png'],
        [jpeg(), 'scan.jpg'],
      ],
      201,
    );
    expect(res.body.attachments.map((a: { mimeType: string }) => a.mimeType)).toEqual(Object.values(MIME));

    const rows = await rowsOf(id);
    expect(rows.map((r: { filename: string }) => r.filename)).toEqual([
      'rapport.pdf',
      'notitie.docx',
      'cijfers.xlsx',
      'presentatie.pptx',
      'verslag.odt',
      'foto.png',
      'scan.jpg',
    ]);
    const pdfRow = await waitForExtraction(rows[0].id);
    expect(pdfRow).toMatchObject({ extraction_status: 'extracted', page_offsets: [0] });
    expect(pdfRow.extracted_text).toContain('Huurachterstand');
    const docxRow = await waitForExtraction(rows[1].id);
    expect(docxRow.extraction_status).toBe('extracted');
    expect(docxRow.extracted_text).toContain('Woonfraude aanpak');
    for (const row of rows.slice(2)) expect((await waitForExtraction(row.id)).extraction_status).toBe('none');

    // The extracted text was re-indexed: the case is findable by a word that is only in the PDF.
    await ctx.indexer.whenIdle();
    const found = await agent.get('/api/search?q=xylofoonregister').expect(200);
    expect(found.body.hits.map((h: { id: number }) => h.id)).toContain(id);
    expect(tmpFiles()).toEqual([]);
  });

  it('redirects an HTML form post back to the case with a flash message', async () => {
    const agent = await agentFor(author);
    const csrf = await csrfOf(agent, '/');
    const res = await agent
      .post(`/casussen/${caseId}/bijlagen`)
      .field('_csrf', csrf)
      .attach('bijlagen', png(), 'Ëindrapport wijkaanpak.png')
      .expect(303);
    expect(res.headers.location).toBe(`/casussen/${caseId}#bijlagen`);
    const page = await agent.get('/').expect(200);
    expect(page.text).toContain('“Ëindrapport wijkaanpak.png” is toegevoegd.');
    const rows = await rowsOf(caseId);
    expect(rows.map((r: { filename: string }) => r.filename)).toContain('Ëindrapport wijkaanpak.png');
  });

  it('refuses an executable renamed .pdf with 415 and lists the allowed types in Dutch', async () => {
    const agent = await agentFor(author);
    const before = (await rowsOf(caseId)).length;
    const res = await upload(agent, caseId, [[elf(), 'rapport.pdf']], 415);
    expect(res.body.error).toContain('“rapport.pdf” is geen toegestaan bestandstype');
    expect(res.body.error).toContain('PDF (.pdf), Word-document (.docx)');
    expect((await rowsOf(caseId)).length).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a PNG whose header is spoofed (the content is not a PNG)', async () => {
    const agent = await agentFor(author);
    const spoofed = Buffer.concat([png().subarray(0, 8), Buffer.from('dit is geen afbeelding')]);
    await upload(agent, caseId, [[spoofed, 'foto.png']], 415);
  });

  it('renders a small Dutch error page with a link back to the case for HTML requests', async () => {
    const agent = await agentFor(author);
    const res = await upload(agent, caseId, [[elf(), 'programma.exe']], 415, { json: false });
    expect(res.text).toContain('Bijlage niet toegevoegd');
    expect(res.text).toContain(`href="/casussen/${caseId}#bijlagen"`);
  });

  it('refuses 11 files with 400', async () => {
    const agent = await agentFor(author);
    const files: Upload[] = Array.from({ length: 11 }, (_, i) => [png(), `foto-${i}.png`]);
    const res = await upload(agent, caseId, files, 400);
    expect(res.body.error).toContain('hoogstens 10 bestanden');
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a zero-byte file and a post without files with 400', async () => {
    const agent = await agentFor(author);
    const empty = await upload(agent, caseId, [[Buffer.alloc(0), 'leeg.pdf']], 400);
    expect(empty.body.error).toContain('“leeg.pdf” is leeg');
    const none = await upload(agent, caseId, [], 400);
    expect(none.body.error).toContain('Kies minstens één bestand');
  });

  it('stores a corrupt PDF, then marks its extraction failed with a Dutch reason', async () => {
    const agent = await agentFor(author);
    const res = await upload(agent, caseId, [[Buffer.from('%PDF-1.4 garbage'), 'kapot.pdf']], 201);
    const row = await waitForExtraction(res.body.attachments[0].id);
    expect(row.extraction_status).toBe('failed');
    expect(row.extraction_error).toMatch(/kon niet gelezen worden/);
  });

  it('sanitises a path-traversal file name', async () => {
    const agent = await agentFor(author);
    const res = await upload(agent, caseId, [[pdf('Pad'), '../../etc/passwd.pdf']], 201);
    const [row] = await ctx.db.dataSource.query(`SELECT filename FROM attachments WHERE id = $1`, [
      res.body.attachments[0].id,
    ]);
    expect(row.filename).toBe('passwd.pdf');
  });

  it('stores identical files once', async () => {
    const agent = await agentFor(author);
    const content = pdf('Dubbel opgeslagen 4711');
    const first = await upload(agent, caseId, [[content, 'een.pdf']], 201);
    const second = await upload(agent, caseId, [[content, 'twee.pdf']], 201);
    const ids = [first.body.attachments[0].id, second.body.attachments[0].id];
    const rows = await ctx.db.dataSource.query(
      `SELECT DISTINCT trim(blob_sha256) AS sha FROM attachments WHERE id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(1);
    const onDisk = (await blobFiles()).filter((b) => b.sha256 === rows[0].sha);
    expect(onDisk).toHaveLength(1);
    expect(onDisk[0].size).toBe(content.length);
  });

  it('refuses an upload without a CSRF token: 403, no row, no temp file', async () => {
    const agent = await agentFor(author);
    const before = (await rowsOf(caseId)).length;
    const res = await upload(agent, caseId, [[pdf('Zonder token'), 'csrf.pdf']], 403, { csrf: null });
    expect(res.body.error).toContain('Het formulier is verlopen');
    expect((await rowsOf(caseId)).length).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('stores nothing of a batch with one refused file', async () => {
    const agent = await agentFor(author);
    const id = await buildCase(ctx.db.dataSource, author);
    const blobsBefore = (await blobFiles()).length;
    await upload(
      agent,
      id,
      [
        [pdf('Goed bestand 1'), 'goed.pdf'],
        [png(), 'goed.png'],
        [elf(), 'slecht.pdf'],
      ],
      415,
    );
    expect(await rowsOf(id)).toEqual([]);
    expect(tmpFiles()).toEqual([]);
    expect((await blobFiles()).length).toBe(blobsBefore);
    const [outbox] = await ctx.db.dataSource.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE reason = 'attachment' AND case_id = $1`,
      [id],
    );
    expect(outbox.n).toBe(0);
  });
});

describe('files on the new-case form', () => {
  /** The new-case form as a browser without JavaScript sends it: multipart, text and files together. */
  async function postNewCase(
    agent: Agent,
    fields: Record<string, string | string[]>,
    files: Upload[],
    status: number,
    app = ctx.app,
  ) {
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    let req = agent.post('/casussen').field('_csrf', csrf);
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) req = req.field(name, v);
    for (const [buffer, name] of files) req = req.attach('bijlagen', buffer, name);
    void app;
    return req.expect(status);
  }
  const casesBy = (userId: number, c: TestContext = ctx) =>
    c.db.dataSource.query(`SELECT id, title, status FROM cases WHERE author_id = $1 ORDER BY id`, [userId]);
  const pendingOf = (userId: number, c: TestContext = ctx) =>
    c.db.dataSource.query(`SELECT id, filename FROM pending_uploads WHERE user_id = $1 ORDER BY created_at`, [
      userId,
    ]);

  it('saves the files sent with the form (without JavaScript) with the draft, in one action', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const agent = await agentFor(user);
    const res = await postNewCase(
      agent,
      { title: 'Casus met bijlagen', roles: ['verhuurder', 'ontwikkelaar'], action: 'save' },
      [
        [png(), 'foto.png'],
        [await xlsx(), 'cijfers.xlsx'],
      ],
      303,
    );
    const [created] = await casesBy(user.id);
    expect(res.headers.location).toBe(`/casussen/${created.id}`);
    expect(created).toMatchObject({ title: 'Casus met bijlagen', status: 'draft' });
    const rows = await rowsOf(created.id);
    expect(rows.map((r: { filename: string; mime_type: string }) => [r.filename, r.mime_type])).toEqual([
      ['foto.png', MIME.png],
      ['cijfers.xlsx', MIME.xlsx],
    ]);
    const [roles] = await ctx.db.dataSource.query(`SELECT roles FROM cases WHERE id = $1`, [created.id]);
    expect(roles.roles).toEqual(['verhuurder', 'ontwikkelaar']); // repeated fields read as a list
    expect(await pendingOf(user.id)).toEqual([]);
    expect(tmpFiles()).toEqual([]);
    const page = await agent.get(res.headers.location).expect(200);
    expect(page.text).toContain('De casus is als concept opgeslagen met 2 bijlagen.');
  });

  it('keeps the typed text and the files when the form has an error, and saves both on the next submit', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const agent = await agentFor(user);
    const refused = await postNewCase(
      agent,
      {
        title: '',
        summary: 'Wat ik al typte',
        contactEmail: 'sanne-at-example',
        action: 'save',
      },
      [[png(), 'plattegrond.png']],
      400,
    );
    expect(refused.text).toContain('De titel is verplicht.');
    expect(refused.text).toContain('Het e-mailadres van de contactpersoon is geen geldig e-mailadres.');
    expect(refused.text).toContain('Wat ik al typte');
    expect(refused.text).toContain('value="sanne-at-example"');
    // Nothing of the case is written; the file waits, listed in the form with a box to keep it.
    expect(await casesBy(user.id)).toEqual([]);
    const pending = await pendingOf(user.id);
    expect(pending).toEqual([{ id: expect.any(String), filename: 'plattegrond.png' }]);
    expect(refused.text).toMatch(
      new RegExp(
        `<input type="checkbox" id="bijlage-${pending[0].id}" name="wachtendeBijlagen" value="${pending[0].id}" checked>`,
      ),
    );
    expect(refused.text).toContain('bewaard, wordt toegevoegd bij opslaan');

    // The next submit (the form as it came back) saves the case with that file.
    const saved = await postNewCase(
      agent,
      { title: 'Nu met titel', summary: 'Wat ik al typte', wachtendeBijlagen: pending[0].id, action: 'save' },
      [],
      303,
    );
    const [created] = await casesBy(user.id);
    expect(saved.headers.location).toBe(`/casussen/${created.id}`);
    expect((await rowsOf(created.id)).map((r: { filename: string }) => r.filename)).toEqual([
      'plattegrond.png',
    ]);
    expect(await pendingOf(user.id)).toEqual([]);
  });

  it('refuses a file of the wrong type: nothing saved, the text and the other files kept, in Dutch', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const agent = await agentFor(user);
    const res = await postNewCase(
      agent,
      { title: 'Met een verkeerd bestand', context: 'Aanleiding die blijft', action: 'save' },
      [
        [elf(), 'programma.pdf'],
        [png(), 'goed.png'],
      ],
      415,
    );
    expect(res.text).toContain('“programma.pdf” is geen toegestaan bestandstype.');
    expect(res.text).toContain(
      'De andere bestanden zijn bewaard; ze staan hieronder. De casus is nog niet opgeslagen.',
    );
    expect(res.text).toContain('href="#veld-bijlagen"'); // in the error summary, linked to the field
    expect(res.text).toContain('value="Met een verkeerd bestand"');
    expect(res.text).toContain('Aanleiding die blijft');
    expect(await casesBy(user.id)).toEqual([]);
    expect((await pendingOf(user.id)).map((p: { filename: string }) => p.filename)).toEqual(['goed.png']);
    expect(tmpFiles()).toEqual([]);
  });

  it('uploads at once with JavaScript (a pending upload, its id for the form) by the same rules', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const agent = await agentFor(user);
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    const staged = await agent
      .post('/bijlagen/voorlopig')
      .set('x-csrf-token', csrf)
      .set('Accept', 'application/json')
      .attach('bijlagen', pdf('Verslag van de wijkschouw'), 'wijkschouw.pdf')
      .expect(201);
    expect(staged.body.uploads).toEqual([
      {
        id: expect.any(String),
        filename: 'wijkschouw.pdf',
        mimeType: MIME.pdf,
        sizeBytes: expect.any(Number),
        size: expect.stringMatching(/bytes|kB/),
      },
    ]);
    // The same rules as any upload: type by content, and at most MAX_FILES at once.
    const wrong = await agent
      .post('/bijlagen/voorlopig')
      .set('x-csrf-token', csrf)
      .set('Accept', 'application/json')
      .attach('bijlagen', elf(), 'rapport.docx')
      .expect(415);
    expect(wrong.body.error).toContain('“rapport.docx” is geen toegestaan bestandstype');
    let many = agent.post('/bijlagen/voorlopig').set('x-csrf-token', csrf).set('Accept', 'application/json');
    for (let i = 0; i < 11; i++) many = many.attach('bijlagen', png(), `foto-${i}.png`);
    expect((await many.expect(400)).body.error).toBe('U kunt hoogstens 10 bestanden tegelijk toevoegen.');
    await agent
      .post('/bijlagen/voorlopig')
      .set('Accept', 'application/json')
      .attach('bijlagen', png(), 'zonder-token.png')
      .expect(403);
    expect((await pendingOf(user.id)).map((p: { filename: string }) => p.filename)).toEqual([
      'wijkschouw.pdf',
    ]);

    // Publishing with a PDF: its text is read and checked for tenants' data first, so it is saved
    // as a draft, with the file, and the message says why.
    const saved = await agent
      .post('/casussen')
      .type('form')
      .send({
        _csrf: csrf,
        title: 'Wijkschouw met bewoners',
        summary: 'Samen door de wijk.',
        roles: 'verhuurder',
        themes: 'leefbaarheid',
        action: 'publish',
        wachtendeBijlagen: staged.body.uploads[0].id,
      })
      .expect(303);
    const [created] = await casesBy(user.id);
    expect(created.status).toBe('draft');
    expect((await rowsOf(created.id))[0]).toMatchObject({
      filename: 'wijkschouw.pdf',
      extraction_status: expect.stringMatching(/pending|extracted/),
    });
    const page = await agent.get(saved.headers.location).expect(200);
    expect(page.text).toContain(
      'De casus is als concept opgeslagen met 1 bijlage. Publiceren kan zodra de tekst van de bijlagen is gelezen',
    );
  });

  it("never attaches someone else's pending upload, and a file no longer waiting saves nothing", async () => {
    const owner = await buildUser(ctx.db.dataSource);
    const thief = await buildUser(ctx.db.dataSource);
    const ownerAgent = await agentFor(owner);
    const csrf = await csrfOf(ownerAgent, '/casussen/nieuw');
    const staged = await ownerAgent
      .post('/bijlagen/voorlopig')
      .set('x-csrf-token', csrf)
      .set('Accept', 'application/json')
      .attach('bijlagen', png(), 'van-een-ander.png')
      .expect(201);
    const id = staged.body.uploads[0].id;

    const thiefAgent = await agentFor(thief);
    const res = await postNewCase(
      thiefAgent,
      { title: 'Niet van mij', wachtendeBijlagen: id, action: 'save' },
      [],
      400,
    );
    expect(res.text).toContain('Een gekozen bijlage is niet meer beschikbaar');
    expect(res.text).not.toContain('van-een-ander.png'); // not even its name
    expect(await casesBy(thief.id)).toEqual([]);
    expect((await pendingOf(owner.id)).map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('gc-blobs drops pending uploads older than a day, with their blobs, and keeps younger ones', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const agent = await agentFor(user);
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    const stage = async (name: string, content: Buffer) =>
      (
        await agent
          .post('/bijlagen/voorlopig')
          .set('x-csrf-token', csrf)
          .set('Accept', 'application/json')
          .attach('bijlagen', content, name)
          .expect(201)
      ).body.uploads[0];
    const old = await stage('oud.pdf', pdf('Een oud en vergeten bestand'));
    const young = await stage('nieuw.pdf', pdf('Een bestand van vandaag'));
    await ctx.db.dataSource.query(
      `UPDATE pending_uploads SET created_at = now() - interval '25 hours' WHERE id = $1`,
      [old.id],
    );
    const service = new AttachmentsService(ctx.db.dataSource, new BlobStore(blobRoot(ctx.config.dataDir)));
    await service.gcBlobs({ graceMs: 0 });
    expect((await pendingOf(user.id)).map((p: { id: string }) => p.id)).toEqual([young.id]);
    const [youngBlob] = await ctx.db.dataSource.query(
      `SELECT trim(blob_sha256) AS sha FROM pending_uploads WHERE id = $1`,
      [young.id],
    );
    expect((await blobFiles()).map((b) => b.sha256)).toContain(youngBlob.sha);
  });
});

describe('files on the edit form', () => {
  /** The edit form as a browser without JavaScript sends it: multipart, text and files together. */
  async function postEdit(
    agent: Agent,
    id: number,
    fields: Record<string, string>,
    files: Upload[],
    status: number,
  ) {
    const csrf = await csrfOf(agent, `/casussen/${id}/bewerken`);
    let req = agent.post(`/casussen/${id}`).field('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    for (const [buffer, name] of files) req = req.attach('bijlagen', buffer, name);
    return req.expect(status);
  }
  const stateOf = async (id: number) =>
    (await ctx.db.dataSource.query(`SELECT title, version FROM cases WHERE id = $1`, [id]))[0];

  it('saves the text and the files in one action, and keeps both when a file is refused', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const id = await buildCase(ctx.db.dataSource, user, { status: 'draft', title: 'Oude titel' });
    const agent = await agentFor(user);
    const edit = await agent.get(`/casussen/${id}/bewerken`).expect(200);
    expect(edit.text).toMatch(
      /<form method="post" action="\/casussen\/\d+" class="case-form" novalidate enctype="multipart\/form-data">/,
    );

    // A refused file: neither the text nor any file is saved; the text and the good file are kept.
    const refused = await postEdit(
      agent,
      id,
      { title: 'Nieuwe titel', version: '1', action: 'save' },
      [
        [png(), 'goed.png'],
        [elf(), 'slecht.pdf'],
      ],
      415,
    );
    expect(refused.text).toContain('“slecht.pdf” is geen toegestaan bestandstype.');
    expect(refused.text).toContain('value="Nieuwe titel"');
    expect(refused.text).toContain('goed.png');
    expect(await stateOf(id)).toEqual({ title: 'Oude titel', version: 1 });
    expect(await rowsOf(id)).toEqual([]);
    const [kept] = await ctx.db.dataSource.query(`SELECT id FROM pending_uploads WHERE user_id = $1`, [
      user.id,
    ]);

    // The form as it came back (the kept file's box ticked): both saved.
    const saved = await postEdit(
      agent,
      id,
      { title: 'Nieuwe titel', version: '1', action: 'save', wachtendeBijlagen: kept.id },
      [[await xlsx(), 'cijfers.xlsx']],
      303,
    );
    expect(saved.headers.location).toBe(`/casussen/${id}`);
    expect(await stateOf(id)).toEqual({ title: 'Nieuwe titel', version: 2 });
    expect((await rowsOf(id)).map((r: { filename: string }) => r.filename)).toEqual([
      'goed.png',
      'cijfers.xlsx',
    ]);
    const page = await agent.get(`/casussen/${id}`).expect(200);
    expect(page.text).toContain('De wijzigingen zijn opgeslagen met 2 bijlagen.');
    expect(tmpFiles()).toEqual([]);
  });

  it('attaches nothing on a stale edit (409) and keeps the file for the next save', async () => {
    const user = await buildUser(ctx.db.dataSource);
    const id = await buildCase(ctx.db.dataSource, user, { status: 'draft' });
    const agent = await agentFor(user);
    await ctx.db.dataSource.query(`UPDATE cases SET version = 2 WHERE id = $1`, [id]);
    const stale = await postEdit(
      agent,
      id,
      { title: 'Mijn versie', version: '1', action: 'save' },
      [[png(), 'foto.png']],
      409,
    );
    expect(stale.text).toContain('Iemand anders heeft deze casus intussen opgeslagen');
    expect(stale.text).toContain('foto.png');
    expect(await rowsOf(id)).toEqual([]);
  });

  it('stores no file for someone who may not edit the case (403), nor for a draft they cannot see (404)', async () => {
    const owner = await buildUser(ctx.db.dataSource);
    const stranger = await buildUser(ctx.db.dataSource);
    const published = await buildCase(ctx.db.dataSource, owner);
    const draft = await buildCase(ctx.db.dataSource, owner, { status: 'draft' });
    const agent = await agentFor(stranger);
    await postEdit(
      agent,
      published,
      { title: 'Overgenomen', version: '1', action: 'save' },
      [[png(), 'x.png']],
      403,
    );
    await postEdit(
      agent,
      draft,
      { title: 'Overgenomen', version: '1', action: 'save' },
      [[png(), 'x.png']],
      404,
    );
    const [{ n }] = await ctx.db.dataSource.query(
      `SELECT count(*)::int AS n FROM pending_uploads WHERE user_id = $1`,
      [stranger.id],
    );
    expect(n).toBe(0);
    expect(await rowsOf(published)).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });
});

describe('upload limits on the new-case form', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestApp({ env: { UPLOAD_MAX_MB: '0.01' } });
  });
  afterAll(() => small.close());

  it('answers 413 at the field, keeps the text, saves nothing and says to choose the files again', async () => {
    const user = await buildUser(small.db.dataSource);
    const agent = await agentFor(user, small.app);
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    const big = Buffer.concat([pdf('Groot'), Buffer.alloc(20_000, 0x20)]);
    const res = await agent
      .post('/casussen')
      .field('_csrf', csrf)
      .field('title', 'Een titel die blijft')
      .field('lessons', 'Een les die blijft')
      .field('action', 'save')
      .attach('bijlagen', big, 'groot.pdf')
      .expect(413);
    expect(res.text).toContain(
      '“groot.pdf” is groter dan 0,01 MB, de grootste toegestane omvang per bestand. Er is niets opgeslagen: kies de bestanden opnieuw.',
    );
    expect(res.text).toContain('value="Een titel die blijft"');
    expect(res.text).toContain('Een les die blijft');
    expect(res.text).toContain('Hoogstens 0,01 MB per bestand en 10 bestanden tegelijk.');
    const [counts] = await small.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM attachments) AS attachments,
              (SELECT count(*)::int FROM pending_uploads) AS pending`,
    );
    expect(counts).toEqual({ cases: 0, attachments: 0, pending: 0 });
    expect(tmpFiles(small)).toEqual([]);
  });
});

describe('upload limits', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestApp({ env: { UPLOAD_MAX_MB: '0.01' } });
  });
  afterAll(() => small.close());

  it('answers 413 with a Dutch message naming the limit, and leaves no temp file', async () => {
    const user = await buildUser(small.db.dataSource);
    const id = await buildCase(small.db.dataSource, user);
    const agent = await agentFor(user, small.app);
    const big = Buffer.concat([pdf('Groot'), Buffer.alloc(20_000, 0x20)]);
    const res = await upload(agent, id, [[big, 'groot.pdf']], 413);
    expect(res.body.error).toBe(
      '“groot.pdf” is groter dan 0,01 MB, de grootste toegestane omvang per bestand.',
    );
    expect(tmpFiles(small)).toEqual([]);
    const [row] = await small.db.dataSource.query(`SELECT count(*)::int AS n FROM attachments`);
    expect(row.n).toBe(0);
  });

  it('shows the upload form again on an HTML 413, naming the limits', async () => {
    const user = await buildUser(small.db.dataSource);
    const id = await buildCase(small.db.dataSource, user);
    const agent = await agentFor(user, small.app);
    const big = Buffer.concat([pdf('Groot'), Buffer.alloc(20_000, 0x20)]);
    const res = await upload(agent, id, [[big, 'groot.pdf']], 413, { json: false });
    expect(res.text).toContain('“groot.pdf” is groter dan 0,01 MB');
    const form =
      /<form method="post" action="\/casussen\/(\d+)\/bijlagen" enctype="multipart\/form-data"[\s\S]*?<\/form>/.exec(
        res.text,
      );
    expect(form?.[1]).toBe(String(id));
    expect(form![0]).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(form![0]).toMatch(/<input id="veld-bijlagen" name="bijlagen" type="file" multiple/);
    expect(form![0]).toContain('Hoogstens 0,01 MB per bestand en 10 bestanden tegelijk.');
    expect(form![0]).toContain('PDF (.pdf)');
    // The form works: its token is accepted for the next try.
    const token = /name="_csrf" value="([^"]+)"/.exec(form![0])![1];
    await agent
      .post(`/casussen/${id}/bijlagen`)
      .field('_csrf', token)
      .attach('bijlagen', pdf('Klein'), 'klein.pdf')
      .expect(303);
  });

  it('checks a CSRF header before multer reads the body: a bad token is 403 even for files over the limits', async () => {
    const user = await buildUser(small.db.dataSource);
    const id = await buildCase(small.db.dataSource, user);
    const agent = await agentFor(user, small.app);
    const big = Buffer.concat([pdf('Groot'), Buffer.alloc(20_000, 0x20)]);
    // Had multer run first, these would be 413 (too large) and 400 (too many files).
    const tooBig = await upload(agent, id, [[big, 'groot.pdf']], 403, { csrf: 'verkeerd-token' });
    expect(tooBig.body.error).toContain('Het formulier is verlopen');
    const many = Array.from({ length: 11 }, (_, i): Upload => [pdf(`Bestand ${i}`), `b${i}.pdf`]);
    await upload(agent, id, many, 403, { csrf: 'verkeerd-token' });
    expect(tmpFiles(small)).toEqual([]);
    const [row] = await small.db.dataSource.query(
      `SELECT count(*)::int AS n FROM attachments WHERE case_id = $1`,
      [id],
    );
    expect(row.n).toBe(0);
  });
});

describe('downloading attachments', () => {
  it('streams the blob with exact headers', async () => {
    const agent = await agentFor(author);
    const content = pdf('Download 123');
    const res = await upload(agent, caseId, [[content, 'Plan van aanpak – wijk Noord.pdf']], 201);
    const id = res.body.attachments[0].id;

    const download = await agent.get(`/bijlagen/${id}`).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Plan van aanpak _ wijk Noord.pdf"; filename*=UTF-8''Plan%20van%20aanpak%20%E2%80%93%20wijk%20Noord.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.headers['cache-control']).toBe('private, max-age=0');
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);

    // ?inline=1 only for images.
    const inlinePdf = await agent.get(`/bijlagen/${id}?inline=1`).expect(200);
    expect(inlinePdf.headers['content-disposition']).toMatch(/^attachment;/);
    const image = await upload(agent, caseId, [[png(), 'kaart.png']], 201);
    const inline = await agent.get(`/bijlagen/${image.body.attachments[0].id}?inline=1`).expect(200);
    expect(inline.headers['content-type']).toBe('image/png');
    expect(inline.headers['content-disposition']).toBe(
      `inline; filename="kaart.png"; filename*=UTF-8''kaart.png`,
    );
  });

  it('hides attachments of a draft from other members (404) and answers 404 for unknown ids', async () => {
    const authorAgent = await agentFor(author);
    const draft = await buildCase(ctx.db.dataSource, author, { status: 'draft' });
    const res = await upload(authorAgent, draft, [[pdf('Concept'), 'concept.pdf']], 201);
    const id = res.body.attachments[0].id;
    await authorAgent.get(`/bijlagen/${id}`).expect(200);

    const otherAgent = await agentFor(other);
    await otherAgent.get(`/bijlagen/${id}`).expect(404);
    await otherAgent.get('/bijlagen/999999').expect(404);
    // Uploading to the draft is just as invisible.
    await upload(otherAgent, draft, [[png(), 'x.png']], 404);
  });

  it('requires login', async () => {
    await request(ctx.app).get('/bijlagen/1').expect(303);
  });
});

describe('who may change attachments', () => {
  it('refuses another member uploading to or deleting from someone else’s case (403)', async () => {
    const authorAgent = await agentFor(author);
    const res = await upload(authorAgent, caseId, [[pdf('Van de auteur'), 'auteur.pdf']], 201);
    const id = res.body.attachments[0].id;

    const otherAgent = await agentFor(other);
    await otherAgent.get(`/bijlagen/${id}`).expect(200); // published: readable
    await upload(otherAgent, caseId, [[png(), 'indringer.png']], 403);
    expect(tmpFiles()).toEqual([]);
    const csrf = await csrfOf(otherAgent, '/');
    await otherAgent.post(`/bijlagen/${id}/verwijderen`).type('form').send({ _csrf: csrf }).expect(403);
    const [row] = await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM attachments WHERE id = $1`, [
      id,
    ]);
    expect(row.n).toBe(1);
  });

  it('deletes an attachment (row and outbox entry), and gc then removes the unreferenced blob', async () => {
    const agent = await agentFor(author);
    const content = pdf('Wordt opgeruimd zeppelinhangar');
    const res = await upload(agent, caseId, [[content, 'weg.pdf']], 201);
    const id = res.body.attachments[0].id;
    const [{ sha }] = await ctx.db.dataSource.query(
      `SELECT trim(blob_sha256) AS sha FROM attachments WHERE id = $1`,
      [id],
    );
    expect((await waitForExtraction(id)).extraction_status).toBe('extracted');
    const hitsFor = async (q: string) => {
      await ctx.indexer.whenIdle();
      const found = await agent.get(`/api/search?q=${q}`).expect(200);
      return found.body.hits.map((h: { id: number }) => h.id);
    };
    expect(await hitsFor('zeppelinhangar')).toContain(caseId);

    const csrf = await csrfOf(agent, '/');
    const deleted = await agent
      .post(`/bijlagen/${id}/verwijderen`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(deleted.headers.location).toBe(`/casussen/${caseId}#bijlagen`);
    expect(await ctx.db.dataSource.query(`SELECT id FROM attachments WHERE id = $1`, [id])).toEqual([]);
    await agent.get(`/bijlagen/${id}`).expect(404);
    expect(await hitsFor('zeppelinhangar')).not.toContain(caseId); // the outbox re-indexed the case

    const blobs = new BlobStore(blobRoot(ctx.config.dataDir));
    expect(await blobs.has(sha)).toBe(true); // left for gc
    const service = new AttachmentsService(ctx.db.dataSource, blobs);
    expect(await service.gcBlobs()).toEqual({ count: 0, bytes: 0 }); // too young: an upload may still be committing
    const result = await service.gcBlobs({ graceMs: 0 });
    expect(result.count).toBe(1);
    expect(result.bytes).toBe(content.length);
    expect(await blobs.has(sha)).toBe(false);
    // Every blob still referenced survives.
    const referenced = await ctx.db.dataSource.query(
      `SELECT DISTINCT trim(blob_sha256) AS sha FROM attachments`,
    );
    for (const r of referenced) expect(await blobs.has(r.sha)).toBe(true);
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\jan\\Bureaublad\\notitie.docx', 'notitie.docx'],
    ['..', 'bijlage'],
    ['.pdf', 'bijlage.pdf'],
    ['...verborgen.pdf', 'verborgen.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'abcdefgh.pdf'],
    ['  veel   ruimte\t\n hier .pdf', 'veel ruimte hier.pdf'],
    ['rapport\u0000\u202Efdp.exe', 'rapportfdp.exe'],
    ['Cafe\u0301.pdf', 'Café.pdf'],
    ['a..b.pdf', 'a.b.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });

  it('caps at 200 characters and keeps the extension', () => {
    const name = sanitizeFilename(`${'x'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('DOCX limits before extraction', () => {
  it('marks a DOCX with more than 2,000 entries as failed', async () => {
    const agent = await agentFor(author);
    const parts: Record<string, string> = {};
    for (let i = 0; i < EXTRACTION_LIMITS.maxZipEntries; i++) parts[`word/media/p${i}.xml`] = '<x/>';
    const res = await upload(agent, caseId, [[await docx('Veel onderdelen', parts), 'veel.docx']], 201);
    const row = await waitForExtraction(res.body.attachments[0].id);
    expect(row).toMatchObject({
      extraction_status: 'failed',
      extraction_error: expect.stringContaining('meer dan 2000 onderdelen'),
    });
  });

  it('refuses an archive over the uncompressed-size cap, and one whose headers understate an entry', async () => {
    const doc = await docx('Groot', { 'word/big.xml': 'a'.repeat(50_000) });
    await expect(checkZip(doc, { maxZipEntries: 2000, maxZipUncompressedBytes: 10_000 })).rejects.toThrow(
      /Uitgepakt groter dan/,
    );
    await expect(
      checkZip(doc, { maxZipEntries: 2000, maxZipUncompressedBytes: 1_000_000 }),
    ).resolves.toBeUndefined();

    // A zip bomb lies in its central directory: claim 10 bytes for the 50,000-byte entry.
    const lying = Buffer.from(doc);
    const name = Buffer.from('word/big.xml');
    for (let p = lying.length - 22; p >= 0; p--) {
      if (lying.readUInt32LE(p) === 0x02014b50 && lying.subarray(p + 46, p + 46 + name.length).equals(name)) {
        lying.writeUInt32LE(10, p + 24);
        break;
      }
    }
    await expect(
      checkZip(lying, { maxZipEntries: 2000, maxZipUncompressedBytes: 1_000_000 }),
    ).rejects.toThrow(/beschadigd/);
  });
});
