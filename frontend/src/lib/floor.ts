// Who speaks, as the moderator's screens show it: the server's view, with a floor tap that still
// waits for the connection already applied (it shows at once, timed from the tap), and every
// speaking time moved on to now. The seat ring and the balance read the same numbers.
import type { ModeratorView, SeatStats } from './wire';
import type { Pending } from './outbox';
import { running } from './clock';

export const MODERATOR = 'moderator';
const FLOOR_TAPS = new Set(['GiveFloor', 'ModeratorSpeaks', 'PauseSpeaking']);

export interface Floor {
  /** A participant's id, {@link MODERATOR}, or null when nobody speaks. */
  speakingId: string | null;
  /** Server time the current turn began. */
  speakingSince: number | null;
  /** Whether the floor shown is a tap that waits for the connection. */
  waiting: boolean;
  /** The speaker queue once the waiting taps arrive. */
  queue: string[];
  /** Each participant's speaking time now, the running turn included. */
  spokenMs: Map<string, number>;
}

/**
 * @param tapTime turns a tap's local time into server time
 */
export function floorOf(view: ModeratorView, pending: readonly Pending[], now: number, tapTime: (local: number) => number): Floor {
  const queue = [...view.speakerQueue];
  for (const p of pending) {
    const id = typeof p.fields.participantId === 'string' ? p.fields.participantId : null;
    if (p.type === 'QueueSpeaker' && id && !queue.includes(id)) queue.push(id);
    if ((p.type === 'UnqueueSpeaker' || p.type === 'GiveFloor') && id && queue.includes(id)) queue.splice(queue.indexOf(id), 1);
    if (p.type === 'NextSpeaker') queue.shift();
  }
  const tap = [...pending].reverse().find((p) => FLOOR_TAPS.has(p.type));
  const tapAt = tap ? tapTime(tap.madeAt) : null;
  const serverSpeaker = view.speaker ? (view.speaker.moderator ? MODERATOR : view.speaker.participantId) : null;
  const speakingId = tap
    ? (tap.type === 'GiveFloor' ? String(tap.fields.participantId) : tap.type === 'ModeratorSpeaks' ? MODERATOR : null)
    : serverSpeaker;
  const speakingSince = tapAt !== null && tap?.type !== 'PauseSpeaking' && speakingId !== serverSpeaker
    ? tapAt : view.speaker ? Date.parse(view.speaker.since) : null;
  const spokenMs = new Map<string, number>();
  for (const p of view.participants) spokenMs.set(p.id, spoken(view, p, speakingId, tapAt, now));
  return { speakingId, speakingSince: speakingId ? speakingSince : null, waiting: tap !== undefined, queue, spokenMs };
}

/** Time spoken as shown: the server's, stopped or started at a tap that waits for the connection. */
function spoken(view: ModeratorView, p: SeatStats, speakingId: string | null, tapAt: number | null, now: number): number {
  const speaks = speakingId === p.id;
  if (tapAt === null || (speaks && p.speaking)) return running(p.speakingMs, view.asOf, now, p.speaking);
  if (p.speaking) return p.speakingMs + Math.max(0, tapAt - Date.parse(view.asOf));
  return speaks ? p.speakingMs + Math.max(0, now - tapAt) : p.speakingMs;
}
