import express from 'express';
import type { AppContext } from '../web/app-deps';
import { themeOptions } from '../cases/cases.queries';
import { badRequest } from '../web/http-errors';
import { mount, route } from '../web/route';
import { perPageSchema, searchParamsSchema, toSearchQuery, type SearchParams } from './search.params';
import type { SearchViewer } from './search-query';
import { searchApiModel, searchPageModel } from './search-page.view-model';

/** GET /casussen (browse and search in one page) and GET /api/search (the same as JSON). */
export function searchRoutes(deps: AppContext) {
  const ds = deps.db.dataSource;
  const service = deps.services.search;
  const { searchLog } = deps.services;

  /** The URL's parameters checked (against the current themes), parsed once, and searched. */
  async function run(params: SearchParams, viewer: SearchViewer, perPage?: number) {
    const themes = await themeOptions(ds);
    const parsed = toSearchQuery(
      params,
      themes.map((t) => t.slug),
      { perPage },
    );
    return { themes, parsed, result: await service.search(parsed.query, viewer) };
  }

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/casussen',
      permission: 'member',
      query: searchParamsSchema,
      handler: async ({ req, res, viewer, query }) => {
        const { themes, parsed, result } = await run(query, viewer);
        // Live search asks while typing (fragment=1); it asks once more with tellen=1 after a pause.
        await searchLog.searched(viewer.id, {
          q: parsed.query.q,
          onlyStopWords: parsed.onlyStopWords,
          total: result.total,
          whileTyping: req.query.fragment === '1' && req.query.tellen !== '1',
        });
        const themeNames = Object.fromEntries(themes.map((t) => [t.slug, t.name]));
        const vm = searchPageModel(parsed, result, themeNames);
        // With JavaScript the page fetches only the results region while typing.
        if (req.query.fragment === '1') return res.render('search/layout-inner', { ...vm, layout: false });
        res.render('search/index', {
          title: parsed.query.q ? `Zoeken: ${parsed.query.q}` : 'Casussen',
          ...vm,
        });
      },
    }),
    route({
      method: 'get',
      path: '/api/search',
      permission: 'member',
      query: searchParamsSchema,
      handler: async ({ res, viewer, query }) => {
        let perPage: number | undefined;
        if (query.perPage !== undefined) {
          const parsedPerPage = perPageSchema.safeParse(query.perPage);
          if (!parsedPerPage.success) throw badRequest(parsedPerPage.error.issues[0].message);
          perPage = parsedPerPage.data;
        }
        const { parsed, result } = await run(query, viewer, perPage);
        res.json(searchApiModel(result, parsed));
      },
    }),
  ]);
}
