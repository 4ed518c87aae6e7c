import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { flash } from '../web/flash';
import { publicBaseUrl } from '../web/public-url';
import { mount, route, type InvalidContext } from '../web/route';
import { idParam } from '../web/validation';
import { calendarIdentity, meetingCalendar } from './calendar';
import { meetingPages } from './meeting-pages';
import { meetingView } from './meeting.view-model';
import { programmeOf } from './meetings.queries';
import { attendanceBody, signupApiBody, signupFormBody } from './signups.schemas';
import { countsPerOrganization, meetingSignups, mySignup, seatUsage } from './signups.queries';
import { attendanceCsv, meetingApiView, SIGNUP_STATUS_LABELS } from './signup.view-model';

const idParams = z.object({ id: idParam });

const SIGNED_UP_MESSAGES = {
  aangemeld: 'U bent aangemeld. U krijgt een bevestiging met een uitnodiging voor uw agenda.',
  wachtlijst:
    'De bijeenkomst is vol: u staat op de wachtlijst. Komt er een plaats vrij, dan schuift u automatisch door en krijgt u bericht.',
} as const;

/** Sign-up (page and API), the calendar entry, and the kerngroep's attendance list. */
export function signupRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { signups, search } = deps.services;
  const { loadMeeting, renderMeeting } = meetingPages(ds, search);
  const identity = calendarIdentity(deps.config);
  /** A refused or invalid sign-up: the meeting page again, the sign-up form with its errors and input. */
  const signupForm = ({ res, viewer, params, errors, input }: InvalidContext<{ id: number }>) =>
    renderMeeting(res, viewer, params.id, { signup: { values: input, errors } });

  return mount(express.Router(), [
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/aanmelding',
      permission: 'meeting:signup',
      params: idParams,
      body: signupFormBody,
      onInvalid: signupForm,
      onRefused: signupForm,
      handler: async ({ req, res, viewer, body, params }) => {
        const result = await signups.signUp(params.id, viewer, body.guests);
        flash(
          req,
          result.created
            ? SIGNED_UP_MESSAGES[result.status as 'aangemeld' | 'wachtlijst']
            : 'Uw aanmelding is bijgewerkt.',
        );
        res.redirect(303, `/bijeenkomsten/${params.id}#aanmelden`);
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/aanmelding/annuleren',
      permission: 'meeting:signup',
      params: idParams,
      onRefused: signupForm,
      handler: async ({ req, res, viewer, params }) => {
        await signups.cancel(params.id, viewer);
        flash(req, 'U bent afgemeld. De afspraak in uw agenda wordt geannuleerd.');
        res.redirect(303, `/bijeenkomsten/${params.id}#aanmelden`);
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/agenda.ics',
      permission: 'member',
      params: idParams,
      handler: async ({ req, res, params }) => {
        const meeting = await loadMeeting(params.id);
        const body = meetingCalendar(meeting, {
          method: 'PUBLISH',
          baseUrl: publicBaseUrl(deps.config, req),
          ...identity,
        });
        res.set('Content-Type', 'text/calendar; charset=utf-8');
        res.set('Content-Disposition', `attachment; filename="bijeenkomst-${meeting.id}.ics"`);
        res.send(body);
      },
    }),
    route({
      method: 'get',
      path: '/api/bijeenkomsten/:id',
      permission: 'member',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        const meeting = await loadMeeting(params.id);
        const [programme, usage, mine] = await Promise.all([
          programmeOf(ds, params.id, viewer),
          seatUsage(ds, params.id),
          mySignup(ds, params.id, viewer.id),
        ]);
        res.json(meetingApiView(meeting, programme, usage, mine, meetingView(meeting, viewer)));
      },
    }),
    route({
      method: 'post',
      path: '/api/bijeenkomsten/:id/aanmeldingen',
      permission: 'meeting:signup',
      params: idParams,
      body: signupApiBody,
      handler: async ({ res, viewer, body, params }) => {
        const result = await signups.signUp(params.id, viewer, body.guests);
        const mine = await mySignup(ds, params.id, viewer.id);
        res.status(result.created ? 201 : 200).json({
          status: result.status,
          message: result.created
            ? SIGNED_UP_MESSAGES[result.status as 'aangemeld' | 'wachtlijst']
            : 'Uw aanmelding is bijgewerkt.',
          waitingPosition: mine?.waitingPosition ?? null,
          guests:
            mine?.guests.map((g) => ({ name: g.name, organization: g.organization, email: g.email })) ?? [],
        });
      },
    }),
    route({
      method: 'delete',
      path: '/api/bijeenkomsten/:id/aanmeldingen/mijn',
      permission: 'meeting:signup',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        await signups.cancel(params.id, viewer);
        res.json({ status: 'geannuleerd', message: 'U bent afgemeld.' });
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/aanmeldingen',
      permission: 'meeting:manage',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        const record = await loadMeeting(params.id);
        const list = await meetingSignups(ds, params.id);
        res.render('meetings/attendance', {
          title: `Aanmeldingen: ${record.title}`,
          meeting: meetingView(record, viewer),
          signedUp: list.filter((s) => s.status === 'aangemeld'),
          waiting: list.filter((s) => s.status === 'wachtlijst'),
          counts: countsPerOrganization(list),
          usage: await seatUsage(ds, params.id),
          capacity: record.capacity,
          statusLabels: SIGNUP_STATUS_LABELS,
        });
      },
    }),
    route({
      method: 'get',
      path: '/bijeenkomsten/:id/aanmeldingen.csv',
      permission: 'meeting:manage',
      params: idParams,
      handler: async ({ res, params }) => {
        const record = await loadMeeting(params.id);
        const csv = attendanceCsv(await meetingSignups(ds, params.id));
        res.set('Content-Type', 'text/csv; charset=utf-8');
        res.set('Content-Disposition', `attachment; filename="aanmeldingen-bijeenkomst-${record.id}.csv"`);
        res.send(csv);
      },
    }),
    route({
      method: 'post',
      path: '/bijeenkomsten/:id/aanwezigheid',
      permission: 'meeting:manage',
      params: idParams,
      body: attendanceBody,
      handler: async ({ req, res, viewer, body, params }) => {
        await signups.setAttendance(params.id, body, viewer);
        flash(req, 'De aanwezigheid is opgeslagen.');
        res.redirect(303, `/bijeenkomsten/${params.id}/aanmeldingen#aanwezigheid`);
      },
    }),
  ]);
}
