import type { Request } from 'express';
import type { Config } from '../config';

/**
 * The base address for links that leave the page (invitation and reset links, e-mails, API
 * `url` fields): PUBLIC_URL. Only outside production does it fall back to the request's own
 * Host header, which a client controls and so must never end up in a link sent to someone else.
 */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'isProduction'>, req: Request): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  // config.ts refuses to start production without PUBLIC_URL; this guards hand-built configs.
  if (config.isProduction) throw new Error('PUBLIC_URL is not set in production');
  return `${req.protocol}://${req.get('host')}`;
}
