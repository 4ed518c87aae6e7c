import { z } from 'zod';
import { privacyTokenField } from '../privacy/privacy.schemas';
import { decimal, text } from '../web/validation';

export const REFLECTION_MAX = 20_000;

export const reflectionBody = z.object({
  body: text('De reflectie', REFLECTION_MAX, { required: true }),
  privacyToken: privacyTokenField,
  /** The "Voorbeeld" button: show the text as it will read, save nothing. */
  voorbeeld: z.literal('1').optional(),
  meetingId: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z
      .preprocess(
        decimal,
        z.number({ error: 'Kies een bijeenkomst uit de lijst.' }).int().positive().max(2_147_483_647),
      )
      .optional(),
  ),
});
export type ReflectionInput = z.infer<typeof reflectionBody>;
