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

  it('asks again on a gap or a duplicate, keeping what it had', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 4, view: sections({ phase: 'LOBBY' }) }).stream;
    expect(apply(s, { type: 'change', seq: 6, view: { phase: 'OPENING' } })).toEqual({ kind: 'resync', stream: s });
    expect(apply(s, { type: 'change', seq: 4, view: { phase: 'OPENING' } }).kind).toBe('resync');
    expect(apply<DisplayView>(EMPTY, { type: 'change', seq: 1, view: {} }).kind).toBe('resync');
  });

  it('ignores other messages', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 1, view: sections({ title: 'T' }) }).stream;
    expect(apply(s, { type: 'ack' }).stream).toBe(s);
  });
});
