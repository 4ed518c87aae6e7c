import express from 'express';
import type { AppContext } from '../web/app-deps';
import { mount, route } from '../web/route';
import { loadHome } from './home.queries';

export function homeRoutes(deps: AppContext) {
  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/',
      permission: 'member',
      handler: async ({ res, viewer }) => {
        const home = await loadHome(deps.db.dataSource, viewer);
        res.render('home/index', { title: 'Start', ...home });
      },
    }),
  ]);
}
