import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { can, type Action, type Args, type policy, type Viewer } from '../policy';
import { HttpError, forbidden } from './http-errors';
import { fieldErrors, UNREADABLE_MESSAGE, unreadablePaths, type FieldErrors } from './validation';

/** Actions whose rule needs no resource: they can be checked before the handler runs. */
type ResourceFreeAction = {
  [A in Action]: Parameters<(typeof policy)[A]>['length'] extends 1 ? A : never;
}[Action];

/**
 * Who may call a route: 'public' (no login), 'member' (any signed-in member; object rules are
 * checked in the handler with authorize()), or an action from policy.ts checked up front.
 */
export type Permission = 'public' | 'member' | ResourceFreeAction;

export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  /** The signed-in member; undefined only on 'public' routes. */
  viewer: Viewer;
  body: B;
  query: Q;
  params: P;
}

export interface InvalidContext<P = unknown> {
  req: Request;
  res: Response;
  viewer: Viewer;
  /** The route's parsed params (checked before the body: an unreadable :id is a 404 first). */
  params: P;
  errors: FieldErrors;
  /** What the person sent, to put back in the form. */
  input: Record<string, unknown>;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'get' | 'post' | 'delete';
  path: string;
  permission: Permission;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Runs after the permission check and before validation (multer lives here for uploads). */
  middleware?: RequestHandler[];
  /** Renders the form again with the errors and the input kept; without it, a 400 lists the problems. */
  onInvalid?: (ctx: InvalidContext<P>) => unknown;
  /**
   * Renders the form again when the handler's write is refused (a 400/409 from a service, e.g. a
   * name already taken), with the service's message at its field and the status kept; usually the
   * same function as onInvalid. Without it, the refusal goes to the error page.
   */
  onRefused?: (ctx: InvalidContext<P>) => unknown;
  handler: (ctx: RouteContext<B, Q, P>) => unknown;
}

/** Every route mounted through `mount` ("GET /casussen/:id" → permission), for the permission-table test. */
export const routeRegistry = new Map<string, Permission>();

/** Declares one route; the generics come from its schemas, so handlers read typed, parsed input. */
export function route<B = unknown, Q = unknown, P = unknown>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> {
  return spec;
}

/** Throws 403 unless the viewer may do this (the handler's object-level check). */
export function authorize<A extends Action>(viewer: Viewer, action: A, ...resource: Args<A>): void {
  if (!can(viewer, action, ...resource)) throw forbidden();
}

function wantsJson(req: Request): boolean {
  return (
    req.path.startsWith('/api/') ||
    req.originalUrl.startsWith('/api/') ||
    req.accepts(['html', 'json']) === 'json'
  );
}

/** Sends a logged-out visitor to the login page (HTML) or answers 401 (API). */
export function requireLogin(req: Request, res: Response): boolean {
  if (req.user) return true;
  if (wantsJson(req)) {
    res.status(401).json({ error: 'Niet ingelogd.' });
  } else if (req.method === 'GET') {
    res.redirect(303, `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
  } else {
    res.status(401);
    res.render('errors/error', {
      title: 'Niet ingelogd',
      status: 401,
      message: 'Uw sessie is verlopen. Log opnieuw in.',
    });
  }
  return false;
}

/** What the person sent (query and form), to put back in the form; never the CSRF token. */
function inputOf(req: Request): Record<string, unknown> {
  const input = {
    ...(req.query as Record<string, unknown>),
    ...((req.body as Record<string, unknown>) ?? {}),
  };
  delete input._csrf;
  return input;
}

/**
 * A service's refusal as form errors: a 400/409/422 HttpError names its field in its details (else
 * the whole form). Anything else is not a refusal the form can show.
 */
function refusalOf(error: unknown): { status: number; errors: FieldErrors } | null {
  if (!(error instanceof HttpError) || ![400, 409, 422].includes(error.status)) return null;
  const given = error.details?.errors as FieldErrors | undefined;
  const field = typeof error.details?.field === 'string' ? error.details.field : '_form';
  return { status: error.status, errors: given ?? { [field]: error.message } };
}

/**
 * Registers routes on a router. A route without a permission is refused at start-up, so
 * nothing is reachable by accident (DESIGN.md, rule 4).
 */
export function mount(router: Router, routes: RouteSpec<any, any, any>[]): Router {
  for (const spec of routes) {
    if (!spec.permission)
      throw new Error(`Route ${spec.method.toUpperCase()} ${spec.path} heeft geen permission`);
    routeRegistry.set(`${spec.method.toUpperCase()} ${spec.path}`, spec.permission);
    const guard: RequestHandler = (req, res, next) => {
      if (spec.permission === 'public') return next();
      if (!requireLogin(req, res)) return;
      if (spec.permission !== 'member' && !can(req.user as Viewer, spec.permission)) return next(forbidden());
      next();
    };
    const handle = async (req: Request, res: Response, next: NextFunction) => {
      const viewer = req.user as Viewer;
      const params = spec.params
        ? spec.params.safeParse(req.params)
        : { success: true as const, data: req.params };
      if (!params.success || unreadablePaths(params.data).length > 0)
        return next(new HttpError(404, 'Deze pagina bestaat niet.'));
      const query = spec.query
        ? spec.query.safeParse(req.query)
        : { success: true as const, data: req.query };
      const body = spec.body
        ? spec.body.safeParse(req.body ?? {})
        : { success: true as const, data: req.body };
      // Whatever a schema lets through, no NUL or lone surrogate reaches a handler (PostgreSQL refuses them).
      // (A route without a body schema parses its form itself, with readable() from validation.ts.)
      const unreadable = [
        ...(query.success ? unreadablePaths(query.data) : []),
        ...(body.success && spec.body ? unreadablePaths(body.data) : []),
      ];
      if (!query.success || !body.success || unreadable.length > 0) {
        const errors: FieldErrors = {
          ...Object.fromEntries(unreadable.map((p) => [p[0] ?? '_form', `Dit veld ${UNREADABLE_MESSAGE}`])),
          ...(query.success ? {} : fieldErrors(query.error)),
          ...(body.success ? {} : fieldErrors(body.error)),
        };
        if (spec.onInvalid) {
          res.status(400);
          return spec.onInvalid({ req, res, viewer, params: params.data, errors, input: inputOf(req) });
        }
        return next(new HttpError(400, 'De invoer is niet in orde.', { errors }));
      }
      try {
        await spec.handler({ req, res, viewer, body: body.data, query: query.data, params: params.data });
      } catch (error) {
        const refusal = spec.onRefused && !res.headersSent ? refusalOf(error) : null;
        if (!refusal) throw error;
        res.status(refusal.status);
        return spec.onRefused!({
          req,
          res,
          viewer,
          params: params.data,
          errors: refusal.errors,
          input: inputOf(req),
        });
      }
    };
    router[spec.method](spec.path, guard, ...(spec.middleware ?? []), handle);
  }
  return router;
}
