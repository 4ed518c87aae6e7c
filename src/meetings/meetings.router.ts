import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { can } from '../policy';
import { flash } from '../web/flash';
import { HttpError } from '../web/http-errors';
import { mount, route, type InvalidContext } from '../web/route';
import { idParam } from '../web/validation';
import { meetingFormValues } from './meeting.view-model';
import { findNomination, listMeetings } from './meetings.queries';
import {
  agendaBody,
  decideBody,
  decisionsBody,
  meetingFormSchema,
  meetingStatusBody,
  nominateBody,
} from './meetings.schemas';
import { pastDateErrors, StaleAgendaError } from './meetings.service';
import type { FieldErrors } from '../web/validation';
import { meetingPages, returnPath } from './meeting-pages';

const idParams = z.object({ id: idParam });

/** Themabijeenkomsten: planning, nominations, the kerngroep's decisions, the agenda and the dossier. */
export function meetingRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { meetings, search } = deps.services;

  const pages = meetingPages(ds, search);
  const { loadMeeting, renderForm, renderMeeting, renderNominations, nominationRefused } = pages;

  // A form refused for another reason also says at once that its date lies in the past (not only
  // on the next submit): the schema's message for a field comes first, the date rule fills the gaps.
  const withPastDates = (errors: FieldErrors, past: FieldErrors): FieldErrors => ({ ...past, ...errors });
  const newMeetingForm = ({ res, errors, input }: InvalidContext) =>
    renderForm(res, { values: input, errors: withPastDates(errors, pastDateErrors(input, new Date())) });
  const editMeetingForm = async ({ res, params, errors, input }: InvalidContext<{ id: number }>) => {
    const record = await loadMeeting(params.id);
    const past = pastDateErrors(input, new Date(), new Date(record.startsAt));
    await renderForm(res, { meetingId: record.id, values: input, errors: withPastDates(errors, past) });
  };

  /** The single decision's fields as the page names them ("position" → "position-12"). */
  async function singleDecisionRefused({
    res,
    viewer,
    params,
    errors,
    input,
  }: InvalidContext<{ id: number }>) {
    const nomination = await findNomination(ds, params.id);
    if (!nomination) throw new HttpError(404, 'Deze voordracht bestaat niet (meer).');
    const key = (k: string) => (k === '_form' || /-\d+$/.test(k) ? k : `${k}-${nomination.id}`);
    const rekey = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [key(k), v]));
    await renderNominations(res, viewer, nomination.meetingId, {
      errors: rekey(errors) as FieldErrors,
      values: rekey(input),
    });
  }

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/bijeenkomsten',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        const { upcoming, past } = await listMeetings(ds);
        res.render('meetings/index', {
          title: 'Bijeenkomsten',
          upcoming,
          past,
          canManage: can(viewer, 'meeting:manage'),
        });
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/nieuw',
      permission: 'meeting:manage',
      handler: ({ res }) => renderForm(res, { values: { themes: [], experts: [] }, errors: {} }),
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten',
      permission: 'meeting:manage',
      body: meetingFormSchema,
      onInvalid: newMeetingForm,
      onRefused: newMeetingForm,
      handler: async ({ req, res, viewer, body }) => {
        const id = await meetings.create(body, viewer);
        flash(
          req,
          'De bijeenkomst is aangemaakt. Open de voordrachten zodra leden casussen kunnen voordragen.',
        );
        res.redirect(303, `/bijeenkomsten/${id}`);
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id',
      permission: 'member',
      params: idParams,
      handler: ({ res, viewer, params }) => renderMeeting(res, viewer, params.id),
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/bewerken',
      permission: 'meeting:manage',
      params: idParams,
      handler: async ({ res, params }) => {
        const record = await loadMeeting(params.id);
        await renderForm(res, { meetingId: record.id, values: meetingFormValues(record), errors: {} });
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id',
      permission: 'meeting:manage',
      params: idParams,
      body: meetingFormSchema,
      onInvalid: editMeetingForm,
      onRefused: editMeetingForm,
      handler: async ({ req, res, viewer, body, params }) => {
        await meetings.update(params.id, body, viewer);
        flash(req, 'De bijeenkomst is bijgewerkt.');
        res.redirect(303, `/bijeenkomsten/${params.id}`);
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/status',
      permission: 'meeting:manage',
      params: idParams,
      body: meetingStatusBody,
      // Refused (agenda with undecided nominations, a step that is not allowed): the nominations
      // page again with the reason on top, the tick kept.
      onInvalid: ({ res, viewer, params, errors, input }) =>
        renderNominations(res, viewer, params.id, { notice: Object.values(errors)[0], values: input }),
      onRefused: ({ res, viewer, params, errors, input }) =>
        renderNominations(res, viewer, params.id, { notice: Object.values(errors)[0], values: input }),
      handler: async ({ req, res, viewer, body, params }) => {
        await meetings.setStatus(params.id, body.to, viewer, new Date(), {
          leaveUndecided: body.leaveUndecided === 'ja',
        });
        const messages = {
          planned: 'De voordrachten zijn gesloten.',
          nominations_open: 'Leden kunnen nu casussen voordragen.',
          agenda_set: 'De agenda is vastgesteld; indieners en experts hebben een melding gekregen.',
          held: 'De bijeenkomst is gemarkeerd als gehouden. Markeer nu welke casussen zijn gepresenteerd.',
        } as const;
        flash(req, messages[body.to]);
        res.redirect(303, returnPath(req, `/bijeenkomsten/${params.id}`));
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/voordrachten',
      permission: 'meeting:manage',
      params: idParams,
      handler: ({ res, viewer, params }) => renderNominations(res, viewer, params.id),
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/voordrachten',
      permission: 'member',
      params: idParams,
      body: nominateBody,
      onInvalid: nominationRefused,
      onRefused: nominationRefused,
      handler: async ({ req, res, viewer, body, params }) => {
        await meetings.nominate(params.id, body.caseId, body.motivation, viewer);
        flash(req, 'Dank u wel: de casus is voorgedragen. De kerngroep beslist en u krijgt bericht.');
        res.redirect(303, returnPath(req, `/bijeenkomsten/${params.id}#mijn-voordrachten`));
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/besluiten',
      permission: 'nomination:decide',
      params: idParams,
      body: decisionsBody,
      // Anything wrong: the page again with every problem at its field and all input kept; nothing saved.
      onInvalid: ({ res, viewer, params, errors, input }) =>
        renderNominations(res, viewer, params.id, { errors, values: input }),
      onRefused: ({ res, viewer, params, errors, input }) =>
        renderNominations(res, viewer, params.id, { errors, values: input }),
      handler: async ({ req, res, viewer, body, params }) => {
        const done = await meetings.decideMany(params.id, body, viewer);
        flash(req, decidedMessage(done));
        res.redirect(303, `/bijeenkomsten/${params.id}/voordrachten`);
      },
    }),
    route({
      method: 'post',
      path: '/voordrachten/:id/besluit',
      permission: 'nomination:decide',
      params: idParams,
      body: decideBody,
      // One decision (kept for links and scripts): refused like the page's form, at its fields.
      onInvalid: (ctx) => singleDecisionRefused(ctx),
      onRefused: (ctx) => singleDecisionRefused(ctx),
      handler: async ({ req, res, viewer, body, params }) => {
        const { meetingId } = await meetings.decide(params.id, body, viewer);
        flash(
          req,
          body.decision === 'selected'
            ? 'De casus staat op de agenda.'
            : 'De voordracht is niet geselecteerd; de indiener krijgt uw toelichting.',
        );
        res.redirect(303, `/bijeenkomsten/${meetingId}/voordrachten`);
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/agenda',
      permission: 'meeting:manage',
      params: idParams,
      body: agendaBody,
      handler: async ({ req, res, viewer, body, params }) => {
        const move = body.move
          ? {
              nominationId: Number(body.move.split(':')[0]),
              direction: body.move.endsWith('omhoog') ? ('up' as const) : ('down' as const),
            }
          : undefined;
        let saved: { agendaVersion: number };
        try {
          saved = await meetings.reorder(
            params.id,
            { move, order: move ? undefined : body.order },
            body.agendaVersion,
            viewer,
          );
        } catch (error) {
          if (!(error instanceof StaleAgendaError)) throw error;
          res.status(409);
          if (req.is('application/json')) {
            flash(req, error.message, 'error'); // the script reloads the page, which shows it
            return res.json({ error: error.message });
          }
          return renderNominations(res, viewer, params.id, { notice: error.message });
        }
        if (req.is('application/json')) return res.json(saved);
        // Back to the moved item (it takes focus), so the keyboard can move it again right away.
        const anchor = move ? `agendapunt-${move.nominationId}` : 'agenda';
        res.redirect(303, `/bijeenkomsten/${params.id}/voordrachten#${anchor}`);
      },
    }),
    route({
      method: 'post',
      path: '/voordrachten/:id/gepresenteerd',
      permission: 'nomination:decide',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        const { meetingId } = await meetings.markPresented(params.id, viewer);
        flash(req, 'De casus is gemarkeerd als gepresenteerd.');
        res.redirect(303, `/bijeenkomsten/${meetingId}/voordrachten#agenda`);
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/dossier',
      permission: 'member',
      params: idParams,
      handler: ({ res, viewer, params }) => pages.renderDossier(res, viewer, params.id),
    }),
  ]);
}

/** The flash after saving decisions: what happened, in numbers. */
function decidedMessage(done: { changed: number; selected: number; declined: number }): string {
  const parts: string[] = [];
  if (done.selected)
    parts.push(done.selected === 1 ? 'één casus geselecteerd' : `${done.selected} casussen geselecteerd`);
  if (done.declined)
    parts.push(
      done.declined === 1
        ? 'één voordracht niet geselecteerd'
        : `${done.declined} voordrachten niet geselecteerd`,
    );
  const what = parts.join(' en ');
  return `Opgeslagen: ${what}. De indieners krijgen bericht${done.declined ? ', met uw toelichting' : ''}.`;
}
