import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import type { Viewer } from '../policy';
import { flash } from '../web/flash';
import { mount, route } from '../web/route';
import { idParam, many } from '../web/validation';
import { listNotifications, markRead, unreadCount } from './notifications.service';

/** /meldingen: the viewer's notifications; mark them read. */
export function notificationRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/meldingen',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        res.render('notifications/index', {
          title: 'Meldingen',
          notifications: await listNotifications(ds, viewer.id),
        });
      },
    }),
    route({
      method: 'post',
      path: '/meldingen/gelezen',
      permission: 'member',
      body: z.object({ ids: many(idParam).optional() }),
      handler: async ({ req, res, viewer, body }) => {
        await markRead(ds, viewer.id, body.ids?.length ? body.ids : undefined);
        flash(
          req,
          body.ids?.length
            ? 'De melding is gemarkeerd als gelezen.'
            : 'Alle meldingen zijn gemarkeerd als gelezen.',
        );
        res.redirect(303, '/meldingen');
      },
    }),
  ]);
}

/** The unread count in the header, for pages (not for API calls or assets). */
export function unreadNotifications(deps: AppContext): RequestHandler {
  return (req, res, next) => {
    const viewer = req.user as Viewer | undefined;
    res.locals.unreadNotifications = 0;
    if (!viewer || req.method !== 'GET' || req.path.startsWith('/api/')) return next();
    unreadCount(deps.db.dataSource, viewer.id).then((n) => {
      res.locals.unreadNotifications = n;
      next();
    }, next);
  };
}
