import express, { type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import {
  CASE_VISIBILITIES,
  CASE_VISIBILITY_LABELS,
  CORPORATION_ROLE_LABELS,
  CORPORATION_ROLES,
} from '../domain';
import type { Viewer } from '../policy';
import { flash } from '../web/flash';
import { authorize, mount, route, type InvalidContext } from '../web/route';
import { idParam, text, type FieldErrors } from '../web/validation';
import { CASE_LIMITS, maxCaseYear } from './case.limits';
import { renderCasePage } from './case-page';
import { caseExport } from './case-export';
import { publicBaseUrl } from '../web/public-url';
import {
  caseAttachments,
  findReadableCase,
  findRevision,
  listRevisions,
  tagSuggestions,
  themeOptions,
} from './cases.queries';
import { editCaseForm, newCaseForm, privacyTokenField } from './cases.schemas';
import { NOT_PUBLISHING, checkCase, publicationGate } from '../privacy/case-check';
import { privacyReportView, type PrivacyReportView } from '../privacy/privacy.view-model';
import {
  CASE_FIELDS,
  contentOf,
  DETAIL_FIELDS,
  MARKDOWN_FIELDS,
  missingForPublishing,
  type CaseContent,
} from './case-fields';
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_TYPES_TEXT,
  MAX_FILES,
  allowedTypeByMime,
} from '../attachments/file-types';
import { pendingIdsOf, pendingUploadsOf } from '../attachments/attachments.queries';
import { caseFormFiles, PENDING_FIELD } from '../attachments/case-form-files';
import { notFound, type HttpError } from '../web/http-errors';
import { StaleCaseError } from './cases.service';
import { renderMarkdown } from './markdown';
import { diffSnapshots } from './revision-diff';
import { apiReaction } from '../reactions/reaction.view-model';
import { shownReactions } from '../reactions/reactions.queries';

const idParams = z.object({ id: idParam });

/** " met 2 bijlagen" for the message after a save ('' without files). */
const filesSaved = (n: number) => (n === 0 ? '' : n === 1 ? ' met 1 bijlage' : ` met ${n} bijlagen`);

/** Cases: browse, read, write, status changes, revisions, Markdown preview and the JSON view. */
export function caseRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { cases, search, searchLog, attachments: attachmentService, extraction } = deps.services;
  const newCaseFiles = caseFormFiles(deps);

  async function renderForm(
    res: Response,
    viewer: Viewer,
    locals: {
      caseId?: number;
      values: Record<string, unknown>;
      errors: FieldErrors;
      conflict?: unknown;
      status?: string;
      privacy?: PrivacyReportView | null;
    },
  ) {
    const [themes, tags, attachments, pending] = await Promise.all([
      themeOptions(ds),
      tagSuggestions(ds, viewer),
      locals.caseId ? caseAttachments(ds, locals.caseId) : Promise.resolve([]),
      // Files already stored for this form: listed (and sent again) so a form with an error keeps them.
      pendingUploadsOf(ds, viewer.id, pendingIdsOf(locals.values[PENDING_FIELD])),
    ]);
    // A file sent with the form that was refused (too big, wrong type): at the attachments field.
    const uploadProblem = res.locals.uploadProblem as HttpError | undefined;
    const errors = uploadProblem ? { ...locals.errors, bijlagen: uploadProblem.message } : locals.errors;
    const values = { ...locals.values };
    if (Array.isArray(values.tags)) values.tags = values.tags.join(', ');
    res.render('cases/form', {
      title: locals.caseId ? 'Casus bewerken' : 'Nieuwe casus',
      caseId: locals.caseId,
      status: locals.status ?? 'draft',
      values,
      errors,
      conflict: locals.conflict ?? null,
      privacy: locals.privacy ?? null,
      themes,
      tagSuggestions: tags,
      roles: CORPORATION_ROLES.map((r) => ({ value: r, label: CORPORATION_ROLE_LABELS[r] })),
      visibilities: CASE_VISIBILITIES.map((value) => ({ value, label: CASE_VISIBILITY_LABELS[value] })),
      longFields: MARKDOWN_FIELDS,
      fields: CASE_FIELDS,
      detailFields: DETAIL_FIELDS,
      limits: { ...CASE_LIMITS, maxYear: maxCaseYear() },
      missing: missingForPublishing(contentOf(values as Partial<CaseContent>)),
      // The edit page lists the case's attachments beside its file input.
      attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, sizeBytes: a.sizeBytes })),
      pendingUploads: pending,
      upload: { maxFiles: MAX_FILES, allowedTypes: ALLOWED_TYPES_TEXT, accept: ACCEPT_ATTRIBUTE },
    });
  }

  /** Before a file of the edit form is stored: the case readable (else 404) and editable (else 403). */
  const mayEditBeforeFiles: RequestHandler = async (req, _res, next) => {
    try {
      const id = idParam.safeParse(req.params.id);
      if (!id.success) return next(notFound());
      const record = await findReadableCase(ds, id.data, req.user as Viewer);
      authorize(req.user as Viewer, 'case:edit', record);
      next();
    } catch (error) {
      next(error);
    }
  };

  const newCaseFormAgain = ({ res, viewer, input, errors }: InvalidContext) =>
    renderForm(res, viewer, { values: input, errors });
  /** The edit form again: for someone who may edit the case (else the same 404/403 as the handler). */
  const editCaseFormAgain = async ({
    res,
    viewer,
    params,
    input,
    errors,
  }: InvalidContext<{ id: number }>) => {
    const record = await findReadableCase(ds, params.id, viewer);
    authorize(viewer, 'case:edit', record);
    await renderForm(res, viewer, { caseId: record.id, values: input, errors, status: record.status });
  };

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/casussen/nieuw',
      permission: 'case:create',
      handler: ({ res, viewer }) =>
        renderForm(res, viewer, {
          values: { roles: [], themes: [], tags: [], year: new Date().getFullYear() },
          errors: {},
        }),
    }),
    route({
      method: 'post',
      path: '/casussen',
      permission: 'case:create',
      // Multipart: the form takes files (stored as pending uploads before validation, so kept).
      middleware: newCaseFiles,
      body: newCaseForm,
      onInvalid: newCaseFormAgain,
      onRefused: newCaseFormAgain,
      handler: async ({ req, res, viewer, body }) => {
        const uploadProblem = res.locals.uploadProblem as HttpError | undefined;
        if (uploadProblem) {
          // A file was refused: nothing is saved; the form again as typed, the other files kept.
          res.status(uploadProblem.status);
          return renderForm(res, viewer, { values: req.body ?? {}, errors: {} });
        }
        const pendingIds = [...new Set(body.wachtendeBijlagen)];
        const pending = await pendingUploadsOf(ds, viewer.id, pendingIds);
        // A file whose text is read (PDF, Word) is checked for tenants' data before the case is
        // visible: publishing waits for that, so such a case is saved as a draft first.
        const mustWait =
          body.action === 'publish' && pending.some((p) => allowedTypeByMime(p.mimeType)?.text);
        const publish = body.action === 'publish' && !mustWait;
        const gate = publish
          ? await publicationGate(ds, body, null, viewer.id, body.privacyToken)
          : NOT_PUBLISHING;
        if (!gate.cleared) {
          // Nothing is saved: the form again, as typed, with what was found.
          res.status(400);
          return renderForm(res, viewer, {
            values: req.body ?? {},
            errors: {},
            privacy: privacyReportView(gate.report, null, true),
          });
        }
        const options = {
          authorId: viewer.id,
          organizationId: viewer.organizationId,
          status: publish ? ('published' as const) : ('draft' as const),
          privacyConfirmation: gate.confirmation,
        };
        // The case and its files together, or neither.
        const id = await cases.createWith(contentOf(body), options, (m, caseId) =>
          attachmentService.claim(m, caseId, pendingIds, viewer.id),
        );
        if (pendingIds.length) setImmediate(() => extraction.kick()); // text extraction after the response
        const files = filesSaved(pendingIds.length);
        flash(
          req,
          publish
            ? `De casus is gepubliceerd${files}.`
            : mustWait
              ? `De casus is als concept opgeslagen${files}. Publiceren kan zodra de tekst van de bijlagen is gelezen en gecontroleerd op persoonsgegevens; dat duurt meestal een paar seconden.`
              : `De casus is als concept opgeslagen${files}.`,
        );
        res.redirect(303, body.verder ? `/casussen/${id}/bewerken#bijlagen` : `/casussen/${id}`);
      },
    }),
    route({
      method: 'post',
      path: '/casussen/voorbeeld',
      permission: 'member',
      body: z.object({ markdown: text('De tekst', CASE_LIMITS.longField) }),
      handler: ({ res, body }) => {
        res.type('html').send(renderMarkdown(body.markdown) || '<p><em>Nog geen tekst.</em></p>');
      },
    }),
    route({
      method: 'get',
      path: '/casussen/:id',
      permission: 'member',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        await renderCasePage(ds, search, res, viewer, params.id);
        // Opened from the search page: a click on that query's results (search insight).
        await searchLog.opened(viewer.id, req.get('referer'), req.get('host'));
      },
    }),
    route({
      method: 'get',
      path: '/casussen/:id/bewerken',
      permission: 'member',
      params: idParams,
      // controle=1: opened from the privacy check, which is shown again above the form.
      query: z.object({ controle: z.literal('1').optional() }).loose(),
      handler: async ({ res, viewer, params, query }) => {
        const record = await findReadableCase(ds, params.id, viewer);
        authorize(viewer, 'case:edit', record);
        // Everything found, also what was confirmed before: the kerngroep may have asked about it.
        const report = query.controle
          ? await checkCase(ds, record, record.id, { includeConfirmed: true })
          : null;
        await renderForm(res, viewer, {
          caseId: record.id,
          values: { ...record },
          errors: {},
          status: record.status,
          privacy:
            report && (report.findings.length || report.pending.length)
              ? privacyReportView(report, record.id, true, { confirmable: false })
              : null,
        });
      },
    }),
    route({
      method: 'post',
      path: '/casussen/:id',
      permission: 'member',
      params: idParams,
      // Multipart too: without JavaScript, files go with the text (after the edit right is checked).
      middleware: [mayEditBeforeFiles, ...caseFormFiles(deps)],
      body: editCaseForm,
      onInvalid: editCaseFormAgain,
      onRefused: editCaseFormAgain,
      handler: async ({ req, res, viewer, params, body }) => {
        const record = await findReadableCase(ds, params.id, viewer);
        authorize(viewer, 'case:edit', record);
        const uploadProblem = res.locals.uploadProblem as HttpError | undefined;
        if (uploadProblem) {
          // A file was refused: nothing is saved; the form again as typed, the other files kept.
          res.status(uploadProblem.status);
          return renderForm(res, viewer, {
            caseId: record.id,
            values: req.body ?? {},
            errors: {},
            status: record.status,
          });
        }
        const pendingIds = [...new Set(body.wachtendeBijlagen)];
        const expectedVersion = body.version ?? record.version; // always given when editing
        // Publishing, or saving a case others already see: the privacy check first.
        const visible = body.action === 'publish' || record.status !== 'draft';
        const gate = visible
          ? await publicationGate(ds, body, record.id, viewer.id, body.privacyToken)
          : NOT_PUBLISHING;
        if (!gate.cleared) {
          res.status(400);
          return renderForm(res, viewer, {
            caseId: record.id,
            values: req.body ?? {},
            errors: {},
            status: record.status,
            privacy: privacyReportView(gate.report, record.id, true),
          });
        }
        try {
          await cases.update(record.id, contentOf(body), {
            editorId: viewer.id,
            expectedVersion,
            publish: body.action === 'publish',
            privacyConfirmation: gate.confirmation,
            // The text and the files sent with it are saved together, or neither.
            alongside: (m) => attachmentService.claim(m, record.id, pendingIds, viewer.id),
          });
        } catch (error) {
          if (!(error instanceof StaleCaseError)) throw error;
          // Someone saved in between: keep this person's text, show what changed, and let them save again.
          const loaded = await findRevision(ds, record.id, expectedVersion);
          res.status(409);
          return renderForm(res, viewer, {
            caseId: record.id,
            values: { ...body, version: error.currentVersion },
            errors: {},
            status: record.status,
            conflict: {
              changes: diffSnapshots(loaded?.snapshot ?? null, { ...record, status: record.status }),
            },
          });
        }
        if (pendingIds.length) setImmediate(() => extraction.kick());
        const files = filesSaved(pendingIds.length);
        flash(
          req,
          body.action === 'publish'
            ? `De casus is opgeslagen${files} en gepubliceerd.`
            : `De wijzigingen zijn opgeslagen${files}.`,
        );
        res.redirect(303, `/casussen/${record.id}`);
      },
    }),
    ...(
      [
        ['publiceren', 'published', 'De casus is gepubliceerd.', null],
        [
          'archiveren',
          'archived',
          'De casus is gearchiveerd. Hij blijft vindbaar met het filter “gearchiveerd”.',
          { path: 'herstellen', label: 'Ongedaan maken' },
        ],
        [
          'herstellen',
          'published',
          'De casus is hersteld en weer zichtbaar voor alle leden.',
          { path: 'archiveren', label: 'Ongedaan maken (weer archiveren)' },
        ],
      ] as const
    ).map(([path, to, message, undo]) =>
      route({
        method: 'post',
        path: `/casussen/:id/${path}`,
        permission: 'member',
        params: idParams,
        body: z.object({ privacyToken: privacyTokenField }),
        handler: async ({ req, res, viewer, params, body }) => {
          const record = await findReadableCase(ds, params.id, viewer);
          authorize(viewer, 'case:edit', record);
          const gate =
            to === 'published'
              ? await publicationGate(ds, record, record.id, viewer.id, body.privacyToken)
              : NOT_PUBLISHING;
          if (!gate.cleared) {
            res.status(400);
            return res.render('privacy/check', {
              title: `Controle persoonsgegevens: ${record.title}`,
              caseId: record.id,
              caseTitle: record.title,
              action: `/casussen/${record.id}/${path}`,
              privacy: privacyReportView(gate.report, record.id, false),
            });
          }
          await cases.setStatus(record.id, to, viewer.id, gate.confirmation);
          // Archive and restore undo each other: the message offers the way back.
          flash(
            req,
            message,
            'success',
            undo ? { action: `/casussen/${record.id}/${undo.path}`, label: undo.label } : undefined,
          );
          res.redirect(303, `/casussen/${record.id}`);
        },
      }),
    ),
    route({
      method: 'get',
      path: '/casussen/:id/revisies',
      permission: 'member',
      params: idParams,
      handler: async ({ res, viewer, params }) => {
        const record = await findReadableCase(ds, params.id, viewer);
        authorize(viewer, 'case:history', record);
        const revisions = await listRevisions(ds, record.id);
        const withDiffs = revisions.map((rev, i) => ({
          ...rev,
          changes: diffSnapshots(revisions[i + 1]?.snapshot ?? null, rev.snapshot, rev.changedFields),
        }));
        res.render('cases/revisions', {
          title: `Versies van ${record.title}`,
          caseId: record.id,
          caseTitle: record.title,
          revisions: withDiffs,
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/cases/:id',
      permission: 'member',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        const record = await findReadableCase(ds, params.id, viewer);
        const [attachments, reactions] = await Promise.all([
          caseAttachments(ds, record.id),
          record.status === 'draft' ? Promise.resolve([]) : shownReactions(ds, [record.id]),
        ]);
        // The author by name, as on the page: an address is not for every member to collect.
        const { author: _email, ...exported } = caseExport(record, null);
        res.json({
          id: record.id,
          url: `${publicBaseUrl(deps.config, req)}/casussen/${record.id}`,
          ...exported,
          authorName: record.authorName,
          version: record.version,
          updatedAt: record.updatedAt,
          attachments: attachments.map((a) => ({
            id: a.id,
            filename: a.filename,
            mimeType: a.mimeType,
            sizeBytes: a.sizeBytes,
            extractionStatus: a.extractionStatus,
            url: `/bijlagen/${a.id}`,
          })),
          // Meedenken: shown reactions only (never hidden or deleted ones), by name.
          reactions: reactions.map(apiReaction),
        });
      },
    }),
  ]);
}
