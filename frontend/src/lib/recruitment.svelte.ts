// Recruiting the participants: the same screen for the moderator (over the live connection, whose
// view carries the recruitment) and for the series' organiser (over REST with the organiser's key).
// Either way a change is sent, and a refusal comes back with the field it is about, in plain words.
import { call, Problem } from './api';
import type { LiveConnection } from './live.svelte';
import type { Category, ModeratorView, ParticipantStatus, Phase, Place, RecruitmentResponse, RecruitmentView } from './wire';

export type RecruitCommand =
  | { type: 'AddParticipant'; pseudonym: string; status?: ParticipantStatus; gift?: boolean; profile?: Record<string, string> }
  | { type: 'EditParticipant'; participantId: string; pseudonym?: string; seat?: number; gift?: boolean; profile?: Record<string, string> }
  | { type: 'SetParticipantStatus'; participantId: string; status: ParticipantStatus; seat?: number }
  | { type: 'RemoveParticipant'; participantId: string }
  | { type: 'SetCrossSection'; categories: Category[] };

/** Why the server refused a change: the field it is about (as the server names it) and what to do. */
export interface Refusal {
  code: string;
  field: string | null;
  message: string;
}

export interface Recruiter {
  readonly view: RecruitmentView | null;
  readonly phase: Phase;
  /** Sends a change; null once it was applied (or is kept to be sent when the connection is back), else the refusal. */
  act(command: RecruitCommand): Promise<Refusal | null>;
}

/** The server's words without the field's name it starts with ("'pseudonym': vul geen …" → "Vul geen …"). */
export function plain(detail: string): string {
  const words = detail.replace(/^'[^']*':\s*/, '').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The moderator's: commands over the live connection, the recruitment from its view. */
export class LiveRecruiter implements Recruiter {
  constructor(private readonly live: LiveConnection<ModeratorView>) {}

  get view(): RecruitmentView | null {
    return (this.live.view?.recruitment ?? null) as RecruitmentView | null;
  }

  get phase(): Phase {
    return this.live.view?.phase ?? 'PREPARATION';
  }

  async act({ type, ...fields }: RecruitCommand): Promise<Refusal | null> {
    const id = this.live.send(type, fields);
    if (this.live.status !== 'live') return null;
    const answer = await this.live.answer(id);
    return answer ? { code: answer.code ?? answer.type, field: answer.field ?? null, message: plain(answer.message ?? '') } : null;
  }
}

/** The organiser's: REST with the series' key; each answer holds the recruitment after the change. */
export class RestRecruiter implements Recruiter {
  view = $state<RecruitmentView | null>(null);
  phase = $state<Phase>('PREPARATION');

  constructor(private readonly meetingId: string, private readonly key: string, private readonly lang: () => string) {}

  async load(): Promise<void> {
    this.view = await call<RecruitmentView>('GET', `/api/meetings/${this.meetingId}/recruitment`, this.key, undefined, this.lang());
  }

  async act(command: RecruitCommand): Promise<Refusal | null> {
    const [method, path, body] = rest(command);
    try {
      const answer = await call<RecruitmentResponse>(method, `/api/meetings/${this.meetingId}${path}`, this.key, body, this.lang());
      this.view = answer.recruitment;
      return null;
    } catch (e) {
      if (e instanceof Problem) return { code: e.code, field: e.field ?? null, message: plain(e.message) };
      throw e;
    }
  }
}

/** The REST call that does what a live command does. */
export function rest(command: RecruitCommand): [string, string, unknown] {
  switch (command.type) {
    case 'AddParticipant': {
      const { type: _, ...body } = command;
      return ['POST', '/participants', body];
    }
    case 'EditParticipant': {
      const { type: _, participantId, ...body } = command;
      return ['PUT', `/participants/${participantId}`, body];
    }
    case 'SetParticipantStatus':
      return ['PUT', `/participants/${command.participantId}/status`, { status: command.status, seat: command.seat }];
    case 'RemoveParticipant':
      return ['DELETE', `/participants/${command.participantId}`, undefined];
    case 'SetCrossSection':
      return ['PUT', '/cross-section', { categories: command.categories }];
  }
}

const ORDER: ParticipantStatus[] = ['INVITED', 'CONFIRMED', 'INFORMED', 'PRESENT', 'NO_SHOW', 'CANCELLED'];
const RECRUITING: ParticipantStatus[] = ['INVITED', 'CONFIRMED', 'INFORMED', 'CANCELLED'];
const ON_THE_DAY: ParticipantStatus[] = ['PRESENT', 'NO_SHOW'];

/**
 * The statuses a place's control shows in a phase, in their order: recruiting before the meeting,
 * present or not on the day (both in the lobby), and always the one it has. Which of them can be
 * chosen now is the server's `canBecome`.
 */
export function statusChoices(phase: Phase, status: ParticipantStatus): ParticipantStatus[] {
  const shown = phase === 'PREPARATION' ? RECRUITING : phase === 'LOBBY' ? [...RECRUITING, ...ON_THE_DAY] : ON_THE_DAY;
  return ORDER.filter((s) => shown.includes(s) || s === status);
}

/** Whether a status keeps a seat in the circle (expected or there). */
export function seated(status: ParticipantStatus): boolean {
  return status !== 'NO_SHOW' && status !== 'CANCELLED';
}

/**
 * The seat to ask for when a place comes back into the circle: the one it had, when nobody took it
 * since; otherwise the server gives the first free one.
 */
export function seatBack(places: readonly Place[], id: string, had: number | undefined): number | undefined {
  return had !== undefined && !places.some((p) => p.id !== id && p.seat === had) ? had : undefined;
}

/** The sum of a category's percentages, and whether it adds up to the 100 the server asks. */
export function total(category: Category): { sum: number; ok: boolean } {
  const sum = category.shares.reduce((s, share) => s + (Number.isFinite(share.percent) ? share.percent : 0), 0);
  return { sum, ok: sum === 100 };
}

/** 100 spread over a category's values as evenly as whole percentages go, the first ones a point more. */
export function spread(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}
