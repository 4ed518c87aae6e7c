import express from 'express';
import { z } from 'zod';
import type { AppContext } from '../web/app-deps';
import { HttpError } from '../web/http-errors';
import { mount, route } from '../web/route';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';
import { newTotpSecret, totpQrCode } from './totp';
import { signInAfterPasswordSet } from './login.router';

const newPassword = z
  .string({ error: 'Kies een nieuw wachtwoord.' })
  .min(1, { error: 'Kies een nieuw wachtwoord.' })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Een wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH.toLocaleString('nl-NL')} tekens lang zijn.`,
  });

const passwordsMatch = (v: { password: string; confirm: string }) => v.password === v.confirm;
const mismatch = { path: ['confirm'], error: 'De twee wachtwoorden zijn niet gelijk.' };
const confirm = z.string().max(PASSWORD_MAX_LENGTH).default('');

const changePasswordBody = z
  .object({
    current: z
      .string({ error: 'Vul uw huidige wachtwoord in.' })
      .min(1, { error: 'Vul uw huidige wachtwoord in.' })
      .max(PASSWORD_MAX_LENGTH),
    password: newPassword,
    confirm,
  })
  .refine(passwordsMatch, mismatch);
const invitationBody = z.object({ password: newPassword, confirm }).refine(passwordsMatch, mismatch);
const totpBody = z.object({
  code: z.string().trim().min(1, { error: 'Vul de code uit de app in.' }).max(20),
});
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

const INVITATION_PROBLEMS = {
  unknown:
    'Deze link is ongeldig. Controleer of u de hele link heeft gekopieerd, of vraag de beheerder om een nieuwe.',
  used: 'Deze link is al gebruikt. Kunt u niet inloggen? Vraag de beheerder om een nieuwe link.',
  expired: 'Deze link is verlopen (een link is 7 dagen geldig). Vraag de beheerder om een nieuwe.',
};

/** Self-service (/account) and the invitation page where a new member sets a password. */
export function accountRoutes(deps: AppContext) {
  const { users } = deps.services;
  const passwordHint = `Minstens ${PASSWORD_MIN_LENGTH} tekens; een zin van een paar woorden werkt goed. Veelgebruikte wachtwoorden worden geweigerd.`;

  return mount(express.Router(), [
    route({
      method: 'get',
      path: '/account',
      permission: 'member',
      handler: ({ res }) =>
        res.render('accounts/profile', { title: 'Mijn account', errors: {}, passwordHint }),
    }),
    route({
      method: 'post',
      path: '/account/wachtwoord',
      permission: 'member',
      body: changePasswordBody,
      onInvalid: ({ res, errors }) =>
        res.render('accounts/profile', { title: 'Mijn account', errors, passwordHint }),
      handler: async ({ req, res, viewer, body }) => {
        try {
          await users.changePassword(viewer.id, body.current, body.password, req.sessionID, req.ip);
        } catch (error) {
          // 400: wrong current password or a weak new one; 429: the account is locked.
          if (error instanceof HttpError && (error.status === 400 || error.status === 429)) {
            res.status(error.status);
            return res.render('accounts/profile', {
              title: 'Mijn account',
              errors: error.details?.errors ?? {},
              passwordHint,
            });
          }
          throw error;
        }
        req.session.flash = [
          { type: 'success', message: 'Uw wachtwoord is gewijzigd. Andere sessies zijn beëindigd.' },
        ];
        res.redirect(303, '/account');
      },
    }),
    route({
      method: 'get',
      path: '/account/tweestaps',
      permission: 'member',
      handler: async ({ req, res, viewer }) => {
        if (viewer.hasTotp)
          return res.render('accounts/two-factor', { title: 'Tweestapsverificatie', enabled: true });
        req.session.enrollingTotpSecret ??= newTotpSecret();
        const { qrDataUri } = await totpQrCode(req.session.enrollingTotpSecret, viewer.email);
        res.render('accounts/two-factor', {
          title: 'Tweestapsverificatie instellen',
          enabled: false,
          qrDataUri,
          secret: req.session.enrollingTotpSecret,
          error: null,
        });
      },
    }),
    route({
      method: 'post',
      path: '/account/tweestaps',
      permission: 'member',
      body: totpBody,
      handler: async ({ req, res, viewer, body }) => {
        const secret = req.session.enrollingTotpSecret;
        if (viewer.hasTotp || !secret) return res.redirect(303, '/account/tweestaps');
        const codes = await users.enableTotp(viewer.id, secret, body.code, req.ip);
        if (!codes) {
          const { qrDataUri } = await totpQrCode(secret, viewer.email);
          res.status(400);
          return res.render('accounts/two-factor', {
            title: 'Tweestapsverificatie instellen',
            enabled: false,
            qrDataUri,
            secret,
            error:
              'Deze code klopt niet. Controleer de tijd op uw telefoon en vul de code in die nu in de app staat.',
          });
        }
        delete req.session.enrollingTotpSecret;
        res.render('accounts/recovery-codes', { title: 'Herstelcodes', codes });
      },
    }),
    route({
      method: 'get',
      path: '/uitnodiging/:token',
      permission: 'public',
      params: tokenParams,
      handler: async ({ res, params }) => {
        const invitation = await users.findInvitation(params.token);
        if (!invitation.ok) {
          res.status(invitation.reason === 'unknown' ? 404 : 410);
          return res.render('accounts/invitation', {
            title: 'Uitnodiging',
            problem: INVITATION_PROBLEMS[invitation.reason],
          });
        }
        res.render('accounts/invitation', {
          title: 'Wachtwoord instellen',
          invitation,
          token: params.token,
          errors: {},
          passwordHint,
          problem: null,
        });
      },
    }),
    route({
      method: 'post',
      path: '/uitnodiging/:token',
      permission: 'public',
      params: tokenParams,
      body: invitationBody,
      onInvalid: async ({ res, params, errors }) => {
        const invitation = await users.findInvitation(params.token);
        if (!invitation.ok)
          return res.render('accounts/invitation', {
            title: 'Uitnodiging',
            problem: INVITATION_PROBLEMS[invitation.reason],
          });
        res.render('accounts/invitation', {
          title: 'Wachtwoord instellen',
          invitation,
          token: params.token,
          errors,
          passwordHint,
          problem: null,
        });
      },
      handler: async ({ req, res, params, body }) => {
        const invitation = await users.findInvitation(params.token);
        if (!invitation.ok) {
          res.status(invitation.reason === 'unknown' ? 404 : 410);
          return res.render('accounts/invitation', {
            title: 'Uitnodiging',
            problem: INVITATION_PROBLEMS[invitation.reason],
          });
        }
        let userId: number;
        try {
          userId = await users.acceptInvitation(params.token, body.password, req.ip);
        } catch (error) {
          if (error instanceof HttpError && error.status === 400) {
            res.status(400);
            return res.render('accounts/invitation', {
              title: 'Wachtwoord instellen',
              invitation,
              token: params.token,
              errors: error.details?.errors ?? { password: error.message },
              passwordHint,
              problem: null,
            });
          }
          throw error;
        }
        // The link proved who this is: straight in (or on to the second factor), not to the login form.
        await signInAfterPasswordSet(req, res, deps, userId, 'Uw wachtwoord is ingesteld.');
      },
    }),
  ]);
}
