import { describe, expect, it } from 'vitest';
import { attendanceOf, firstOrder } from './attendance';
import type { ParticipantStatus, Place } from './wire';
import type { Pending } from './outbox';

const place = (id: string, seat: number | null, status: ParticipantStatus): Place => ({ id, pseudonym: id, seat, status, gift: false,
  profile: {}, arrivedAt: null, canRemove: true, canBecome: [] });
const tap = (participantId: string, status: ParticipantStatus): Pending =>
  ({ commandId: `c-${participantId}`, type: 'SetParticipantStatus', fields: { participantId, status }, madeAt: 0 });

describe('who is here', () => {
  const places = [place('b', 2, 'CONFIRMED'), place('a', 1, 'PRESENT'), place('c', null, 'NO_SHOW'), place('d', null, 'CANCELLED')];

  it('opens by seat in the lobby, who is not there first during the meeting', () => {
    expect(firstOrder(places, false)).toEqual(['a', 'b', 'c', 'd']);
    expect(firstOrder(places, true)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('keeps the order it opened in, counts, and shows a tap that waits for the connection', () => {
    const order = ['a', 'b', 'c'];
    // c no longer has its seat, a new place came: rows stay, the new one comes last.
    const now = attendanceOf([...places, place('e', 3, 'PRESENT')], [tap('b', 'NO_SHOW')], order);
    expect(now.expected.map((e) => [e.place.id, e.status, e.waiting])).toEqual([['a', 'PRESENT', false], ['b', 'NO_SHOW', true],
      ['c', 'NO_SHOW', false], ['e', 'PRESENT', false]]);
    expect([now.present, now.absent, now.open, now.cancelled]).toEqual([2, 2, 0, 1]);
    expect(attendanceOf(places, [], order).open).toBe(1);
  });
});
