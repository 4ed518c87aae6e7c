import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { publicBaseUrl } from '../web/public-url';
import { mount, route } from '../web/route';
import { email } from '../web/validation';
import { linkMail } from './admin.mail';
import { INVITATION_DAYS } from './users.service';

/** Reset requests allowed per IP address per hour: enough for a typo or two, not for a mail bomb. */
export const RESET_REQUESTS_PER_IP = 10;

const forgotBody = z.object({ email: email() });

/** The answer to every request, known address or not: nobody learns who has an account. */
export const RESET_SENT_MESSAGE =
  'Als dit e-mailadres bij de Casusbank bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. Kijk ook in uw map met ongewenste e-mail.';

/**
 * "Wachtwoord vergeten": a member asks for the same one-time link the admin can make, by e-mail.
 * Only when mail is configured; without it the page says to ask the admin.
 */
export function passwordResetRoutes(deps: AppContext) {
  const { users } = deps.services;
  const router = express.Router();
  const mailer = deps.mailer?.enabled ? deps.mailer : undefined;
  const render = (res: express.Response, locals: Record<string, unknown>) =>
    res.render('accounts/forgot-password', {
      title: 'Wachtwoord vergeten',
      errors: {},
      input: {},
      sent: false,
      enabled: mailer !== undefined,
      days: INVITATION_DAYS,
      sentMessage: RESET_SENT_MESSAGE,
      ...locals,
    });
  router.post(
    '/wachtwoord-vergeten',
    rateLimit({
      windowMs: 60 * 60 * 1000,
      limit: RESET_REQUESTS_PER_IP,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429);
        render(res, {
          errors: { email: 'Te veel aanvragen vanaf dit adres. Probeer het over een uur opnieuw.' },
        });
      },
    }),
  );
  return mount(router, [
    route({
      method: 'get',
      path: '/wachtwoord-vergeten',
      permission: 'public',
      handler: ({ res }) => render(res, {}),
    }),
    route({
      method: 'post',
      path: '/wachtwoord-vergeten',
      permission: 'public',
      body: forgotBody,
      onInvalid: ({ res, errors, input }) => render(res, { errors, input }),
      handler: async ({ req, res, body }) => {
        if (!mailer) return render(res, {}); // the page says to ask the admin
        const request = await users.requestPasswordReset(body.email, req.ip);
        if (request) {
          const link = `${publicBaseUrl(deps.config, req)}/uitnodiging/${request.token}`;
          mailer.send(linkMail('reset', request.user, link, 'self'));
        }
        render(res, { sent: true, input: { email: body.email } });
      },
    }),
  ]);
}
