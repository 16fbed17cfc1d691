// The server's golden cases (golden/balance.json, written by ParticipationGoldenTest from
// Participation.java): the tablet's floor and balance, moved on from a view to a later moment,
// give the shares, tones, index and moderator's share the server computes at that moment.
import { describe, expect, it } from 'vitest';
import golden from './golden/balance.json';
import { floorOf } from './floor';
import { balanceOf } from './balance';
import type { ModeratorView } from './wire';

describe('the balance the tablet shows is the server\'s', () => {
  for (const c of golden.cases) {
    const view = c.view as unknown as ModeratorView;
    for (const moment of c.moments) {
      it(`${c.name}, at ${moment.at}`, () => {
        const now = Date.parse(moment.at);
        const floor = floorOf(view, [], now, (local) => local);
        const balance = balanceOf(view, floor, now);
        for (const p of moment.participants) {
          expect(floor.spokenMs.get(p.id), `${p.id} spoke`).toBe(p.speakingMs);
          expect(balance.share.get(p.id), `${p.id}'s share`).toBeCloseTo(p.share, 12);
          expect(balance.tone.get(p.id), `${p.id}'s tone`).toBe(p.tone);
          expect(balance.fairShare.get(p.id), `${p.id}'s fair share`).toBeCloseTo(p.fairShare, 12);
        }
        if (moment.balanceIndex === null) expect(balance.index).toBeNull();
        else expect(balance.index).toBeCloseTo(moment.balanceIndex, 12);
        if (moment.moderatorShare === null) expect(balance.moderatorShare).toBeNull();
        else expect(balance.moderatorShare).toBeCloseTo(moment.moderatorShare, 12);
      });
    }
  }

  it('covers the distributions the screens are tested at', () => {
    expect(golden.cases.map((c) => c.name)).toEqual(expect.arrayContaining(
      ['all fair', 'one dominant', 'all silent', 'fourteen seats', 'never-spoken seats', 'late arrival']));
    expect(golden.cases.find((c) => c.name === 'fourteen seats')!.view.participants).toHaveLength(14);
  });
});
