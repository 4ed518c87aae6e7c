import { HttpError } from './http-errors';
import type { FieldErrors } from './validation';

export type Attempt<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldErrors };

/**
 * Runs a service write; a 400/409 from the service becomes form errors (the field named in its
 * details, else the whole form), so the handler can show the form again with the input kept.
 */
export async function attempt<T>(write: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
    const given = error.details?.errors as FieldErrors | undefined;
    const field = typeof error.details?.field === 'string' ? error.details.field : '_form';
    return { ok: false, status: error.status, errors: given ?? { [field]: error.message } };
  }
}
