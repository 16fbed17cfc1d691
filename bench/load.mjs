// The load generator: meetings with a moderator and listeners as real WebSocket clients, a command
// rate per meeting, and the time from a moderator's send to each listener's receipt of that change.
import WebSocket from 'ws';

/** A live connection that says hello and records what it receives. */
export function connect(url, key, onMessage) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['spiegel.v1'], { headers: { Authorization: `Bearer ${key}` }, perMessageDeflate: false });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello' })));
    socket.on('error', reject);
    let ready = false;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (!ready && message.type === 'ready') {
        ready = true;
        resolve(socket);
      }
      onMessage?.(message);
    });
  });
}

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
  // Meetings and keys first (over REST for Spiegel); then the connections, which are what is timed.
  const made = await inBatches(Array.from({ length: meetings }, (_, m) => () => target.meeting(m, listenersPerMeeting)), 4);
  const connecting = performance.now();
  const handles = await inBatches(made.map((meeting, m) => async () => {
    const listeners = await inBatches(meeting.listenerKeys.map((key) => () => connect(meeting.listenerUrl, key,
      (message) => { if (message.type === 'change') received.push([m, message.seq, performance.now()]); })), 20);
    const moderator = await connect(meeting.moderatorUrl, meeting.moderatorKey, (message) => {
      if (message.type === 'ack') {
        const sent = sentAt.get(`${m}/${message.commandId}`);
        if (sent !== undefined) seqSentAt.set(`${m}/${message.seq}`, sent);
      }
    });
    return { moderator, listeners, count: 0 };
  }), 8);
  const connectSeconds = (performance.now() - connecting) / 1000;

  return {
    sockets: handles.reduce((n, h) => n + h.listeners.length + 1, 0),
    connectSeconds,
    /** Sends {@code perSecond} commands per meeting for {@code seconds}; returns latencies in ms. */
    async drive(perSecond, seconds) {
      received.length = 0;
      const started = performance.now();
      const timers = handles.map((h, m) => setTimeout(() => {
        const tick = () => {
          const commandId = `c${m}-${h.count++}`;
          sentAt.set(`${m}/${commandId}`, performance.now());
          h.moderator.send(JSON.stringify({ type: 'SetHouseRules', commandId, text: `Huisregels ${h.count}` }));
        };
        tick();
        h.timer = setInterval(tick, 1000 / perSecond);
      }, (m / handles.length) * (1000 / perSecond)));
      await new Promise((r) => setTimeout(r, seconds * 1000));
      timers.forEach(clearTimeout);
      handles.forEach((h) => clearInterval(h.timer));
      await new Promise((r) => setTimeout(r, 2000));
      const latencies = [];
      for (const [m, seq, at] of received) {
        const sent = seqSentAt.get(`${m}/${seq}`);
        if (sent !== undefined && sent >= started) latencies.push(at - sent);
      }
      latencies.sort((a, b) => a - b);
      const acked = [...seqSentAt.values()].filter((t) => t >= started).length;
      return { latencies, acked, sent: handles.length * Math.round(perSecond * seconds), deliveries: latencies.length };
    },
    close() {
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
