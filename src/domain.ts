/** The fixed vocabularies of DESIGN.md, with their Dutch labels. One place for each list. */

export const CORPORATION_ROLES = [
  'verhuurder',
  'samenwerkingspartner',
  'opdrachtgever',
  'ontwikkelaar',
] as const;
export type CorporationRole = (typeof CORPORATION_ROLES)[number];
export const CORPORATION_ROLE_LABELS: Record<CorporationRole, string> = {
  verhuurder: 'Verhuurder',
  samenwerkingspartner: 'Samenwerkingspartner',
  opdrachtgever: 'Opdrachtgever',
  ontwikkelaar: 'Ontwikkelaar',
};

export const USER_ROLES = ['practitioner', 'expert', 'curator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  practitioner: 'Deelnemer',
  expert: 'Expert',
  curator: 'Kerngroep',
  admin: 'Beheerder',
};

export const ORGANIZATION_KINDS = [
  'woningcorporatie',
  'gemeente',
  'zorg-welzijn',
  'huurdersorganisatie',
  'kennisinstituut',
  'overig',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  woningcorporatie: 'Woningcorporatie',
  gemeente: 'Gemeente',
  'zorg-welzijn': 'Zorg en welzijn',
  huurdersorganisatie: 'Huurdersorganisatie',
  kennisinstituut: 'Kennisinstituut',
  overig: 'Overig',
};

export const CASE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Concept',
  published: 'Gepubliceerd',
  archived: 'Gearchiveerd',
};

/** Who may read a published case (issue 18); the whole community unless the author narrows it. */
export const CASE_VISIBILITIES = ['vakgemeenschap', 'kerngroep-experts', 'organisatie'] as const;
export type CaseVisibility = (typeof CASE_VISIBILITIES)[number];
export const CASE_VISIBILITY_LABELS: Record<CaseVisibility, string> = {
  vakgemeenschap: 'Hele vakgemeenschap',
  'kerngroep-experts': 'Kerngroep en experts',
  organisatie: 'Mijn organisatie',
};

export const MEETING_STATUSES = ['planned', 'nominations_open', 'agenda_set', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Gepland',
  nominations_open: 'Voordrachten open',
  agenda_set: 'Agenda vastgesteld',
  held: 'Gehouden',
};

export const NOMINATION_STATUSES = ['pending', 'selected', 'not_selected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const THESAURUS_KINDS = ['synoniem', 'afkorting', 'spelling'] as const;
export type ThesaurusKind = (typeof THESAURUS_KINDS)[number];
export const THESAURUS_KIND_LABELS: Record<ThesaurusKind, string> = {
  synoniem: 'Synoniemen',
  afkorting: 'Afkorting',
  spelling: 'Spellingsvarianten',
};
