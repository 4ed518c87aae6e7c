import type { CaseStatus, CorporationRole } from '../domain';
import type { CaseRecord } from './cases.queries';

/** The import/export format of a case (README documents it); the API adds id, url and attachments. */
export interface CaseExport {
  title: string;
  summary: string;
  context: string;
  approach: string;
  results: string;
  lessons: string;
  question: string;
  roles: CorporationRole[];
  themes: string[];
  tags: string[];
  organization: string;
  partners: string;
  region: string;
  year: number | null;
  contact: string;
  author: string | null;
  status: CaseStatus;
  createdAt: string;
}

export function caseExport(record: CaseRecord, authorEmail: string | null | undefined): CaseExport {
  return {
    title: record.title,
    summary: record.summary,
    context: record.context,
    approach: record.approach,
    results: record.results,
    lessons: record.lessons,
    question: record.question,
    roles: [...record.roles].sort(),
    themes: [...record.themes].sort(),
    tags: record.tags,
    organization: record.organizationName,
    partners: record.partners,
    region: record.region,
    year: record.year,
    contact: record.contact,
    author: authorEmail ?? null,
    status: record.status,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
