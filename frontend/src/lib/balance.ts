// The balance as it is this second: the server sends each participant's speaking time as of its
// view and the bounds of a fair share; the running turn moves the shares, the tones and the
// balance index on between two views, by the rule the server uses (Participation.java). The golden
// cases in golden/balance.json are written by the server's ParticipationGoldenTest and read by
// balance.test.ts, so the two cannot drift apart.
import type { ModeratorView } from './wire';
import { MODERATOR, type Floor } from './floor';

export type Tone = 'NEVER' | 'UNDER' | 'FAIR' | 'OVER';

export interface Seat {
  id: string;
  spokenMs: number;
  /** Never had a turn, the running one included. */
  never: boolean;
  /** How long they have been there: from the opening, a late arrival from coming in. */
  presentMs: number;
}

export interface LiveBalance {
  share: Map<string, number>;
  tone: Map<string, Tone>;
  /** Each seat's fair share: its part of the time present in all (1 / seats when all came at the start). */
  fairShare: Map<string, number>;
  /** 1 − KL(shares ‖ fair shares) / ln N, at least 0: 1 when each spoke in proportion to the time they were there; null before anyone spoke or below two seats. */
  index: number | null;
  /** Participants' speaking time in all. */
  totalMs: number;
}

export interface Balance extends LiveBalance {
  /** The moderator's part of all speaking time, theirs included; null before anyone spoke. */
  moderatorShare: number | null;
}

export function liveBalance(seats: Seat[], underFair: number, overFair: number): LiveBalance {
  const totalMs = seats.reduce((sum, s) => sum + s.spokenMs, 0);
  const presentMs = seats.reduce((sum, s) => sum + s.presentMs, 0);
  const share = new Map<string, number>();
  const tone = new Map<string, Tone>();
  const fairShare = new Map<string, number>();
  let divergence = 0;
  for (const s of seats) {
    const x = totalMs > 0 ? s.spokenMs / totalMs : 0;
    const fair = presentMs > 0 ? s.presentMs / presentMs : 1 / seats.length;
    share.set(s.id, x);
    fairShare.set(s.id, fair);
    if (x > 0) divergence += fair > 0 ? x * Math.log(x / fair) : Infinity;
    const ratio = fair > 0 ? x / fair : 1;
    tone.set(s.id, s.never ? 'NEVER' : ratio < underFair ? 'UNDER' : ratio > overFair ? 'OVER' : 'FAIR');
  }
  const index = totalMs > 0 && seats.length >= 2 ? Math.max(0, 1 - divergence / Math.log(seats.length)) : null;
  return { share, tone, fairShare, index, totalMs };
}

/** The moderator's screens' balance now: the seats' shares and tones with the running turn, and the moderator's share. */
export function balanceOf(view: Pick<ModeratorView, 'participants' | 'balance' | 'asOf' | 'openedAt' | 'endedAt'>,
  floor: Floor, now: number): Balance {
  const opened = view.openedAt ? Date.parse(view.openedAt) : null;
  const until = view.endedAt ? Date.parse(view.endedAt) : now;
  const seats = view.participants.map((p) => ({ id: p.id, spokenMs: floor.spokenMs.get(p.id) ?? 0,
    never: p.neverSpoken && floor.speakingId !== p.id,
    presentMs: opened === null ? 0
      : Math.max(0, until - Math.max(opened, p.arrivedAt ? Date.parse(p.arrivedAt) : opened)) }));
  const live = liveBalance(seats, view.balance.underFair, view.balance.overFair);
  const moderatorMs = view.balance.moderatorMs + (floor.speakingId === MODERATOR && floor.speakingSince !== null
    ? Math.max(0, now - Math.max(floor.speakingSince, Date.parse(view.asOf))) : 0);
  const talk = moderatorMs + live.totalMs;
  return { ...live, moderatorShare: talk > 0 ? moderatorMs / talk : null };
}

/** How a clock stands against its budget: fine, nearly used up (the last fifth, at most two minutes), or over. */
export type Budget = 'ok' | 'near' | 'over';

export function budget(spentMs: number, budgetMs: number | null): Budget {
  if (!budgetMs) return 'ok';
  if (spentMs > budgetMs) return 'over';
  return budgetMs - spentMs <= Math.min(120_000, budgetMs * 0.2) ? 'near' : 'ok';
}

/** A number in the reader's language: "0,65" in Dutch, "0.65" in English. */
export function decimal(x: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

export function percent(x: number | null, lang: string): string {
  return x === null ? '–' : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(x);
}
