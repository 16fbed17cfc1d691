import { describe, expect, it } from 'vitest';
import { longDate, mmss, running, ServerClock, since } from './clock';

describe('the server clock', () => {
  it('follows the server, not the device', () => {
    const clock = new ServerClock();
    clock.update('2027-03-04T18:00:10.000Z', Date.parse('2027-03-04T18:00:00.000Z'));
    expect(clock.offsetMs).toBe(10_000);
    expect(clock.now(Date.parse('2027-03-04T18:00:01.000Z'))).toBe(Date.parse('2027-03-04T18:00:11.000Z'));
  });

  it('keeps the offset of the fastest message', () => {
    const clock = new ServerClock();
    clock.update('2027-03-04T18:00:10.000Z', Date.parse('2027-03-04T18:00:00.000Z'));
    clock.update('2027-03-04T18:00:10.000Z', Date.parse('2027-03-04T18:00:02.000Z'));
    expect(clock.offsetMs).toBe(10_000);
    clock.update('2027-03-04T18:00:20.000Z', Date.parse('2027-03-04T18:00:05.000Z'));
    expect(clock.offsetMs).toBe(15_000);
  });

  it('ticks durations from their instants', () => {
    const now = Date.parse('2027-03-04T18:01:00.000Z');
    expect(since('2027-03-04T18:00:30.000Z', now)).toBe(30_000);
    expect(since(null, now)).toBe(0);
    expect(running(5_000, '2027-03-04T18:00:50.000Z', now, true)).toBe(15_000);
    expect(running(5_000, '2027-03-04T18:00:50.000Z', now, false)).toBe(5_000);
    expect(mmss(65_400)).toBe('1:05');
    expect(mmss(3_725_000)).toBe('1:02:05');
  });
});

describe('dates', () => {
  it('are written out, in Dutch by default, never as ISO', () => {
    expect(longDate('2027-01-31', 'nl')).toBe('31 januari 2027');
    expect(longDate('2027-01-31', 'en')).toBe('31 January 2027');
    expect(longDate('2027-06-01T08:00:00Z', 'nl')).toBe('1 juni 2027');
  });
});
