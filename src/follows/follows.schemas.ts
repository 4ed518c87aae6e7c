import { z } from 'zod';
import { idParam } from '../web/validation';
import { FOLLOW_KINDS } from './follows.queries';
import { CHANNELS, EMAIL_FREQUENCIES, KIND_LABELS } from '../notifications/notification-settings';

/** POST /volg and /api/volg: what to follow. A search's value is the query string of /casussen. */
export const followBody = z.object({
  kind: z.enum(FOLLOW_KINDS, { error: 'Kies wat u wilt volgen: een thema, rol, casus of zoekopdracht.' }),
  value: z
    .string({ error: 'Geef aan wat u wilt volgen.' })
    .max(4000, { error: 'Deze zoekopdracht is te lang om te volgen.' }),
  terug: z.string().max(2000).optional(),
});
export type FollowInput = z.infer<typeof followBody>;

export const followIdParams = z.object({ id: idParam });

/** The settings form: the e-mail choice, and per kind "standaard" or a channel. */
export const settingsBody = z.object({
  email: z.enum(EMAIL_FREQUENCIES, { error: 'Kies hoe vaak u e-mail wilt krijgen.' }),
  ...Object.fromEntries(
    Object.keys(KIND_LABELS).map((kind) => [
      `kanaal_${kind}`,
      z.enum(['standaard', ...CHANNELS], { error: 'Kies een van de mogelijkheden.' }).optional(),
    ]),
  ),
});

export const tokenParams = z.object({ token: z.string().max(200) });
