import type { Request } from 'express';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS, USER_ROLE_LABELS, USER_ROLES } from '../domain';
import type { Viewer } from '../policy';
import type { FieldErrors } from '../web/validation';
import type { Actor } from './audit';

export type Values = Record<string, unknown>;

/** A row form on a list page that came back with errors (rename, change kind, merge). */
export interface RowForm {
  id: number;
  form: 'edit' | 'merge';
  values: Values;
  errors: FieldErrors;
}

export const ROLE_OPTIONS = USER_ROLES.map((value) => ({ value, label: USER_ROLE_LABELS[value] }));
export const KIND_OPTIONS = ORGANIZATION_KINDS.map((value) => ({
  value,
  label: ORGANIZATION_KIND_LABELS[value],
}));

export const actorOf = (req: Request, viewer: Viewer): Actor => ({ id: viewer.id, ip: req.ip });

/** A list page's URL with one parameter changed (for paging links). */
export function pageUrl(path: string, query: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value && key !== 'pagina') params.set(key, String(value));
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Row-form errors keyed by the row's field ids (veld-name-12), so the error summary links to them. */
export function rowSummary(row?: RowForm): FieldErrors {
  if (!row) return {};
  return Object.fromEntries(
    Object.entries(row.errors).map(([field, message]) => [
      field === '_form' ? '_form' : `${field}-${row.id}`,
      message,
    ]),
  );
}
