import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { createNotifications, type CreatedNotification } from '../notifications/notifications.service';
import type { Viewer } from '../policy';
import { recordCaseEvent } from '../cases/case-events';
import { badRequest, conflict, notFound } from '../web/http-errors';
import type { ProgrammeSlot, ReportInput } from './programme.schemas';

export interface ReportAfterCommit {
  kickIndexer(): void;
  notified(created: CreatedNotification[]): void;
}

/** The kerngroep's programme (time slots) and, after the meeting, the verslag with an outcome per presented case. */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: ReportAfterCommit,
  ) {}

  /** Replaces the programme. Cases must be on this meeting's agenda; presenters members, experts experts. */
  async saveProgramme(meetingId: number, slots: ProgrammeSlot[], viewer: Viewer): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockMeeting(m, meetingId);
      for (const [i, s] of slots.entries()) {
        if (s.nominationId !== null) {
          const [n] = await m.query(
            `SELECT id FROM nominations WHERE id = $1 AND meeting_id = $2 AND status = 'selected'`,
            [s.nominationId, meetingId],
          );
          if (!n)
            throw badRequest(`Onderdeel ${i + 1}: kies een casus van de agenda.`, {
              field: `slot-${i + 1}-case`,
            });
        }
        for (const [field, id, role] of [
          ['presenter', s.presenterId, null],
          ['expert', s.expertId, 'expert'],
        ] as const) {
          if (id === null) continue;
          const [u] = await m.query(
            `SELECT id FROM users WHERE id = $1 AND active AND ($2::text IS NULL OR $2 = ANY(roles))`,
            [id, role],
          );
          if (!u)
            throw badRequest(
              `Onderdeel ${i + 1}: kies ${field === 'expert' ? 'een expert' : 'een lid'} uit de lijst.`,
              {
                field: `slot-${i + 1}-${field}`,
              },
            );
        }
      }
      await m.query(`DELETE FROM meeting_programme_items WHERE meeting_id = $1`, [meetingId]);
      if (slots.length) {
        await m.query(
          `INSERT INTO meeting_programme_items (meeting_id, position, starts_at, ends_at, title, nomination_id, presenter_id, expert_id)
           SELECT $1, x.position, x.starts_at, x.ends_at, x.title, x.nomination_id, x.presenter_id, x.expert_id
             FROM jsonb_to_recordset($2::jsonb)
               AS x(position int, starts_at text, ends_at text, title text, nomination_id int, presenter_id int, expert_id int)`,
          [
            meetingId,
            JSON.stringify(
              slots.map((s, i) => ({
                position: i + 1,
                starts_at: s.startsAt,
                ends_at: s.endsAt,
                title: s.title,
                nomination_id: s.nominationId,
                presenter_id: s.presenterId,
                expert_id: s.expertId,
              })),
            ),
          ],
        );
      }
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.programme_changed',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { slots: slots.length },
      });
    });
  }

  /**
   * Writes (or corrects) the verslag of a held meeting and what each presented case taught. The
   * outcomes go into those cases' search documents; members who attended are told once.
   */
  async saveReport(meetingId: number, input: ReportInput, viewer: Viewer): Promise<void> {
    const created = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      if (meeting.status !== 'held')
        throw conflict('Schrijf het verslag nadat de bijeenkomst als gehouden is gemarkeerd.');
      const presented: Array<{ id: number; case_id: number; outcome: string }> = await m.query(
        `SELECT id, case_id, outcome FROM nominations WHERE meeting_id = $1 AND presented_at IS NOT NULL`,
        [meetingId],
      );
      const unknown = input.outcomes.find((o) => !presented.some((p) => p.id === o.nominationId));
      if (unknown) throw badRequest('Een uitkomst hoort bij een casus die hier niet is gepresenteerd.');
      await m.query(
        `INSERT INTO meeting_reports (meeting_id, body, author_id) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO UPDATE SET body = EXCLUDED.body, author_id = EXCLUDED.author_id, updated_at = now()`,
        [meetingId, input.body, viewer.id],
      );
      const changed = input.outcomes.filter(
        (o) => presented.find((p) => p.id === o.nominationId)!.outcome !== o.outcome,
      );
      for (const o of changed) {
        await m.query(`UPDATE nominations SET outcome = $2, updated_at = now() WHERE id = $1`, [
          o.nominationId,
          o.outcome,
        ]);
        // The outcome is part of the case's search document: one case event per case.
        await recordCaseEvent(m, {
          caseId: presented.find((p) => p.id === o.nominationId)!.case_id,
          action: 'case.outcome_recorded',
          actorId: viewer.id,
          details: { meetingId, nominationId: o.nominationId, outcome: o.outcome },
        });
      }
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.report_saved',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { outcomes: changed.length },
      });
      return createNotifications(
        m,
        (await attendees(m, meetingId)).map((userId) => ({
          userId,
          kind: 'meeting_report' as const,
          message: `Het verslag van “${meeting.title}” staat klaar: lees wat we leerden van de besproken casussen.`,
          url: `/bijeenkomsten/${meetingId}/verslag`,
          // Told once; corrections to the report are no new event.
          eventKey: `meeting:${meetingId}:report`,
        })),
      );
    });
    this.after.notified(created);
    this.after.kickIndexer();
  }
}

/**
 * Who attended: the members marked present; when nobody's presence was recorded, everyone who was
 * signed up (the kerngroep did not do the check, and we would rather tell them than forget them).
 */
async function attendees(m: EntityManager, meetingId: number): Promise<number[]> {
  const rows: Array<{ user_id: number; present: boolean | null }> = await m.query(
    `SELECT user_id, present FROM meeting_signups WHERE meeting_id = $1 AND status = 'aangemeld'`,
    [meetingId],
  );
  const checked = rows.some((r) => r.present !== null);
  return rows.filter((r) => (checked ? r.present === true : true)).map((r) => r.user_id);
}

async function lockMeeting(
  m: EntityManager,
  id: number,
): Promise<{ id: number; title: string; status: string }> {
  const [row] = await m.query(`SELECT id, title, status FROM meetings WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw notFound('Deze bijeenkomst bestaat niet (meer).');
  return row;
}
