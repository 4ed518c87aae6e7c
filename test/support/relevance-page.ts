import { createHash } from 'node:crypto';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Agent } from 'supertest';
import type { DataSource } from 'typeorm';
import { contentOf, type CaseContent } from '../../src/cases/case-fields';
import { CasesService } from '../../src/cases/cases.service';
import type { OrganizationKind } from '../../src/domain';
import type { SearchDocument } from '../../src/search/search-document';
import { enqueueSearchUpdate } from '../../src/search/outbox';
import { buildOrganization, buildUser, type TestUser } from './factories';

/**
 * Loads a labelled relevance corpus (SearchDocument objects) as real cases, and searches it the way a
 * member does: through the browse page's own form, and through GET /api/search.
 */

export interface LoadedCorpus {
  /** Corpus id → id of the case created for it. */
  caseIdOf: Map<number, number>;
  /** Case id → corpus id (to map ranked results back to the labels). */
  corpusIdOf: Map<number, number>;
  /** The member who searches: a practitioner of an organisation of their own, author of nothing. */
  member: TestUser;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
};

/**
 * Writes every document as a case through the cases service (revision and search outbox included):
 * its organisation (name, kind), an author account named as in the document, themes, roles, tags,
 * region, partners, contact and year; the body goes to aanleiding, as the import does with `body`.
 * Attachment text is stored as already extracted, reflection text as an expert's reflection.
 * Drafts are written by their own author, never by the member who searches.
 * Not reproduced: "presented" (needs a meeting); it only matters to a facet.
 */
export async function loadCorpusAsCases(ds: DataSource, corpus: SearchDocument[]): Promise<LoadedCorpus> {
  const orgIds = new Map<string, number>();
  for (const doc of corpus) {
    if (orgIds.has(doc.organizationName)) continue;
    const org = await buildOrganization(ds, {
      name: doc.organizationName,
      kind: doc.organizationKind as OrganizationKind,
    });
    orgIds.set(doc.organizationName, org.id);
  }
  // One account per author name (and per draft author: drafts are another member's).
  const authors = new Map<string, TestUser>();
  const authorKey = (doc: SearchDocument) =>
    `${doc.authorName}|${doc.status === 'draft' ? doc.authorId : ''}`;
  for (const doc of corpus) {
    const key = authorKey(doc);
    if (authors.has(key)) continue;
    authors.set(
      key,
      await buildUser(ds, { name: doc.authorName, organizationId: orgIds.get(doc.organizationName)! }),
    );
  }
  const expert = await buildUser(ds, {
    name: 'Expert Kenniscentrum',
    roles: ['expert'],
    organizationId: orgIds.values().next().value!,
  });
  const memberOrg = await buildOrganization(ds, {
    name: 'Woonstichting De Zoekers',
    kind: 'woningcorporatie',
  });
  const member = await buildUser(ds, { name: 'Zoekend Lid', organizationId: memberOrg.id });

  const items = corpus.map((doc) => ({
    // The fields the corpus has; every other field of the case-field table empty (its default).
    content: contentOf({
      title: doc.title,
      summary: doc.summary,
      context: doc.body,
      roles: doc.roles as CaseContent['roles'],
      themes: doc.themes,
      tags: doc.tags,
      partners: doc.partners,
      region: doc.region,
      year: doc.year,
      contact: doc.contact,
    }),
    options: {
      authorId: authors.get(authorKey(doc))!.id,
      organizationId: orgIds.get(doc.organizationName)!,
      status: doc.status,
      createdAt: new Date(doc.updatedAt),
    },
  }));
  const service = new CasesService(ds);
  const ids = await ds.transaction(async (m) => {
    const created = await service.createMany(items, m);
    for (const [i, doc] of corpus.entries()) {
      for (const a of doc.attachments) {
        const ext = a.filename.split('.').pop()!.toLowerCase();
        await m.query(
          `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status,
                                    extracted_text, page_offsets, uploaded_by_id, created_at)
           VALUES ($1, $2, $3, $4, $5, 'extracted', $6, $7, $8, $9)`,
          [
            created[i],
            createHash('sha256').update(a.text).digest('hex'),
            a.filename,
            MIME[ext] ?? 'application/pdf',
            Buffer.byteLength(a.text),
            a.text,
            a.pageOffsets,
            items[i].options.authorId,
            doc.updatedAt,
          ],
        );
      }
      if (doc.reflectionText)
        await m.query(
          `INSERT INTO reflections (case_id, author_id, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
          [created[i], expert.id, doc.reflectionText, doc.updatedAt],
        );
    }
    await enqueueSearchUpdate(m, created, 'relevance-fixture');
    return created;
  });
  const caseIdOf = new Map(corpus.map((doc, i) => [doc.id, ids[i]]));
  const corpusIdOf = new Map(corpus.map((doc, i) => [ids[i], doc.id]));
  return { caseIdOf, corpusIdOf, member };
}

/** The fields a browser submits for this form: inputs, checked boxes, selected options; no unnamed buttons. */
export function formFields(form: HTMLElement): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const el of form.querySelectorAll('input, select, textarea')) {
    const name = el.getAttribute('name');
    if (!name || el.hasAttribute('disabled')) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'select') {
      const options = el.querySelectorAll('option');
      const chosen = el.hasAttribute('multiple')
        ? options.filter((o) => o.hasAttribute('selected'))
        : [options.find((o) => o.hasAttribute('selected')) ?? options[0]].filter(Boolean);
      for (const o of chosen) fields.push([name, o.getAttribute('value') ?? o.text.trim()]);
    } else if (tag === 'textarea') {
      fields.push([name, el.text]);
    } else {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
      fields.push([name, el.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    }
  }
  return fields;
}

export interface PageSearch {
  /** The URL the browser requested. */
  url: string;
  /** Case ids in the order the result list shows them. */
  ids: number[];
  /** The total the page announces. */
  total: number;
}

/**
 * What a member does: open the browse page, type the query into the search form and submit it with every
 * field the form holds as it stands (hidden fields, the sort select's current value), then read the result list.
 */
export async function searchThroughPage(agent: Agent, q: string): Promise<PageSearch> {
  const browse = await agent.get('/casussen');
  if (browse.status !== 200) throw new Error(`GET /casussen: ${browse.status}`);
  const form = parse(browse.text).querySelector('form#zoekformulier');
  if (!form) throw new Error('Geen zoekformulier op /casussen');
  const fields = formFields(form);
  if (!fields.some(([name]) => name === 'q')) throw new Error('Het zoekformulier heeft geen veld q');
  const params = new URLSearchParams(fields.map(([name, value]) => [name, name === 'q' ? q : value]));
  const method = (form.getAttribute('method') ?? 'get').toLowerCase();
  if (method !== 'get') throw new Error(`Zoekformulier met method ${method}`);
  const url = `${form.getAttribute('action') || '/casussen'}?${params}`;
  const res = await agent.get(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return { url, ...readResults(res.text) };
}

/** The ranked case ids and the announced total of a rendered result page. */
export function readResults(html: string): { ids: number[]; total: number } {
  const root = parse(html);
  const ids = root
    .querySelectorAll('ol.hit-list li.hit .hit-title a')
    .map((a) => /^\/casussen\/(\d+)$/.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
  const count = root.querySelector('#aantal-resultaten strong')?.text ?? '0';
  return { ids, total: Number(count.replace(/\D/g, '')) || 0 };
}

/** The same query through GET /api/search (the JSON behind the page). */
export async function searchThroughApi(agent: Agent, q: string): Promise<PageSearch> {
  const url = `/api/search?${new URLSearchParams({ q })}`;
  const res = await agent.get(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return { url, ids: res.body.hits.map((h: { id: number }) => h.id), total: res.body.total };
}
