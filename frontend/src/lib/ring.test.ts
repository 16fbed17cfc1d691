import { describe, expect, it } from 'vitest';
import { apart, CENTRE_MIN, CENTRE_NARROW, fits, QUEUE, ringLayout } from './ring';

// The sizes the console gives the ring (measured in Chromium, a little less to be safe): a tablet
// in landscape (1180×820) and portrait (820×1180), in the conversation and at the question desk.
const SIZES = [
  { what: 'landscape, conversation', w: 660, h: 545, queue: true },
  { what: 'portrait, conversation', w: 765, h: 460, queue: true },
  { what: 'landscape, question desk', w: 430, h: 525, queue: false },
  { what: 'landscape, assistant', w: 550, h: 525, queue: true },
  { what: 'portrait, question desk', w: 765, h: 375, queue: false },
];

describe('the seat ring', () => {
  for (const size of SIZES) {
    for (let n = 5; n <= 14; n++) {
      it(`holds ${n} seats, ${size.what}`, () => {
        const layout = ringLayout(n, size.w, size.h, size.queue);
        expect(layout.seats).toHaveLength(n);
        expect(fits(layout, size.w, size.h), 'nothing touches, all inside').toBe(true);
        for (const seat of layout.seats) {
          expect(seat.w).toBeGreaterThanOrEqual(84);
          expect(seat.h).toBeGreaterThanOrEqual(56);
        }
        for (const q of layout.queues) expect(q.w).toBeGreaterThanOrEqual(QUEUE);
        // The moderator's controls have their room, clear of every seat.
        const roomy = (min: { w: number; h: number }) => layout.centre.w >= min.w && layout.centre.h >= min.h;
        expect(roomy(CENTRE_MIN) || roomy(CENTRE_NARROW), JSON.stringify(layout.centre)).toBe(true);
        for (const box of [...layout.seats, ...layout.queues]) expect(apart(box, layout.centre)).toBeGreaterThanOrEqual(4);
        // As people sit: seat 1 at the left end, the last at the right end, mirrored around the middle.
        const mid = (i: number) => layout.seats[i].x + layout.seats[i].w / 2;
        expect(mid(0)).toBeLessThan(size.w / 4);
        expect(mid(n - 1)).toBeGreaterThan((size.w * 3) / 4);
        for (let i = 0; i < n; i++) expect(mid(i) + mid(n - 1 - i)).toBeCloseTo(size.w, 0);
      });
    }
  }

  it('uses the room it has: few seats get larger cards than many', () => {
    expect(ringLayout(5, 660, 545).scale).toBeGreaterThan(ringLayout(14, 660, 545).scale);
  });
});
