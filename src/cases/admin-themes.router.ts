import express, { type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { notFound } from '../web/http-errors';
import { flash } from '../web/flash';
import { mount, route, type InvalidContext } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { listThemes } from '../accounts/admin.queries';
import { idParams, mergeThemeBody, themeBody } from '../accounts/admin.schemas';
import { actorOf, rowSummary, type RowForm, type Values } from '../accounts/admin.view-model';

/** /beheer/themas: the theme list, added, renamed and merged (the merged theme's cases move). */
export function adminThemeRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;
  const { themes } = deps.services;

  async function renderThemes(
    res: Response,
    state: { create?: { values: Values; errors: FieldErrors }; row?: RowForm } = {},
  ) {
    const list = await listThemes(ds);
    if (state.row && !list.some((t) => t.id === state.row?.id)) throw notFound('Dit thema bestaat niet.');
    res.render('admin/themes', {
      title: "Thema's",
      themes: list,
      create: state.create ?? { values: {}, errors: {} },
      row: state.row ?? null,
      summaryErrors: state.create?.errors ?? rowSummary(state.row),
    });
  }

  const createForm = ({ res, input, errors }: InvalidContext) =>
    renderThemes(res, { create: { values: input, errors } });
  const rowForm =
    (form: RowForm['form']) =>
    ({ res, params, input, errors }: InvalidContext<{ id: number }>) =>
      renderThemes(res, { row: { id: params.id, form, values: input, errors } });

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/beheer/themas',
      permission: 'admin:themes',
      handler: ({ res }) => renderThemes(res),
    }),
    route({
      method: 'post',
      path: '/beheer/themas',
      permission: 'admin:themes',
      body: themeBody,
      onInvalid: createForm,
      onRefused: createForm,
      handler: async ({ req, res, viewer, body }) => {
        await themes.create(body.name, actorOf(req, viewer));
        flash(req, `Het thema ${body.name} is toegevoegd.`);
        res.redirect(303, '/beheer/themas');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/themas/:id',
      permission: 'admin:themes',
      params: idParams,
      body: themeBody,
      onInvalid: rowForm('edit'),
      onRefused: rowForm('edit'),
      handler: async ({ req, res, viewer, params, body }) => {
        await themes.rename(params.id, body.name, actorOf(req, viewer));
        flash(req, `Het thema heet nu ${body.name}.`);
        res.redirect(303, '/beheer/themas');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/themas/:id/samenvoegen',
      permission: 'admin:themes',
      params: idParams,
      body: mergeThemeBody,
      onInvalid: rowForm('merge'),
      onRefused: rowForm('merge'),
      handler: async ({ req, res, viewer, params, body }) => {
        const { into, cases } = await themes.merge(params.id, body.into, actorOf(req, viewer));
        flash(
          req,
          `Het thema is samengevoegd met ${into.name}; ${cases === 1 ? '1 casus is' : `${cases} casussen zijn`} verplaatst.`,
        );
        res.redirect(303, '/beheer/themas');
      },
    }),
  ]);
}
