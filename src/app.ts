import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { adminRoutes } from './accounts/admin.router';
import { accountRoutes } from './accounts/accounts.router';
import { configurePassport, sessionRules } from './accounts/auth';
import { loginRoutes } from './accounts/login.router';
import { passwordResetRoutes } from './accounts/password-reset.router';
import { createSession } from './accounts/session';
import { attachmentRoutes } from './attachments/attachments.router';
import { formatMb } from './attachments/uploads';
import { caseRoutes } from './cases/cases.router';
import { searchRoutes } from './search/search.router';
import { homeRoutes } from './home/home.router';
import { insightRoutes } from './insight/insight.router';
import { meetingRoutes } from './meetings/meetings.router';
import { reportRoutes } from './meetings/report.router';
import { signupRoutes } from './meetings/signups.router';
import { notificationRoutes, unreadNotifications } from './notifications/notifications.router';
import { reactionRoutes } from './reactions/reactions.router';
import { privacyRoutes } from './privacy/privacy.router';
import { followRoutes } from './follows/follows.router';
import { reflectionRoutes } from './reflections/reflections.router';
import { PUBLIC_DIR } from './paths';
import { can } from './policy';
import { thesaurusRoutes } from './search/thesaurus.router';
import { buildContext } from './composition';
import type { AppContext, AppDeps } from './web/app-deps';
import { csrfProtection } from './web/csrf';
import { errorHandler, notFoundHandler } from './web/error-handler';
import { healthRoutes } from './web/health.router';
import { layoutEngine } from './web/render';
import { VIEWS_DIR } from './paths';
import { viewHelpers } from './web/view-helpers';

/** What lies in public/: stylesheets, scripts and images. */
const ASSET_PATH = /^\/(css|js|img)\//;
export interface App extends Express {
  /** The services this app was built with (server.ts drives the extraction queue through them). */
  context: AppContext;
  /** Closes what the app itself opened (the session store's prune timer). */
  shutdown(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole web app without listening, so tests drive it with supertest. */
export function createApp(given: AppDeps): App {
  const deps = buildContext(given);
  const { config, db, logger } = deps;
  const app = express() as unknown as App;
  app.context = deps;

  app.disable('x-powered-by');
  app.set('trust proxy', config.isProduction ? 1 : false);
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.engine('ejs', layoutEngine({ cache: config.isProduction }));
  Object.assign(app.locals, viewHelpers, { appName: 'Casusbank' });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/css/') === true },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'frame-ancestors': ["'none'"],
          ...(config.isProduction ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: config.isProduction,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use(compression());
  const assets = express.static(PUBLIC_DIR, {
    index: false,
    setHeaders(res) {
      // Templates link assets with ?v=<content hash>: safe to cache for a year.
      const versioned = typeof res.req.query.v === 'string';
      res.setHeader(
        'Cache-Control',
        versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
    },
  });
  // Only asset paths look on disk: every page request would otherwise cost a file-system look-up.
  app.use((req, res, next) => (ASSET_PATH.test(req.path) ? assets(req, res, next) : next()));

  app.use(healthRoutes(deps));

  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(express.json({ limit: '200kb' }));

  const sessions = createSession(config, db.pool);
  const passport = configurePassport(db.dataSource);
  app.use(sessions.middleware);
  app.use(passport.initialize());
  app.use(passport.session());
  app.use(sessionRules);
  app.use(csrfProtection({ secret: config.sessionSecret, isProduction: config.isProduction }));
  // "25", "0,5": as the messages say it (formatted once: a number format is dear to make per request).
  const uploadMaxMb = formatMb(config.uploadMaxBytes);
  app.use((req, res, next) => {
    res.locals.viewer = req.user ?? null;
    res.locals.currentPath = req.path;
    res.locals.requestId = req.id;
    res.locals.nav = {
      admin: can(req.user, 'admin:any'),
    };
    res.locals.uploadMaxMb = uploadMaxMb;
    res.locals.flash = req.session?.flash ?? [];
    if (req.session?.flash) delete req.session.flash;
    next();
  });

  app.use(unreadNotifications(deps));

  app.use(loginRoutes(deps, passport));
  app.use(adminRoutes(deps));
  app.use(thesaurusRoutes(deps));
  app.use(insightRoutes(deps));
  app.use(accountRoutes(deps));
  app.use(passwordResetRoutes(deps));
  app.use(searchRoutes(deps));
  app.use(caseRoutes(deps));
  app.use(attachmentRoutes(deps));
  app.use(reflectionRoutes(deps));
  app.use(reactionRoutes(deps));
  app.use(meetingRoutes(deps));
  app.use(signupRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(notificationRoutes(deps));
  app.use(privacyRoutes(deps));
  app.use(followRoutes(deps));
  app.use(homeRoutes(deps));

  app.use(notFoundHandler);
  app.use(errorHandler({ showStack: !config.isProduction }));

  app.shutdown = async () => {
    sessions.store.close();
    await deps.services.notificationJob.stop();
    await deps.mailer?.idle();
  };
  return app;
}
