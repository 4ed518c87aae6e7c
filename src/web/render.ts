import ejs from 'ejs';
import path from 'node:path';
import { VIEWS_DIR } from '../paths';

/**
 * The EJS engine with one layout: a view renders into `body` of views/layout.ejs,
 * unless it sets `layout: false` (JSON-like fragments, the progressive-enhancement partial).
 */
export function layoutEngine(engine: { cache: boolean }) {
  const layoutFile = path.join(VIEWS_DIR, 'layout.ejs');
  return (file: string, options: object, callback: (e: unknown, rendered?: string) => void) => {
    const locals = options as Record<string, unknown>;
    const opts = { cache: engine.cache, filename: file, async: false };
    ejs.renderFile(file, locals, opts, (err, body) => {
      if (err) return callback(err);
      if (locals.layout === false) return callback(null, body);
      ejs.renderFile(layoutFile, { ...locals, body }, { ...opts, filename: layoutFile }, callback);
    });
  };
}
