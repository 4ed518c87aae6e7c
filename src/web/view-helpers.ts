import { formatCount } from './validation';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CASE_STATUS_LABELS,
  CORPORATION_ROLE_LABELS,
  MEETING_STATUS_LABELS,
  ORGANIZATION_KIND_LABELS,
  THESAURUS_KIND_LABELS,
  USER_ROLE_LABELS,
} from '../domain';
import { PUBLIC_DIR } from '../paths';

const TIME_ZONE = 'Europe/Amsterdam';
const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});

const assetVersions = new Map<string, string>();
/** A static file's URL with a content hash, so it can be cached for a year and still update on deploy. */
export function asset(file: string): string {
  let version = assetVersions.get(file);
  if (!version) {
    try {
      version = createHash('sha256')
        .update(readFileSync(path.join(PUBLIC_DIR, file)))
        .digest('hex')
        .slice(0, 10);
    } catch {
      version = 'missing';
    }
    assetVersions.set(file, version);
  }
  return `/${file}?v=${version}`;
}

export function formatDate(value: Date | string | null | undefined): string {
  return value ? dateFormat.format(new Date(value)) : '';
}
export function formatDateTime(value: Date | string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : '';
}
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Helpers every template may use (pure formatting; no permission logic). */
export const viewHelpers = {
  asset,
  formatCount,
  formatDate,
  formatDateTime,
  formatBytes,
  labels: {
    corporationRole: CORPORATION_ROLE_LABELS,
    userRole: USER_ROLE_LABELS,
    organizationKind: ORGANIZATION_KIND_LABELS,
    caseStatus: CASE_STATUS_LABELS,
    meetingStatus: MEETING_STATUS_LABELS,
    thesaurusKind: THESAURUS_KIND_LABELS,
  },
};
