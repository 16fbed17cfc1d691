// One live connection to a meeting: hello and resume, the role's view, commands that survive
// Wi-Fi drops and a server that cannot store for a while (the outbox), and the server clock with
// its ticking `now`. Components read its fields; they are reactive.
import { apply, EMPTY, type Stream, type ViewMessage } from './view';
import type { View } from './wire';
import { message, Outbox, type Pending } from './outbox';
import { ServerClock } from './clock';

export type Status = 'connecting' | 'live' | 'offline' | 'revoked' | 'elsewhere';

export interface Answer {
  commandId: string;
  type: 'ack' | 'rejected' | 'error';
  code?: string;
  field?: string;
  message?: string;
  command?: string;
}

/** A message the server sends on a live connection (docs/asyncapi.yaml). */
type ServerMessage<V extends View> =
  | ViewMessage<V>
  | { type: 'ready'; serverTime: string }
  | { type: 'storage'; paused: boolean; since?: string }
  | { type: 'ack' | 'rejected' | 'error'; commandId?: string; code?: string; field?: string; message?: string };

export class LiveConnection<V extends View = View> {
  /** After an UNAVAILABLE, as REST's Retry-After says. */
  static readonly AGAIN_MS = 5000;
  /** After a RATE_LIMITED: a busy server says one second; a sender over its rate has a token again by then. */
  static readonly SLOWER_MS = 1000;
  /** Commands unanswered on the wire at most: the server handles one and lets 16 wait behind it. */
  static readonly WINDOW = 17;
  status = $state<Status>('connecting');
  view = $state<V | null>(null);
  seq = $state(-1);
  role = $state<string | null>(null);
  /** Commands made but not answered yet, oldest first: shown at once, as "waiting for the connection". */
  pending = $state<readonly Pending[]>([]);
  pendingCount = $derived(this.pending.length);
  lastProblem = $state<Answer | null>(null);
  /**
   * The server said it cannot store for a while (its database is out of reach): commands wait in the
   * outbox, on this device, and go out when it says storing resumed.
   */
  storagePaused = $state(false);
  readonly clock = new ServerClock();
  /** The server's time now, ticking each second: clocks on screen count from the view's instants. */
  now = $state(Date.now());

  private socket: WebSocket | null = null;
  private readonly answers = new Map<string, (answer: Answer | null | undefined) => void>();
  private stream: Stream<V> = EMPTY;
  private readonly outbox: Outbox;
  private retry = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private again: ReturnType<typeof setTimeout> | null = null;
  /**
   * After a refusal as too busy, what waits goes one command at a time, each once the one before
   * is answered, until none is left: a busy server gets one command back from us, not the outbox.
   */
  private oneByOne = false;
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly online = () => this.reconnectSoon(0);
  // A dropped Wi-Fi can take minutes to break a socket; the browser knows at once.
  private readonly offline = () => this.dropSocket();

  constructor(
    readonly meetingId: string,
    private readonly key: string,
    private readonly language: () => string,
  ) {
    this.outbox = new Outbox(typeof localStorage === 'undefined' ? null : localStorage,
      `spiegel.outbox.${meetingId}.${key.slice(0, 8)}`);
    this.pending = this.outbox.pending();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.online);
      window.addEventListener('offline', this.offline);
    }
    this.now = this.clock.now();
    this.ticker = setInterval(() => (this.now = this.clock.now()), 1000);
  }

  connect(): void {
    if (this.stopped) return;
    this.status = 'connecting';
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/live/${this.meetingId}`,
      ['spiegel.v1', `spiegel.key.${this.key}`]);
    this.socket = socket;
    socket.onopen = () => {
      const hello: Record<string, unknown> = { type: 'hello', language: this.language() };
      if (this.stream.seq >= 0) hello.lastSeq = this.stream.seq;
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (event) => this.receive(JSON.parse(String(event.data)));
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // Whoever answers next says again whether storing is paused.
      this.storagePaused = false;
      if (event.code === 4401) {
        this.status = 'revoked';
        return;
      }
      // Opened in too many other windows: reconnecting by itself would close one of those in turn.
      if (event.code === 4429) {
        this.status = 'elsewhere';
        return;
      }
      this.status = 'offline';
      this.reconnectSoon(Math.min(10_000, 500 * 2 ** this.retry++));
    };
  }

  /** Sends a command now, or as soon as the connection is back; never twice in effect. */
  send(type: string, fields: Record<string, unknown> = {}): string {
    const commandId = crypto.randomUUID();
    const pending = this.outbox.add(type, fields, commandId, Date.now());
    this.pending = this.outbox.pending();
    // While a refused command waits to be sent again, a newer one waits behind it: the server takes
    // a connection's commands in the order sent, and would refuse this one until the older came back.
    if (this.status === 'live' && !this.storagePaused && !this.again && !this.oneByOne
      && this.outbox.pending().length <= LiveConnection.WINDOW && this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(message(pending, (local) => this.clock.now(local)));
    }
    return commandId;
  }

  /**
   * Waits for the server's answer to a command just sent: null when it was applied, else the refusal,
   * which the caller shows where it belongs (beside its field) instead of as the general problem.
   * Undefined when no answer came within the time (the command is kept and sent when it can; a
   * refusal then shows as the general problem).
   */
  answer(commandId: string, withinMs = 5000): Promise<Answer | null | undefined> {
    return new Promise((resolve) => {
      this.answers.set(commandId, resolve);
      setTimeout(() => {
        if (this.answers.delete(commandId)) resolve(undefined);
      }, withinMs);
    });
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.again) clearTimeout(this.again);
    clearInterval(this.ticker);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.online);
      window.removeEventListener('offline', this.offline);
    }
    this.socket?.close(1000);
  }

  private receive(msg: ServerMessage<V>): void {
    switch (msg.type) {
      case 'snapshot':
      case 'change': {
        const applied = apply(this.stream, msg, this.role === 'MODERATOR' || this.role === 'ASSISTANT');
        if (applied.kind === 'resync') {
          // Out of step: reconnecting resumes from the last change that did fit.
          this.socket?.close(4000);
          return;
        }
        this.stream = applied.stream;
        this.view = applied.stream.view;
        this.seq = applied.stream.seq;
        if (msg.type === 'snapshot') {
          this.role = msg.role ?? null;
          if (msg.serverTime) this.clock.update(msg.serverTime, Date.now());
        }
        break;
      }
      case 'ready':
        this.clock.update(msg.serverTime, Date.now());
        this.status = 'live';
        this.retry = 0;
        // A new connection: the server has refused nothing of it yet.
        this.oneByOne = false;
        this.flush();
        break;
      case 'storage':
        this.storagePaused = msg.paused;
        // What was refused or held meanwhile goes now, with the same ids: each is applied once.
        if (!msg.paused) this.flush();
        break;
      case 'ack':
      case 'rejected':
        this.settle(msg);
        break;
      case 'error':
        // Not stored this time: it stays in the outbox and goes again when storing resumes or after a reconnect.
        if (msg.code !== 'UNAVAILABLE' && msg.code !== 'RATE_LIMITED') this.settle(msg);
        if (msg.code === 'UNAVAILABLE') this.sendAgainLater(LiveConnection.AGAIN_MS);
        if (msg.code === 'RATE_LIMITED') {
          this.oneByOne = true;
          this.sendAgainLater(LiveConnection.SLOWER_MS);
        }
        break;
    }
  }

  private settle(msg: Extract<ServerMessage<V>, { type: 'ack' | 'rejected' | 'error' }>): void {
    const pending = msg.commandId ? this.outbox.settle(msg.commandId) : undefined;
    this.pending = this.outbox.pending();
    if (this.oneByOne && !this.again) this.sendNext();
    else if (pending && !this.again) this.sendBehindWindow();
    const problem: Answer | null = msg.type === 'ack' ? null : { commandId: msg.commandId ?? '', type: msg.type, code: msg.code,
      field: msg.field, message: msg.message, command: pending?.type };
    const waiting = msg.commandId ? this.answers.get(msg.commandId) : undefined;
    if (waiting) {
      this.answers.delete(msg.commandId!);
      waiting(problem);
    } else if (problem) {
      this.lastProblem = problem;
    }
  }

  private flush(): void {
    for (const pending of this.outbox.pending().slice(0, LiveConnection.WINDOW)) {
      this.socket?.send(message(pending, (local) => this.clock.now(local)));
    }
  }

  /** One was answered: the first that waited beyond the window goes now. */
  private sendBehindWindow(): void {
    const next = this.outbox.pending()[LiveConnection.WINDOW - 1];
    if (next && this.status === 'live' && !this.storagePaused && this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(message(next, (local) => this.clock.now(local)));
    }
  }

  /** One by one: the oldest command that waits, or, when none is left, back to sending at once. */
  private sendNext(): void {
    const oldest = this.outbox.pending()[0];
    if (!oldest) {
      this.oneByOne = false;
      return;
    }
    if (this.status === 'live' && !this.storagePaused && this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(message(oldest, (local) => this.clock.now(local)));
    }
  }

  /**
   * An outage shorter than the server's check refuses commands without a pause or a resume to wait
   * for: what waits goes again in a while, unless the server said storing is paused meanwhile. So
   * does a command refused because the server was too busy or the sender sent too fast.
   */
  private sendAgainLater(ms: number): void {
    if (this.again) return;
    this.again = setTimeout(() => {
      this.again = null;
      if (this.status === 'live' && !this.storagePaused && this.socket?.readyState === WebSocket.OPEN) {
        if (this.oneByOne) this.sendNext();
        else this.flush();
      }
    }, ms);
  }

  private dropSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.close();
    this.status = 'offline';
    this.storagePaused = false;
    this.reconnectSoon(1000);
  }

  /** After 'elsewhere': the person chose to go on here. */
  takeOver(): void {
    this.retry = 0;
    this.status = 'connecting';
    this.connect();
  }

  private reconnectSoon(delay: number): void {
    if (this.stopped || this.socket || this.status === 'elsewhere') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.socket) this.connect();
    }, delay);
  }
}
