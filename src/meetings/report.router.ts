import express, { type Response } from 'express';
import { z } from 'zod';
import { meetingAttachments } from '../attachments/attachments.queries';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, MAX_FILES } from '../attachments/file-types';
import { renderMarkdown } from '../cases/markdown';
import type { AppContext } from '../web/app-deps';
import { flash } from '../web/flash';
import { HttpError } from '../web/http-errors';
import { mount, route, type InvalidContext } from '../web/route';
import { formatDate } from '../web/view-helpers';
import { idParam, type FieldErrors } from '../web/validation';
import { meetingPages } from './meeting-pages';
import { meetingView } from './meeting.view-model';
import { agendaOf, presentedCases, programmeOf, programmeOptions, reportOf } from './meetings.queries';
import { PROGRAMME_LIMITS, programmeBody, reportBody } from './programme.schemas';

const idParams = z.object({ id: idParam });
type Values = Record<string, unknown>;

/** Blank rows offered below the saved programme, so slots can be added without JavaScript. */
const BLANK_ROWS = 3;

/** A CSS string literal (for the dossier's running header): quotes, backslashes and line breaks escaped. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** The programme (kerngroep), the verslag (everyone reads it, the kerngroep writes it), the dossier's print header. */
export function reportRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { reports, search } = deps.services;
  const { loadMeeting } = meetingPages(ds, search);

  /** The programme form: saved slots (or what was sent) plus blank rows. */
  async function renderProgrammeForm(
    res: Response,
    id: number,
    sent?: { values: Values; errors: FieldErrors },
  ) {
    const record = await loadMeeting(id);
    const saved = await programmeOf(ds, id);
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
    const rows = sent
      ? list(sent.values.slotStart).map((_, i) => ({
          startsAt: list(sent.values.slotStart)[i] ?? '',
          endsAt: list(sent.values.slotEnd)[i] ?? '',
          title: list(sent.values.slotTitle)[i] ?? '',
          nominationId: list(sent.values.slotCase)[i] ?? '',
          presenterId: list(sent.values.slotPresenter)[i] ?? '',
          expertId: list(sent.values.slotExpert)[i] ?? '',
        }))
      : [
          ...saved.map((p) => ({
            startsAt: p.startsAt,
            endsAt: p.endsAt ?? '',
            title: p.title,
            nominationId: p.nominationId ?? '',
            presenterId: p.presenterId ?? '',
            expertId: p.expertId ?? '',
          })),
          ...Array.from({ length: BLANK_ROWS }, () => ({
            startsAt: '',
            endsAt: '',
            title: '',
            nominationId: '',
            presenterId: '',
            expertId: '',
          })),
        ];
    res.render('meetings/programme-form', {
      title: `Programma: ${record.title}`,
      meeting: meetingView(record, res.locals.viewer),
      rows,
      errors: sent?.errors ?? {},
      agenda: await agendaOf(ds, id, res.locals.viewer),
      options: await programmeOptions(ds, id),
      limits: PROGRAMME_LIMITS,
    });
  }

  async function renderReportForm(res: Response, id: number, sent?: { values: Values; errors: FieldErrors }) {
    const record = await loadMeeting(id);
    const [report, cases, attachments] = await Promise.all([
      reportOf(ds, id),
      presentedCases(ds, id),
      meetingAttachments(ds, id),
    ]);
    res.render('meetings/report-form', {
      attachments,
      upload: { maxFiles: MAX_FILES, allowedTypes: ALLOWED_TYPES_TEXT, accept: ACCEPT_ATTRIBUTE },
      title: `Verslag schrijven: ${record.title}`,
      meeting: meetingView(record, res.locals.viewer),
      cases,
      values: sent?.values ?? {
        body: report?.body ?? '',
        ...Object.fromEntries(cases.map((c) => [`outcome-${c.nominationId}`, c.outcome])),
      },
      errors: sent?.errors ?? {},
      isNew: report === null,
      limits: PROGRAMME_LIMITS,
    });
  }

  const programmeRefused = ({ res, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderProgrammeForm(res, params.id, { values: input, errors });
  const reportRefused = ({ res, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderReportForm(res, params.id, { values: input, errors });

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/programma',
      permission: 'meeting:manage',
      params: idParams,
      handler: ({ res, params }) => renderProgrammeForm(res, params.id),
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/programma',
      permission: 'meeting:manage',
      params: idParams,
      body: programmeBody,
      onInvalid: programmeRefused,
      onRefused: programmeRefused,
      handler: async ({ req, res, viewer, body, params }) => {
        await reports.saveProgramme(params.id, body, viewer);
        flash(req, 'Het programma is opgeslagen.');
        res.redirect(303, `/bijeenkomsten/${params.id}#programma`);
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/verslag',
      permission: 'member',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        const record = await loadMeeting(params.id);
        const meeting = meetingView(record, viewer);
        const report = await reportOf(ds, params.id);
        if (!report && !meeting.can.manage)
          throw new HttpError(404, 'Er is nog geen verslag van deze bijeenkomst.');
        res.render('meetings/report', {
          title: `Verslag: ${record.title}`,
          meeting,
          report: report && { ...report, html: renderMarkdown(report.body) },
          cases: report ? await presentedCases(ds, params.id, viewer) : [],
          attachments: report ? await meetingAttachments(ds, params.id) : [],
        });
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/verslag/bewerken',
      permission: 'meeting:manage',
      params: idParams,
      handler: ({ res, params }) => renderReportForm(res, params.id),
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/verslag',
      permission: 'meeting:manage',
      params: idParams,
      body: reportBody,
      onInvalid: reportRefused,
      onRefused: reportRefused,
      handler: async ({ req, res, viewer, body, params }) => {
        await reports.saveReport(params.id, body, viewer);
        flash(req, 'Het verslag is opgeslagen. Wie erbij was, krijgt een melding.');
        res.redirect(303, `/bijeenkomsten/${params.id}/verslag`);
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/dossier.css',
      permission: 'member',
      params: idParams,
      handler: async ({ res, params }) => {
        const record = await loadMeeting(params.id);
        // The running header of the printed dossier: margin boxes take their text from CSS only.
        const header = cssString(`${record.title} · ${formatDate(record.startsAt)}`);
        res.set('Content-Type', 'text/css; charset=utf-8');
        res.send(`@media print {\n  @page { @top-left { content: ${header}; } }\n}\n`);
      },
    }),
  ]);
}
