import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { formatDate } from '../web/view-helpers';
import { meetingWhen } from './meeting-time';
import { calendarIdentity, meetingCalendar } from './calendar';
import { fullAddress } from './meeting.view-model';
import { findMeeting, type MeetingRecord } from './meetings.queries';
import { mySignup } from './signups.queries';
import type { SignupMailEvent } from './signups.service';

/**
 * E-mails about sign-ups, sent after commit: a confirmation with the calendar invitation, the
 * waiting list, a seat that came free, a cancellation (the calendar entry withdrawn), and a new
 * time or place for everyone signed up (same UID, higher SEQUENCE).
 */
export class MeetingMail {
  private readonly identity: ReturnType<typeof calendarIdentity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer | undefined,
    private readonly config: { publicUrl?: string; mailFrom: string },
    private readonly logger?: Logger,
  ) {
    this.identity = calendarIdentity(config);
  }

  signupMail(event: SignupMailEvent): void {
    if (!this.mailer?.enabled) return;
    void this.sendSignupMail(event).catch((error) =>
      this.logger?.warn({ err: error }, 'sign-up e-mail not sent'),
    );
  }

  calendarChanged(meetingId: number): void {
    if (!this.mailer?.enabled) return;
    void this.sendUpdates(meetingId).catch((error) =>
      this.logger?.warn({ err: error }, 'calendar update e-mail not sent'),
    );
  }

  private get baseUrl() {
    return (this.config.publicUrl ?? '').replace(/\/+$/, '');
  }

  private invitation(
    meeting: MeetingRecord,
    to: { name: string; email: string },
    method: 'REQUEST' | 'CANCEL',
  ) {
    const content = meetingCalendar(meeting, {
      method,
      baseUrl: this.baseUrl || 'http://casusbank.local',
      uidHost: this.identity.uidHost,
      organizer: this.identity.organizer,
      attendee: to,
    });
    return { method, filename: `bijeenkomst-${meeting.id}.ics`, content };
  }

  private whenAndWhere(meeting: MeetingRecord): string {
    const place = [meeting.locationName, fullAddress(meeting)].filter(Boolean).join(', ');
    return `Wanneer: ${meetingWhen(meeting.startsAt, meeting.endsAt)}${place ? `\nWaar: ${place}` : ''}`;
  }

  private async sendSignupMail(event: SignupMailEvent) {
    const [meeting, user] = await Promise.all([
      findMeeting(this.dataSource, event.meetingId),
      this.user(event.userId),
    ]);
    if (!meeting || !user) return;
    const link = `${this.baseUrl}/bijeenkomsten/${meeting.id}`;
    const footer = `\n\nBekijk de bijeenkomst in de Casusbank: ${link}\n\nU krijgt dit bericht omdat u zich heeft aangemeld in de Casusbank.`;
    const signup = await mySignup(this.dataSource, meeting.id, user.id);
    const guests = signup?.guests.length
      ? `\n\nUw gasten: ${signup.guests.map((g) => `${g.name} (${g.organization})`).join(', ')}.`
      : '';
    if (event.kind === 'aangemeld' || event.kind === 'promoted') {
      const opening =
        event.kind === 'promoted'
          ? `Er is een plaats vrijgekomen: u bent nu aangemeld voor “${meeting.title}”.`
          : `U bent aangemeld voor “${meeting.title}”.`;
      const deadline = meeting.signupDeadline
        ? `\n\nAfmelden kan tot en met ${formatDate(meeting.signupDeadline)} op de pagina van de bijeenkomst.`
        : '\n\nAfmelden kan op de pagina van de bijeenkomst.';
      this.mailer!.send({
        to: user.email,
        subject: `Aangemeld: ${meeting.title}`,
        text: `Beste ${user.name},\n\n${opening}\n\n${this.whenAndWhere(meeting)}${guests}${deadline}\n\nDe uitnodiging voor uw agenda zit bij dit bericht.${footer}`,
        icalEvent: this.invitation(meeting, user, 'REQUEST'),
      });
    } else if (event.kind === 'wachtlijst') {
      this.mailer!.send({
        to: user.email,
        subject: `Wachtlijst: ${meeting.title}`,
        text: `Beste ${user.name},\n\n“${meeting.title}” is vol. U staat op de wachtlijst${signup?.waitingPosition ? ` (plaats ${signup.waitingPosition})` : ''}. Komt er een plaats vrij, dan schuift u automatisch door en krijgt u bericht met een uitnodiging voor uw agenda.\n\n${this.whenAndWhere(meeting)}${guests}${footer}`,
      });
    } else if (event.kind === 'geannuleerd') {
      this.mailer!.send({
        to: user.email,
        subject: `Afgemeld: ${meeting.title}`,
        text: `Beste ${user.name},\n\nU bent afgemeld voor “${meeting.title}”${event.hadSeat ? '; de afspraak is uit uw agenda gehaald' : ' en staat niet meer op de wachtlijst'}.${footer}`,
        ...(event.hadSeat ? { icalEvent: this.invitation(meeting, user, 'CANCEL') } : {}),
      });
    }
  }

  private async sendUpdates(meetingId: number) {
    const meeting = await findMeeting(this.dataSource, meetingId);
    if (!meeting) return;
    const people: Array<{ id: number; name: string; email: string }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.email FROM meeting_signups s JOIN users u ON u.id = s.user_id
        WHERE s.meeting_id = $1 AND s.status = 'aangemeld' AND u.active`,
      [meetingId],
    );
    for (const person of people) {
      this.mailer!.send({
        to: person.email,
        subject: `Gewijzigd: ${meeting.title}`,
        text: `Beste ${person.name},\n\nDe tijd of plaats van “${meeting.title}” is gewijzigd.\n\n${this.whenAndWhere(meeting)}\n\nDe bijgewerkte afspraak voor uw agenda zit bij dit bericht.\n\nBekijk de bijeenkomst in de Casusbank: ${this.baseUrl}/bijeenkomsten/${meeting.id}`,
        icalEvent: this.invitation(meeting, person, 'REQUEST'),
      });
    }
  }

  private async user(id: number): Promise<{ id: number; name: string; email: string } | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, name, email FROM users WHERE id = $1 AND active`, [
      id,
    ]);
    return row;
  }
}
