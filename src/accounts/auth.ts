import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import type { DataSource } from 'typeorm';
import { forbidden } from '../web/http-errors';
import { requiresTwoFactor, type Viewer } from '../policy';
import { cachedViewer } from './request-cache';
import { ABSOLUTE_LIFETIME_MS, clearSessionCookie } from './session';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Viewer {}
  }
}

/** Loads the viewer (per request through the cache, which a deactivation or role change empties at once). */
export async function loadViewer(dataSource: DataSource, userId: number): Promise<Viewer | null> {
  const [row] = await dataSource.query(
    `SELECT u.id, u.name, u.email, u.roles, u.organization_id, o.name AS organization_name,
            u.totp_enabled_at IS NOT NULL AS has_totp
       FROM users u JOIN organizations o ON o.id = u.organization_id
      WHERE u.id = $1 AND u.active`,
    [userId],
  );
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    hasTotp: row.has_totp,
  };
}

/** passport keeps only the user id in the session; the rest is loaded (briefly cached, forgotten on change). */
export function configurePassport(dataSource: DataSource): passport.PassportStatic {
  const instance = new passport.Passport() as unknown as passport.PassportStatic;
  instance.serializeUser((user, done) => done(null, (user as Viewer).id));
  instance.deserializeUser((id: number, done) => {
    cachedViewer(dataSource, id, () => loadViewer(dataSource, id)).then(
      (viewer) => done(null, viewer ?? false),
      (error) => done(error),
    );
  });
  return instance;
}

/** Ends sessions past their absolute lifetime, and sends admins and curators without 2FA to enrolment. */
export function sessionRules(req: Request, res: Response, next: NextFunction) {
  if (!req.user) return next();
  const started = req.session.authenticatedAt ?? 0;
  if (Date.now() - started > ABSOLUTE_LIFETIME_MS) {
    return req.session.destroy(() => {
      clearSessionCookie(req, res);
      res.redirect(303, `/inloggen?verlopen=1&terug=${encodeURIComponent(req.originalUrl)}`);
    });
  }
  const enrolmentPaths = ['/account/tweestaps', '/uitloggen'];
  if (
    requiresTwoFactor(req.user) &&
    !req.user.hasTotp &&
    !enrolmentPaths.some((p) => req.path.startsWith(p))
  ) {
    if (req.path.startsWith('/api/')) {
      res.status(403).json({ error: 'Stel eerst tweestapsverificatie in.' });
      return;
    }
    if (req.method === 'GET') return res.redirect(303, '/account/tweestaps');
    return next(forbidden('Stel eerst tweestapsverificatie in voordat u wijzigingen doet.'));
  }
  next();
}
