import {
  CASE_STATUS_LABELS,
  CASE_VISIBILITY_LABELS,
  CORPORATION_ROLE_LABELS,
  ORGANIZATION_KIND_LABELS,
} from '../domain';
import { can, type Viewer } from '../policy';
import { DETAIL_FIELDS, MARKDOWN_FIELDS, missingForPublishing, phoneDigits } from './case-fields';
import type { AttachmentRow, CaseRecord } from './cases.queries';
import { renderMarkdown } from './markdown';
import type { caseMeetings, openMeetingsFor } from '../meetings/meetings.queries';
import { NOMINATION_STATUS_LABELS } from '../meetings/meeting.view-model';
import type { ReflectionRow } from '../reflections/reflections.queries';

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst',
  'image/png': 'PNG-afbeelding',
  'image/jpeg': 'JPEG-afbeelding',
};
const EXTRACTION_LABELS: Record<string, string> = {
  pending: 'tekst wordt gelezen…',
  extracted: 'doorzoekbaar',
  failed: 'tekst niet uitgelezen',
  none: 'niet doorzoekbaar',
};

/** Everything the case page shows, as plain data with the viewer's permissions precomputed. */
export function caseView(record: CaseRecord, viewer: Viewer, attachments: AttachmentRow[] = []) {
  const canEdit = can(viewer, 'case:edit', record);
  return {
    id: record.id,
    title: record.title,
    summary: record.summary,
    status: record.status,
    statusLabel: CASE_STATUS_LABELS[record.status],
    /** Said on the page when not the whole community may read it. */
    visibilityLabel:
      record.visibility === 'vakgemeenschap' ? null : CASE_VISIBILITY_LABELS[record.visibility],
    version: record.version,
    sections: MARKDOWN_FIELDS.filter((f) => record[f.name].trim() !== '').map((f) => ({
      name: f.name,
      label: f.label,
      html: renderMarkdown(record[f.name]),
    })),
    roles: record.roles.map((r) => ({ value: r, label: CORPORATION_ROLE_LABELS[r] })),
    themes: record.themes.map((slug) => ({ slug, name: record.themeNames[slug] ?? slug })),
    tags: record.tags,
    organizationName: record.organizationName,
    organizationKind: ORGANIZATION_KIND_LABELS[record.organizationKind],
    authorName: record.authorName,
    region: record.region,
    year: record.year,
    /**
     * The short fields in the details list, those that are filled in; the contact person's address
     * and number as mailto:/tel: links (the case page is for signed-in members only).
     */
    details: DETAIL_FIELDS.map((f) => {
      const value = String(record[f.name] ?? '');
      const href =
        f.kind === 'email' ? `mailto:${value}` : f.kind === 'phone' ? `tel:${phoneDigits(value)}` : null;
      return { name: f.name, label: f.label, value, href };
    }).filter((d) => d.value.trim() !== ''),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    publishedAt: record.publishedAt,
    attachments: attachments.map((a) => ({
      ...a,
      typeLabel: TYPE_LABELS[a.mimeType] ?? a.mimeType,
      isImage: a.mimeType.startsWith('image/'),
      extractionLabel:
        a.extractionStatus === 'failed' && a.extractionError
          ? `${EXTRACTION_LABELS.failed}: ${lowerFirst(a.extractionError)}`
          : (EXTRACTION_LABELS[a.extractionStatus] ?? a.extractionStatus),
    })),
    /** What a draft still lacks to be published ("samenvatting", "thema's"): the publish button waits for it. */
    missingForPublishing: record.status === 'draft' ? missingForPublishing(record) : [],
    can: {
      edit: canEdit,
      publish: canEdit && record.status === 'draft',
      archive: canEdit && record.status === 'published',
      restore: canEdit && record.status === 'archived',
      history: can(viewer, 'case:history', record),
    },
  };
}
export type CaseView = ReturnType<typeof caseView>;

/** Reflections and meetings around a case, with what this viewer may see and do. */
export function caseActivityView(
  record: CaseRecord,
  viewer: Viewer,
  data: {
    reflections: ReflectionRow[];
    meetings: Awaited<ReturnType<typeof caseMeetings>>;
    openMeetings: Awaited<ReturnType<typeof openMeetingsFor>>;
  },
) {
  const publicStanding = (m: (typeof data.meetings)[number]) =>
    m.presentedAt !== null ||
    (m.status === 'selected' && (m.meetingStatus === 'agenda_set' || m.meetingStatus === 'held'));
  return {
    reflections: data.reflections.map((r) => ({
      ...r,
      html: renderMarkdown(r.body),
      // Changed after it was written (a minute's grace for the save itself): "bewerkt op …".
      editedAt:
        new Date(r.updatedAt).getTime() - new Date(r.createdAt).getTime() > 60_000 ? r.updatedAt : null,
      canEdit: can(viewer, 'reflection:edit', r),
    })),
    presented: data.meetings.filter((m) => m.presentedAt !== null),
    onAgenda: data.meetings.filter((m) => m.presentedAt === null && publicStanding(m)),
    /** Nominations only the nominator and the kerngroep see (pending, not selected, not yet public). */
    nominations: data.meetings
      .filter((m) => !publicStanding(m) && can(viewer, 'nomination:read', m))
      .map((m) => ({ ...m, statusLabel: NOMINATION_STATUS_LABELS[m.status] })),
    canReflect: can(viewer, 'reflection:create', record),
    nominateFor: data.openMeetings.filter((m) =>
      can(viewer, 'nomination:create', record, {
        status: 'nominations_open',
        nominationDeadline: m.nominationDeadline,
      }),
    ),
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
