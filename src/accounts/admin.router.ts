import express from 'express';
import type { AppContext } from '../web/app-deps';
import { can } from '../policy';
import { rebuildView } from '../insight/insight.view-model';
import { mount, route } from '../web/route';
import { adminAuditRoutes } from './admin-audit.router';
import { adminOrganizationRoutes } from './admin-organizations.router';
import { adminUserRoutes } from './admin-users.router';
import { adminThemeRoutes } from '../cases/admin-themes.router';

/** The admin area (/beheer): its start page, and the pages of accounts, organisations, themes and the audit log. */
export function adminRoutes(deps: AppContext): express.Router {
  const router = mount(express.Router(), [
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
            insight: can(viewer, 'admin:insight'),
            reactions: can(viewer, 'reaction:moderate'),
            privacy: can(viewer, 'privacy:review'),
            audit: can(viewer, 'admin:audit'),
            mail: can(viewer, 'admin:mail'),
          },
          rebuild: rebuildView(deps.indexer?.rebuild?.snapshot()),
        }),
    }),
  ]);
  router.use(
    adminUserRoutes(deps),
    adminOrganizationRoutes(deps),
    adminThemeRoutes(deps),
    adminAuditRoutes(deps),
  );
  return router;
}
