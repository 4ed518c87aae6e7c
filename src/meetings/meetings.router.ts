import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { caseAttachments, findCases } from '../cases/cases.queries';
import { caseView } from '../cases/case.view-model';
import { renderCasePage } from '../cases/case-page';
import { CORPORATION_ROLE_LABELS, CORPORATION_ROLES } from '../domain';
import { can, type Viewer } from '../policy';
import { activeReflections, type ReflectionRow } from '../reflections/reflections.queries';
import { renderMarkdown } from '../cases/markdown';
import { attempt } from '../web/attempt';
import { flash } from '../web/flash';
import { HttpError } from '../web/http-errors';
import { mount, route } from '../web/route';
import { idParam, type FieldErrors } from '../web/validation';
import { meetingFormValues, meetingView, nominationView } from './meeting.view-model';
import {
  agendaOf,
  findMeeting,
  findNomination,
  listMeetings,
  meetingFormOptions,
  meetingNominations,
  myNominations,
  nominatableCases,
} from './meetings.queries';
import {
  agendaBody,
  decideBody,
  MEETING_LIMITS,
  meetingFormSchema,
  meetingStatusBody,
  nominateBody,
} from './meetings.schemas';
import { StaleAgendaError } from './meetings.service';

const idParams = z.object({ id: idParam });
type Values = Record<string, unknown>;

/** A same-site path to return to after a form (never another site). */
function returnPath(req: Request, fallback: string): string {
  const given = (req.body as Values | undefined)?.terug;
  return typeof given === 'string' && /^\/(?![/\\])[^\s]*$/.test(given) ? given : fallback;
}

/** Themabijeenkomsten: planning, nominations, the kerngroep's decisions, the agenda and the dossier. */
export function meetingRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { meetings, search } = deps.services;

  async function loadMeeting(id: number) {
    const meeting = await findMeeting(ds, id);
    if (!meeting) throw new HttpError(404, 'Deze bijeenkomst bestaat niet (meer).');
    return meeting;
  }

  async function renderForm(
    res: Response,
    locals: { meetingId?: number; values: Values; errors: FieldErrors },
  ) {
    res.render('meetings/form', {
      title: locals.meetingId ? 'Bijeenkomst bewerken' : 'Nieuwe bijeenkomst',
      meetingId: locals.meetingId,
      values: locals.values,
      errors: locals.errors,
      options: await meetingFormOptions(ds),
      roles: CORPORATION_ROLES.map((r) => ({ value: r, label: CORPORATION_ROLE_LABELS[r] })),
      limits: MEETING_LIMITS,
    });
  }

  /** The agenda's cases with their attachments and reflections (for the preparation page). */
  async function agendaItems(meetingId: number) {
    const agenda = (await agendaOf(ds, meetingId)).map(nominationView);
    const reflections = await activeReflections(
      ds,
      agenda.map((a) => a.caseId),
    );
    return Promise.all(
      agenda.map(async (item) => ({
        ...item,
        attachments: await caseAttachments(ds, item.caseId),
        reflections: reflectionViews(reflections, item.caseId),
      })),
    );
  }

  /** "Ook interessant": published cases on the meeting's themes (and role in focus), not on the agenda. */
  async function alsoInteresting(
    meeting: Awaited<ReturnType<typeof loadMeeting>>,
    viewer: Viewer,
    exclude: number[],
  ) {
    const result = await search.search(
      {
        q: '',
        filters: {
          roles: meeting.focusRole ? [meeting.focusRole] : [],
          themes: meeting.themes.map((t) => t.slug),
          organizationKinds: [],
          years: [],
          statuses: ['published'],
        },
        sort: 'newest',
        page: 1,
        perPage: 5 + exclude.length,
      },
      viewer,
    );
    return result.hits.filter((h) => !exclude.includes(h.id) && h.status === 'published').slice(0, 5);
  }

  async function renderMeeting(
    res: Response,
    viewer: Viewer,
    id: number,
    form?: { values: Values; errors: FieldErrors },
  ) {
    const record = await loadMeeting(id);
    const meeting = meetingView(record, viewer);
    const agenda = meeting.agendaPublic || meeting.can.manage ? await agendaItems(id) : [];
    const [mine, cases, related] = await Promise.all([
      myNominations(ds, id, viewer),
      meeting.nominationsOpen ? nominatableCases(ds, id, viewer) : Promise.resolve([]),
      alsoInteresting(
        record,
        viewer,
        agenda.map((a) => a.caseId),
      ),
    ]);
    res.render('meetings/show', {
      title: record.title,
      meeting,
      agenda,
      mine: mine.map(nominationView),
      nominatable: cases,
      related,
      form: form ?? { values: {}, errors: {} },
      limits: MEETING_LIMITS,
    });
  }

  /** A refused nomination goes back to the form it came from: the case page or the meeting page. */
  async function nominationRefused(
    req: Request,
    res: Response,
    viewer: Viewer,
    meetingId: number,
    input: Values,
    errors: FieldErrors,
  ) {
    const from = /^\/casussen\/(\d+)$/.exec(returnPath(req, ''));
    if (from) {
      const values = { ...input, meetingId };
      return renderCasePage(ds, search, res, viewer, Number(from[1]), { name: 'nomination', values, errors });
    }
    return renderMeeting(res, viewer, meetingId, { values: input, errors });
  }

  async function renderNominations(
    res: Response,
    viewer: Viewer,
    id: number,
    extra: { errors?: Record<number, FieldErrors>; values?: Record<number, Values>; notice?: string } = {},
  ) {
    const record = await loadMeeting(id);
    const nominations = (await meetingNominations(ds, id)).map(nominationView);
    res.render('meetings/nominations', {
      title: `Voordrachten: ${record.title}`,
      meeting: meetingView(record, viewer),
      agenda: nominations.filter((n) => n.status === 'selected'),
      pending: nominations.filter((n) => n.status === 'pending'),
      declined: nominations.filter((n) => n.status === 'not_selected'),
      errors: extra.errors ?? {},
      values: extra.values ?? {},
      notice: extra.notice,
      limits: MEETING_LIMITS,
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
      onInvalid: ({ res, errors, input }) => renderForm(res, { values: input, errors }),
      handler: async ({ req, res, viewer, body }) => {
        const result = await attempt(() => meetings.create(body, viewer));
        if (!result.ok) {
          res.status(result.status);
          return renderForm(res, { values: req.body, errors: result.errors });
        }
        flash(
          req,
          'De bijeenkomst is aangemaakt. Open de voordrachten zodra leden casussen kunnen voordragen.',
        );
        res.redirect(303, `/bijeenkomsten/${result.value}`);
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
      onInvalid: async ({ req, res, errors, input }) => {
        const record = await loadMeeting(Number(req.params.id));
        await renderForm(res, { meetingId: record.id, values: input, errors });
      },
      handler: async ({ req, res, viewer, body, params }) => {
        const result = await attempt(() => meetings.update(params.id, body, viewer));
        if (!result.ok) {
          res.status(result.status);
          return renderForm(res, { meetingId: params.id, values: req.body, errors: result.errors });
        }
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
      handler: async ({ req, res, viewer, body, params }) => {
        await meetings.setStatus(params.id, body.to, viewer);
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
      onInvalid: ({ req, res, viewer, errors, input }) =>
        nominationRefused(req, res, viewer, checkedId(req), input, errors),
      handler: async ({ req, res, viewer, body, params }) => {
        const result = await attempt(() =>
          meetings.nominate(params.id, body.caseId, body.motivation, viewer),
        );
        if (!result.ok) {
          res.status(result.status);
          return nominationRefused(req, res, viewer, params.id, req.body, result.errors);
        }
        flash(req, 'Dank u wel: de casus is voorgedragen. De kerngroep beslist en u krijgt bericht.');
        res.redirect(303, returnPath(req, `/bijeenkomsten/${params.id}#mijn-voordrachten`));
      },
    }),
    route({
      method: 'post',
      path: '/voordrachten/:id/besluit',
      permission: 'nomination:decide',
      params: idParams,
      body: decideBody,
      onInvalid: async ({ req, res, viewer, errors, input }) => {
        const nomination = await findNomination(ds, checkedId(req));
        if (!nomination) throw new HttpError(404, 'Deze voordracht bestaat niet (meer).');
        await renderNominations(res, viewer, nomination.meetingId, {
          errors: { [nomination.id]: errors },
          values: { [nomination.id]: input },
        });
      },
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
      handler: async ({ res, viewer, params }) => {
        const record = await loadMeeting(params.id);
        const meeting = meetingView(record, viewer);
        const agenda = meeting.agendaPublic || meeting.can.manage ? await agendaOf(ds, params.id) : [];
        const records = await findCases(
          ds,
          agenda.map((a) => a.caseId),
        );
        const reflections = await activeReflections(
          ds,
          records.map((r) => r.id),
        );
        const cases = await Promise.all(
          records.map(async (r) => ({
            ...caseView(r, viewer, await caseAttachments(ds, r.id)),
            reflections: reflectionViews(reflections, r.id),
          })),
        );
        res.render('meetings/dossier', {
          title: `Dossier: ${record.title}`,
          meeting,
          agenda: agenda.map(nominationView),
          cases,
        });
      },
    }),
  ]);
}

/** A case's reflections with their Markdown rendered (sanitised) for the template. */
function reflectionViews(reflections: ReflectionRow[], caseId: number) {
  return reflections.filter((r) => r.caseId === caseId).map((r) => ({ ...r, html: renderMarkdown(r.body) }));
}

/** The :id of a request whose params were not parsed yet (onInvalid runs before the handler). */
function checkedId(req: Request): number {
  const id = idParam.safeParse(req.params.id);
  if (!id.success) throw new HttpError(404, 'Deze pagina bestaat niet.');
  return id.data;
}
