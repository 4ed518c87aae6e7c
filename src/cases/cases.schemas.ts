import { z } from 'zod';
import { decimal, many, readable } from '../web/validation';
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
 * and the chosen button. Saving a draft needs a title only; publishing checks every field
 * publishing requires, at its field and on the first submit, with any other problem.
 */
function caseFormSchema(mode: 'create' | 'edit') {
  const version = mode === 'edit' ? versionField : versionField.optional();
  // "Opslaan als concept en bijlagen toevoegen": on to the edit page, where files can be added.
  const verder = z.literal('bijlagen').optional();
  // Files already stored for this new case (pending uploads): attached when it is saved.
  const wachtendeBijlagen = many(
    z.uuid({ error: 'Een gekozen bijlage is niet herkend. Kies het bestand opnieuw.' }),
  );
  return readable(
    z.discriminatedUnion(
      'action',
      [
        z.object({
          ...caseContentShape(undefined, 'publish'),
          version,
          verder,
          wachtendeBijlagen,
          privacyToken: privacyTokenField,
          action: z.literal('publish'),
        }),
        z.object({
          ...caseContentShape(undefined, 'draft'),
          version,
          verder,
          wachtendeBijlagen,
          privacyToken: privacyTokenField,
          action: z.literal('save').default('save'),
        }),
      ],
      { error: 'Kies opslaan als concept of publiceren.' },
    ),
  );
}
export const newCaseForm = caseFormSchema('create');
export const editCaseForm = caseFormSchema('edit');
export type CaseForm = z.infer<typeof newCaseForm>;
