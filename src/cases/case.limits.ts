/** Field limits of a case, shown on the form and enforced by the schema and the database. */
export const CASE_LIMITS = {
  title: 200,
  summary: 600,
  longField: 20_000,
  partners: 500,
  region: 120,
  contact: 200,
  tag: 40,
  tags: 20,
  minYear: 1990,
} as const;

export const maxCaseYear = () => new Date().getFullYear() + 1;

/** The long Markdown fields, in the order the form and the case page show them. */
export const LONG_FIELDS = [
  {
    name: 'context',
    label: 'Aanleiding',
    hint: 'Wat was het probleem of de situatie? Waarom moest er iets gebeuren?',
  },
  { name: 'approach', label: 'Aanpak', hint: 'Wat heeft u gedaan, met wie, en in welke stappen?' },
  {
    name: 'results',
    label: 'Resultaten',
    hint: 'Wat heeft het opgeleverd? Noem cijfers en effecten waar u kunt.',
  },
  {
    name: 'lessons',
    label: 'Geleerde lessen',
    hint: 'Wat zou u een collega meegeven? Wat zou u anders doen?',
  },
  {
    name: 'question',
    label: 'Vraag aan de vakgemeenschap',
    hint: 'Waarover wilt u graag met collega’s van gedachten wisselen?',
  },
] as const;
export type LongField = (typeof LONG_FIELDS)[number]['name'];
