import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { renderCasePage } from '../cases/case-page';
import { reflectionMeetingOptions } from '../meetings/meetings.queries';
import type { Viewer } from '../policy';
import { authorize, mount, route, type InvalidContext } from '../web/route';
import { flash } from '../web/flash';
import { notFound } from '../web/http-errors';
import { idParam } from '../web/validation';
import { findReflection } from './reflections.queries';
import { findReadableCase } from '../cases/cases.queries';
import { renderMarkdown } from '../cases/markdown';
import type { Response } from 'express';
import { REFLECTION_MAX, reflectionBody } from './reflections.schemas';
import { textGate } from '../privacy/text-check';

const idParams = z.object({ id: idParam });

/** Experts' reflections on cases: write (on the case page), edit and withdraw their own. */
export function reflectionRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { reflections, search } = deps.services;

  /** An active reflection the viewer may edit (someone else's: 403; withdrawn or missing: 404). */
  async function ownReflection(id: number, viewer: Viewer) {
    const reflection = await findReflection(ds, id);
    if (!reflection || reflection.status !== 'active') throw notFound('Deze reflectie bestaat niet (meer).');
    authorize(viewer, 'reflection:edit', reflection);
    return reflection;
  }

  /** The edit page: the case it belongs to above the form (title, summary, link), and a preview when asked. */
  async function renderEdit(
    res: Response,
    viewer: Viewer,
    reflection: Awaited<ReturnType<typeof ownReflection>>,
    locals: { values: Record<string, unknown>; errors: Record<string, string>; preview?: string },
  ) {
    const record = await findReadableCase(ds, reflection.caseId, viewer);
    res.render('reflections/edit', {
      title: 'Reflectie bewerken',
      reflection,
      caseOf: { id: record.id, title: record.title, summary: record.summary },
      values: locals.values,
      errors: locals.errors,
      preview: locals.preview ?? null,
      meetings: await reflectionMeetingOptions(ds),
      limits: { reflection: REFLECTION_MAX },
    });
  }

  /** The "Voorbeeld" button's answer: the text as it will read, with the same sanitised renderer. */
  const previewOf = (markdown: string) => renderMarkdown(markdown) || '<p><em>Nog geen tekst.</em></p>';

  const reflectionForm = ({ res, viewer, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderCasePage(ds, search, res, viewer, params.id, { name: 'reflection', values: input, errors });

  return mount(express.Router(), [
    route({
      method: 'post',
      path: '/casussen/:id/reflecties',
      permission: 'member',
      params: idParams,
      body: reflectionBody,
      onInvalid: reflectionForm,
      onRefused: reflectionForm,
      handler: async ({ req, res, viewer, body, params }) => {
        if (body.voorbeeld)
          return renderCasePage(ds, search, res, viewer, params.id, {
            name: 'reflection',
            values: { ...req.body },
            errors: {},
            preview: previewOf(body.body),
          });
        const gate = await textGate(ds, body.body, 'reflectie', body.privacyToken);
        if (!gate.cleared) {
          res.status(400);
          return renderCasePage(ds, search, res, viewer, params.id, {
            name: 'reflection',
            values: { ...req.body, privacyNeeded: gate.token },
            errors: { body: gate.message },
          });
        }
        const id = await reflections.create(params.id, body, viewer, gate.findings);
        flash(req, 'Uw reflectie staat bij de casus. De auteur heeft een melding gekregen.');
        res.redirect(303, `/casussen/${params.id}#reflectie-${id}`);
      },
    }),
    route({
      method: 'get',
      path: '/reflecties/:id/bewerken',
      permission: 'member',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        const reflection = await ownReflection(params.id, viewer);
        await renderEdit(res, viewer, reflection, {
          values: { body: reflection.body, meetingId: reflection.meetingId ?? '' },
          errors: {},
        });
      },
    }),
    route({
      method: 'post',
      path: '/reflecties/:id',
      permission: 'member',
      params: idParams,
      body: reflectionBody,
      onInvalid: async ({ res, viewer, params, errors, input }) => {
        const reflection = await ownReflection(params.id, viewer);
        await renderEdit(res, viewer, reflection, { values: input, errors });
      },
      handler: async ({ req, res, viewer, body, params }) => {
        const reflection = await ownReflection(params.id, viewer);
        if (body.voorbeeld)
          return renderEdit(res, viewer, reflection, {
            values: { ...req.body },
            errors: {},
            preview: previewOf(body.body),
          });
        const gate = await textGate(ds, body.body, 'reflectie', body.privacyToken);
        if (!gate.cleared) {
          res.status(400);
          return renderEdit(res, viewer, reflection, {
            values: { ...req.body, privacyNeeded: gate.token },
            errors: { body: gate.message },
          });
        }
        const caseId = await reflections.update(params.id, body, viewer, gate.findings);
        flash(req, 'Uw reflectie is bijgewerkt.');
        res.redirect(303, `/casussen/${caseId}#reflectie-${params.id}`);
      },
    }),
    route({
      method: 'post',
      path: '/reflecties/:id/intrekken',
      permission: 'member',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        const caseId = await reflections.withdraw(params.id, viewer);
        flash(req, 'Uw reflectie is ingetrokken en niet meer zichtbaar.');
        res.redirect(303, `/casussen/${caseId}#reflecties-titel`);
      },
    }),
  ]);
}
