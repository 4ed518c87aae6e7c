import express from 'express';
import { can } from '../policy';
import type { AppContext } from '../web/app-deps';
import { mount, route } from '../web/route';
import { casesAwaitingReflection, curatorWork, loadHome } from './home.queries';
import { homePageModel } from './home.view-model';

/** GET /: the home page per role (what is new in what the member follows first). */
export function homeRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        const [home, awaitingReflection, curator] = await Promise.all([
          loadHome(ds, viewer),
          can(viewer, 'reflection:prepare') ? casesAwaitingReflection(ds, viewer) : undefined,
          can(viewer, 'nomination:decide') ? curatorWork(ds) : undefined,
        ]);
        res.render('home/index', {
          title: 'Start',
          ...homePageModel(viewer, home, { awaitingReflection, curator }),
        });
      },
    }),
  ]);
}
