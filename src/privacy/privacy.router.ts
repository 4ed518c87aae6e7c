import express, { type Response } from 'express';
import { z } from 'zod';
import { idParams } from '../accounts/admin.schemas';
import type { AppContext } from '../web/app-deps';
import { flash } from '../web/flash';
import { notFound } from '../web/http-errors';
import { authorize, mount, route } from '../web/route';
import { text, type FieldErrors } from '../web/validation';
import { FINDING_LABELS, findPersonalData } from './personal-data';
import { memberDataExport } from './member-data.queries';
import { FORMER_MEMBER, REMOVAL_MODES } from './member-removal.service';
import { allowedTexts, memberToRemove, reviewList } from './privacy.queries';

/** The longest text the JSON check reads (the JSON body limit is 200 kB). */
export const CHECK_MAX = 100_000;
export const NOTE_MAX = 1000;

const removalBody = z.object({
  mode: z.enum(REMOVAL_MODES, {
    error: 'Kies wat er met de casussen en reflecties van dit lid gebeurt.',
  }),
});

/**
 * Privacy: the personal-data check as JSON, the kerngroep's review of confirmed findings, a
 * member's download of their own data, and the removal of a member by an admin.
 */
export function privacyRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { privacyReview, memberRemoval: removal } = deps.services;

  async function renderReview(
    res: Response,
    form?: { id: number; values: Record<string, unknown>; errors: FieldErrors },
  ) {
    const { open, handled } = await reviewList(ds);
    const withLabels = (rows: typeof open) =>
      rows.map((r) => ({
        ...r,
        findings: r.findings.map((f) => ({ ...f, kindLabel: FINDING_LABELS[f.kind] ?? f.kind })),
      }));
    res.render('privacy/review', {
      title: 'Controle persoonsgegevens',
      open: withLabels(open),
      handled: withLabels(handled),
      errors: form?.errors ?? {},
      form: form ?? null,
      noteMax: NOTE_MAX,
    });
  }

  async function renderRemoval(res: Response, id: number, errors: FieldErrors = {}) {
    const user = await memberToRemove(ds, id);
    if (!user) throw notFound('Dit account bestaat niet (meer).');
    res.render('privacy/remove-member', {
      title: `${user.name} verwijderen`,
      user,
      errors,
      formerMember: FORMER_MEMBER,
    });
  }

  return mount(express.Router(), [
    route({
      method: 'post',
      path: '/api/privacy/controle',
      permission: 'member',
      body: z.object({ text: text('De tekst', CHECK_MAX) }),
      handler: async ({ res, body }) => {
        const findings = findPersonalData(body.text, { allowed: await allowedTexts(ds) });
        res.json({ findings: findings.map(({ kind, start, end, text }) => ({ kind, start, end, text })) });
      },
    }),

    route({
      method: 'get',
      path: '/beheer/privacy',
      permission: 'privacy:review',
      handler: ({ res }) => renderReview(res),
    }),
    route({
      method: 'post',
      path: '/beheer/privacy/:id/gecontroleerd',
      permission: 'privacy:review',
      params: idParams,
      body: z.object({}),
      onRefused: ({ res, params, errors }) => renderReview(res, { id: params.id, values: {}, errors }),
      handler: async ({ req, res, viewer, params }) => {
        await privacyReview.markChecked(params.id, viewer.id, req.ip);
        flash(req, 'De casus is als gecontroleerd gemarkeerd.');
        res.redirect(303, '/beheer/privacy');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/privacy/:id/aanpassing',
      permission: 'privacy:review',
      params: idParams,
      body: z.object({ note: text('Wat er anders moet', NOTE_MAX, { required: true }) }),
      onInvalid: ({ res, params, input, errors }) =>
        renderReview(res, { id: params.id, values: input, errors }),
      handler: async ({ req, res, viewer, params, body }) => {
        await privacyReview.requestChange(params.id, viewer.id, body.note, req.ip);
        flash(req, 'De auteur is gevraagd de casus aan te passen.');
        res.redirect(303, '/beheer/privacy');
      },
    }),

    route({
      method: 'get',
      path: '/api/leden/:id/gegevens',
      permission: 'member',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        authorize(viewer, 'member:export', params.id);
        const data = await memberDataExport(ds, params.id);
        res.set({
          'Content-Disposition': `attachment; filename="casusbank-mijn-gegevens-${params.id}.json"`,
          'Cache-Control': 'no-store',
        });
        res.json(data);
      },
    }),

    route({
      method: 'get',
      path: '/beheer/gebruikers/:id/verwijderen',
      permission: 'admin:users',
      params: idParams,
      handler: ({ res, viewer, params }) => {
        authorize(viewer, 'member:remove', params.id);
        return renderRemoval(res, params.id);
      },
    }),
    route({
      method: 'post',
      path: '/beheer/gebruikers/:id/verwijderen',
      permission: 'admin:users',
      params: idParams,
      body: removalBody,
      onInvalid: ({ res, viewer, params, errors }) => {
        authorize(viewer, 'member:remove', params.id);
        return renderRemoval(res, params.id, errors);
      },
      handler: async ({ req, res, viewer, params, body }) => {
        authorize(viewer, 'member:remove', params.id);
        const done = await removal.remove(params.id, body.mode, { id: viewer.id, ip: req.ip });
        flash(
          req,
          body.mode === 'keep'
            ? `Het lid is verwijderd. ${done.cases} casus(sen) en ${done.reflections} reflectie(s) blijven staan onder "${FORMER_MEMBER}".`
            : `Het lid is verwijderd, met ${done.cases} casus(sen) en ${done.reflections} reflectie(s).`,
        );
        res.redirect(303, '/beheer/gebruikers');
      },
    }),
  ]);
}
