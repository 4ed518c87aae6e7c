import { z } from 'zod';
import { decimal, readable } from '../web/validation';
import { caseContentShape } from './case-fields';
import { privacyTokenField } from '../privacy/privacy.schemas';

export { privacyTokenField };

const versionField = z.preprocess(
  decimal,
  z
    .number({ error: 'De versie van het formulier ontbreekt of is ongeldig. Laad de pagina opnieuw.' })
    .int()
    .positive()
    .max(2_147_483_647, { error: 'De versie van het formulier is ongeldig. Laad de pagina opnieuw.' }),
);

/**
 * The case form: content, the version it was loaded at (stale edits are a 409; the edit form
 * always sends it, so a missing version is refused rather than saved over a concurrent edit),
 * and the chosen button.
 */
function caseFormSchema(mode: 'create' | 'edit') {
  return readable(
    z.object({
      ...caseContentShape(),
      version: mode === 'edit' ? versionField : versionField.optional(),
      action: z.enum(['save', 'publish']).default('save'),
      privacyToken: privacyTokenField,
    }),
  );
}
export const newCaseForm = caseFormSchema('create');
export const editCaseForm = caseFormSchema('edit');
export type CaseForm = z.infer<typeof newCaseForm>;
