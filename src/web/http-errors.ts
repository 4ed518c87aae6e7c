/** An error that carries the HTTP status and the Dutch message a person sees. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Deze pagina bestaat niet (meer), of u heeft er geen toegang toe.') =>
  new HttpError(404, message);
export const forbidden = (message = 'U heeft geen toestemming voor deze actie.') =>
  new HttpError(403, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new HttpError(409, message, details);
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new HttpError(400, message, details);
export const serviceUnavailable = (
  message = 'De dienst is tijdelijk niet beschikbaar. Probeer het over een minuut opnieuw.',
) => new HttpError(503, message);
