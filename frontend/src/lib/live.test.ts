import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection } from './live.svelte';

/** A WebSocket that keeps what the app sent and lets the test play the server. */
class FakeSocket {
  static readonly OPEN = 1;
  static last: FakeSocket;
  readyState = FakeSocket.OPEN;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor() {
    FakeSocket.last = this;
  }
  send(text: string) { this.sent.push(JSON.parse(text)); }
  close() { this.readyState = 3; }
  receive(message: Record<string, unknown>) { this.onmessage?.({ data: JSON.stringify(message) }); }
  commands() { return this.sent.filter((m) => m.type !== 'hello'); }
}

describe('storing paused', () => {
  let live: LiveConnection;
  let socket: FakeSocket;

  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'spiegel.test' });
    live = new LiveConnection('m1', 'moderator-key', () => 'nl');
    live.connect();
    socket = FakeSocket.last;
    socket.onopen?.();
    const now = new Date().toISOString();
    socket.receive({ type: 'snapshot', seq: 3, serverTime: now, role: 'MODERATOR', view: { seq: 3 } });
    socket.receive({ type: 'ready', seq: 3, serverTime: now });
  });

  afterEach(() => {
    live.close();
    vi.unstubAllGlobals();
  });

  it('holds commands on the device while paused and sends them when storing resumes', () => {
    expect(live.status).toBe('live');
    socket.receive({ type: 'storage', paused: true, since: new Date().toISOString() });
    expect(live.storagePaused).toBe(true);
    expect(live.status).toBe('live');

    const id = live.send('GiveFloor', { participantId: 'P4' });
    expect(socket.commands()).toEqual([]);
    expect(live.pendingCount).toBe(1);

    socket.receive({ type: 'storage', paused: false });
    expect(live.storagePaused).toBe(false);
    expect(socket.commands()).toMatchObject([{ type: 'GiveFloor', commandId: id, participantId: 'P4' }]);
    socket.receive({ type: 'ack', commandId: id, seq: 4 });
    expect(live.pendingCount).toBe(0);
  });

  it('keeps a command refused as unavailable and sends it again, with its id, when storing resumes', () => {
    const id = live.send('NextTheme');
    socket.receive({ type: 'error', code: 'UNAVAILABLE', commandId: id, message: 'Niet opgeslagen.' });
    socket.receive({ type: 'storage', paused: true, since: new Date().toISOString() });
    expect(live.pendingCount).toBe(1);
    expect(live.lastProblem).toBeNull();

    socket.receive({ type: 'storage', paused: false });
    expect(socket.commands().map((m) => m.commandId)).toEqual([id, id]);
  });

  it('sends a refused command again in a while when no pause was said, and not while one is', () => {
    vi.useFakeTimers();
    try {
      const id = live.send('NextTheme');
      socket.receive({ type: 'error', code: 'UNAVAILABLE', commandId: id, message: 'Niet opgeslagen.' });
      vi.advanceTimersByTime(LiveConnection.AGAIN_MS);
      expect(socket.commands().map((m) => m.commandId)).toEqual([id, id]);

      socket.receive({ type: 'error', code: 'UNAVAILABLE', commandId: id, message: 'Niet opgeslagen.' });
      socket.receive({ type: 'storage', paused: true, since: new Date().toISOString() });
      vi.advanceTimersByTime(LiveConnection.AGAIN_MS);
      expect(socket.commands()).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a command refused as too busy again after a second, once', () => {
    vi.useFakeTimers();
    try {
      const id = live.send('NextTheme');
      socket.receive({ type: 'error', code: 'RATE_LIMITED', commandId: id, message: 'Spiegel heeft het even te druk.' });
      socket.receive({ type: 'error', code: 'RATE_LIMITED', commandId: id, message: 'Spiegel heeft het even te druk.' });
      expect(live.pending).toHaveLength(1);
      vi.advanceTimersByTime(LiveConnection.SLOWER_MS);
      expect(socket.commands().map((m) => m.commandId)).toEqual([id, id]);
      socket.receive({ type: 'ack', commandId: id, seq: 2 });
      expect(live.pending).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds a newer command while a refused one waits, then sends them one by one, oldest first', () => {
    vi.useFakeTimers();
    try {
      const first = live.send('NextTheme');
      socket.receive({ type: 'error', code: 'RATE_LIMITED', commandId: first, message: 'Spiegel heeft het even te druk.' });
      const second = live.send('NextTheme');
      expect(socket.commands().map((m) => m.commandId)).toEqual([first]);
      vi.advanceTimersByTime(LiveConnection.SLOWER_MS);
      expect(socket.commands().map((m) => m.commandId)).toEqual([first, first]);
      const third = live.send('NextTheme');
      expect(socket.commands().map((m) => m.commandId)).toEqual([first, first]);
      socket.receive({ type: 'ack', commandId: first, seq: 2 });
      expect(socket.commands().map((m) => m.commandId)).toEqual([first, first, second]);
      socket.receive({ type: 'ack', commandId: second, seq: 3 });
      socket.receive({ type: 'ack', commandId: third, seq: 4 });
      expect(socket.commands().map((m) => m.commandId)).toEqual([first, first, second, third]);
      // Nothing left: a new tap goes at once again.
      const fourth = live.send('NextTheme');
      expect(socket.commands().map((m) => m.commandId)).toEqual([first, first, second, third, fourth]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps at most 17 commands unanswered on the wire, the next goes once one is answered', () => {
    const ids = Array.from({ length: 20 }, () => live.send('NextTheme'));
    expect(socket.commands().map((m) => m.commandId)).toEqual(ids.slice(0, LiveConnection.WINDOW));
    socket.receive({ type: 'ack', commandId: ids[0], seq: 2 });
    expect(socket.commands().map((m) => m.commandId)).toEqual(ids.slice(0, LiveConnection.WINDOW + 1));
    socket.receive({ type: 'ack', commandId: ids[0], seq: 2 });
    expect(socket.commands()).toHaveLength(LiveConnection.WINDOW + 1);
  });

  it('forgets the pause with the connection: the next one says again', () => {
    socket.receive({ type: 'storage', paused: true, since: new Date().toISOString() });
    socket.onclose?.({ code: 1006 });
    expect(live.status).toBe('offline');
    expect(live.storagePaused).toBe(false);
  });
});
