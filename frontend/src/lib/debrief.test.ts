import { describe, expect, it } from 'vitest';
import { answers, byKind, byTheme, defaultKind, isEmpty, items, kindCounts, mean, peak, perceivedState, scores, slotState,
  stillNeeded, trend, when, windowState, writable } from './debrief';
import type { TakeAwayGroup } from './wire';
import type { Pending } from './outbox';

const groups: TakeAwayGroup[] = [
  { themeId: 'T1', theme: 'Toegang', kind: 'EYEOPENER', texts: ['De wachttijd', 'Geen vaste contactpersoon'] },
  { themeId: 'T1', theme: 'Toegang', kind: 'DO_DIFFERENTLY', texts: ['Zelf terugbellen'] },
  { themeId: 'T2', theme: 'Contact', kind: 'EYEOPENER', texts: ['Brieven zijn te moeilijk'] },
  { themeId: null, theme: null, kind: 'FREE', texts: ['Mooi om te horen'] },
];
const pending = (type: string, fields: Record<string, unknown>): Pending => ({ commandId: crypto.randomUUID(), type, fields, madeAt: 0 });

describe('the debrief board', () => {
  it('groups take-aways per theme, in the server\'s order, with counts', () => {
    expect(byTheme(groups).map((b) => [b.theme, b.count, b.kinds.map((k) => k.kind)])).toEqual([
      ['Toegang', 3, ['EYEOPENER', 'DO_DIFFERENTLY']], ['Contact', 1, ['EYEOPENER']], [null, 1, ['FREE']]]);
  });

  it('groups them per kind too, eye-openers first, and counts each kind', () => {
    expect(byKind(groups).map((b) => [b.kind, b.count, b.themes.map((t) => t.theme)])).toEqual([
      ['EYEOPENER', 3, ['Toegang', 'Contact']], ['DO_DIFFERENTLY', 1, ['Toegang']], ['FREE', 1, [null]]]);
    expect(kindCounts(groups)).toEqual({ EYEOPENER: 3, DO_DIFFERENTLY: 1, FREE: 1 });
    expect(byKind([])).toEqual([]);
  });

  it('reads the listeners\' window: not dated before the end, then open until its time', () => {
    const closes = '2027-01-08T10:00:00Z';
    expect(windowState(null, 0)).toBe('afterEnd');
    expect(windowState(closes, Date.parse(closes) - 1)).toBe('open');
    expect(windowState(closes, Date.parse(closes))).toBe('closed');
  });

  it('says when in the reader\'s language', () => {
    const at = new Date(2027, 0, 8, 11, 5).toISOString();
    expect(when(at, 'nl')).toEqual({ date: 'vrijdag 8 januari', time: '11:05' });
    expect(when(at, 'en')).toEqual({ date: 'Friday 8 January', time: '11:05' });
  });

  it('says how many more are needed before anything shows', () => {
    expect([0, 1, 2, 3, 7].map((n) => stillNeeded(n, 3))).toEqual([3, 2, 1, 0, 0]);
  });

  it('reads a distribution, its mean and its highest count', () => {
    expect(scores({ 1: 0, 2: 1, 4: 3 })).toEqual([{ score: 1, count: 0 }, { score: 2, count: 1 }, { score: 3, count: 0 },
      { score: 4, count: 3 }, { score: 5, count: 0 }]);
    expect(mean({ 2: 1, 4: 3 })).toBe(3.5);
    expect(mean({})).toBeNull();
    expect(peak({ 2: 1, 4: 3 })).toBe(3);
    expect(peak({})).toBe(1);
  });

  it('puts the evaluation\'s items in the card\'s order', () => {
    const list = [{ question: 'again', average: 4, answers: 3, distribution: {} }, { question: 'heard', average: 3.7, answers: 3, distribution: {} }];
    expect(items(list).map((i) => [i.question, i.item?.average ?? null])).toEqual([['heard', 3.7], ['time', null], ['information', null],
      ['again', 4]]);
  });
});

describe('an evaluation card', () => {
  it('sends only what was answered', () => {
    expect(answers({ heard: 5, time: null, information: 2, again: null }, '  ')).toEqual({ heard: 5, information: 2 });
    expect(answers({ heard: null, time: null, information: null, again: null }, ' Fijn ')).toEqual({ remark: 'Fijn' });
    expect(isEmpty(answers({ heard: null, time: null, information: null, again: null }, ''))).toBe(true);
    expect(isEmpty({ again: 1 })).toBe(false);
  });
});

describe('a listener\'s take-aways', () => {
  const mine = [{ slot: 1, kind: 'EYEOPENER' as const, themeId: 'T1', text: 'De wachttijd' }];

  it('shows what the server holds, or what waits to be sent, the last one winning', () => {
    expect(slotState(1, mine, [])).toEqual({ pending: false, takeAway: mine[0] });
    expect(slotState(2, mine, [])).toEqual({ pending: false, takeAway: null });
    const offline = [pending('WriteTakeAway', { slot: 1, kind: 'FREE', themeId: null, text: 'Eerst' }), pending('SubmitQuestion', { text: 'x' }),
      pending('WriteTakeAway', { slot: 1, kind: 'FREE', themeId: null, text: 'Daarna' })];
    expect(slotState(1, mine, offline)).toEqual({ pending: true, takeAway: { slot: 1, kind: 'FREE', themeId: null, text: 'Daarna' } });
    expect(slotState(1, mine, [pending('WriteTakeAway', { slot: 1, text: '' })])).toEqual({ pending: true, takeAway: null });
    expect(slotState(2, mine, offline).pending).toBe(false);
  });

  it('offers the method\'s kinds in order', () => {
    expect([1, 2, 3].map(defaultKind)).toEqual(['EYEOPENER', 'DO_DIFFERENTLY', 'FREE']);
  });

  it('keeps the answer on participation that waits', () => {
    expect(perceivedState(3, [])).toEqual({ score: 3, pending: false });
    expect(perceivedState(null, [pending('RatePerceivedBalance', { score: 5 })])).toEqual({ score: 5, pending: true });
  });

  it('closes when the window has passed, even before the server says so again', () => {
    const until = '2027-01-08T10:00:00Z';
    expect(writable(true, null, 0)).toBe(true);
    expect(writable(true, until, Date.parse(until) - 1)).toBe(true);
    expect(writable(true, until, Date.parse(until))).toBe(false);
    expect(writable(false, null, 0)).toBe(false);
  });
});

describe('the series trend', () => {
  const evaluation = (answers: number, heard: number | null, again: number | null) => ({ answers, needed: 3, shown: answers >= 3, onPaper: 0,
    remarks: [], items: answers >= 3 ? [{ question: 'heard', average: heard, answers, distribution: {} },
      { question: 'again', average: again, answers, distribution: {} }] : [] });

  it('follows each question across the meetings, up, down or the same', () => {
    const rows = trend([evaluation(3, 3, 4), evaluation(5, 4.2, 4), evaluation(4, 3.9, null)]);
    expect(rows.map((r) => r.question)).toEqual(['heard', 'time', 'information', 'again']);
    expect(rows[0].cells.map((c) => [c.average, c.change])).toEqual([[3, null], [4.2, 'up'], [3.9, 'down']]);
    expect(rows[3].cells.map((c) => [c.average, c.change])).toEqual([[4, null], [4, 'same'], [null, null]]);
    expect(rows[1].cells.every((c) => c.average === null && c.change === null)).toBe(true);
  });

  it('shows nothing of a meeting under three answers, and compares past it', () => {
    const rows = trend([evaluation(4, 3, 3), evaluation(2, null, null), evaluation(3, 5, 2)]);
    expect(rows[0].cells.map((c) => [c.average, c.shown, c.answers, c.change])).toEqual([[3, true, 4, null], [null, false, 2, null],
      [5, true, 3, 'up']]);
    expect(rows[3].cells[2].change).toBe('down');
  });
});
