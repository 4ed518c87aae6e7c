import ICAL from 'ical.js';
import { calendarIdentity, meetingCalendar } from '../../src/meetings/calendar';
import { fromLocalParts } from '../../src/meetings/meeting-time';
import type { MeetingRecord } from '../../src/meetings/meetings.queries';

/** A calendar entry read back as a calendar program would: the start as an instant, through the VTIMEZONE. */
function startOf(ics: string): string {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
  const start = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time;
  start.zone = zone;
  return start.toJSDate().toISOString();
}

const meeting = (date: string, time: string) =>
  ({
    id: 7,
    title: 'Werkbezoek',
    startsAt: fromLocalParts(date, time),
    endsAt: null,
    locationName: '',
    locationAddress: 'Leeuweriksweg 12',
    locationPostcode: '5402 XD',
    locationCity: 'Uden',
    calendarSequence: 3,
  }) as unknown as MeetingRecord;

describe('calendar entries in Europe/Amsterdam', () => {
  const identity = calendarIdentity({
    publicUrl: 'https://casusbank.example.nl',
    mailFrom: 'Casusbank <b@x.nl>',
  });
  it.each([
    ['winter time (CET, UTC+1)', '2027-01-20', '13:30', '2027-01-20T12:30:00.000Z'],
    ['summer time (CEST, UTC+2)', '2027-07-01', '13:30', '2027-07-01T11:30:00.000Z'],
    ['the day summer time begins', '2027-03-28', '13:00', '2027-03-28T11:00:00.000Z'],
    ['the day summer time ends', '2027-10-31', '13:00', '2027-10-31T12:00:00.000Z'],
  ])('%s: the wall-clock time and the instant agree', (_name, date, time, utc) => {
    const ics = meetingCalendar(meeting(date, time), {
      method: 'PUBLISH',
      baseUrl: 'https://casusbank.example.nl',
      ...identity,
    });
    expect(ics).toContain(
      `DTSTART;TZID=Europe/Amsterdam:${date.replace(/-/g, '')}T${time.replace(':', '')}00`,
    );
    expect(startOf(ics)).toBe(utc);
    expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m); // the stamp is UTC
    expect(ics).toContain('UID:bijeenkomst-7@casusbank.example.nl');
    expect(ics).toContain('SEQUENCE:3');
  });
});
