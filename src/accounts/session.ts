import connectPgSimple from 'connect-pg-simple';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import type { Config } from '../config';
import type { FlashUndo } from '../web/flash';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
    /** When the person signed in: sessions end 12 hours after, however active. */
    authenticatedAt?: number;
    /** Password checked, second factor still to come. */
    pendingUserId?: number;
    pendingReturnTo?: string;
    /** A TOTP secret being enrolled, not yet confirmed. */
    enrollingTotpSecret?: string;
    flash?: Array<{ type: 'success' | 'info' | 'error'; message: string; undo?: FlashUndo }>;
    /** Recovery codes shown once right after enrolment. */
    freshRecoveryCodes?: string[];
  }
}

export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** The session cookie's name, in one place: the __Host- prefix (Secure, Path=/, no Domain) in production. */
export function sessionCookieName(config: Pick<Config, 'isProduction'>): string {
  return config.isProduction ? '__Host-casusbank' : 'casusbank.sid';
}

/** The cookie each request's session uses, so it can be cleared with the same name and attributes. */
const sessionCookies = new WeakMap<Request, { name: string; options: CookieOptions }>();

/**
 * Removes the session cookie from the browser. Clearing needs the same name, path and Secure flag
 * as the cookie itself: browsers ignore a __Host- cookie set without Secure.
 */
export function clearSessionCookie(req: Request, res: Response): void {
  const cookie = sessionCookies.get(req);
  if (cookie) res.clearCookie(cookie.name, cookie.options);
}

/** A session's expiry in the store is moved at most this often (the cookie still rolls every response). */
export const TOUCH_EVERY_MS = 60_000;

/**
 * Every request of a signed-in member would otherwise write its session row to move the idle
 * expiry (rolling sessions): on the embedded database a write through the one connection per
 * page. The expiry in the store may lag TOUCH_EVERY_MS behind, so the idle timeout is 2 hours
 * minus at most a minute.
 */
function throttleTouch(store: session.Store) {
  const touch = store.touch?.bind(store);
  if (!touch) return;
  const touched = new LRUCache<string, true>({ max: 50_000, ttl: TOUCH_EVERY_MS });
  // A save writes the expiry too: no touch is needed within the minute after it.
  const set = store.set.bind(store);
  store.set = (sid, sess, callback) => {
    touched.set(sid, true);
    set(sid, sess, callback);
  };
  store.touch = (sid, sess, callback) => {
    if (touched.has(sid)) return callback?.();
    touched.set(sid, true);
    touch(sid, sess, callback);
  };
}

export interface SessionSetup {
  middleware: RequestHandler;
  store: session.Store & { close(): void };
}

/**
 * Sessions in PostgreSQL on the DataSource's own pool (a separate pool on PGlite would write
 * inside another transaction). Rolling cookie = 2 h idle timeout; the 12 h cap is checked per request.
 */
export function createSession(config: Config, pool: Pool): SessionSetup {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'sessions',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    errorLog: () => undefined,
  });
  throttleTouch(store);
  const name = sessionCookieName(config);
  const cookie = { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/' } as const;
  const handler = session({
    name,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.isProduction,
    cookie: { ...cookie, maxAge: IDLE_TIMEOUT_MS },
  });
  const middleware: RequestHandler = (req, res, next) => {
    sessionCookies.set(req, { name, options: cookie });
    handler(req, res, next);
  };
  return { middleware, store: store as SessionSetup['store'] };
}
