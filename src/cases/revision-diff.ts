import { diffWordsWithSpace } from 'diff';
import {
  CASE_STATUS_LABELS,
  CASE_VISIBILITY_LABELS,
  type CaseVisibility,
  CORPORATION_ROLE_LABELS,
  type CaseStatus,
  type CorporationRole,
} from '../domain';
import { FIELD_LABELS, type CaseContent } from './case-fields';

export { FIELD_LABELS };

type Snapshot = Partial<CaseContent> & { status?: CaseStatus };

function asText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === 'roles' && Array.isArray(value))
    return value.map((r) => CORPORATION_ROLE_LABELS[r as CorporationRole] ?? r).join(', ');
  if (field === 'status') return CASE_STATUS_LABELS[value as CaseStatus] ?? String(value);
  if (field === 'visibility') return CASE_VISIBILITY_LABELS[value as CaseVisibility] ?? String(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export interface FieldDiff {
  field: string;
  label: string;
  parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
}

/** A readable word diff per changed field between two snapshots of a case. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot, fields?: string[]): FieldDiff[] {
  const names = fields ?? Object.keys(FIELD_LABELS);
  const diffs: FieldDiff[] = [];
  for (const field of names) {
    const a = asText(field, before?.[field as keyof Snapshot]);
    const b = asText(field, after[field as keyof Snapshot]);
    if (a === b) continue;
    diffs.push({ field, label: FIELD_LABELS[field] ?? field, parts: diffWordsWithSpace(a, b) });
  }
  return diffs;
}
