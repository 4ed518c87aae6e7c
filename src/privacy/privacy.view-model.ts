import type { PrivacyReport } from './case-check';
import { whereOf } from './case-check';
import { FINDING_LABELS } from './personal-data';

/**
 * A privacy report as the form and the check page show it: findings grouped by where they are,
 * each in context with a link to the spot (the field in the form, or the attachment to replace).
 * `onForm`: the panel sits above the case form itself, so links go to its fields directly.
 */
export function privacyReportView(
  report: PrivacyReport,
  caseId: number | null,
  onForm: boolean,
  options: { confirmable?: boolean } = {},
) {
  const groups = new Map<string, ReturnType<typeof item>[]>();
  function item(f: PrivacyReport['findings'][number]) {
    const source = f.source;
    let url: string;
    if (source.type === 'field') {
      const spot = `veld=${source.field}&van=${f.start}&tot=${f.end}`;
      url =
        onForm || caseId === null
          ? `#veld-${source.field}`
          : `/casussen/${caseId}/bewerken?${spot}&controle=1#veld-${source.field}`;
    } else {
      url = `/casussen/${caseId}#bijlage-${source.attachmentId}`;
    }
    return {
      kindLabel: FINDING_LABELS[f.kind],
      context: f.context,
      url,
      actionLabel: source.type === 'field' ? 'Aanpassen' : 'Vervangen of verwijderen',
      field: source.type === 'field' ? source.field : null,
      start: f.start,
      end: f.end,
    };
  }
  for (const f of report.findings) {
    const where = whereOf(f.source);
    const list = groups.get(where) ?? [];
    list.push(item(f));
    groups.set(where, list);
  }
  return {
    count: report.findings.length,
    groups: [...groups].map(([where, items]) => ({ where, items })),
    pending: report.pending,
    token: report.token,
    /** Shown before a publication (nothing is published yet), or to look at an existing case again. */
    beforePublishing: options.confirmable ?? true,
    /** To look at only (opened from a request of the kerngroep): confirming happens when saving. */
    canConfirm: (options.confirmable ?? true) && report.findings.length > 0 && report.pending.length === 0,
  };
}
export type PrivacyReportView = ReturnType<typeof privacyReportView>;
