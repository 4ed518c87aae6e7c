import { z } from 'zod';
import { privacyTokenField } from '../privacy/privacy.schemas';
import { decimal, text } from '../web/validation';

/** Longest reaction (stated on the form, enforced here and by the database). */
export const REACTION_MAX = 4000;
export const HIDE_REASON_MAX = 500;
export const REPORT_REASON_MAX = 500;

/** An optional id from a form select or JSON ("" = none). */
const optionalId = (message: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? undefined : v),
    z.preprocess(decimal, z.number({ error: message }).int().positive().max(2_147_483_647)).optional(),
  );

export const reactionBody = z.object({
  body: text('Uw reactie', REACTION_MAX, { required: true }),
  linkedCaseId: optionalId('Kies een casus uit de lijst.'),
  parentId: optionalId('Deze reactie bestaat niet (meer).'),
  privacyToken: privacyTokenField,
});
export type ReactionInput = z.infer<typeof reactionBody>;

export const reactionEditBody = reactionBody.omit({ parentId: true });
export type ReactionEditInput = z.infer<typeof reactionEditBody>;

export const hideBody = z.object({
  reason: text('De reden', HIDE_REASON_MAX, { required: true }),
});
export const reportBody = z.object({
  reason: text('De toelichting', REPORT_REASON_MAX).optional().default(''),
});
export const helpfulBody = z.object({
  hielp: z.enum(['ja', 'nee'], { error: 'Kies of deze reactie u hielp.' }),
});
export const followBody = z.object({
  volgen: z.enum(['ja', 'nee'], { error: 'Kies of u dit gesprek wilt volgen.' }),
});
