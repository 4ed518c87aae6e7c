import { z } from 'zod';

/** The confirmation of the privacy check's findings: a token naming exactly the findings shown. */
export const privacyTokenField = z
  .string()
  .regex(/^[0-9a-f]{0,64}$/, { error: 'De bevestiging is ongeldig. Laad de pagina opnieuw.' })
  .optional();
