// The debrief as the screens read it: the server sends aggregates only (grouped, from three on);
// these helpers arrange what it sent for reading, and keep a listener's unsent take-aways in view.
import type { EvaluationAnswers, EvaluationItem, EvaluationView, TakeAway, TakeAwayGroup, TakeAwayKind } from './wire';
import type { Pending } from './outbox';

export const KINDS: readonly TakeAwayKind[] = ['EYEOPENER', 'DO_DIFFERENTLY', 'FREE'];
export const SLOTS = [1, 2, 3] as const;
/** The longest take-away the server takes (Debrief.MAX_TAKE_AWAY). */
export const MAX_TAKE_AWAY = 280;
/** The longest remark on an evaluation (Debrief.MAX_REMARK). */
export const MAX_REMARK = 500;
/** The four questions of the participants' evaluation, in the card's order. */
export const QUESTIONS = ['heard', 'time', 'information', 'again'] as const;
export type Question = (typeof QUESTIONS)[number];
export const SCORES = [1, 2, 3, 4, 5] as const;

/** What a slot shows for new writing: the method's order, an eye-opener first. */
export function defaultKind(slot: number): TakeAwayKind {
  return KINDS[Math.min(KINDS.length, Math.max(1, slot)) - 1];
}

/** How many more writers or answers the team needs before it sees anything; 0 once shown. */
export function stillNeeded(count: number, needed: number): number {
  return Math.max(0, needed - count);
}

export interface ThemeBlock {
  themeId: string | null;
  theme: string | null;
  count: number;
  kinds: { kind: TakeAwayKind; texts: string[] }[];
}

export interface KindBlock {
  kind: TakeAwayKind;
  count: number;
  themes: { themeId: string | null; theme: string | null; texts: string[] }[];
}

/** The server's groups (theme in the guide's order, then kind) per theme, with a count per theme. */
export function byTheme(groups: readonly TakeAwayGroup[]): ThemeBlock[] {
  const blocks: ThemeBlock[] = [];
  for (const g of groups) {
    let block = blocks.find((b) => b.themeId === g.themeId);
    if (!block) {
      block = { themeId: g.themeId, theme: g.theme, count: 0, kinds: [] };
      blocks.push(block);
    }
    block.kinds.push({ kind: g.kind, texts: [...g.texts] });
    block.count += g.texts.length;
  }
  return blocks;
}

/** The same groups per kind (eye-openers first), each with its themes in the guide's order. */
export function byKind(groups: readonly TakeAwayGroup[]): KindBlock[] {
  return KINDS.map((kind) => {
    const themes = groups.filter((g) => g.kind === kind).map((g) => ({ themeId: g.themeId, theme: g.theme, texts: [...g.texts] }));
    return { kind, themes, count: themes.reduce((n, t) => n + t.texts.length, 0) };
  }).filter((b) => b.count > 0);
}

/** Counts per kind over all themes. */
export function kindCounts(groups: readonly TakeAwayGroup[]): Record<TakeAwayKind, number> {
  const counts = { EYEOPENER: 0, DO_DIFFERENTLY: 0, FREE: 0 } as Record<TakeAwayKind, number>;
  for (const g of groups) counts[g.kind] += g.texts.length;
  return counts;
}

/** A distribution over 1 to 5 as the server sends it (keys "1".."5"), with absent scores as 0. */
export function scores(distribution: Record<string, number> | undefined): { score: number; count: number }[] {
  return SCORES.map((score) => ({ score, count: distribution?.[String(score)] ?? 0 }));
}

/** The mean of a distribution, to one decimal; null without answers. */
export function mean(distribution: Record<string, number> | undefined): number | null {
  const rows = scores(distribution);
  const n = rows.reduce((sum, r) => sum + r.count, 0);
  if (n === 0) return null;
  return Math.round((rows.reduce((sum, r) => sum + r.score * r.count, 0) / n) * 10) / 10;
}

/** An evaluation's items by question, in the card's order (the server names each by its key). */
export function items(list: readonly EvaluationItem[]): { question: Question; item: EvaluationItem | null }[] {
  return QUESTIONS.map((question) => ({ question, item: list.find((i) => i.question === question) ?? null }));
}

/** What one answered card holds, as the server takes it: left-out questions and a blank remark are not sent. */
export function answers(scores: Record<Question, number | null>, remark: string): EvaluationAnswers {
  const body: EvaluationAnswers = {};
  for (const q of QUESTIONS) if (scores[q] !== null) body[q] = scores[q]!;
  if (remark.trim()) body.remark = remark.trim();
  return body;
}

export function isEmpty(body: EvaluationAnswers): boolean {
  return QUESTIONS.every((q) => body[q] === undefined) && !body.remark;
}

/** A take-away as the listener sees it: as written, as sent but not answered yet, or taken away. */
export interface SlotState {
  takeAway: TakeAway | null;
  /** Sent but not answered by the server yet (waiting for the connection, or on its way). */
  pending: boolean;
}

/**
 * A slot as it stands for its writer: the last command for it that waits in the outbox wins over the
 * view, so what was written offline shows at once; else what the server holds.
 */
export function slotState(slot: number, mine: readonly TakeAway[], pending: readonly Pending[]): SlotState {
  const waiting = pending.filter((p) => p.type === 'WriteTakeAway' && p.fields.slot === slot).at(-1);
  if (waiting) {
    const f = waiting.fields as { kind?: TakeAwayKind; themeId?: string | null; text?: string };
    const text = (f.text ?? '').trim();
    return { pending: true, takeAway: text ? { slot, kind: f.kind ?? defaultKind(slot), themeId: f.themeId ?? null, text } : null };
  }
  return { pending: false, takeAway: mine.find((t) => t.slot === slot) ?? null };
}

/** The listener's answer on participation as it stands: the last one waiting, else the server's. */
export function perceivedState(mine: number | null, pending: readonly Pending[]): { score: number | null; pending: boolean } {
  const waiting = pending.filter((p) => p.type === 'RatePerceivedBalance').at(-1);
  return waiting ? { score: Number(waiting.fields.score), pending: true } : { score: mine, pending: false };
}

/** When a window closes, as a day and a time in the reader's language ("vrijdag 8 januari", "11:00"). */
export function when(instant: string, lang: string): { date: string; time: string } {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const at = new Date(instant);
  return { date: at.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' }),
    time: at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) };
}

/** The listeners' window as the team reads it: open until after the end (no date yet), open until a date, or closed. */
export function windowState(closesAt: string | null, now: number): 'afterEnd' | 'open' | 'closed' {
  return closesAt === null ? 'afterEnd' : now < Date.parse(closesAt) ? 'open' : 'closed';
}

/** Whether take-aways can still be written at {@code now}: the view says so, and its window has not passed since. */
export function writable(canTakeAway: boolean, until: string | null, now: number): boolean {
  return canTakeAway && (until === null || now < Date.parse(until));
}

export type Change = 'up' | 'down' | 'same';

export interface TrendCell {
  /** The meeting's average on the question; null while it has fewer than three answers, or none on this question. */
  average: number | null;
  answers: number;
  shown: boolean;
  /** Against the last meeting before it that has an average on this question; null for the first. */
  change: Change | null;
}

/**
 * The series' trend: per question, per meeting in the series' order, the average and how it moved
 * since the meeting before. A meeting under three answers shows its count and is skipped for the
 * comparison, as the server showed nothing of it.
 */
export function trend(evaluations: readonly EvaluationView[]): { question: Question; cells: TrendCell[] }[] {
  return QUESTIONS.map((question) => {
    let before: number | null = null;
    const cells = evaluations.map((e) => {
      const average = e.shown ? e.items.find((i) => i.question === question)?.average ?? null : null;
      const change: Change | null = average === null || before === null ? null
        : average > before ? 'up' : average < before ? 'down' : 'same';
      if (average !== null) before = average;
      return { average, answers: e.answers, shown: e.shown, change };
    });
    return { question, cells };
  });
}

/** The highest count of a distribution, so bars are drawn against it; at least 1. */
export function peak(distribution: Record<string, number> | undefined): number {
  return Math.max(1, ...scores(distribution).map((r) => r.count));
}
