import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type passport from 'passport';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { mount, route } from '../web/route';
import { email } from '../web/validation';
import { loadViewer } from './auth';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, lockedMessage, type LoginOutcome } from './login.service';
import { PASSWORD_MAX_LENGTH } from './passwords';
import { clearSessionCookie } from './session';
import { flash } from '../web/flash';

/** Only same-site paths: never '//evil.example' or '/\evil.example'. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n\t]/.test(value))
    return '/';
  if (value.startsWith('/inloggen') || value.startsWith('/uitloggen')) return '/';
  return value;
}

const loginBody = z.object({
  email: email(),
  password: z
    .string({ error: 'Vul uw wachtwoord in.' })
    .min(1, { error: 'Vul uw wachtwoord in.' })
    .max(PASSWORD_MAX_LENGTH, {
      error: `Een wachtwoord is hoogstens ${PASSWORD_MAX_LENGTH.toLocaleString('nl-NL')} tekens lang.`,
    }),
  terug: z.string().optional(),
});

const codeBody = z.object({
  code: z
    .string({ error: 'Vul de code in.' })
    .trim()
    .min(6, { error: 'Vul de zescijferige code of een herstelcode in.' })
    .max(20, { error: 'Deze code is te lang.' }),
});

/** Failed sign-ins allowed per IP address per 15 minutes. */
export const LOGIN_FAILURES_PER_IP = 50;

export const LOGIN_MESSAGES = {
  invalid: 'Het e-mailadres of het wachtwoord klopt niet.',
  inactive: 'Dit account is gedeactiveerd. Neem contact op met de beheerder van de vakgemeenschap.',
  locked: lockedMessage,
  code: 'Deze code klopt niet. Gebruik de code uit uw authenticator-app, of een ongebruikte herstelcode.',
  rateLimited: 'Te veel inlogpogingen vanaf dit adres. Wacht een kwartier en probeer het dan opnieuw.',
};

function failureMessage(outcome: LoginOutcome, invalidMessage: string): { status: number; message: string } {
  if (outcome.kind === 'locked') return { status: 429, message: LOGIN_MESSAGES.locked(outcome.minutes) };
  if (outcome.kind === 'inactive') return { status: 403, message: LOGIN_MESSAGES.inactive };
  return { status: 401, message: invalidMessage };
}

/** The e-mail to a member whose address was just locked for a source after failed sign-ins. */
function lockedMail(to: string, ip: string | undefined) {
  return {
    to,
    subject: 'Casusbank: inloggen tijdelijk geblokkeerd',
    text:
      `Er is ${MAX_FAILED_LOGINS} keer of vaker geprobeerd met een verkeerd wachtwoord in te loggen op uw account bij Casusbank` +
      `${ip ? ` (vanaf adres ${ip})` : ''}. Inloggen vanaf dat adres is ${LOCKOUT_MINUTES} minuten geblokkeerd.\n\n` +
      `Was u dat zelf, dan kunt u het straks opnieuw proberen. Was u het niet, dan hoeft u niets te doen: ` +
      `vanaf uw eigen apparaat kunt u gewoon inloggen. Gebruik een wachtwoord dat u nergens anders gebruikt ` +
      `en zet tweestapsverificatie aan (Account > Tweestapsverificatie).`,
  };
}

/** Completes sign-in: passport regenerates the session id (no fixation), then a fresh CSRF token. */
async function completeLogin(
  req: Request,
  res: Response,
  deps: AppContext,
  userId: number,
  returnTo: string,
  welcome?: string,
) {
  const viewer = await loadViewer(deps.db.dataSource, userId);
  if (!viewer) throw new Error('user vanished during login');
  await new Promise<void>((resolve, reject) => req.logIn(viewer, (err) => (err ? reject(err) : resolve())));
  req.session.authenticatedAt = Date.now();
  delete req.session.csrfToken;
  if (welcome) flash(req, welcome);
  res.redirect(303, safeReturnPath(returnTo));
}

/**
 * Signs in someone who just proved they hold the account by setting its password from a one-time
 * link (invitation or reset): as after a correct password, a second factor is still asked for.
 */
export async function signInAfterPasswordSet(
  req: Request,
  res: Response,
  deps: AppContext,
  userId: number,
  welcome: string,
) {
  const [row]: Array<{ totp: boolean }> = await deps.db.dataSource.query(
    `SELECT totp_enabled_at IS NOT NULL AS totp FROM users WHERE id = $1`,
    [userId],
  );
  if (row?.totp) {
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((err) => (err ? reject(err) : resolve())),
    );
    req.session.pendingUserId = userId;
    req.session.pendingReturnTo = '/';
    flash(req, `${welcome} Vul nog de code uit uw authenticator-app in.`, 'info');
    return res.redirect(303, '/inloggen/code');
  }
  await completeLogin(req, res, deps, userId, '/', welcome);
}

/** GET/POST /inloggen, the second-factor step, and POST /uitloggen. */
export function loginRoutes(deps: AppContext, _passport: passport.PassportStatic) {
  const router = express.Router();
  const { logins } = deps.services;
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    // Counts failures only: a whole office behind one NAT address must still be able to sign in.
    limit: LOGIN_FAILURES_PER_IP,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      res.status(429).render('accounts/login', {
        title: 'Inloggen',
        error: LOGIN_MESSAGES.rateLimited,
        selfReset: deps.mailer?.enabled ?? false,
        input: { email: typeof req.body?.email === 'string' ? req.body.email : '' },
        returnTo: '/',
      });
    },
  });
  router.post('/inloggen', limiter);
  router.post('/inloggen/code', limiter);

  const renderLogin = (res: Response, locals: Record<string, unknown>) =>
    res.render('accounts/login', {
      title: 'Inloggen',
      error: null,
      errors: {},
      input: {},
      returnTo: '/',
      selfReset: deps.mailer?.enabled ?? false,
      ...locals,
    });

  return mount(router, [
    route({
      method: 'get',
      path: '/inloggen',
      permission: 'public',
      handler: ({ req, res }) => {
        if (req.user) return res.redirect(303, '/');
        renderLogin(res, {
          returnTo: safeReturnPath(req.query.terug),
          notice:
            req.query.verlopen !== undefined
              ? 'Uw sessie is verlopen. Log opnieuw in.'
              : req.query.afgemeld !== undefined
                ? 'U bent uitgelogd.'
                : null,
        });
      },
    }),
    route({
      method: 'post',
      path: '/inloggen',
      permission: 'public',
      body: loginBody,
      onInvalid: ({ res, errors, input }) =>
        renderLogin(res, { errors, input: { email: input.email }, returnTo: safeReturnPath(input.terug) }),
      handler: async ({ req, res, body }) => {
        const outcome = await logins.checkPassword(body.email, body.password, req.ip);
        if (outcome.kind === 'locked' && outcome.notify) deps.mailer?.send(lockedMail(body.email, req.ip));
        if (outcome.kind !== 'ok') {
          const { status, message } = failureMessage(outcome, LOGIN_MESSAGES.invalid);
          res.status(status);
          return renderLogin(res, {
            error: message,
            input: { email: body.email },
            returnTo: safeReturnPath(body.terug),
          });
        }
        if (outcome.needsSecondFactor) {
          req.session.pendingUserId = outcome.userId;
          req.session.pendingReturnTo = safeReturnPath(body.terug);
          return res.redirect(303, '/inloggen/code');
        }
        await completeLogin(req, res, deps, outcome.userId, body.terug ?? '/');
      },
    }),
    route({
      method: 'get',
      path: '/inloggen/code',
      permission: 'public',
      handler: ({ req, res }) => {
        if (!req.session.pendingUserId) return res.redirect(303, '/inloggen');
        res.render('accounts/login-code', { title: 'Inlogcode', error: null });
      },
    }),
    route({
      method: 'post',
      path: '/inloggen/code',
      permission: 'public',
      body: codeBody,
      onInvalid: ({ res, errors }) =>
        res.render('accounts/login-code', { title: 'Inlogcode', error: errors.code ?? LOGIN_MESSAGES.code }),
      handler: async ({ req, res, body }) => {
        const userId = req.session.pendingUserId;
        if (!userId) return res.redirect(303, '/inloggen');
        const outcome = await logins.checkSecondFactor(userId, body.code, req.ip);
        if (outcome.kind !== 'ok') {
          const { status, message } = failureMessage(outcome, LOGIN_MESSAGES.code);
          if (outcome.kind === 'locked') delete req.session.pendingUserId;
          res.status(status);
          return res.render('accounts/login-code', { title: 'Inlogcode', error: message });
        }
        const returnTo = req.session.pendingReturnTo ?? '/';
        delete req.session.pendingUserId;
        delete req.session.pendingReturnTo;
        await completeLogin(req, res, deps, userId, returnTo);
      },
    }),
    route({
      method: 'post',
      path: '/uitloggen',
      permission: 'public',
      handler: async ({ req, res }) => {
        await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        clearSessionCookie(req, res);
        res.redirect(303, '/inloggen?afgemeld=1');
      },
    }),
  ]);
}
