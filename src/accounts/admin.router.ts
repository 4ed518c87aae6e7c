import express, { type Request, type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS, USER_ROLE_LABELS, USER_ROLES } from '../domain';
import { can, type Viewer } from '../policy';
import { notFound } from '../web/http-errors';
import { attempt } from '../web/attempt';
import { flash } from '../web/flash';
import { mount, route } from '../web/route';
import { publicBaseUrl } from '../web/public-url';
import type { FieldErrors } from '../web/validation';
import type { MailMessage } from '../mail/mailer';
import {
  auditActions,
  findUserDetail,
  listAuditEvents,
  listOrganizations,
  listThemes,
  listUsers,
  organizationOptions,
} from './admin.queries';
import {
  auditQuery,
  idParams,
  inviteBody,
  mergeThemeBody,
  organizationBody,
  themeBody,
  updateUserBody,
  userListQuery,
  type AuditQuery,
} from './admin.schemas';
import type { Actor } from './audit';
import { INVITATION_DAYS } from './users.service';

type Values = Record<string, unknown>;
/** A row form on a list page that came back with errors (rename, change kind, merge). */
interface RowForm {
  id: number;
  form: 'edit' | 'merge';
  values: Values;
  errors: FieldErrors;
}

const ROLE_OPTIONS = USER_ROLES.map((value) => ({ value, label: USER_ROLE_LABELS[value] }));
const KIND_OPTIONS = ORGANIZATION_KINDS.map((value) => ({ value, label: ORGANIZATION_KIND_LABELS[value] }));
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
};

const actorOf = (req: Request, viewer: Viewer): Actor => ({ id: viewer.id, ip: req.ip });

/** The e-mail with an invitation or password link (also shown to the admin, who may send it on). */
export function linkMail(
  purpose: 'invite' | 'reset',
  user: { name: string; email: string },
  link: string,
): MailMessage {
  const validity = `De link werkt één keer en is ${INVITATION_DAYS} dagen geldig.`;
  if (purpose === 'invite') {
    return {
      to: user.email,
      subject: 'Uw uitnodiging voor de Casusbank',
      text: [
        `Beste ${user.name},`,
        '',
        'U bent uitgenodigd voor de Casusbank van de vakgemeenschap. Kies via deze link uw wachtwoord:',
        '',
        link,
        '',
        `${validity} Verwacht u deze uitnodiging niet? Dan kunt u dit bericht negeren.`,
      ].join('\n'),
    };
  }
  return {
    to: user.email,
    subject: 'Nieuw wachtwoord instellen voor de Casusbank',
    text: [
      `Beste ${user.name},`,
      '',
      'De beheerder heeft een link gemaakt waarmee u een nieuw wachtwoord kiest:',
      '',
      link,
      '',
      `${validity} Eerdere links werken niet meer. Heeft u hier niet om gevraagd? Neem dan contact op met de beheerder.`,
    ].join('\n'),
  };
}

/** A list page's URL with one parameter changed (for paging links). */
function pageUrl(path: string, query: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value && key !== 'pagina') params.set(key, String(value));
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The admin area (/beheer): accounts, organisations, themes and the audit log. */
export function adminRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;
  const { users, organizations, themes } = deps.services;

  async function renderInvite(res: Response, values: Values, errors: FieldErrors) {
    res.render('admin/user-new', {
      title: 'Gebruiker uitnodigen',
      values,
      errors,
      organizations: await organizationOptions(ds),
      roles: ROLE_OPTIONS,
    });
  }

  async function renderUser(
    res: Response,
    viewer: Viewer,
    id: number,
    form?: { values?: Values; errors: FieldErrors },
  ) {
    const user = await findUserDetail(ds, id);
    if (!user) throw notFound('Dit account bestaat niet.');
    res.render('admin/user', {
      title: user.name,
      user,
      values: form?.values ?? { name: user.name, organizationId: user.organizationId, roles: user.roles },
      errors: form?.errors ?? {},
      organizations: await organizationOptions(ds),
      roles: ROLE_OPTIONS,
      isSelf: user.id === viewer.id,
    });
  }

  function renderLink(
    res: Response,
    req: Request,
    user: { id: number; name: string; email: string },
    token: string,
    purpose: 'invite' | 'reset',
  ) {
    const link = `${publicBaseUrl(deps.config, req)}/uitnodiging/${token}`;
    const mailer = deps.mailer?.enabled ? deps.mailer : undefined;
    mailer?.send(linkMail(purpose, user, link));
    // The token is shown once: keep the page out of every cache.
    res.set('Cache-Control', 'no-store');
    res.render('admin/link', {
      title: purpose === 'invite' ? 'Uitnodiging aangemaakt' : 'Wachtwoordlink aangemaakt',
      purpose,
      user,
      link,
      mailed: mailer !== undefined,
      days: INVITATION_DAYS,
    });
  }

  async function renderOrganizations(
    res: Response,
    state: { create?: { values: Values; errors: FieldErrors }; row?: RowForm } = {},
  ) {
    const list = await listOrganizations(ds);
    if (state.row && !list.some((o) => o.id === state.row?.id))
      throw notFound('Deze organisatie bestaat niet.');
    res.render('admin/organizations', {
      title: 'Organisaties',
      organizations: list,
      kinds: KIND_OPTIONS,
      create: state.create ?? { values: {}, errors: {} },
      row: state.row ?? null,
      summaryErrors: state.create?.errors ?? rowSummary(state.row),
    });
  }

  async function renderThemes(
    res: Response,
    state: { create?: { values: Values; errors: FieldErrors }; row?: RowForm } = {},
  ) {
    const list = await listThemes(ds);
    if (state.row && !list.some((t) => t.id === state.row?.id)) throw notFound('Dit thema bestaat niet.');
    res.render('admin/themes', {
      title: "Thema's",
      themes: list,
      create: state.create ?? { values: {}, errors: {} },
      row: state.row ?? null,
      summaryErrors: state.create?.errors ?? rowSummary(state.row),
    });
  }

  /** Row-form errors keyed by the row's field ids (veld-name-12), so the error summary links to them. */
  function rowSummary(row?: RowForm): FieldErrors {
    if (!row) return {};
    return Object.fromEntries(
      Object.entries(row.errors).map(([field, message]) => [
        field === '_form' ? '_form' : `${field}-${row.id}`,
        message,
      ]),
    );
  }

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
      path: '/beheer',
      permission: 'admin:any',
      handler: ({ res, viewer }) =>
        res.render('admin/index', {
          title: 'Beheer',
          may: {
            users: can(viewer, 'admin:users'),
            organizations: can(viewer, 'admin:organizations'),
            themes: can(viewer, 'admin:themes'),
            thesaurus: can(viewer, 'admin:thesaurus'),
            audit: can(viewer, 'admin:audit'),
          },
        }),
    }),

    // Accounts
    route({
      method: 'get',
      path: '/beheer/gebruikers',
      permission: 'admin:users',
      query: userListQuery,
      handler: async ({ res, query }) => {
        const result = await listUsers(ds, query);
        res.render('admin/users', {
          title: 'Gebruikers',
          q: query.q,
          ...result,
          prevUrl: result.page > 1 ? pageUrl('/beheer/gebruikers', query, result.page - 1) : null,
          nextUrl: result.page < result.pages ? pageUrl('/beheer/gebruikers', query, result.page + 1) : null,
        });
      },
    }),
    route({
      method: 'get',
      path: '/beheer/gebruikers/nieuw',
      permission: 'admin:users',
      handler: ({ res }) => renderInvite(res, { roles: ['practitioner'] }, {}),
    }),
    route({
      method: 'post',
      path: '/beheer/gebruikers',
      permission: 'admin:users',
      body: inviteBody,
      onInvalid: ({ res, input, errors }) => renderInvite(res, input, errors),
      handler: async ({ req, res, viewer, body }) => {
        const result = await attempt(() => users.invite(body, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderInvite(res, body, result.errors);
        }
        renderLink(
          res,
          req,
          { id: result.value.userId, name: body.name, email: body.email },
          result.value.token,
          'invite',
        );
      },
    }),
    route({
      method: 'get',
      path: '/beheer/gebruikers/:id',
      permission: 'admin:users',
      params: idParams,
      handler: ({ res, viewer, params }) => renderUser(res, viewer, params.id),
    }),
    route({
      method: 'post',
      path: '/beheer/gebruikers/:id',
      permission: 'admin:users',
      params: idParams,
      body: updateUserBody,
      onInvalid: async ({ req, res, viewer, input, errors }) => {
        const id = idParams.safeParse(req.params);
        if (!id.success) throw notFound();
        await renderUser(res, viewer, id.data.id, { values: input, errors });
      },
      handler: async ({ req, res, viewer, params, body }) => {
        const result = await attempt(() => users.update(params.id, body, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderUser(res, viewer, params.id, { values: body, errors: result.errors });
        }
        flash(req, `De gegevens van ${body.name} zijn opgeslagen.`);
        res.redirect(303, `/beheer/gebruikers/${params.id}`);
      },
    }),
    ...(
      [
        [
          'deactiveren',
          false,
          'Het account is gedeactiveerd; de persoon is overal uitgelogd en kan niet meer inloggen.',
        ],
        ['activeren', true, 'Het account is weer actief.'],
      ] as const
    ).map(([path, active, message]) =>
      route({
        method: 'post',
        path: `/beheer/gebruikers/:id/${path}`,
        permission: 'admin:users',
        params: idParams,
        handler: async ({ req, res, viewer, params }) => {
          const result = await attempt(() => users.setActive(params.id, active, actorOf(req, viewer)));
          if (!result.ok) {
            res.status(result.status);
            return renderUser(res, viewer, params.id, { errors: result.errors });
          }
          flash(req, message);
          res.redirect(303, `/beheer/gebruikers/${params.id}`);
        },
      }),
    ),
    route({
      method: 'post',
      path: '/beheer/gebruikers/:id/wachtwoordlink',
      permission: 'admin:users',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        const user = await findUserDetail(ds, params.id);
        if (!user) throw notFound('Dit account bestaat niet.');
        const token = await users.issuePasswordReset(user.id, actorOf(req, viewer));
        renderLink(res, req, user, token, 'reset');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/gebruikers/:id/tweestaps-resetten',
      permission: 'admin:users',
      params: idParams,
      handler: async ({ req, res, viewer, params }) => {
        await users.resetTotp(params.id, actorOf(req, viewer));
        flash(
          req,
          'De tweestapsverificatie is gewist. Bij de volgende keer inloggen stelt de persoon die opnieuw in.',
        );
        res.redirect(303, `/beheer/gebruikers/${params.id}`);
      },
    }),

    // Organisations
    route({
      method: 'get',
      path: '/beheer/organisaties',
      permission: 'admin:organizations',
      handler: ({ res }) => renderOrganizations(res),
    }),
    route({
      method: 'post',
      path: '/beheer/organisaties',
      permission: 'admin:organizations',
      body: organizationBody,
      onInvalid: ({ res, input, errors }) => renderOrganizations(res, { create: { values: input, errors } }),
      handler: async ({ req, res, viewer, body }) => {
        const result = await attempt(() => organizations.create(body, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderOrganizations(res, { create: { values: body, errors: result.errors } });
        }
        flash(req, `De organisatie ${body.name} is toegevoegd.`);
        res.redirect(303, '/beheer/organisaties');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/organisaties/:id',
      permission: 'admin:organizations',
      params: idParams,
      body: organizationBody,
      onInvalid: ({ req, res, input, errors }) =>
        renderOrganizations(res, { row: { id: Number(req.params.id), form: 'edit', values: input, errors } }),
      handler: async ({ req, res, viewer, params, body }) => {
        const result = await attempt(() => organizations.update(params.id, body, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderOrganizations(res, {
            row: { id: params.id, form: 'edit', values: body, errors: result.errors },
          });
        }
        flash(req, `De organisatie ${body.name} is bijgewerkt.`);
        res.redirect(303, '/beheer/organisaties');
      },
    }),

    // Themes
    route({
      method: 'get',
      path: '/beheer/themas',
      permission: 'admin:themes',
      handler: ({ res }) => renderThemes(res),
    }),
    route({
      method: 'post',
      path: '/beheer/themas',
      permission: 'admin:themes',
      body: themeBody,
      onInvalid: ({ res, input, errors }) => renderThemes(res, { create: { values: input, errors } }),
      handler: async ({ req, res, viewer, body }) => {
        const result = await attempt(() => themes.create(body.name, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderThemes(res, { create: { values: body, errors: result.errors } });
        }
        flash(req, `Het thema ${body.name} is toegevoegd.`);
        res.redirect(303, '/beheer/themas');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/themas/:id',
      permission: 'admin:themes',
      params: idParams,
      body: themeBody,
      onInvalid: ({ req, res, input, errors }) =>
        renderThemes(res, { row: { id: Number(req.params.id), form: 'edit', values: input, errors } }),
      handler: async ({ req, res, viewer, params, body }) => {
        const result = await attempt(() => themes.rename(params.id, body.name, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderThemes(res, {
            row: { id: params.id, form: 'edit', values: body, errors: result.errors },
          });
        }
        flash(req, `Het thema heet nu ${body.name}.`);
        res.redirect(303, '/beheer/themas');
      },
    }),
    route({
      method: 'post',
      path: '/beheer/themas/:id/samenvoegen',
      permission: 'admin:themes',
      params: idParams,
      body: mergeThemeBody,
      onInvalid: ({ req, res, input, errors }) =>
        renderThemes(res, { row: { id: Number(req.params.id), form: 'merge', values: input, errors } }),
      handler: async ({ req, res, viewer, params, body }) => {
        const result = await attempt(() => themes.merge(params.id, body.into, actorOf(req, viewer)));
        if (!result.ok) {
          res.status(result.status);
          return renderThemes(res, {
            row: { id: params.id, form: 'merge', values: body, errors: result.errors },
          });
        }
        const { into, cases } = result.value;
        flash(
          req,
          `Het thema is samengevoegd met ${into.name}; ${cases === 1 ? '1 casus is' : `${cases} casussen zijn`} verplaatst.`,
        );
        res.redirect(303, '/beheer/themas');
      },
    }),

    // Audit log
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
