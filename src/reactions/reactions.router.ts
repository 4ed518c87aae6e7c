import express, { type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { renderCasePage } from '../cases/case-page';
import { textGate } from '../privacy/text-check';
import type { Viewer } from '../policy';
import { flash } from '../web/flash';
import { notFound } from '../web/http-errors';
import { mount, route, type InvalidContext } from '../web/route';
import { idParam, type FieldErrors } from '../web/validation';
import { apiReaction } from './reaction.view-model';
import { findReaction, linkableCases, reportedReactions } from './reactions.queries';
import {
  followBody,
  helpfulBody,
  hideBody,
  REACTION_MAX,
  reactionBody,
  reactionEditBody,
  reportBody,
} from './reactions.schemas';
import { assertEditable } from './reactions.service';

const idParams = z.object({ id: idParam });

/** Meedenken: members react on cases, reply, mark what helped, report; the kerngroep moderates. */
export function reactionRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { reactions, search } = deps.services;

  /** A reaction the viewer may edit now: 404 when gone, 403 with the reason otherwise. */
  async function editable(id: number, viewer: Viewer) {
    const reaction = await findReaction(ds, id);
    if (!reaction || reaction.status !== 'active') throw notFound('Deze reactie bestaat niet (meer).');
    assertEditable(viewer, { ...reaction, createdAt: new Date(reaction.createdAt) });
    return reaction;
  }

  async function renderEdit(
    res: express.Response,
    viewer: Viewer,
    id: number,
    values?: Record<string, unknown>,
    errors: FieldErrors = {},
  ) {
    const reaction = await editable(id, viewer);
    res.render('reactions/edit', {
      title: 'Reactie bewerken',
      reaction,
      values: values ?? { body: reaction.body, linkedCaseId: reaction.linkedCaseId ?? '' },
      errors,
      ownCases: await linkableCases(ds, viewer, reaction.caseId),
      limits: { reaction: REACTION_MAX },
    });
  }

  /** The case page again with the reaction (or reply) form, its errors and the text kept. */
  const reactionForm = ({ res, viewer, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderCasePage(ds, search, res, viewer, params.id, { name: 'reaction', values: input, errors });
  const editForm = ({ res, viewer, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderEdit(res, viewer, params.id, input, errors);

  /** Back to the reaction on its case page. */
  const backTo = (caseId: number, reactionId?: number) =>
    `/casussen/${caseId}${reactionId ? `#reactie-${reactionId}` : '#reacties-titel'}`;

  return mount(express.Router(), [
    route({
      method: 'post',
      path: '/casussen/:id/reacties',
      permission: 'member',
      params: idParams,
      body: reactionBody,
      onInvalid: reactionForm,
      onRefused: reactionForm,
      handler: async ({ req, res, viewer, body, params }) => {
        const gate = await textGate(ds, body.body, 'reactie', body.privacyToken);
        if (!gate.cleared) {
          res.status(400);
          return renderCasePage(ds, search, res, viewer, params.id, {
            name: 'reaction',
            values: { ...req.body, privacyNeeded: gate.token },
            errors: { body: gate.message },
          });
        }
        const { id } = await reactions.create(params.id, body, viewer, gate.findings);
        flash(req, body.parentId ? 'Uw antwoord staat bij de reactie.' : 'Uw reactie staat bij de casus.');
        res.redirect(303, backTo(params.id, id));
      },
    }),
    route({
      method: 'get',
      path: '/reacties/:id/bewerken',
      permission: 'member',
      params: idParams,
      handler: ({ res, viewer, params }) => renderEdit(res, viewer, params.id),
    }),
    route({
      method: 'post',
      path: '/reacties/:id',
      permission: 'member',
      params: idParams,
      body: reactionEditBody,
      onInvalid: editForm,
      onRefused: editForm,
      handler: async ({ req, res, viewer, body, params }) => {
        const gate = await textGate(ds, body.body, 'reactie', body.privacyToken);
        if (!gate.cleared) {
          res.status(400);
          return renderEdit(
            res,
            viewer,
            params.id,
            { ...req.body, privacyNeeded: gate.token },
            { body: gate.message },
          );
        }
        const caseId = await reactions.update(params.id, body, viewer, gate.findings);
        flash(req, 'Uw reactie is bijgewerkt.');
        res.redirect(303, backTo(caseId, params.id));
      },
    }),
    route({
      method: 'post',
      path: '/reacties/:id/verwijderen',
      permission: 'member',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        const caseId = await reactions.remove(params.id, viewer);
        flash(req, 'Uw reactie is verwijderd.');
        res.redirect(303, backTo(caseId));
      },
    }),
    route({
      method: 'post',
      path: '/reacties/:id/hielp',
      permission: 'member',
      params: idParams,
      body: helpfulBody,
      handler: async ({ req, res, viewer, body, params }) => {
        const caseId = await reactions.setHelpful(params.id, body.hielp === 'ja', viewer);
        flash(
          req,
          body.hielp === 'ja'
            ? 'Gemarkeerd: deze reactie hielp u. Uw vraag staat nu als beantwoord.'
            : 'De markering "Dit hielp mij" is weggehaald.',
        );
        res.redirect(303, backTo(caseId, params.id));
      },
    }),
    route({
      method: 'post',
      path: '/reacties/:id/melden',
      permission: 'member',
      params: idParams,
      body: reportBody,
      handler: async ({ req, res, viewer, body, params }) => {
        const caseId = await reactions.report(params.id, body.reason, viewer);
        flash(req, 'Bedankt. De kerngroep bekijkt de reactie die u meldde.');
        res.redirect(303, backTo(caseId, params.id));
      },
    }),
    route({
      method: 'post',
      path: '/reacties/:id/verbergen',
      permission: 'reaction:moderate',
      params: idParams,
      body: hideBody,
      onInvalid: async ({ res, viewer, params, errors, input }) => {
        const reaction = await findReaction(ds, params.id);
        if (!reaction) throw notFound('Deze reactie bestaat niet (meer).');
        return renderCasePage(ds, search, res, viewer, reaction.caseId, {
          name: 'hide',
          values: { ...input, reactionId: reaction.id },
          errors,
        });
      },
      handler: async ({ req, res, viewer, body, params }) => {
        const caseId = await reactions.hide(params.id, body.reason, viewer);
        flash(req, 'De reactie is verborgen. De schrijver ziet de reden.');
        res.redirect(303, returnTo(req) ?? backTo(caseId, params.id));
      },
    }),
    route({
      method: 'post',
      path: '/reacties/:id/meldingen-afhandelen',
      permission: 'reaction:moderate',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        await reactions.dismissReports(params.id, viewer);
        flash(req, 'De meldingen zijn afgehandeld; de reactie blijft staan.');
        res.redirect(303, '/beheer/reacties');
      },
    }),
    route({
      method: 'get',
      path: '/beheer/reacties',
      permission: 'reaction:moderate',
      handler: async ({ res }) => {
        res.render('reactions/reports', {
          title: 'Gemelde reacties',
          reported: await reportedReactions(ds),
        });
      },
    }),
    route({
      method: 'post',
      path: '/casussen/:id/volgen',
      permission: 'member',
      params: idParams,
      body: followBody,
      handler: async ({ req, res, viewer, body, params }) => {
        await reactions.follow(params.id, body.volgen === 'ja', viewer);
        flash(
          req,
          body.volgen === 'ja'
            ? 'U volgt deze casus: u krijgt een melding bij nieuwe reacties en reflecties en als de casus op een agenda komt.'
            : 'U volgt deze casus niet meer.',
        );
        res.redirect(303, backTo(params.id));
      },
    }),
    route({
      method: 'post',
      path: '/api/cases/:id/reacties',
      permission: 'member',
      params: idParams,
      body: reactionBody,
      handler: async ({ res, viewer, body, params }) => {
        const gate = await textGate(ds, body.body, 'reactie', body.privacyToken);
        if (!gate.cleared) {
          // Send the same text again with this privacyToken to confirm these findings.
          return res.status(400).json({ error: gate.message, privacyToken: gate.token });
        }
        const { id, created } = await reactions.create(params.id, body, viewer, gate.findings);
        const reaction = await findReaction(ds, id);
        res.status(created ? 201 : 200).json(apiReaction(reaction!));
      },
    }),
  ]);
}

/** The moderation queue sends its forms back to itself. */
function returnTo(req: Request): string | null {
  const given = (req.body as Record<string, unknown> | undefined)?.terug;
  return given === '/beheer/reacties' ? given : null;
}
