// The load generator: meetings with a moderator and listeners as real WebSocket clients, a command
// rate per meeting, and the time from a moderator's send to each listener's receipt of that change.
import WebSocket from 'ws';

/**
 * A live connection that says hello (resuming after {@code lastSeq}, when given) and records what it
 * receives; {@code socket.lastSeq} is the last change it has.
 */
export function connect(url, key, onMessage, lastSeq) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['spiegel.v1'], { headers: { Authorization: `Bearer ${key}` }, perMessageDeflate: false });
    socket.on('open', () => socket.send(JSON.stringify(lastSeq ? { type: 'hello', lastSeq } : { type: 'hello' })));
    socket.on('error', reject);
    let ready = false;
    socket.on('message', (data) => {
      const message = read(String(data));
      if (message.type === 'change' || message.type === 'snapshot') socket.lastSeq = message.seq;
      if (!ready && message.type === 'ready') {
        ready = true;
        resolve(socket);
      }
      onMessage?.(message);
    });
  });
}

// Both servers begin a change with its type and seq: the load generator reads those two without
// parsing the rest, so that 4 000 listeners' changes do not take its core before a server's capacity.
const CHANGE = '{"type":"change","seq":';
function read(text) {
  if (!text.startsWith(CHANGE)) return JSON.parse(text);
  return { type: 'change', seq: parseInt(text.slice(CHANGE.length, CHANGE.length + 20), 10) };
}

/** Commands a connection may have unanswered: the one handled and the 16 that may wait behind it. */
const WINDOW = 17;

/** Runs [promise factory] with at most {@code parallel} at once. */
export async function inBatches(tasks, parallel) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

/**
 * Opens every meeting's moderator and listeners; returns a handle that sends commands at a rate
 * and measures fan-out latency. {@code target.meeting(i)} gives urls and keys (made over REST for
 * Spiegel, made up for the floor).
 */
export async function room(target, meetings, listenersPerMeeting) {
  const sentAt = new Map(); // meeting/commandId -> ms
  const seqSentAt = new Map(); // meeting/seq -> ms
  const received = []; // [meeting, seq, ms]
  const answers = []; // [sent ms, answered ms, error code or null], one for each command's final answer
  let refusals = {}; // code -> how often
  const answered = (m, commandId, code) => {
    const key = `${m}/${commandId}`;
    const sent = sentAt.get(key);
    if (sent === undefined) return undefined;
    sentAt.delete(key);
    const h = handles[m];
    h.unanswered.delete(commandId);
    h.wire.delete(commandId);
    h.window = Math.min(WINDOW, h.window + 1);
    answers.push([sent, performance.now(), code]);
    pump(h);
    return sent;
  };
  // As the protocol asks (docs/protocol.md, "Too busy"): a moderator has at most WINDOW commands
  // unanswered on the wire, the rest wait on its side, oldest first. After a refusal it waits a
  // second, then sends the oldest again alone, and one more may be on the wire after each answer.
  // A command's latency counts from when it was made.
  const pump = (h) => {
    if (h.holding) return;
    for (const [commandId, command] of h.unanswered) {
      if (h.wire.size >= h.window) return;
      if (h.wire.has(commandId)) continue;
      h.moderator.send(command.message);
      h.wire.add(commandId);
      if (!command.sent) h.firstSends++;
      command.sent = true;
    }
  };
  const refused = (m, commandId, code) => {
    const h = handles[m];
    if (!h.wire.delete(commandId)) return;
    refusals[code] = (refusals[code] ?? 0) + 1;
    h.window = 1;
    if (h.holding) return;
    h.holding = setTimeout(() => {
      h.holding = null;
      pump(h);
    }, 1000);
  };
  // Meetings and keys first (over REST for Spiegel); then the connections, which are what is timed.
  const made = await inBatches(Array.from({ length: meetings }, (_, m) => () => target.meeting(m, listenersPerMeeting)), 4);
  const onChange = (m) => (message) => { if (message.type === 'change') received.push([m, message.seq, performance.now()]); };
  const connecting = performance.now();
  // Listeners whose connection the server closed (too slow, or refused) before the load closed them.
  let dropped = 0;
  let closing = false;
  let handles = [];
  handles = await inBatches(made.map((meeting, m) => async () => {
    const listeners = await inBatches(meeting.listenerKeys.map((key) => () => connect(meeting.listenerUrl, key, onChange(m))
      .then((socket) => socket.on('close', () => { if (!closing) dropped++; }))), 20);
    const moderator = await connect(meeting.moderatorUrl, meeting.moderatorKey, (message) => {
      if (message.type === 'ack') {
        const sent = answered(m, message.commandId, null);
        if (sent !== undefined) seqSentAt.set(`${m}/${message.seq}`, sent);
      } else if (message.type === 'error' && message.commandId) {
        if (message.code === 'RATE_LIMITED' || message.code === 'UNAVAILABLE') refused(m, message.commandId, message.code);
        else answered(m, message.commandId, message.code);
      }
    });
    return { moderator, listeners, count: 0, holding: null, window: WINDOW, unanswered: new Map(), wire: new Set(), firstSends: 0 };
  }), 8);
  const connectSeconds = (performance.now() - connecting) / 1000;

  /**
   * Each meeting's moderator sends {@code perSecond} commands for {@code seconds}, spread over the
   * second across meetings, while {@code during} (if given) runs at the start.
   */
  async function drive(perSecond, seconds, during) {
    received.length = 0;
    answers.length = 0;
    refusals = {};
    let sent = 0;
    handles.forEach((h) => { h.firstSends = 0; });
    const started = performance.now();
    const timers = handles.map((h, m) => setTimeout(() => {
      const tick = () => {
        const commandId = `c${m}-${h.count++}`;
        const message = JSON.stringify({ type: 'SetHouseRules', commandId, text: `Huisregels ${h.count}` });
        sentAt.set(`${m}/${commandId}`, performance.now());
        h.unanswered.set(commandId, { message, sent: false });
        sent++;
        pump(h);
      };
      tick();
      h.timer = setInterval(tick, 1000 / perSecond);
    }, (m / handles.length) * (1000 / perSecond)));
    const side = during?.();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const ended = performance.now();
    timers.forEach(clearTimeout);
    handles.forEach((h) => clearInterval(h.timer));
    await side;
    // What was sent in the step may still be answered: two more seconds, then it counts as unanswered.
    await new Promise((r) => setTimeout(r, 2000));
    const latencies = [];
    for (const [m, seq, at] of received) {
      const at0 = seqSentAt.get(`${m}/${seq}`);
      if (at0 !== undefined && at0 >= started) latencies.push(at - at0);
    }
    latencies.sort((a, b) => a - b);
    const acks = answers.filter(([, , code]) => code === null);
    const ackLatencies = acks.map(([s, a]) => a - s).sort((a, b) => a - b);
    // Made in the step but never sent: the moderator held them behind a refused one.
    const held = sent - handles.reduce((n, h) => n + h.firstSends, 0);
    // What is still unanswered after the grace is let go: the next step starts clean.
    sentAt.clear();
    handles.forEach((h) => {
      clearTimeout(h.holding);
      Object.assign(h, { holding: null, window: WINDOW, unanswered: new Map(), wire: new Set() });
    });
    return {
      latencies, deliveries: latencies.length, sent, acked: acks.length,
      // Throughput: acks that arrived while the step ran, per second.
      acksPerSecond: acks.filter(([, a]) => a <= ended).length / ((ended - started) / 1000),
      ackLatencies, refused: refusals, unanswered: sent - answers.length, held,
    };
  }

  return {
    get dropped() { return dropped; },
    sockets: handles.reduce((n, h) => n + h.listeners.length + 1, 0),
    connectSeconds,
    drive,
    /**
     * Every listener drops its connection at once and connects again, resuming from the last change
     * it saw, while the moderators send {@code perSecond} commands each: the moderators' acks then.
     */
    async reconnectAll(perSecond, seconds) {
      let reconnected = 0;
      let reconnectSeconds = 0;
      const r = await drive(perSecond, seconds, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const t0 = performance.now();
        await Promise.all(handles.map(async (h, m) => {
          const keys = made[m].listenerKeys;
          const seen = h.listeners.map((l) => l.lastSeq);
          h.listeners.forEach((l) => l.removeAllListeners('close').terminate());
          h.listeners = await Promise.all(keys.map((key, i) => connect(made[m].listenerUrl, key, onChange(m), seen[i])));
          reconnected += h.listeners.length;
        }));
        reconnectSeconds = (performance.now() - t0) / 1000;
      });
      return { ...r, reconnected, reconnectSeconds };
    },
    close() {
      closing = true;
      for (const h of handles) {
        h.moderator.terminate();
        h.listeners.forEach((l) => l.terminate());
      }
    },
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
