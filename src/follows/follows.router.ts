import express from 'express';
import type { AppContext } from '../web/app-deps';
import { themeOptions } from '../cases/cases.queries';
import { listNotifications } from '../notifications/notifications.service';
import { saveSettings, settingsOf } from '../notifications/notification-settings';
import { authorisedBySignedLink } from '../web/csrf';
import { flash } from '../web/flash';
import { mount, route } from '../web/route';
import { listFollows } from './follows.queries';
import { followBody, followIdParams, settingsBody, tokenParams } from './follows.schemas';
import {
  followsPageModel,
  followView,
  mailOutboxModel,
  notificationApiModel,
  settingsFromForm,
  settingsPageModel,
} from './follows.view-model';
import { verifyUnsubscribeToken } from './unsubscribe';
import { failedMails } from './mail-outbox.queries';

authorisedBySignedLink(/^\/afmelden\/[^/]+$/);

/** Only a path on this site: "terug" never sends anyone elsewhere. */
const localPath = (p: string | undefined, fallback: string) => (p && /^\/(?![/\\])/.test(p) ? p : fallback);

const BAD_LINK =
  'Deze afmeldlink is ongeldig of verlopen. Er is niets veranderd. Log in en kies onder "Meldingen instellen" welke e-mail u wilt krijgen.';

/**
 * Following (/volg, /api/volg), the notification settings, the digest's unsubscribe link, the
 * notifications as JSON and the admin's view of the mail outbox.
 */
export function followRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const { follows } = deps.services;
  const secret = deps.config.sessionSecret;

  const unsubscribePage = (res: express.Response, token: string, status: number, done = false) =>
    res.status(status).render('follows/unsubscribe', {
      title: 'Afmelden voor e-mail',
      token,
      valid: status === 200,
      done,
      message: status === 200 ? '' : BAD_LINK,
    });

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/volg',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        const [list, themes] = await Promise.all([listFollows(ds, viewer.id), themeOptions(ds)]);
        res.render('follows/index', { title: 'Wat ik volg', ...followsPageModel(list, themes) });
      },
    }),
    route({
      method: 'post',
      path: '/volg',
      permission: 'member',
      body: followBody,
      handler: async ({ req, res, viewer, body }) => {
        const result = await follows.follow(viewer, body.kind, body.value);
        for (const notice of result.notices) flash(req, notice, 'info');
        flash(
          req,
          result.created ? `U volgt nu: ${result.follow.label}.` : `U volgde dit al: ${result.follow.label}.`,
        );
        res.redirect(303, localPath(body.terug, '/volg'));
      },
    }),
    route({
      method: 'post',
      path: '/volg/:id/verwijderen',
      permission: 'member',
      params: followIdParams,
      handler: async ({ req, res, viewer, params }) => {
        await follows.unfollow(viewer, params.id);
        flash(req, 'U volgt dit niet meer.');
        res.redirect(
          303,
          localPath(typeof req.body?.terug === 'string' ? req.body.terug : undefined, '/volg'),
        );
      },
    }),
    route({
      method: 'get',
      path: '/api/volg',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        res.json((await listFollows(ds, viewer.id)).map(followView));
      },
    }),
    route({
      method: 'post',
      path: '/api/volg',
      permission: 'member',
      body: followBody,
      handler: async ({ res, viewer, body }) => {
        const result = await follows.follow(viewer, body.kind, body.value);
        res
          .status(result.created ? 201 : 200)
          .json({ ...followView(result.follow), notices: result.notices });
      },
    }),
    route({
      method: 'delete',
      path: '/api/volg/:id',
      permission: 'member',
      params: followIdParams,
      handler: async ({ res, viewer, params }) => {
        await follows.unfollow(viewer, params.id);
        res.status(204).end();
      },
    }),
    route({
      method: 'get',
      path: '/api/meldingen',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        res.json((await listNotifications(ds, viewer.id)).map(notificationApiModel));
      },
    }),
    route({
      method: 'get',
      path: '/instellingen/meldingen',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        const settings = (await settingsOf(ds, [viewer.id])).get(viewer.id)!;
        res.render('follows/settings', { title: 'Meldingen instellen', ...settingsPageModel(settings) });
      },
    }),
    route({
      method: 'post',
      path: '/instellingen/meldingen',
      permission: 'member',
      body: settingsBody,
      onInvalid: async ({ res, viewer }) =>
        res.render('follows/settings', {
          title: 'Meldingen instellen',
          error: 'Kies bij elke soort melding een van de mogelijkheden; er is niets opgeslagen.',
          ...settingsPageModel((await settingsOf(ds, [viewer.id])).get(viewer.id)!),
        }),
      handler: async ({ req, res, viewer, body }) => {
        await saveSettings(ds, viewer.id, settingsFromForm(body));
        flash(req, 'Uw instellingen voor meldingen zijn opgeslagen.');
        res.redirect(303, '/instellingen/meldingen');
      },
    }),
    route({
      method: 'get',
      path: '/afmelden/:token',
      permission: 'public',
      params: tokenParams,
      handler: ({ res, params }) =>
        unsubscribePage(res, params.token, verifyUnsubscribeToken(secret, params.token) ? 200 : 400),
    }),
    route({
      method: 'post',
      path: '/afmelden/:token',
      permission: 'public',
      params: tokenParams,
      handler: async ({ res, params }) => {
        const userId = verifyUnsubscribeToken(secret, params.token);
        if (!userId) return unsubscribePage(res, params.token, 400);
        const settings = (await settingsOf(ds, [userId])).get(userId)!;
        await saveSettings(ds, userId, { ...settings, email: 'never' });
        unsubscribePage(res, params.token, 200, true);
      },
    }),
    route({
      method: 'get',
      path: '/beheer/e-mail',
      permission: 'admin:mail',
      handler: async ({ res }) => {
        res.render('follows/mail-outbox', { title: 'E-mail', ...mailOutboxModel(await failedMails(ds)) });
      },
    }),
  ]);
}
