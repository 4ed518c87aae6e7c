import express, { type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { notFound } from '../web/http-errors';
import { flash } from '../web/flash';
import { mount, route, type InvalidContext } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { listOrganizations } from './admin.queries';
import { idParams, organizationBody } from './admin.schemas';
import { actorOf, KIND_OPTIONS, rowSummary, type RowForm, type Values } from './admin.view-model';

/** /beheer/organisaties: the organisations, added and renamed in place. */
export function adminOrganizationRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;
  const { organizations } = deps.services;

  async function renderOrganizations(
    res: Response,
    state: { create?: { values: Values; errors: FieldErrors }; row?: RowForm } = {},
  ) {
    const list = await listOrganizations(ds);
    if (state.row && !list.some((o) => o.id === state.row?.id))
      throw notFound('Deze organisatie bestaat niet.');
    res.render('admin/organizations', {
      title: 'Organisaties',
      organizations: list,
      kinds: KIND_OPTIONS,
      create: state.create ?? { values: {}, errors: {} },
      row: state.row ?? null,
      summaryErrors: state.create?.errors ?? rowSummary(state.row),
    });
  }

  const createForm = ({ res, input, errors }: InvalidContext) =>
    renderOrganizations(res, { create: { values: input, errors } });
  const editForm = ({ res, params, input, errors }: InvalidContext<{ id: number }>) =>
    renderOrganizations(res, { row: { id: params.id, form: 'edit', values: input, errors } });

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/beheer/organisaties',
      permission: 'admin:organizations',
      handler: ({ res }) => renderOrganizations(res),
    }),
    route({
      method: 'post',
      path: '/beheer/organisaties',
      permission: 'admin:organizations',
      body: organizationBody,
      onInvalid: createForm,
      onRefused: createForm,
      handler: async ({ req, res, viewer, body }) => {
        await organizations.create(body, actorOf(req, viewer));
        flash(req, `De organisatie ${body.name} is toegevoegd.`);
        res.redirect(303, '/beheer/organisaties');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/organisaties/:id',
      permission: 'admin:organizations',
      params: idParams,
      body: organizationBody,
      onInvalid: editForm,
      onRefused: editForm,
      handler: async ({ req, res, viewer, params, body }) => {
        await organizations.update(params.id, body, actorOf(req, viewer));
        flash(req, `De organisatie ${body.name} is bijgewerkt.`);
        res.redirect(303, '/beheer/organisaties');
      },
    }),
  ]);
}
