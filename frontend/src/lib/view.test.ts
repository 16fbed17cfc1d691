import { describe, expect, it } from 'vitest';
import { apply, EMPTY } from './view';
import type { DisplayView } from './wire';

/** Only the sections a test needs; the server sends all of them. */
const sections = (fields: Record<string, unknown>) => fields as unknown as DisplayView;

describe('applying the stream', () => {
  it('takes a snapshot, then changed sections in order', () => {
    let s = apply(EMPTY, { type: 'snapshot', seq: 4, view: sections({ phase: 'LOBBY', questionQueue: [] }) }).stream;
    s = apply(s, { type: 'change', seq: 5, view: { phase: 'OPENING' } }).stream;
    expect(s).toEqual({ seq: 5, view: { phase: 'OPENING', questionQueue: [] } });
  });

  it('skips the events that changed nothing for its role', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 4, view: sections({ phase: 'LOBBY' }) }).stream;
    expect(apply(s, { type: 'change', seq: 9, view: { phase: 'OPENING' } }))
      .toEqual({ kind: 'ok', stream: { seq: 9, view: { phase: 'OPENING' } } });
  });

  it('asks again on a gap where the role is sent every event', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 4, view: sections({ phase: 'LOBBY' }) }).stream;
    expect(apply(s, { type: 'change', seq: 6, view: { phase: 'OPENING' } }, true)).toEqual({ kind: 'resync', stream: s });
    expect(apply(s, { type: 'change', seq: 5, view: { phase: 'OPENING' } }, true).kind).toBe('ok');
  });

  it('asks again on a change that is not after the last, keeping what it had', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 4, view: sections({ phase: 'LOBBY' }) }).stream;
    expect(apply(s, { type: 'change', seq: 4, view: { phase: 'OPENING' } })).toEqual({ kind: 'resync', stream: s });
    expect(apply(s, { type: 'change', seq: 3, view: { phase: 'OPENING' } }).kind).toBe('resync');
    expect(apply<DisplayView>(EMPTY, { type: 'change', seq: 1, view: {} }).kind).toBe('resync');
  });

  it('patches list sections by id: changed fields, new items, removals, a new order', () => {
    const note = (id: string, text: string) => ({ id, text, shared: false });
    let s = apply(EMPTY, { type: 'snapshot', seq: 1, view: sections({ phase: 'LOBBY', questionQueue: [],
      notes: [note('N1', 'een'), note('N2', 'twee'), note('N3', 'drie')] }) }).stream;
    const before = s.view;
    s = apply(s, { type: 'change', seq: 2, view: { phase: 'OPENING' }, items: {
      notes: { put: [{ id: 'N2', shared: true }, note('N4', 'vier')], removed: ['N1'] } } }).stream;
    expect(s.view).toEqual({ phase: 'OPENING', questionQueue: [],
      notes: [note('N2', 'twee'), note('N3', 'drie'), note('N4', 'vier')].map((n) => n.id === 'N2' ? { ...n, shared: true } : n) });
    expect(before).toEqual(sections({ phase: 'LOBBY', questionQueue: [],
      notes: [note('N1', 'een'), note('N2', 'twee'), note('N3', 'drie')] }));
    s = apply(s, { type: 'change', seq: 3, view: {}, items: { notes: { order: ['N4', 'N2', 'N3'] } } }).stream;
    expect((s.view as unknown as { notes: { id: string }[] }).notes.map((n) => n.id)).toEqual(['N4', 'N2', 'N3']);
  });

  it('ignores other messages', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 1, view: sections({ title: 'T' }) }).stream;
    expect(apply(s, { type: 'ack' }).stream).toBe(s);
  });
});
