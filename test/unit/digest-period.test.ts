import { digestPeriod } from '../../src/follows/digest-period';

describe('digest periods (Dutch time, from 08:00; a week from Monday)', () => {
  it('starts a week on Monday 08:00, in winter and in summer time', () => {
    // Monday 6 January 2030: 07:30 Dutch time is still the previous week, 08:30 the new one.
    expect(digestPeriod(new Date('2030-01-07T06:30:00Z'), 'weekly').key).toBe('2030-W01');
    const winter = digestPeriod(new Date('2030-01-07T07:30:00Z'), 'weekly');
    expect(winter).toEqual({ key: '2030-W02', start: new Date('2030-01-07T07:00:00Z') });
    // Sunday evening belongs to the week that began the Monday before.
    expect(digestPeriod(new Date('2030-01-13T21:00:00Z'), 'weekly').key).toBe('2030-W02');
    const summer = digestPeriod(new Date('2030-07-03T12:00:00Z'), 'weekly');
    expect(summer).toEqual({ key: '2030-W27', start: new Date('2030-07-01T06:00:00Z') });
  });

  it('starts a day at 08:00; before that it is still the previous day', () => {
    expect(digestPeriod(new Date('2030-03-05T06:59:00Z'), 'daily')).toEqual({
      key: '2030-03-04',
      start: new Date('2030-03-04T07:00:00Z'),
    });
    expect(digestPeriod(new Date('2030-03-05T07:00:00Z'), 'daily').key).toBe('2030-03-05');
    // ISO week 1 of 2027 begins on Monday 4 January 2027.
    expect(digestPeriod(new Date('2027-01-03T12:00:00Z'), 'weekly').key).toBe('2026-W53');
  });
});
