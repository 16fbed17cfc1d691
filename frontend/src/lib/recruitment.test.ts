import { describe, expect, it } from 'vitest';
import { plain, rest, seatBack, spread, statusChoices, total } from './recruitment.svelte';
import type { Place } from './wire';

const place = (id: string, seat: number | null): Place => ({ id, pseudonym: id, seat, status: 'CONFIRMED', gift: false, profile: {},
  arrivedAt: null, canRemove: true, canBecome: [] });

describe('recruiting', () => {
  it('says a refusal in plain words, without the field name the server starts with', () => {
    expect(plain("'pseudonym': vul geen e-mailadres of telefoonnummer in. Spiegel bewaart geen contactgegevens van deelnemers."))
      .toBe('Vul geen e-mailadres of telefoonnummer in. Spiegel bewaart geen contactgegevens van deelnemers.');
    expect(plain('Deze plaats is al bezet.')).toBe('Deze plaats is al bezet.');
  });

  it('does over REST what a live command does', () => {
    expect(rest({ type: 'AddParticipant', pseudonym: 'Anouk', status: 'CONFIRMED' }))
      .toEqual(['POST', '/participants', { pseudonym: 'Anouk', status: 'CONFIRMED' }]);
    expect(rest({ type: 'EditParticipant', participantId: 'P2', gift: true })).toEqual(['PUT', '/participants/P2', { gift: true }]);
    expect(rest({ type: 'SetParticipantStatus', participantId: 'P2', status: 'CANCELLED' }))
      .toEqual(['PUT', '/participants/P2/status', { status: 'CANCELLED', seat: undefined }]);
    expect(rest({ type: 'RemoveParticipant', participantId: 'P2' })).toEqual(['DELETE', '/participants/P2', undefined]);
    expect(rest({ type: 'SetCrossSection', categories: [] })).toEqual(['PUT', '/cross-section', { categories: [] }]);
  });

  it('shows the statuses of recruiting before the meeting, of the day after, both in the lobby, and always the one it has', () => {
    expect(statusChoices('PREPARATION', 'INVITED')).toEqual(['INVITED', 'CONFIRMED', 'INFORMED', 'CANCELLED']);
    expect(statusChoices('LOBBY', 'INFORMED')).toEqual(['INVITED', 'CONFIRMED', 'INFORMED', 'PRESENT', 'NO_SHOW', 'CANCELLED']);
    expect(statusChoices('CONVERSATION', 'PRESENT')).toEqual(['PRESENT', 'NO_SHOW']);
    expect(statusChoices('CONVERSATION', 'CONFIRMED')).toEqual(['CONFIRMED', 'PRESENT', 'NO_SHOW']);
    expect(statusChoices('ENDED', 'CANCELLED')).toEqual(['PRESENT', 'NO_SHOW', 'CANCELLED']);
  });

  it('gives a place its seat back when nobody took it since', () => {
    const places = [place('a', null), place('b', 2)];
    expect(seatBack(places, 'a', 1)).toBe(1);
    expect(seatBack(places, 'a', 2)).toBeUndefined();
    expect(seatBack(places, 'a', undefined)).toBeUndefined();
  });

  it('adds up a trait to 100 and spreads 100 evenly in whole percentages', () => {
    expect(total({ name: 'Wijk', shares: [{ value: 'Noord', percent: 60 }, { value: 'Zuid', percent: 40 }] })).toEqual({ sum: 100, ok: true });
    expect(total({ name: 'Wijk', shares: [{ value: 'Noord', percent: 60 }, { value: 'Zuid', percent: null as unknown as number }] }))
      .toEqual({ sum: 60, ok: false });
    expect(spread(3)).toEqual([34, 33, 33]);
    expect(spread(4)).toEqual([25, 25, 25, 25]);
    expect(spread(7).reduce((a, b) => a + b)).toBe(100);
  });
});
