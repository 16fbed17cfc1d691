// Who came, as the console's attendance list shows it: the places the server knows, with a status
// tap that still waits for the connection already applied, in an order that never changes under a
// finger while the list is open, and the counts.
import type { Pending } from './outbox';
import type { ParticipantStatus, Place } from './wire';

export interface Expected {
  place: Place;
  /** The status as shown: the server's, or the one a waiting tap gives. */
  status: ParticipantStatus;
  /** A tap for this place waits for the connection. */
  waiting: boolean;
}

export interface Attendance {
  /** Everyone expected (not cancelled beforehand), in their order. */
  expected: Expected[];
  present: number;
  absent: number;
  /** Expected and not marked yet: they keep their seat and count as there once the meeting opens. */
  open: number;
  cancelled: number;
}

/**
 * The order of the list when it opens: by seat, those without one (a no-show, a reserve) after them;
 * during the meeting who is not there yet comes first, since that is who a late arrival is.
 */
export function firstOrder(places: readonly Place[], lateFirst: boolean): string[] {
  const away = (p: Place) => (lateFirst && p.status !== 'PRESENT' ? 0 : 1);
  return places.map((p, i) => ({ p, i })).sort((a, b) => away(a.p) - away(b.p) || (a.p.seat ?? 100 + a.i) - (b.p.seat ?? 100 + b.i))
    .map(({ p }) => p.id);
}

/**
 * @param order the order the list opened in, kept while it is open so that no row moves under a
 *              finger; places added since come last
 */
export function attendanceOf(places: readonly Place[], pending: readonly Pending[], order: readonly string[]): Attendance {
  const tapped = new Map<string, ParticipantStatus>();
  for (const p of pending) {
    if (p.type === 'SetParticipantStatus' && typeof p.fields.participantId === 'string') {
      tapped.set(p.fields.participantId, p.fields.status as ParticipantStatus);
    }
  }
  const rank = (place: Place, i: number) => {
    const at = order.indexOf(place.id);
    return at === -1 ? order.length + i : at;
  };
  const expected = places
    .map((place, i) => ({ place, i, status: tapped.get(place.id) ?? place.status, waiting: tapped.has(place.id) }))
    .filter((e) => e.status !== 'CANCELLED')
    .sort((a, b) => rank(a.place, a.i) - rank(b.place, b.i))
    .map(({ place, status, waiting }) => ({ place, status, waiting }));
  const count = (s: ParticipantStatus) => expected.filter((e) => e.status === s).length;
  return {
    expected,
    present: count('PRESENT'),
    absent: count('NO_SHOW'),
    open: expected.filter((e) => e.status !== 'PRESENT' && e.status !== 'NO_SHOW').length,
    cancelled: places.filter((p) => (tapped.get(p.id) ?? p.status) === 'CANCELLED').length,
  };
}
