import connectPgSimple from 'connect-pg-simple';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import type { Config } from '../config';

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
    flash?: Array<{ type: 'success' | 'info' | 'error'; message: string }>;
    /** Recovery codes shown once right after enrolment. */
    freshRecoveryCodes?: string[];
  }
}

export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

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
  const middleware = session({
    name: config.isProduction ? '__Host-casusbank' : 'casusbank.sid',
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.isProduction,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      path: '/',
      maxAge: IDLE_TIMEOUT_MS,
    },
  });
  return { middleware, store: store as SessionSetup['store'] };
}
