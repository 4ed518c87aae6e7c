import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of a visitor without a session, from their verified pre-session cookie. */
const visitorTokens = new WeakMap<Request, string>();

const newToken = () => randomBytes(32).toString('base64url');

/**
 * The request's CSRF token. A signed-in member (or one halfway through the second factor) has
 * a synchronizer token in the session. Anyone else gets a signed double-submit cookie instead,
 * so a visitor without a session never makes the server store one (a flood of anonymous
 * requests used to add a session row each).
 */
function tokenFor(req: Request, res: Response, cookie: VisitorCookie): string {
  if (req.session?.csrfToken) return req.session.csrfToken;
  if (req.session && (req.user || req.session.pendingUserId)) {
    req.session.csrfToken = newToken();
    return req.session.csrfToken;
  }
  let token = visitorTokens.get(req);
  if (!token) {
    token = newToken();
    visitorTokens.set(req, token);
    res.cookie(cookie.name, `${token}.${cookie.sign(token)}`, cookie.options);
  }
  return token;
}

/** True when the request carries its token in `_csrf` (form) or `x-csrf-token` (fetch). */
export function hasValidCsrfToken(req: Request): boolean {
  const expected = req.session?.csrfToken ?? visitorTokens.get(req);
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

const signedLinkRoutes: RegExp[] = [];

/**
 * Declares a path whose POST is authorised by a signed token in the URL itself (the e-mail's
 * one-click unsubscribe, RFC 8058: a mail client posts it without cookies or a form token).
 */
export function authorisedBySignedLink(pattern: RegExp): void {
  signedLinkRoutes.push(pattern);
}

interface VisitorCookie {
  name: string;
  options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' };
  sign(token: string): string;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Refuses every state-changing request without the token; puts the token in res.locals for forms. */
export function csrfProtection(options: { secret: string; isProduction: boolean }): RequestHandler {
  const cookie: VisitorCookie = {
    // __Host-: only this host over HTTPS may set it, so no sibling domain can plant a token.
    name: options.isProduction ? '__Host-casusbank-csrf' : 'casusbank.csrf',
    options: { httpOnly: true, sameSite: 'lax', secure: options.isProduction, path: '/' },
    sign: (token) => createHmac('sha256', options.secret).update(`csrf:${token}`).digest('base64url'),
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const [token, signature] = (readCookie(req, cookie.name) ?? '').split('.');
    if (token && signature) {
      const a = Buffer.from(signature);
      const b = Buffer.from(cookie.sign(token));
      if (a.length === b.length && timingSafeEqual(a, b)) visitorTokens.set(req, token);
    }
    res.locals.csrfToken = tokenFor(req, res, cookie);
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.method === 'POST' && signedLinkRoutes.some((p) => p.test(req.path))) return next();
    if (req.is('multipart/form-data') && multipartRoutes.some((p) => p.test(req.path))) return next();
    if (!hasValidCsrfToken(req)) return next(new HttpError(403, CSRF_MESSAGE, { csrf: true }));
    next();
  };
}
