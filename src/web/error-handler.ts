import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/data-source';
import { HttpError } from './http-errors';

const TITLES: Record<number, string> = {
  400: 'Dit verzoek klopt niet',
  401: 'U bent niet ingelogd',
  403: 'Hier heeft u geen toegang toe',
  404: 'Deze pagina bestaat niet',
  409: 'Dit kan nu niet',
  413: 'Dit is te groot',
  415: 'Dit bestandstype kan niet',
  422: 'Dit kunnen we niet verwerken',
  429: 'Even te veel tegelijk',
  500: 'Er ging iets mis',
  503: 'De Casusbank is even niet bereikbaar',
};

/** What someone can do next, per status, after the message that says what happened. */
const ADVICE: Record<number, string> = {
  403: 'Denkt u dat u hier wel bij zou moeten kunnen? Vraag het de beheerder van de vakgemeenschap.',
  404: 'Misschien is wat u zocht verwijderd of nog een concept, of is het adres niet helemaal goed overgenomen.',
  409: 'Laad de pagina opnieuw en probeer het nog eens.',
  413: 'Maak het bestand of de tekst kleiner en probeer het opnieuw.',
  415: 'Sla het bestand op als PDF, Word-document of afbeelding (PNG of JPEG) en probeer het opnieuw.',
  429: 'Wacht een paar minuten en probeer het dan opnieuw.',
  500: 'Probeer het over een paar minuten opnieuw. Blijft het gebeuren, meld het dan bij de beheerder.',
  503: 'Probeer het over een minuut opnieuw.',
};

/** The page someone came from, when it is on this site (a link back, never to elsewhere). */
export function backUrlOf(req: Request): string | null {
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.host !== req.get('host')) return null;
    const path = url.pathname + url.search;
    return path === req.originalUrl ? null : path;
  } catch {
    return null;
  }
}

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
    let message = 'Er ging aan onze kant iets mis; wat u deed is waarschijnlijk niet opgeslagen.';
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
      title: TITLES[status] ?? 'Er ging iets mis',
      status,
      message,
      advice: ADVICE[status] ?? null,
      backUrl: backUrlOf(req),
      details,
      requestId,
      stack: options.showStack && status >= 500 ? (err as Error).stack : undefined,
    });
  };
}
