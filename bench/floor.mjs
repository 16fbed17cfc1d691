// The floors: a minimal room server. A moderator's command is stamped with the room's next seq,
// broadcast to the room's listeners with Spiegel's message sizes (a listener's change of 195 B; the
// moderator's own change of 2.4 KB) and acked. Same wire shape as Spiegel's live protocol, so the
// load generator drives all alike.
//
// Without DATABASE_URL it stores nothing (the non-durable floor). With it (the durable floor), each
// change is first inserted into PostgreSQL, committed with the server's settings (fsync and
// synchronous_commit on), one insert per change, unique per (meeting, command id), the changes of
// one meeting one after another and in order, through a pool as large as Spiegel's.
import { WebSocketServer } from 'ws';
import pg from 'pg';

const port = Number(process.env.PORT ?? 8099);
const rooms = new Map();
const pad = (n) => 'x'.repeat(n);

const pool = process.env.DATABASE_URL ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 }) : null;
if (pool) {
  await pool.query(`create table if not exists floor_change (meeting text not null, seq bigint not null,
    command_id text not null, body text not null, primary key (meeting, seq), unique (meeting, command_id))`);
  await pool.query('truncate floor_change');
}

/** Stores the change before it is sent; the seq it has, or the earlier seq of a command id seen before. */
async function store(meeting, seq, commandId, body) {
  if (!pool) return seq;
  const inserted = await pool.query(
    'insert into floor_change (meeting, seq, command_id, body) values ($1, $2, $3, $4) on conflict (meeting, command_id) do nothing returning seq',
    [meeting, seq, commandId, body]);
  if (inserted.rowCount === 1) return seq;
  return Number((await pool.query('select seq from floor_change where meeting = $1 and command_id = $2', [meeting, commandId])).rows[0].seq);
}

async function handle(room, meeting, socket, message) {
  const seq = room.seq + 1;
  const at = new Date().toISOString();
  const forListeners = JSON.stringify({ type: 'change', seq, at, view: { details: pad(120) } });
  const stored = await store(meeting, seq, message.commandId, forListeners);
  if (stored === seq) {
    room.seq = seq;
    const forModerators = JSON.stringify({ type: 'change', seq, at, view: { details: pad(2330) } });
    for (const listener of room.listeners) listener.send(forListeners);
    for (const moderator of room.moderators) moderator.send(forModerators);
  }
  socket.send(JSON.stringify({ type: 'ack', commandId: message.commandId, seq: stored }));
}

const server = new WebSocketServer({ port, perMessageDeflate: false });
server.on('connection', (socket, request) => {
  const [, , meeting, role] = new URL(request.url, 'http://floor').pathname.split('/');
  if (!rooms.has(meeting)) rooms.set(meeting, { seq: 0, listeners: new Set(), moderators: new Set(), queue: Promise.resolve() });
  const room = rooms.get(meeting);
  (role === 'moderator' ? room.moderators : room.listeners).add(socket);
  socket.on('close', () => { room.listeners.delete(socket); room.moderators.delete(socket); });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'hello') {
      socket.send(JSON.stringify({ type: 'snapshot', seq: room.seq, view: {} }));
      socket.send(JSON.stringify({ type: 'ready', seq: room.seq }));
      return;
    }
    // One meeting's commands one after another, as Spiegel's room does; meetings side by side.
    room.queue = room.queue.then(() => handle(room, meeting, socket, message)).catch((failure) => {
      socket.send(JSON.stringify({ type: 'error', code: 'UNAVAILABLE', commandId: message.commandId }));
      console.error(`floor: ${failure.message}`);
    });
  });
});
console.log(`${pool ? 'durable' : 'non-durable'} floor listening on ${port}`);
