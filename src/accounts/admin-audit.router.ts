import express, { type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { mount, route } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { auditActions, listAuditEvents } from './admin.queries';
import { auditQuery, type AuditQuery } from './admin.schemas';
import { pageUrl, type Values } from './admin.view-model';

const ACTION_GROUPS: Record<string, string> = {
  user: 'Gebruikers',
  organization: 'Organisaties',
  theme: "Thema's",
  case: 'Casussen',
  login: 'Inloggen',
  meeting: 'Bijeenkomsten',
  nomination: 'Voordrachten',
  reflection: 'Reflecties',
  totp: 'Tweestapsverificatie',
  thesaurus: 'Thesaurus',
  privacy: 'Privacy',
  attachment: 'Bijlagen',
};

/** /beheer/audit: who did what, filtered by action, person and period. */
export function adminAuditRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;

  async function renderAudit(
    res: Response,
    filters: Partial<AuditQuery> & Values,
    errors: FieldErrors,
    run: boolean,
  ) {
    const actions = await auditActions(ds);
    const prefixes = [...new Set(actions.map((a) => a.split('.')[0]))];
    const result = run
      ? await listAuditEvents(ds, filters as AuditQuery)
      : { rows: [], total: 0, page: 1, pages: 1 };
    res.render('admin/audit', {
      title: 'Auditlog',
      filters,
      errors,
      actionGroups: prefixes.map((p) => ({
        label: ACTION_GROUPS[p] ?? p,
        all: `${p}.`,
        actions: actions.filter((a) => a.startsWith(`${p}.`)),
      })),
      events: result.rows.map((e) => ({
        ...e,
        detailsJson: Object.keys(e.details ?? {}).length ? JSON.stringify(e.details) : '',
      })),
      total: result.total,
      page: result.page,
      pages: result.pages,
      prevUrl: result.page > 1 ? pageUrl('/beheer/audit', filters, result.page - 1) : null,
      nextUrl: result.page < result.pages ? pageUrl('/beheer/audit', filters, result.page + 1) : null,
    });
  }

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/beheer/audit',
      permission: 'admin:audit',
      query: auditQuery,
      onInvalid: ({ res, input, errors }) => renderAudit(res, input, errors, false),
      handler: ({ res, query }) => renderAudit(res, query, {}, true),
    }),
  ]);
}
