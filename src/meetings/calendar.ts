import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { toLocalParts, TIME_ZONE } from './meeting-time';
import { fullAddress } from './meeting.view-model';
import type { MeetingRecord } from './meetings.queries';

/**
 * Europe/Amsterdam as a VTIMEZONE: the EU rule in force since 1996 (summer time from the last
 * Sunday of March 02:00 to the last Sunday of October 03:00). Calendar clients need the zone's
 * definition beside TZID; the rule is fixed by EU directive 2000/84/EC, so it is written out here
 * rather than generated from a time-zone database.
 */
const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** Meetings without an end time take the afternoon: three hours. */
const DEFAULT_DURATION_MS = 3 * 60 * 60 * 1000;

/**
 * The Amsterdam wall-clock time of an instant as a Date whose UTC fields read that time:
 * ical-generator writes such a Date as "DTSTART;TZID=Europe/Amsterdam:<UTC fields>".
 */
function wallClock(instant: Date): Date {
  const { date, time } = toLocalParts(instant);
  return new Date(`${date}T${time}:00Z`);
}

/** The calendar entry's UID: one per meeting, the same in every download and e-mail. */
export function meetingUid(meetingId: number, host: string): string {
  return `bijeenkomst-${meetingId}@${host}`;
}

/** The UID host and the organizer of every calendar entry, from the configuration. */
export function calendarIdentity(config: { publicUrl?: string; mailFrom: string }) {
  const host = config.publicUrl ? new URL(config.publicUrl).hostname : 'casusbank.local';
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(config.mailFrom);
  const organizer = match
    ? { name: match[1].replace(/^"|"$/g, '') || 'Casusbank', email: match[2] }
    : { name: 'Casusbank', email: config.mailFrom.trim() };
  return { uidHost: host, organizer };
}

export interface CalendarOptions {
  /** PUBLISH for a download, REQUEST for an invitation, CANCEL when a sign-up is cancelled. */
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** The site's address, for the link in the entry (may be relative outside production). */
  baseUrl: string;
  /** The UID's host: from PUBLIC_URL, so the UID never changes between downloads and e-mails. */
  uidHost: string;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string };
  /** Defaults to the meeting's; a cancellation sends a higher one. */
  sequence?: number;
}

/** The meeting as an iCalendar file (RFC 5545), in Europe/Amsterdam with its VTIMEZONE. */
export function meetingCalendar(meeting: MeetingRecord, options: CalendarOptions): string {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/bijeenkomsten/${meeting.id}`;
  const starts = new Date(meeting.startsAt);
  const ends = meeting.endsAt ? new Date(meeting.endsAt) : new Date(starts.getTime() + DEFAULT_DURATION_MS);
  // name: null keeps the calendar itself zone-less (DTSTAMP stays UTC); the generator adds the
  // VTIMEZONE for the zone the event names.
  const calendar = ical({
    prodId: { company: 'Casusbank', product: 'Bijeenkomsten', language: 'NL' },
    method: ICalCalendarMethod[options.method],
    timezone: { name: null, generator: (tz) => (tz === TIME_ZONE ? AMSTERDAM_VTIMEZONE : null) },
  });
  const place = [meeting.locationName, fullAddress(meeting)].filter(Boolean).join(', ');
  calendar.createEvent({
    id: meetingUid(meeting.id, options.uidHost),
    sequence: options.sequence ?? meeting.calendarSequence,
    stamp: new Date(),
    start: wallClock(starts),
    end: wallClock(ends),
    timezone: TIME_ZONE,
    summary: meeting.title,
    location: place || null,
    description: `${meeting.title}\n\nProgramma, agenda en aanmelding: ${url}`,
    url,
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: options.organizer,
    attendees: options.attendee ? [{ ...options.attendee, rsvp: false }] : [],
  });
  return calendar.toString();
}
