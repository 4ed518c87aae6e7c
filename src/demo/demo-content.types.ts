import type { CorporationRole, OrganizationKind, UserRole } from '../domain';

export interface DemoOrganization {
  name: string;
  kind: OrganizationKind;
}

export interface DemoUser {
  email: string;
  name: string;
  /** Name of one of the demo organisations. */
  organization: string;
  roles: UserRole[];
}

export interface DemoCase {
  title: string; // ≤ 200 chars
  summary: string; // ≤ 600 chars, plain text
  context: string; // aanleiding, Markdown
  approach: string; // aanpak, Markdown
  results: string; // resultaten, Markdown
  lessons: string; // geleerde lessen, Markdown
  question: string; // vraag aan de vakgemeenschap, Markdown
  roles: CorporationRole[]; // ≥ 1
  themes: string[]; // theme slugs, ≥ 1
  tags: string[];
  organization: string; // name of a demo organisation
  partners: string; // ≤ 500 chars
  region: string; // ≤ 120 chars
  year: number; // 2015–2026
  contact: string; // ≤ 200 chars
  /** email of a demo user who wrote it */
  author: string;
  status: 'draft' | 'published' | 'archived';
}

export interface DemoMeeting {
  title: string;
  /** Days from today (negative = past). */
  startsInDays: number;
  locationName: string;
  locationAddress: string;
  hostOrganization?: string;
  description: string; // Markdown
  themes: string[];
  focusRole?: CorporationRole;
  status: 'planned' | 'nominations_open' | 'agenda_set' | 'held';
  /** Days from today for the nomination deadline. */
  nominationDeadlineInDays?: number;
  experts: string[]; // emails
  nominations: Array<{
    caseTitle: string;
    nominatedBy: string; // email
    motivation: string;
    status: 'pending' | 'selected' | 'not_selected';
    feedback?: string;
    agendaPosition?: number;
    presented?: boolean;
  }>;
  reflections?: Array<{ caseTitle: string; author: string; body: string }>;
}
