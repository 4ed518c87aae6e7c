import express from 'express';
import type { AppDeps } from '../app';
import { mount, route } from '../web/route';
import { loadHome } from './home.queries';

export function homeRoutes(deps: AppDeps) {
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
