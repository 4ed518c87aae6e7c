import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { renderCasePage } from '../cases/case-page';
import { caseView } from '../cases/case.view-model';
import { caseAttachments, findCases } from '../cases/cases.queries';
import { renderMarkdown } from '../cases/markdown';
import { CORPORATION_ROLE_LABELS, CORPORATION_ROLES } from '../domain';
import type { Viewer } from '../policy';
import { activeReflections, type ReflectionRow } from '../reflections/reflections.queries';
import { shownReactions, type ReactionRow } from '../reactions/reactions.queries';
import type { SearchService } from '../search/search.service';
import { HttpError } from '../web/http-errors';
import type { InvalidContext } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { meetingView, nominationView } from './meeting.view-model';
import {
  agendaOf,
  findMeeting,
  meetingFormOptions,
  meetingNominations,
  myNominations,
  nominatableCases,
  programmeOf,
  reportOf,
} from './meetings.queries';
import { MEETING_LIMITS } from './meetings.schemas';
import { signupView } from './signup.view-model';
import { mySignup, seatUsage } from './signups.queries';
import { SIGNUP_LIMITS } from './signups.schemas';

type Values = Record<string, unknown>;
type Form = { values: Values; errors: FieldErrors };

/** A same-site path to return to after a form (never another site). */
export function returnPath(req: Request, fallback: string): string {
  const given = (req.body as Values | undefined)?.terug;
  return typeof given === 'string' && /^\/(?![/\\])[^\s]*$/.test(given) ? given : fallback;
}

/**
 * The meeting pages (overview, form, nominations, dossier) with what they show assembled: the
 * agenda with its cases, the programme, sign-up, "ook interessant", the forms that came back with errors.
 */
export function meetingPages(ds: DataSource, search: SearchService) {
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
  async function agendaItems(meetingId: number, viewer: Viewer) {
    const agenda = (await agendaOf(ds, meetingId, viewer)).map(nominationView);
    const caseIds = agenda.map((a) => a.caseId);
    const [reflections, records, answers] = await Promise.all([
      activeReflections(ds, caseIds),
      findCases(ds, caseIds),
      shownReactions(ds, caseIds, { helpfulOnly: true }),
    ]);
    return Promise.all(
      agenda.map(async (item) => ({
        ...item,
        attachments: await caseAttachments(ds, item.caseId),
        reflections: reflectionViews(reflections, item.caseId),
        ...questionAndAnswers(
          records.find((r) => r.id === item.caseId)?.question ?? '',
          answers,
          item.caseId,
        ),
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

  /**
   * The meeting page: details with the route, the programme, sign-up, agenda, own nominations and
   * related cases. Forms that came back with errors (a nomination, a sign-up) keep their input.
   */
  async function renderMeeting(
    res: Response,
    viewer: Viewer,
    id: number,
    forms: { nomination?: Form; signup?: Form } = {},
  ) {
    const record = await loadMeeting(id);
    const meeting = meetingView(record, viewer);
    const agenda = meeting.agendaPublic || meeting.can.manage ? await agendaItems(id, viewer) : [];
    const [mine, cases, related, programme, usage, signup, report] = await Promise.all([
      myNominations(ds, id, viewer),
      meeting.nominationsOpen ? nominatableCases(ds, id, viewer) : Promise.resolve([]),
      alsoInteresting(
        record,
        viewer,
        agenda.map((a) => a.caseId),
      ),
      programmeOf(ds, id, viewer),
      seatUsage(ds, id),
      mySignup(ds, id, viewer.id),
      reportOf(ds, id),
    ]);
    res.render('meetings/show', {
      title: record.title,
      meeting,
      agenda,
      mine: mine.map(nominationView),
      nominatable: cases,
      related,
      programme,
      signup: signupView(record, usage, signup, viewer),
      hasReport: report !== null,
      form: forms.nomination ?? { values: {}, errors: {} },
      signupForm: forms.signup ?? { values: {}, errors: {} },
      limits: MEETING_LIMITS,
      signupLimits: SIGNUP_LIMITS,
    });
  }

  /** A refused nomination goes back to the form it came from: the case page or the meeting page. */
  async function nominationRefused({
    req,
    res,
    viewer,
    params,
    input,
    errors,
  }: InvalidContext<{ id: number }>) {
    const meetingId = params.id;
    const from = /^\/casussen\/(\d+)$/.exec(returnPath(req, ''));
    if (from) {
      const values = { ...input, meetingId };
      return renderCasePage(ds, search, res, viewer, Number(from[1]), { name: 'nomination', values, errors });
    }
    return renderMeeting(res, viewer, meetingId, { nomination: { values: input, errors } });
  }

  /**
   * The kerngroep's nominations page: the agenda (order), one form with every nomination's
   * decision, then the status buttons. A refused submit comes back with its errors at
   * "<field>-<nominationId>" and the input as typed (`values`, the form's own field names).
   */
  async function renderNominations(
    res: Response,
    viewer: Viewer,
    id: number,
    extra: { errors?: FieldErrors; values?: Values; notice?: string } = {},
  ) {
    const record = await loadMeeting(id);
    const nominations = (await meetingNominations(ds, id)).map(nominationView);
    const errors = extra.errors ?? {};
    const titles = new Map(nominations.map((n) => [n.id, n.caseTitle]));
    // The summary names the case each problem belongs to, and links to its field.
    const targets = { decision: 'besluit-%-ja', position: 'veld-position-%', feedback: 'veld-feedback-%' };
    const problems = Object.entries(errors).map(([key, message]) => {
      const m = /^(decision|position|feedback)-(\d+)$/.exec(key);
      if (!m) return { message, target: null, caseTitle: null };
      const nominationId = Number(m[2]);
      return {
        message,
        target: targets[m[1] as keyof typeof targets].replace('%', String(nominationId)),
        caseTitle: titles.get(nominationId) ?? null,
      };
    });
    res.render('meetings/nominations', {
      title: `Voordrachten: ${record.title}`,
      meeting: meetingView(record, viewer),
      agenda: nominations.filter((n) => n.status === 'selected'),
      pending: nominations.filter((n) => n.status === 'pending'),
      declined: nominations.filter((n) => n.status === 'not_selected'),
      errors,
      problems,
      values: extra.values ?? {},
      notice: extra.notice,
      limits: MEETING_LIMITS,
    });
  }

  /** The printable dossier: the agenda's cases in order, with attachments and reflections. */
  async function renderDossier(res: Response, viewer: Viewer, id: number) {
    const record = await loadMeeting(id);
    const meeting = meetingView(record, viewer);
    const agenda = meeting.agendaPublic || meeting.can.manage ? await agendaOf(ds, id, viewer) : [];
    const records = await findCases(
      ds,
      agenda.map((a) => a.caseId),
    );
    const caseIds = records.map((r) => r.id);
    const [reflections, answers] = await Promise.all([
      activeReflections(ds, caseIds),
      shownReactions(ds, caseIds, { helpfulOnly: true }),
    ]);
    const cases = await Promise.all(
      records.map(async (r) => ({
        ...caseView(r, viewer, await caseAttachments(ds, r.id)),
        reflections: reflectionViews(reflections, r.id),
        ...questionAndAnswers(r.question, answers, r.id),
      })),
    );
    res.render('meetings/dossier', {
      title: `Dossier: ${record.title}`,
      meeting,
      agenda: agenda.map(nominationView),
      programme: await programmeOf(ds, id, viewer),
      cases,
    });
  }

  return { loadMeeting, renderForm, renderMeeting, nominationRefused, renderNominations, renderDossier };
}

/** A case's reflections with their Markdown rendered (sanitised) for the template. */
function reflectionViews(reflections: ReflectionRow[], caseId: number) {
  return reflections.filter((r) => r.caseId === caseId).map((r) => ({ ...r, html: renderMarkdown(r.body) }));
}

/** The case's question to the community and the reactions its author marked "Dit hielp mij". */
function questionAndAnswers(question: string, answers: ReactionRow[], caseId: number) {
  return {
    questionHtml: question.trim() ? renderMarkdown(question) : '',
    answers: answers
      .filter((a) => a.caseId === caseId)
      .map((a) => ({
        id: a.id,
        authorName: a.authorName,
        organizationName: a.organizationName,
        createdAt: a.createdAt,
        html: renderMarkdown(a.body),
        linkedCase: a.linkedCaseId ? { id: a.linkedCaseId, title: a.linkedCaseTitle ?? '' } : null,
      })),
  };
}
