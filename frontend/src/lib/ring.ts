// The seat ring as the room is: participants in a half circle (an arch open towards the
// moderator), seat 1 at the moderator's left, the last seat at their right, spread evenly for 5 to
// 14 seats. Each seat is a card to tap (the floor) with, on its inner side, a round button to
// queue them. Pure geometry, so it is tested on its own (ring.test.ts) at the sizes the console gives it.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RingLayout {
  seats: Box[];
  /** The queue button of each seat, inside the arch; empty without queue buttons. */
  queues: Box[];
  /** The free middle of the arch, for the moderator's own controls. */
  centre: Box;
  /** Size of the cards against their usual size: the names and numbers follow it. */
  scale: number;
}

/** A seat card at scale 1; the queue button is a touch target that never shrinks. */
export const SEAT = { w: 122, h: 72, minW: 84, minH: 56 };
export const QUEUE = 44;
const PAD = 4;
/** How deep the arch is against its half width: the first that fits, from a half circle on. */
const DEPTHS = [0.95, 1.1, 1.25, 1.45, 1.7, 2, 3];
/**
 * The shapes to try, in order: each depth with the moderator's controls inside the arch, then below
 * its ends ({@code band} pixels); last, a horseshoe whose ends come round a little further.
 */
const SHAPES = (band: number): [number, number, number][] => [
  ...DEPTHS.flatMap((d): [number, number, number][] => [[d, 0, 0], [d, band, 0]]),
  ...[0.95, 1.25].flatMap((d): [number, number, number][] => [[d, 0, 0.12], [d, band, 0.12], [d, band, 0.22]]),
];
const GAP = 8;
const SCALES = [1.25, 1.15, 1.05, 1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];
/** The middle must hold the moderator's button and the pause side by side, and a few lines of text. */
export const CENTRE_MIN = { w: 290, h: 150 };
/** A narrow middle: the two buttons one above the other. */
export const CENTRE_NARROW = { w: 180, h: 170 };

export function seatSize(scale: number): { w: number; h: number } {
  return { w: Math.max(SEAT.minW, Math.round(SEAT.w * scale)), h: Math.max(SEAT.minH, Math.round(SEAT.h * scale)) };
}

/**
 * Lays out {@code n} seats in a {@code width} × {@code height} box: the largest cards for which no
 * card or button touches another and the middle keeps room for the moderator's controls, side by
 * side if it can be, else one above the other.
 */
export function ringLayout(n: number, width: number, height: number, withQueue = true): RingLayout {
  return shaped(n, width, height, withQueue, CENTRE_MIN, false) ?? shaped(n, width, height, withQueue, CENTRE_NARROW, true)!;
}

function shaped(n: number, width: number, height: number, withQueue: boolean, middle: { w: number; h: number },
  last: boolean): RingLayout | null {
  let fallback: RingLayout | null = null;
  for (const scale of SCALES) {
    for (const [depth, band, wrap] of SHAPES(middle.h + GAP)) {
      const layout = attempt(n, width, height - band, scale, depth, wrap, withQueue, height, middle);
      if (!layout) continue;
      fallback = layout;
      if (fits(layout, width, height) && layout.centre.w >= middle.w && layout.centre.h >= middle.h) return layout;
    }
  }
  if (!last) return null;
  return fallback ?? { seats: [], queues: [], centre: { x: 0, y: 0, w: width, h: height }, scale: 1 };
}

/** The arch in the top {@code height} pixels of a box {@code full} pixels high (what is below is the moderator's). */
function attempt(n: number, width: number, height: number, scale: number, depth: number, wrap: number, withQueue: boolean,
  full: number, middle: { w: number; h: number }): RingLayout | null {
  const { w, h } = seatSize(scale);
  const cx = width / 2;
  const a = width / 2 - PAD - w / 2;
  // As round as a half circle when the cards fit so; deeper when they need the room. Below the
  // ends of the arch is where the moderator sits.
  // A horseshoe's ends ({@code wrap} of a half turn further each) come below the line of its centre.
  const e = (wrap * Math.PI) / 2;
  const b = Math.min((height - 2 * PAD - h) / (1 + Math.sin(e)), a * depth);
  const cy = PAD + h / 2 + b;
  if (a <= 0 || b <= 0 || n < 1) return null;
  const angles = spread(n, a, b, w + GAP, h + GAP, e);
  const seats: Box[] = [];
  const queues: Box[] = [];
  for (const theta of angles) {
    const x = cx + a * Math.cos(theta);
    const y = cy - b * Math.sin(theta);
    seats.push({ x: x - w / 2, y: y - h / 2, w, h });
    if (withQueue) {
      // Towards the middle of the arch, along the normal of the curve.
      const nx = -Math.cos(theta) / a;
      const ny = Math.sin(theta) / b;
      const len = Math.hypot(nx, ny);
      const ux = nx / len;
      const uy = ny / len;
      // Far enough along the normal to be clear of the card sideways or upwards, whichever comes first.
      const reach = Math.min(Math.abs(ux) > 1e-9 ? (w / 2 + GAP + QUEUE / 2) / Math.abs(ux) : Infinity,
        Math.abs(uy) > 1e-9 ? (h / 2 + GAP + QUEUE / 2) / Math.abs(uy) : Infinity);
      queues.push({ x: x + ux * reach - QUEUE / 2, y: y + uy * reach - QUEUE / 2, w: QUEUE, h: QUEUE });
    }
  }
  return { seats, queues, centre: centre([...seats, ...queues], width, full, middle), scale };
}

/**
 * The angles (π at the left end, 0 at the right end) that spread n cards evenly along the half
 * ellipse, measured in card sizes: going sideways a card takes its width, going up its height.
 */
function spread(n: number, a: number, b: number, w: number, h: number, e = 0): number[] {
  if (n === 1) return [Math.PI / 2];
  const steps = 720;
  const range = Math.PI + 2 * e;
  const angle = (i: number) => Math.PI + e - (range * i) / steps;
  const lengths = [0];
  for (let i = 1; i <= steps; i++) {
    const t0 = angle(i - 1);
    const t1 = angle(i);
    const dx = Math.abs(a * (Math.cos(t1) - Math.cos(t0))) / w;
    const dy = Math.abs(b * (Math.sin(t1) - Math.sin(t0))) / h;
    lengths.push(lengths[i - 1] + Math.max(dx, dy));
  }
  const total = lengths[steps];
  const angles: number[] = [];
  let i = 0;
  for (let k = 0; k < n; k++) {
    const target = (total * k) / (n - 1);
    while (i < steps && lengths[i + 1] < target) i++;
    const part = i === steps ? 0 : (target - lengths[i]) / Math.max(1e-12, lengths[i + 1] - lengths[i]);
    angles.push(angle(i + Math.min(1, part)));
  }
  return angles;
}

/**
 * The box for the moderator's controls inside the arch, clear of every card and button: wide
 * enough for a row of two buttons, tall enough for a few lines, and otherwise as low as it can be,
 * where the moderator sits.
 */
function centre(boxes: Box[], width: number, height: number, middle: { w: number; h: number }): Box {
  const cx = width / 2;
  const margin = GAP;
  const step = 6;
  let best: Box | null = null;
  let bestScore = -1;
  for (let top = PAD; top < height - middle.h; top += step) {
    for (let bottom = height - PAD; bottom >= top + middle.h; bottom -= step) {
      let half = width / 2 - PAD;
      for (const b of boxes) {
        if (b.y + b.h + margin <= top || b.y - margin >= bottom) continue;
        if (b.x + b.w <= cx) half = Math.min(half, cx - (b.x + b.w) - margin);
        else if (b.x >= cx) half = Math.min(half, b.x - cx - margin);
        else half = 0;
      }
      const box = { x: cx - half, y: top, w: 2 * half, h: bottom - top };
      if (box.w < middle.w) continue;
      const score = Math.min(box.w, 360) * Math.min(box.h, 200) + bottom / 100;
      if (score > bestScore) {
        best = box;
        bestScore = score;
      }
    }
  }
  // None: an empty box at the bottom, and the layout is not taken unless nothing else fits.
  return best ?? { x: cx, y: height - PAD, w: 0, h: 0 };
}

/** No two boxes closer than a few pixels, all inside the ring. */
export function fits(layout: RingLayout, width: number, height: number, clearance = 4): boolean {
  const boxes = [...layout.seats, ...layout.queues];
  for (const b of boxes) {
    if (b.x < -0.5 || b.y < -0.5 || b.x + b.w > width + 0.5 || b.y + b.h > height + 0.5) return false;
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (apart(boxes[i], boxes[j]) < clearance) return false;
    }
  }
  return true;
}

/** The gap between two boxes (negative when they overlap). */
export function apart(p: Box, q: Box): number {
  const dx = Math.max(q.x - (p.x + p.w), p.x - (q.x + q.w));
  const dy = Math.max(q.y - (p.y + p.h), p.y - (q.y + q.h));
  return Math.max(dx, dy);
}
