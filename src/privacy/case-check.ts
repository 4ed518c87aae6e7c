import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import {
  contextOf,
  findingKey,
  findPersonalData,
  type ConfirmedFinding,
  type Finding,
} from './personal-data';

export type { ConfirmedFinding } from './personal-data';
import { allowedTexts, attachmentTexts, confirmedFindingKeys } from './privacy.queries';

/** The text fields of a case that are checked, with their Dutch labels (the contact person is allowed). */
export const CHECKED_FIELDS = [
  ['title', 'Titel'],
  ['summary', 'Samenvatting'],
  ['context', 'Aanleiding'],
  ['approach', 'Aanpak'],
  ['results', 'Resultaten'],
  ['lessons', 'Geleerde lessen'],
  ['question', 'Vraag aan de vakgemeenschap'],
  ['tags', 'Trefwoorden'],
  ['partners', 'Betrokken partners'],
  ['region', 'Gemeente of regio'],
] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number][0];

export type FindingSource =
  | { type: 'field'; field: CheckedField; label: string }
  | { type: 'attachment'; attachmentId: number; filename: string; page: number | null };

/** A finding in a case: where it is, and the words around it. */
export interface CaseFinding extends Finding {
  source: FindingSource;
  context: { before: string; match: string; after: string };
}

export interface PrivacyReport {
  /** Findings not confirmed before for this case. */
  findings: CaseFinding[];
  /** Attachments whose text is still being read: they cannot be checked yet. */
  pending: Array<{ id: number; filename: string }>;
  /** Identifies exactly this set of findings: a confirmation is for what was shown, nothing more. */
  token: string;
}

/** The content the check reads: the form's values (not yet saved) or the stored case. */
export type CheckedContent = { [F in CheckedField | 'contact']: F extends 'tags' ? string[] : string } & {
  contactEmail?: string;
  contactPhone?: string;
};

/** At most this many findings per case are listed: more would not change what the author does. */
const MAX_CASE_FINDINGS = 200;

/**
 * Checks a case before it becomes visible to others: its text fields and the extracted text of
 * its attachments, minus the contact person (name, address, number), the organisations and what
 * was confirmed earlier.
 */
export async function checkCase(
  ds: DataSource,
  content: CheckedContent,
  caseId: number | null,
  scope: { includeConfirmed?: boolean } = {},
): Promise<PrivacyReport> {
  const [allowed, attachments, confirmed] = await Promise.all([
    allowedTexts(ds),
    caseId === null ? Promise.resolve([]) : attachmentTexts(ds, caseId),
    caseId === null ? Promise.resolve(new Set<string>()) : confirmedFindingKeys(ds, caseId),
  ]);
  // The contact person's name, address and number are meant to be there (members only).
  const contactDetails = [content.contact, content.contactEmail ?? '', content.contactPhone ?? ''];
  const options = { allowed: [...contactDetails.filter(Boolean), ...allowed] };
  const findings: CaseFinding[] = [];
  for (const [field, label] of CHECKED_FIELDS) {
    const value = content[field];
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    for (const f of findPersonalData(text, options))
      findings.push({ ...f, source: { type: 'field', field, label }, context: contextOf(text, f) });
  }
  const pending: PrivacyReport['pending'] = [];
  for (const a of attachments) {
    if (a.status === 'pending') pending.push({ id: a.id, filename: a.filename });
    if (!a.text) continue;
    for (const f of findPersonalData(a.text, options)) {
      const source = {
        type: 'attachment' as const,
        attachmentId: a.id,
        filename: a.filename,
        page: pageOf(a.pageOffsets, f.start),
      };
      findings.push({ ...f, source, context: contextOf(a.text, f) });
    }
  }
  const open = findings
    .filter((f) => scope.includeConfirmed || !confirmed.has(findingKey(f)))
    .slice(0, MAX_CASE_FINDINGS);
  return { findings: open, pending, token: tokenOf(open) };
}

/** Whether publishing may go on: nothing found, or exactly these findings confirmed, and nothing still being read. */
export function isCleared(report: PrivacyReport, confirmedToken: string | undefined): boolean {
  if (report.pending.length > 0) return false;
  return report.findings.length === 0 || confirmedToken === report.token;
}

export function confirmedFindings(report: PrivacyReport): ConfirmedFinding[] {
  return report.findings.map((f) => ({ kind: f.kind, text: f.text, where: whereOf(f.source) }));
}

/**
 * Records "dit zijn geen gegevens van cliënten of huurders" (who, when, what) in the caller's
 * transaction, so the publication and its confirmation are saved together or not at all.
 */
export async function recordPrivacyConfirmation(
  m: EntityManager,
  caseId: number,
  userId: number,
  findings: ConfirmedFinding[],
): Promise<void> {
  if (findings.length === 0) return;
  await m.query(
    `INSERT INTO privacy_confirmations (case_id, confirmed_by_id, findings) VALUES ($1, $2, $3::jsonb)`,
    [caseId, userId, JSON.stringify(findings)],
  );
  await recordAudit(m, {
    actorId: userId,
    action: 'case.privacy_confirmed',
    subjectType: 'case',
    subjectId: caseId,
    details: { count: findings.length, kinds: [...new Set(findings.map((f) => f.kind))] },
  });
}

/** "Aanleiding", "bijlage brief.pdf, pagina 2". */
export function whereOf(source: FindingSource): string {
  if (source.type === 'field') return source.label;
  return `bijlage ${source.filename}${source.page ? `, pagina ${source.page}` : ''}`;
}

/** Identifies exactly this set of findings (kind and text): what a confirmation is for. */
export function tokenOf(findings: Array<Pick<Finding, 'kind' | 'text'>>): string {
  if (findings.length === 0) return '';
  const keys = [...new Set(findings.map(findingKey))].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32);
}

/** The 1-based page of a PDF offset (page_offsets holds where each page starts). */
function pageOf(pageOffsets: number[] | null, offset: number): number | null {
  if (!pageOffsets || pageOffsets.length === 0) return null;
  let page = 0;
  while (page + 1 < pageOffsets.length && pageOffsets[page + 1] <= offset) page++;
  return page + 1;
}

export type PublicationGate =
  | { cleared: true; confirmation?: { userId: number; findings: ConfirmedFinding[] } }
  | { cleared: false; report: PrivacyReport };

/** For a write that makes nothing visible to others (saving a draft, archiving). */
export const NOT_PUBLISHING: PublicationGate = { cleared: true };

/**
 * The one rule before a case (or a change to it) becomes visible to others: clear when nothing
 * is found, or when the author confirmed exactly the findings shown (then the confirmation is
 * saved with the publication); never while an attachment is still being read.
 */
export async function publicationGate(
  ds: DataSource,
  content: CheckedContent,
  caseId: number | null,
  userId: number,
  confirmedToken: string | undefined,
): Promise<PublicationGate> {
  const report = await checkCase(ds, content, caseId);
  if (!isCleared(report, confirmedToken)) return { cleared: false, report };
  if (report.findings.length === 0) return { cleared: true };
  return { cleared: true, confirmation: { userId, findings: confirmedFindings(report) } };
}
