// The floor: a minimal room server that stores nothing. A moderator's command is stamped with the
// room's next seq, broadcast to the room's listeners with Spiegel's message sizes (a listener's
// change of 195 B; the moderator's own change of 2.4 KB) and acked. Same wire shape as Spiegel's
// live protocol, so the load generator drives both alike.
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 8099);
const rooms = new Map();
const pad = (n) => 'x'.repeat(n);

const server = new WebSocketServer({ port, perMessageDeflate: false });
server.on('connection', (socket, request) => {
  const [, , meeting, role] = new URL(request.url, 'http://floor').pathname.split('/');
  if (!rooms.has(meeting)) rooms.set(meeting, { seq: 0, listeners: new Set(), moderators: new Set() });
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
    const seq = ++room.seq;
    const at = new Date().toISOString();
    const forListeners = JSON.stringify({ type: 'change', seq, at, view: { details: pad(120) } });
    const forModerators = JSON.stringify({ type: 'change', seq, at, view: { details: pad(2330) } });
    for (const listener of room.listeners) listener.send(forListeners);
    for (const moderator of room.moderators) moderator.send(forModerators);
    socket.send(JSON.stringify({ type: 'ack', commandId: message.commandId, seq }));
  });
});
console.log(`floor listening on ${port}`);
