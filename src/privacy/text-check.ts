import type { DataSource } from 'typeorm';
import { tokenOf } from './case-check';
import { FINDING_LABELS, findPersonalData, type ConfirmedFinding } from './personal-data';
import { allowedTexts } from './privacy.queries';

export type TextGate =
  { cleared: true; findings: ConfirmedFinding[] } | { cleared: false; message: string; token: string };

/**
 * A reflection or reaction before others read it: clear when nothing is found, or when the writer
 * confirmed exactly these findings (then they are recorded with the text, by the service);
 * otherwise a message for the text field naming what was found, and the token to confirm it.
 */
export async function textGate(
  ds: DataSource,
  text: string,
  where: string,
  confirmedToken: string | undefined,
): Promise<TextGate> {
  const found = findPersonalData(text, { allowed: await allowedTexts(ds) });
  if (found.length === 0) return { cleared: true, findings: [] };
  const token = tokenOf(found);
  if (confirmedToken === token)
    return { cleared: true, findings: found.map((f) => ({ kind: f.kind, text: f.text, where })) };
  const shown = found
    .slice(0, 5)
    .map((f) => `${FINDING_LABELS[f.kind].toLowerCase()} “${f.text}”`)
    .join(', ');
  const more = found.length > 5 ? ` en nog ${found.length - 5}` : '';
  return {
    cleared: false,
    token,
    message: `Mogelijk persoonsgegevens van cliënten of huurders: ${shown}${more}. Haal ze weg of maak ze onherkenbaar, of bevestig dat het geen gegevens van cliënten of huurders zijn.`,
  };
}
