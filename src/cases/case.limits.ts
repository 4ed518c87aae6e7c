/** Field limits of a case, shown on the form and enforced by the schema and the database. */
export const CASE_LIMITS = {
  title: 200,
  summary: 600,
  longField: 20_000,
  partners: 500,
  region: 120,
  contact: 200,
  contactEmail: 254,
  contactPhone: 30,
  tag: 40,
  tags: 20,
  minYear: 1990,
} as const;

export const maxCaseYear = () => new Date().getFullYear() + 1;
