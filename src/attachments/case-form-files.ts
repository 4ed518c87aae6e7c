import type { RequestHandler } from 'express';
import type { AppContext } from '../web/app-deps';
import type { Viewer } from '../policy';
import { CSRF_MESSAGE, checkCsrfAfterMultipart, hasValidCsrfToken } from '../web/csrf';
import { HttpError } from '../web/http-errors';
import { pendingIdsOf } from './attachments.queries';
import { uploadReceiver, type FormLimits } from './uploads';

/** The form field that carries the ids of files already stored for the case being written. */
export const PENDING_FIELD = 'wachtendeBijlagen';

// The case form (new and edit) is multipart (it takes files); its token is read after the body (below).
checkCsrfAfterMultipart(/^\/casussen\/?$/);
checkCsrfAfterMultipart(/^\/casussen\/\d+\/?$/);

/** The case form's text fields: ~60 of them (every theme is one), a long Markdown section each up to 20,000 characters. */
const CASE_FORM: FormLimits = { fields: 300, fieldSize: 100 * 1024 };

/**
 * Files sent with the case form, new or edit (without JavaScript; with it a new case's files were
 * staged already and only their ids come along, and an existing case's went straight to it). Each file is checked and stored as a pending upload of the member
 * by the attachment rules (AttachmentsService.stage) before the form is validated, so a form
 * that comes back with an error keeps them: their ids go into the form's PENDING_FIELD and the
 * form lists them. A refused file (too big, wrong type, empty) is left in res.locals.uploadProblem
 * with its Dutch message; the route then saves nothing and shows the form again.
 */
export function caseFormFiles(deps: AppContext): RequestHandler[] {
  const { config } = deps;
  const { attachments } = deps.services;
  const receiver = uploadReceiver(config.dataDir, config.uploadMaxBytes, CASE_FORM);

  const receive: RequestHandler = (req, res, next) =>
    receiver.receive(req, res, (error?: unknown) => {
      if (!(error instanceof HttpError)) return next(error);
      // Too big or too many: multer stopped reading and removed what it had. The fields read so far
      // (everything above the file input) still go back into the form.
      res.locals.uploadProblem = new HttpError(
        error.status,
        `${error.message} Er is niets opgeslagen: kies de bestanden opnieuw.`,
      );
      req.files = [];
      next();
    });

  const checkCsrf: RequestHandler = (req, _res, next) => {
    if (hasValidCsrfToken(req)) return next();
    next(new HttpError(403, CSRF_MESSAGE, { csrf: true }));
  };

  const stage: RequestHandler = async (req, res, next) => {
    try {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      if (files.length === 0) return next();
      const viewer = req.user as Viewer;
      const body = req.body as Record<string, unknown>;
      const ids = pendingIdsOf(body[PENDING_FIELD]);
      const refused: HttpError[] = [];
      for (const file of files) {
        try {
          ids.push(...(await attachments.stage([file], viewer.id)).map((p) => p.id));
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          refused.push(error);
        }
      }
      body[PENDING_FIELD] = ids;
      if (refused.length) {
        const kept = files.length - refused.length;
        res.locals.uploadProblem = new HttpError(
          refused[0].status,
          [
            ...refused.map((e) => e.message),
            kept ? 'De andere bestanden zijn bewaard; ze staan hieronder.' : '',
            'De casus is nog niet opgeslagen.',
          ]
            .filter(Boolean)
            .join(' '),
        );
      }
      next();
    } catch (error) {
      next(error);
    } finally {
      await receiver.removeTempFiles(req);
    }
  };

  return [receive, checkCsrf, stage];
}
