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
  /** Dutch local times "HH:MM"; the start defaults to the programme's first slot, the end to 17:00. */
  startTime?: string;
  endTime?: string;
  locationName: string;
  /** Street and number; the postcode and place apart (the route link is built from all three). */
  locationAddress: string;
  locationPostcode: string;
  locationCity: string;
  /** Seats for members and guests together. */
  capacity?: number;
  hostOrganization?: string;
  /** Time slots "HH:MM", optionally with an agenda case, its presenter and the expert. */
  programme: Array<{
    startsAt: string;
    endsAt?: string;
    title: string;
    caseTitle?: string;
    presenter?: string; // email
    expert?: string; // email
  }>;
  /** Members signed up (held meetings: they attended). */
  signups?: Array<{ member: string; guests?: Array<{ name: string; organization: string; email: string }> }>;
  /** The verslag of a held meeting, with what each presented case taught. */
  report?: { body: string; outcomes: Record<string, string> };
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
