#!/usr/bin/env node
// The ceiling: a bare socket.io server that only broadcasts to rooms. Same protocol and frame
// sizes as Vigil's case rooms (`case:join`, `message:post` with ack, `case:event` to the room),
// but no authentication, no validation, no database: a seq counter per room in memory.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3900);
const http = createServer((request, response) => {
  if (request.url === '/api/health') return response.writeHead(200).end('ok');
  response.writeHead(404).end();
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
const heads = new Map();
const actor = { id: randomUUID(), displayName: 'Bench Poster', role: 'observer', agencyKind: 'civil_society' };

io.on('connection', (socket) => {
  socket.on('case:join', (payload, ack) => {
    const caseId = String(payload?.caseId);
    socket.join(caseId);
    if (typeof ack === 'function') ack({ ok: true, caseId, headSeq: heads.get(caseId) ?? 0, events: [], hasMore: false, online: [] });
  });
  socket.on('message:post', (payload, ack) => {
    const caseId = String(payload?.caseId);
    const seq = (heads.get(caseId) ?? 0) + 1;
    heads.set(caseId, seq);
    const event = {
      id: randomUUID(),
      caseId,
      seq,
      prevSeq: seq - 1,
      type: 'message.posted',
      tier: payload?.tier ?? 'room',
      at: new Date().toISOString(),
      actor,
      data: { messageId: randomUUID(), clientId: payload?.clientId, body: payload?.body },
    };
    io.to(caseId).emit('case:event', event);
    if (typeof ack === 'function') ack({ ok: true, event });
  });
});

http.listen(port, '127.0.0.1', () => process.stdout.write(`bare: ready on ${port}\n`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
