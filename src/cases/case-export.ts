import type { CaseStatus } from '../domain';
import type { CaseRecord } from './cases.queries';
import { contentOf, type CaseContent } from './case-fields';

/** The import/export format of a case (README documents it); the API adds id, url and attachments. */
export interface CaseExport extends CaseContent {
  organization: string;
  author: string | null;
  status: CaseStatus;
  createdAt: string;
}

export function caseExport(record: CaseRecord, authorEmail: string | null | undefined): CaseExport {
  return {
    ...contentOf(record),
    roles: [...record.roles].sort(),
    themes: [...record.themes].sort(),
    organization: record.organizationName,
    author: authorEmail ?? null,
    status: record.status,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
