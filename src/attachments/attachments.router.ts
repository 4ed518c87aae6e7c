import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { can, type Viewer } from '../policy';
import { CSRF_MESSAGE, checkCsrfAfterMultipart, hasValidCsrfToken } from '../web/csrf';
import { HttpError, badRequest, forbidden, notFound } from '../web/http-errors';
import { flash } from '../web/flash';
import { authorize, mount, route } from '../web/route';
import { idParam } from '../web/validation';
import { findAttachment, loadCaseRef } from './attachments.queries';
import type { AddedAttachment } from './attachments.service';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, MAX_FILES } from './file-types';
import { contentDisposition, sanitizeFilename } from './filenames';
import { formatMb, UPLOAD_FORM, uploadReceiver } from './uploads';
import { formatBytes } from '../web/view-helpers';

const idParams = z.object({ id: idParam });
const UPLOAD_PATH = '/casussen/:id/bijlagen';
const REPORT_UPLOAD_PATH = '/bijeenkomsten/:id/verslag/bijlagen';
// The routes whose multipart body may pass the global CSRF check: checkCsrf below reads it.
checkCsrfAfterMultipart(/^\/casussen\/[^/]+\/bijlagen\/?$/);
checkCsrfAfterMultipart(/^\/bijeenkomsten\/[^/]+\/verslag\/bijlagen\/?$/);
const REPLACE_PATH = '/bijlagen/:id/vervangen';
/** Files chosen on the new-case form (with JavaScript): stored until the case is saved. */
const STAGE_PATH = '/bijlagen/voorlopig';
checkCsrfAfterMultipart(/^\/bijlagen\/voorlopig\/?$/);
checkCsrfAfterMultipart(/^\/bijlagen\/[^/]+\/vervangen\/?$/);

/** Where a refused upload sends the person back to, and what the form there posts to. */
interface UploadTarget {
  action: string;
  back: { href: string; label: string };
}

/**
 * Upload (multipart, the only multer in the app), download and delete of attachments: a case's,
 * and those of a meeting's verslag (the kerngroep adds them; every member reads them).
 */
export function attachmentRoutes(deps: AppContext) {
  const { config, db, logger } = deps;
  const ds = db.dataSource;
  const { attachments: service, blobs, extraction } = deps.services;
  const maxMb = formatMb(config.uploadMaxBytes);
  const { receive: receiveFiles, removeTempFiles } = uploadReceiver(
    config.dataDir,
    config.uploadMaxBytes,
    UPLOAD_FORM,
  );

  /** Before any byte is stored: the case exists, the viewer may see it (else 404) and edit it (else 403). */
  const loadEditableCase: RequestHandler = async (req, res, next) => {
    const id = idParam.safeParse(req.params.id);
    const ref = id.success ? await loadCaseRef(ds, id.data) : undefined;
    const viewer = req.user as Viewer;
    if (!ref || !can(viewer, 'case:read', ref)) return next(notFound());
    if (!can(viewer, 'case:edit', ref))
      return next(forbidden('U mag aan deze casus geen bijlagen toevoegen.'));
    res.locals.uploadTarget = {
      action: `/casussen/${id.data}/bijlagen`,
      back: { href: `/casussen/${id.data}#bijlagen`, label: 'terug naar de casus' },
    } satisfies UploadTarget;
    next();
  };

  /** Before any byte is stored: the meeting exists and is held (its verslag can be written). */
  const loadReportMeeting: RequestHandler = async (req, res, next) => {
    const id = idParam.safeParse(req.params.id);
    const [meeting] = id.success
      ? await ds.query(`SELECT status FROM meetings WHERE id = $1`, [id.data])
      : [];
    if (!meeting) return next(notFound('Deze bijeenkomst bestaat niet (meer).'));
    if (meeting.status !== 'held')
      return next(new HttpError(409, 'Voeg bijlagen aan het verslag toe nadat de bijeenkomst is gehouden.'));
    res.locals.uploadTarget = {
      action: `/bijeenkomsten/${id.data}/verslag/bijlagen`,
      back: { href: `/bijeenkomsten/${id.data}/verslag/bewerken#bijlagen`, label: 'terug naar het verslag' },
    } satisfies UploadTarget;
    next();
  };

  /** The same checks for replacing one attachment: its case readable (else 404) and editable (else 403). */
  const loadEditableAttachment: RequestHandler = async (req, res, next) => {
    const id = idParam.safeParse(req.params.id);
    const attachment = id.success ? await findAttachment(ds, id.data) : undefined;
    // A meeting report's attachment has no case: not replaceable here.
    const ref = attachment?.caseId ? await loadCaseRef(ds, attachment.caseId) : undefined;
    const viewer = req.user as Viewer;
    if (!attachment?.caseId || !ref || !can(viewer, 'case:read', ref)) return next(notFound());
    if (!can(viewer, 'case:edit', ref))
      return next(forbidden('U mag de bijlagen van deze casus niet wijzigen.'));
    res.locals.uploadTarget = {
      action: `/casussen/${attachment.caseId}/bijlagen`,
      back: { href: `/casussen/${attachment.caseId}#bijlage-${attachment.id}`, label: 'terug naar de casus' },
    } satisfies UploadTarget;
    next();
  };

  /**
   * A token sent in the x-csrf-token header (fetch, scripts) is checked before multer writes a
   * byte to disk; only a form's `_csrf` field has to wait for the body (checkCsrf below).
   */
  const checkCsrfHeader: RequestHandler = (req, _res, next) => {
    if (req.get('x-csrf-token') === undefined || hasValidCsrfToken(req)) return next();
    next(new HttpError(403, CSRF_MESSAGE, { csrf: true }));
  };

  /** The global CSRF check skips multipart bodies: the token is only readable now. */
  const checkCsrf: RequestHandler = (req, _res, next) => {
    if (hasValidCsrfToken(req)) return next();
    next(new HttpError(403, CSRF_MESSAGE, { csrf: true }));
  };

  /** Upload errors: temp files gone first, then the upload form again with the reason (or JSON). */
  const uploadErrors: ErrorRequestHandler = async (error, req, res, next) => {
    await removeTempFiles(req);
    const target = res.locals.uploadTarget as UploadTarget | undefined;
    if (req.method !== 'POST' || !(error instanceof HttpError) || target === undefined || res.headersSent)
      return next(error);
    req.log?.info({ status: error.status, reason: error.message }, 'upload refused');
    res.status(error.status);
    if (wantsJson(req)) return res.json({ error: error.message, status: error.status });
    res.render('attachments/upload-error', {
      title: 'Bijlage niet toegevoegd',
      status: error.status,
      message: error.message,
      target,
      allowedTypes: ALLOWED_TYPES_TEXT,
      accept: ACCEPT_ATTRIBUTE,
      maxMb,
      maxFiles: MAX_FILES,
      requestId: String(req.id ?? ''),
    });
  };

  /**
   * The attachment, if the viewer may read what it belongs to: its case (404 otherwise, so drafts
   * stay invisible), or a meeting's verslag, which every member reads.
   */
  async function readableAttachment(id: number, viewer: Viewer) {
    const attachment = await findAttachment(ds, id);
    if (!attachment) throw notFound();
    if (attachment.caseId === null) return { attachment, ref: null };
    const ref = await loadCaseRef(ds, attachment.caseId);
    if (!ref || !can(viewer, 'case:read', ref)) throw notFound();
    return { attachment, ref };
  }

  /** The new-case form's files go back to that form. */
  const stageTarget: RequestHandler = (_req, res, next) => {
    res.locals.uploadTarget = {
      action: STAGE_PATH,
      back: { href: '/casussen/nieuw', label: 'terug naar het formulier' },
    } satisfies UploadTarget;
    next();
  };

  const router = mount(express.Router(), [
    route({
      method: 'post',
      path: STAGE_PATH,
      permission: 'case:create',
      middleware: [stageTarget, checkCsrfHeader, receiveFiles, checkCsrf],
      handler: async ({ req, res, viewer }) => {
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        if (files.length === 0) throw badRequest('Kies minstens één bestand om toe te voegen.');
        const staged = await service.stage(files, viewer.id);
        // The form keeps these ids and sends them with the case; claim() attaches the files then.
        res.status(201).json({
          uploads: staged.map((p) => ({ ...p, size: formatBytes(p.sizeBytes) })),
        });
      },
    }),
    route({
      method: 'post',
      path: UPLOAD_PATH,
      permission: 'member',
      params: idParams,
      middleware: [loadEditableCase, checkCsrfHeader, receiveFiles, checkCsrf],
      handler: async ({ req, res, viewer, params }) => {
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        if (files.length === 0) throw badRequest('Kies minstens één bestand om toe te voegen.');
        const added = await service.add(params.id, files, viewer.id);
        setImmediate(() => extraction.kick()); // text extraction runs after the response
        if (wantsJson(req)) return res.status(201).json({ attachments: added.map(toJson) });
        flash(
          req,
          added.length === 1
            ? `“${added[0].filename}” is toegevoegd.`
            : `${added.length} bijlagen zijn toegevoegd.`,
        );
        res.redirect(303, `/casussen/${params.id}#bijlagen`);
      },
    }),
    route({
      method: 'post',
      path: REPORT_UPLOAD_PATH,
      permission: 'meeting:manage',
      params: idParams,
      middleware: [loadReportMeeting, checkCsrfHeader, receiveFiles, checkCsrf],
      handler: async ({ req, res, viewer, params }) => {
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        if (files.length === 0) throw badRequest('Kies minstens één bestand om toe te voegen.');
        const added = await service.add({ meetingId: params.id }, files, viewer.id);
        if (wantsJson(req)) return res.status(201).json({ attachments: added.map(toJson) });
        flash(
          req,
          added.length === 1
            ? `“${added[0].filename}” is bij het verslag gevoegd.`
            : `${added.length} bijlagen zijn bij het verslag gevoegd.`,
        );
        res.redirect(303, `/bijeenkomsten/${params.id}/verslag/bewerken#bijlagen`);
      },
    }),
    route({
      method: 'post',
      path: REPLACE_PATH,
      permission: 'member',
      params: idParams,
      middleware: [loadEditableAttachment, checkCsrfHeader, receiveFiles, checkCsrf],
      handler: async ({ req, res, viewer, params }) => {
        const files = (req.files as Express.Multer.File[] | undefined) ?? [];
        if (files.length !== 1)
          throw badRequest('Kies één bestand: de geanonimiseerde versie van deze bijlage.');
        const caseId = await service.replace(params.id, files[0], viewer.id);
        if (caseId === undefined) throw notFound(); // deleted in the meantime
        setImmediate(() => extraction.kick());
        flash(
          req,
          `De bijlage is vervangen door “${sanitizeFilename(files[0].originalname)}”. De tekst wordt opnieuw gelezen en gecontroleerd.`,
        );
        res.redirect(303, `/casussen/${caseId}#bijlage-${params.id}`);
      },
    }),
    route({
      method: 'get',
      path: '/bijlagen/:id',
      permission: 'member',
      params: idParams,
      query: z.object({ inline: z.string().optional() }),
      handler: async ({ res, viewer, params, query }) => {
        const { attachment } = await readableAttachment(params.id, viewer);
        const size = await blobs.size(attachment.sha256);
        if (size === undefined) {
          logger.error({ attachmentId: attachment.id, sha256: attachment.sha256 }, 'attachment blob missing');
          throw notFound('Het bestand van deze bijlage ontbreekt. Meld dit bij de beheerder.');
        }
        const inline = query.inline === '1' && attachment.mimeType.startsWith('image/');
        res.set({
          'Content-Type': attachment.mimeType,
          'Content-Length': String(size),
          'Content-Disposition': contentDisposition(attachment.filename, inline ? 'inline' : 'attachment'),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, max-age=0',
        });
        const stream = blobs.createReadStream(attachment.sha256);
        stream.on('error', (error) => {
          logger.error({ err: error, attachmentId: attachment.id }, 'attachment stream failed');
          res.destroy(error);
        });
        res.on('close', () => stream.destroy());
        stream.pipe(res);
      },
    }),
    route({
      method: 'post',
      path: '/bijlagen/:id/verwijderen',
      permission: 'member',
      params: idParams,
      body: z.object({}),
      handler: async ({ req, res, viewer, params }) => {
        const { attachment, ref } = await readableAttachment(params.id, viewer);
        if (ref) authorize(viewer, 'case:edit', ref);
        else authorize(viewer, 'meeting:manage');
        const removed = await service.remove(attachment.id);
        if (removed === undefined) throw notFound(); // deleted in the meantime
        flash(req, `“${attachment.filename}” is verwijderd.`);
        res.redirect(
          303,
          removed.caseId !== null
            ? `/casussen/${removed.caseId}#bijlagen`
            : `/bijeenkomsten/${removed.meetingId}/verslag/bewerken#bijlagen`,
        );
      },
    }),
  ]);
  router.use(UPLOAD_PATH, uploadErrors);
  router.use(REPORT_UPLOAD_PATH, uploadErrors);
  router.use(REPLACE_PATH, uploadErrors);
  router.use(STAGE_PATH, uploadErrors);
  return router;
}

function toJson(a: AddedAttachment) {
  return { ...a, url: `/bijlagen/${a.id}` };
}

function wantsJson(req: Request): boolean {
  return req.accepts(['html', 'json']) === 'json';
}
