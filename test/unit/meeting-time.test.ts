import { fromLocalParts, meetingWhen, toLocalParts } from '../../src/meetings/meeting-time';
import { meetingFormValues } from '../../src/meetings/meeting.view-model';
import type { MeetingRecord } from '../../src/meetings/meetings.queries';
import { formatDateTime } from '../../src/web/view-helpers';

/**
 * Meetings are entered, stored and shown in Dutch local time (Europe/Amsterdam), whatever zone the
 * server runs in: what the kerngroep types is what everyone reads back, in summer and winter time.
 */
describe('meeting times in Europe/Amsterdam', () => {
  it.each([
    // 30 March 2025 is the day summer time began (02:00 → 03:00 that night).
    ['30 March, the day summer time begins (CEST, UTC+2)', '2025-03-30', '14:00', '2025-03-30T12:00:00.000Z'],
    ['late March, summer time (CEST, UTC+2)', '2027-03-30', '14:00', '2027-03-30T12:00:00.000Z'],
    ['November, winter time (CET, UTC+1)', '2027-11-16', '14:00', '2027-11-16T13:00:00.000Z'],
    ['November, early morning (CET)', '2026-11-03', '09:30', '2026-11-03T08:30:00.000Z'],
  ])('%s: entered → stored instant → shown back the same', (_name, date, time, instant) => {
    const stored = fromLocalParts(date, time);
    expect(stored.toISOString()).toBe(instant);
    expect(toLocalParts(stored)).toEqual({ date, time });
    // The page and the mail say the time that was typed, not the UTC reading.
    expect(formatDateTime(stored)).toContain(time);
    expect(meetingWhen(stored)).toContain(`om ${time}`);
  });

  it('says start and end in local time, across the switch to winter time too', () => {
    const start = fromLocalParts('2027-03-30', '13:00');
    const end = fromLocalParts('2027-03-30', '17:00');
    expect(meetingWhen(start, end)).toBe('30 maart 2027 om 13:00 tot 17:00');
    // The night summer time ends (31 October 2027): a meeting until after midnight names both days.
    expect(meetingWhen(fromLocalParts('2027-10-30', '20:00'), fromLocalParts('2027-10-31', '01:00'))).toBe(
      '30 oktober 2027 om 20:00 tot 31 oktober 2027 01:00',
    );
    expect(meetingWhen(fromLocalParts('2027-11-16', '14:00'), null)).toBe('16 november 2027 om 14:00');
  });

  it('fills the edit form with the same local date and times (March and November)', () => {
    for (const [date, from, to] of [
      ['2027-03-30', '14:00', '17:00'],
      ['2027-11-16', '14:00', '17:00'],
    ]) {
      const values = meetingFormValues({
        title: 'Werkbezoek',
        startsAt: fromLocalParts(date, from),
        endsAt: fromLocalParts(date, to),
        nominationDeadline: fromLocalParts(date, '23:59'),
        signupDeadline: null,
        themes: [],
        experts: [],
      } as unknown as MeetingRecord);
      expect(values).toMatchObject({ date, startTime: from, endTime: to, nominationDeadline: date });
    }
  });
});
