import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/data-source';
import { HttpError } from './http-errors';

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Pagina niet gevonden',
  409: 'Conflict',
  413: 'Te groot',
  415: 'Bestandstype niet toegestaan',
  422: 'Kan niet verwerken',
  429: 'Te veel verzoeken',
  500: 'Er ging iets mis',
  503: 'Tijdelijk niet beschikbaar',
};

/** Unknown routes: a Dutch 404 page (or JSON under /api). */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(
    new HttpError(404, 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.'),
  );
};

/** Maps every error to a status and a Dutch page; logs unexpected ones with their stack. */
export function errorHandler(options: { showStack: boolean }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status = 500;
    let message =
      'Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het gebeuren, noem dan de foutcode hieronder.';
    let details: Record<string, unknown> | undefined;
    const e = err as { type?: string; status?: number; statusCode?: number; expose?: boolean };

    if (err instanceof HttpError) {
      status = err.status;
      message = err.message;
      details = err.details;
    } else if (e.type === 'entity.too.large') {
      status = 413;
      message = 'Het verzonden formulier is te groot.';
    } else if (
      e.type === 'entity.parse.failed' ||
      e.type === 'encoding.unsupported' ||
      e.type === 'charset.unsupported'
    ) {
      status = 400;
      message = 'Het verzonden formulier kon niet gelezen worden.';
    } else if (isDatabaseUnavailable(err)) {
      status = 503;
      message = 'De database is tijdelijk niet bereikbaar. Probeer het over een minuut opnieuw.';
      // The session cannot be saved either: without this, express-session tries at res.end(),
      // fails, and cuts the 503 page off half-way (the client sees "socket hang up").
      (req as { session?: unknown }).session = undefined;
    } else if (err instanceof URIError) {
      // A path like /casussen/%ff: the router cannot decode it, so no page has that address.
      status = 400;
      message = 'Dit adres bevat tekens die niet gelezen kunnen worden. Controleer het adres.';
    } else if (e.expose && typeof (e.status ?? e.statusCode) === 'number') {
      status = (e.status ?? e.statusCode) as number;
      message = TITLES[status] ?? 'Ongeldig verzoek.';
    }

    if (status >= 500) req.log?.error({ err }, 'request failed');
    else req.log?.info({ status, reason: message }, 'request refused');

    if (res.headersSent) return res.end();
    res.status(status);
    if (status === 503) res.set('Retry-After', '30');
    const requestId = String(req.id ?? '');
    if (req.originalUrl.startsWith('/api/') || (!req.accepts('html') && req.accepts('json'))) {
      return res.json({
        error: message,
        status,
        requestId,
        ...(details?.errors ? { errors: details.errors } : {}),
      });
    }
    res.render('errors/error', {
      title: TITLES[status] ?? 'Fout',
      status,
      message,
      details,
      requestId,
      stack: options.showStack && status >= 500 ? (err as Error).stack : undefined,
    });
  };
}
