import type { CaseStatus } from '../domain';
import type { CaseRecord } from './cases.queries';
import type { CaseContent } from './case-fields';

/** The import/export format of a case (README documents it); the API adds id, url and attachments. */
export interface CaseExport extends CaseContent {
  organization: string;
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
