import { describe, expect, it } from 'vitest';
import { Outbox, message } from './outbox';

class Memory {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

describe('the offline queue', () => {
  it('keeps taps in order with their ids until they are answered', () => {
    const box = new Outbox(null, 'k');
    box.add('GiveFloor', { participantId: 'P4' }, 'c1', 1);
    box.add('GiveFloor', { participantId: 'P5' }, 'c2', 2);
    expect(box.pending().map((p) => p.commandId)).toEqual(['c1', 'c2']);
    expect(box.settle('c1')?.fields).toEqual({ participantId: 'P4' });
    expect(box.settle('c1')).toBeUndefined();
    expect(box.pending().map((p) => p.commandId)).toEqual(['c2']);
  });

  it('survives a reload', () => {
    const storage = new Memory();
    new Outbox(storage, 'spiegel.outbox').add('PauseSpeaking', {}, 'c9', 5);
    const again = new Outbox(storage, 'spiegel.outbox');
    expect(again.size).toBe(1);
    again.settle('c9');
    expect(storage.data.has('spiegel.outbox')).toBe(false);
  });

  it('ignores a damaged store', () => {
    const storage = new Memory();
    storage.setItem('k', '{oops');
    expect(new Outbox(storage, 'k').size).toBe(0);
  });

  it('sends the same command id every time', () => {
    const p = new Outbox(null, 'k').add('AddNote', { text: 'x', type: 'nope' }, 'c3', 0);
    expect(JSON.parse(message(p))).toEqual({ text: 'x', type: 'AddNote', commandId: 'c3',
      actedAt: new Date(p.madeAt).toISOString() });
    // Made offline at local time madeAt, it says when that was on the server's clock.
    expect(JSON.parse(message(p, (local) => local + 2_000)).actedAt).toBe(new Date(p.madeAt + 2_000).toISOString());
  });
});
