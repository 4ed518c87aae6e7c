import express, { type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { mount, route } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { auditActions, listAuditEvents } from './admin.queries';
import { auditQuery, type AuditQuery } from './admin.schemas';
import { pageUrl, type Values } from './admin.view-model';
import { actionText, auditCsv, auditEventView } from './audit.view-model';

/** At most this many events in one CSV export. */
const AUDIT_CSV_MAX = 50_000;

const ACTION_GROUPS: Record<string, string> = {
  user: 'Gebruikers',
  organization: 'Organisaties',
  theme: 'Thema’s',
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
        actions: actions
          .filter((a) => a.startsWith(`${p}.`))
          .map((a) => ({ value: a, label: actionText(a) })),
      })),
      events: result.rows.map(auditEventView),
      csvUrl: pageUrl('/beheer/audit.csv', filters, 1),
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
    route({
      method: 'get',
      path: '/beheer/audit.csv',
      permission: 'admin:audit',
      query: auditQuery,
      handler: async ({ res, query }) => {
        // For an auditor: every matching event (up to a sane ceiling), not one page.
        const { rows } = await listAuditEvents(ds, { ...query, pagina: 1 }, AUDIT_CSV_MAX);
        res.set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="auditlog.csv"',
          'Cache-Control': 'no-store',
        });
        res.send(`\uFEFF${auditCsv(rows)}`); // the BOM makes Excel read UTF-8
      },
    }),
  ]);
}
