import express, { type Request, type Response } from 'express';
import type { AppContext } from '../web/app-deps';
import { notFound } from '../web/http-errors';
import { flash } from '../web/flash';
import { mount, route, type InvalidContext } from '../web/route';
import type { FieldErrors } from '../web/validation';
import { publicBaseUrl } from '../web/public-url';
import type { Viewer } from '../policy';
import { findUserDetail, listUsers, organizationOptions } from './admin.queries';
import { linkMail } from './admin.mail';
import { idParams, inviteBody, updateUserBody, userListQuery } from './admin.schemas';
import { actorOf, pageUrl, ROLE_OPTIONS, type Values } from './admin.view-model';
import { INVITATION_DAYS } from './users.service';

/** /beheer/gebruikers: the member list, invitations, account details, deactivation, password and 2FA resets. */
export function adminUserRoutes(deps: AppContext): express.Router {
  const ds = deps.db.dataSource;
  const { users } = deps.services;

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

  const inviteForm = ({ res, input, errors }: InvalidContext) => renderInvite(res, input, errors);
  const userForm = ({ res, viewer, params, input, errors }: InvalidContext<{ id: number }>) =>
    renderUser(res, viewer, params.id, { values: input, errors });

  return mount(express.Router(), [
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
      onInvalid: inviteForm,
      onRefused: inviteForm,
      handler: async ({ req, res, viewer, body }) => {
        const { userId, token } = await users.invite(body, actorOf(req, viewer));
        renderLink(res, req, { id: userId, name: body.name, email: body.email }, token, 'invite');
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
      onInvalid: userForm,
      onRefused: userForm,
      handler: async ({ req, res, viewer, params, body }) => {
        await users.update(params.id, body, actorOf(req, viewer));
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
        onRefused: ({ res, viewer, params, errors }) => renderUser(res, viewer, params.id, { errors }),
        handler: async ({ req, res, viewer, params }) => {
          await users.setActive(params.id, active, actorOf(req, viewer));
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
  ]);
}
