import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { idParams } from '../accounts/admin.schemas';
import { THESAURUS_KIND_LABELS, THESAURUS_KINDS } from '../domain';
import type { Viewer } from '../policy';
import { flash } from '../web/flash';
import { notFound } from '../web/http-errors';
import { mount, route, type InvalidContext } from '../web/route';
import type { FieldErrors } from '../web/validation';
import type { Thesaurus, ThesaurusGroupRow } from './thesaurus';
import {
  GROUP_MAX_TERMS,
  NOTE_MAX,
  TERM_MAX,
  thesaurusGroupForm,
  thesaurusListQuery,
} from './thesaurus.schemas';

type Values = Record<string, unknown>;
const PATH = '/beheer/thesaurus';
const KIND_OPTIONS = THESAURUS_KINDS.map((value) => ({ value, label: THESAURUS_KIND_LABELS[value] }));
const LIMITS = { termMax: TERM_MAX, groupMaxTerms: GROUP_MAX_TERMS, noteMax: NOTE_MAX };

const actorOf = (req: Request, viewer: Viewer) => ({ id: viewer.id, ip: req.ip });

/** The list page's URL for a filter (and page), to return to after a change. */
function listUrl(filter: { q?: unknown; soort?: unknown }, page = 1): string {
  const params = new URLSearchParams();
  if (typeof filter.q === 'string' && filter.q) params.set('q', filter.q);
  if (typeof filter.soort === 'string' && filter.soort) params.set('soort', filter.soort);
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `${PATH}?${qs}` : PATH;
}

/** A form's values for the template: terms one per line, whether they came parsed or as typed. */
function formValues(values: Values): Values {
  const terms = Array.isArray(values.terms) ? values.terms.join('\n') : (values.terms ?? '');
  return { ...values, terms };
}

const groupValues = (g: ThesaurusGroupRow): Values => ({ kind: g.kind, terms: g.terms, note: g.note });

/** The thesaurus pages under Beheer (/beheer/thesaurus): list, add, edit, delete. */
export function thesaurusRoutes(deps: AppContext & { thesaurus: Thesaurus }): express.Router {
  const { thesaurus } = deps;

  async function renderList(res: Response, filters: Values, errors: FieldErrors, run: boolean) {
    const result = run
      ? await thesaurus.list({
          q: filters.q as string,
          kind: filters.soort as ThesaurusGroupRow['kind'] | undefined,
          page: filters.pagina as number,
        })
      : { rows: [], total: 0, all: 0, page: 1, pages: 1 };
    res.render('admin/thesaurus', {
      title: 'Thesaurus',
      filters,
      errors,
      kinds: KIND_OPTIONS,
      ...result,
      firstUrl: listUrl(filters),
      prevUrl: result.page > 1 ? listUrl(filters, result.page - 1) : null,
      nextUrl: result.page < result.pages ? listUrl(filters, result.page + 1) : null,
    });
  }

  function renderForm(res: Response, group: ThesaurusGroupRow | null, values: Values, errors: FieldErrors) {
    res.render('admin/thesaurus-group', {
      title: group ? 'Thesaurusgroep wijzigen' : 'Thesaurusgroep toevoegen',
      group,
      values: formValues(values),
      errors,
      kinds: KIND_OPTIONS,
      limits: LIMITS,
    });
  }

  async function loadGroup(id: number): Promise<ThesaurusGroupRow> {
    const group = await thesaurus.find(id);
    if (!group) throw notFound('Deze thesaurusgroep bestaat niet (meer).');
    return group;
  }

  const newGroupForm = ({ res, input, errors }: InvalidContext) => renderForm(res, null, input, errors);
  const groupForm = async ({ res, params, input, errors }: InvalidContext<{ id: number }>) =>
    renderForm(res, await loadGroup(params.id), input, errors);

  return mount(express.Router(), [
    route({
      method: 'get',
      path: PATH,
      permission: 'admin:thesaurus',
      query: thesaurusListQuery,
      onInvalid: ({ res, input, errors }) => renderList(res, input, errors, false),
      handler: ({ res, query }) => renderList(res, query, {}, true),
    }),
    route({
      method: 'get',
      path: `${PATH}/nieuw`,
      permission: 'admin:thesaurus',
      // ?term=… starts the group with a term (search insight's "add to the thesaurus").
      query: z.object({ term: z.string().max(200).optional().catch(undefined) }),
      handler: ({ res, query }) =>
        renderForm(res, null, { kind: 'synoniem', terms: query.term?.trim() ?? '' }, {}),
    }),
    route({
      method: 'post',
      path: PATH,
      permission: 'admin:thesaurus',
      body: thesaurusGroupForm,
      onInvalid: newGroupForm,
      onRefused: newGroupForm,
      handler: async ({ req, res, viewer, body }) => {
        await thesaurus.create(body, actorOf(req, viewer));
        flash(req, `De groep ‘${body.terms.join(', ')}’ is toegevoegd.`);
        res.redirect(303, `${PATH}?q=${encodeURIComponent(body.terms[0])}`);
      },
    }),
    route({
      method: 'get',
      path: `${PATH}/:id`,
      permission: 'admin:thesaurus',
      params: idParams,
      handler: async ({ res, params }) => {
        const group = await loadGroup(params.id);
        renderForm(res, group, groupValues(group), {});
      },
    }),
    route({
      method: 'post',
      path: `${PATH}/:id`,
      permission: 'admin:thesaurus',
      params: idParams,
      body: thesaurusGroupForm,
      onInvalid: groupForm,
      onRefused: groupForm,
      handler: async ({ req, res, viewer, params, body }) => {
        const changed = await thesaurus.update(params.id, body, actorOf(req, viewer));
        flash(req, changed ? 'De groep is opgeslagen.' : 'Er was niets gewijzigd.');
        res.redirect(303, `${PATH}/${params.id}`);
      },
    }),
    route({
      method: 'post',
      path: `${PATH}/:id/verwijderen`,
      permission: 'admin:thesaurus',
      params: idParams,
      body: thesaurusListQuery.pick({ q: true, soort: true }).catch({ q: '', soort: undefined }),
      handler: async ({ req, res, viewer, params, body }) => {
        const group = await loadGroup(params.id);
        await thesaurus.remove(group.id, actorOf(req, viewer));
        flash(req, `De groep ‘${group.terms.join(', ')}’ is verwijderd.`);
        res.redirect(303, listUrl(body));
      },
    }),
  ]);
}
