import { describe, expect, it } from 'vitest';
import { apply, EMPTY } from './view';

describe('applying the stream', () => {
  it('takes a snapshot, then changed sections in order', () => {
    let s = apply(EMPTY, { type: 'snapshot', seq: 4, view: { phase: 'LOBBY', notes: [] } }).stream;
    s = apply(s, { type: 'change', seq: 5, view: { phase: 'OPENING' } }).stream;
    expect(s).toEqual({ seq: 5, view: { phase: 'OPENING', notes: [] } });
  });

  it('asks again on a gap or a duplicate, keeping what it had', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 4, view: { phase: 'LOBBY' } }).stream;
    expect(apply(s, { type: 'change', seq: 6, view: { phase: 'X' } })).toEqual({ kind: 'resync', stream: s });
    expect(apply(s, { type: 'change', seq: 4, view: { phase: 'X' } }).kind).toBe('resync');
    expect(apply(EMPTY, { type: 'change', seq: 1, view: {} }).kind).toBe('resync');
  });

  it('ignores other messages', () => {
    const s = apply(EMPTY, { type: 'snapshot', seq: 1, view: { a: 1 } }).stream;
    expect(apply(s, { type: 'ack', commandId: 'x', seq: 1 }).stream).toBe(s);
  });
});
