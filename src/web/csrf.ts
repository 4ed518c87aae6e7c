import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './http-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's synchronizer token, created on first use (so the session is stored before login). */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/** True when the request carries the session's token in `_csrf` (form) or `x-csrf-token` (fetch). */
export function hasValidCsrfToken(req: Request): boolean {
  const expected = req.session?.csrfToken;
  const body = req.body as Record<string, unknown> | undefined;
  const given = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.get('x-csrf-token');
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const CSRF_MESSAGE =
  'Het formulier is verlopen of niet vanaf deze site verstuurd. Laad de pagina opnieuw en probeer het nog eens.';

const multipartRoutes: RegExp[] = [];

/**
 * Declares a path whose multipart body is parsed by the route itself (multer, in attachments/),
 * which then checks the token with hasValidCsrfToken. Everywhere else a multipart body carries
 * no readable token and is refused like any other request without one.
 */
export function checkCsrfAfterMultipart(pattern: RegExp): void {
  multipartRoutes.push(pattern);
}

/** Refuses every state-changing request without the token. */
export function csrfProtection(req: Request, res: Response, next: NextFunction) {
  res.locals.csrfToken = csrfToken(req);
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.is('multipart/form-data') && multipartRoutes.some((p) => p.test(req.path))) return next();
  if (!hasValidCsrfToken(req)) return next(new HttpError(403, CSRF_MESSAGE, { csrf: true }));
  next();
}
