// Catch-up: clients join their rooms, disconnect; messages are posted across those rooms while
// they are away; then they all reconnect and `case:join` with `afterSeq`, following `hasMore`,
// until each holds every event up to the head. Timed from the first reconnect to the last client
// caught up; loss is checked on each viewer's `prevSeq` chain.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Histogram } from './histogram.mjs';
import { httpClient } from './http.mjs';
import { LeanSocket, pool } from './lean-socket.mjs';
import { cpuMeter } from './procs.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ caseId: string, members: { id: string, token: string }[] }[]} o.rooms
 * @param {number} o.messages posted while the clients are away
 */
export async function catchUpWorkload({ origin, serverPid, rooms, messages, plan, log }) {
  const clients = rooms.flatMap((room, r) => room.members.map((member) => ({ room: r, member, cursor: 0 })));

  // 1. Join once, to know where each client stands.
  await pool(clients, plan.connectConcurrency ?? 50, async (client) => {
    const socket = new LeanSocket(origin, { auth: { token: client.member.token } });
    await socket.connect();
    const ack = await socket.request('case:join', { caseId: rooms[client.room].caseId });
    if (!ack?.ok) throw new Error(`case:join: ${JSON.stringify(ack?.error)}`);
    client.cursor = Math.max(ack.headSeq, ...ack.events.map((e) => e.seq));
    socket.close();
  });
  await sleep(1000);
  log(`  ${clients.length} clients joined ${rooms.length} rooms and disconnected`);

  // 2. Post while they are away (REST, by the rooms' members).
  const http = httpClient(origin, plan.postConcurrency ?? 32);
  const posted = new Array(rooms.length).fill(0);
  const pad = 'y'.repeat(300);
  const postMeter = cpuMeter(serverPid);
  const postStarted = performance.now();
  let postFailures = 0;
  await pool(
    Array.from({ length: messages }, (_, i) => i),
    plan.postConcurrency ?? 32,
    async (i) => {
      const r = i % rooms.length;
      const author = rooms[r].members[Math.floor(i / rooms.length) % rooms[r].members.length];
      const answer = await http.call('POST', `/api/cases/${rooms[r].caseId}/messages`, {
        token: author.token,
        body: { clientId: randomUUID(), body: `C|${i}|${pad}`.slice(0, 300), tier: 'room' },
      });
      if (answer.status === 201) posted[r]++;
      else if (postFailures++ < 3) log(`  post failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
  );
  const postSeconds = (performance.now() - postStarted) / 1000;
  const postCpu = postMeter.stop();
  http.close();
  if (postFailures > 0) throw new Error(`${postFailures} of ${messages} posts failed`);
  log(`  posted ${messages} messages over REST in ${postSeconds.toFixed(1)} s (${Math.round(messages / postSeconds)}/s; server cpu ${postCpu.server}%, db ${postCpu.database}%)`);
  await sleep(500);

  // 3. Everyone back at once; each follows hasMore until it holds the head.
  const perClient = new Histogram();
  let gaps = 0;
  let missing = 0;
  let pages = 0;
  let delivered = 0;
  const sockets = [];
  const meter = cpuMeter(serverPid);
  const started = performance.now();
  await pool(clients, plan.rejoinConcurrency ?? 200, async (client) => {
    const clientStarted = performance.now();
    const socket = new LeanSocket(origin, { auth: { token: client.member.token } });
    sockets.push(socket);
    await socket.connect();
    const from = client.cursor;
    let received = 0;
    let headSeq = 0;
    for (;;) {
      const ack = await socket.request('case:join', { caseId: rooms[client.room].caseId, afterSeq: client.cursor }, 60_000);
      if (!ack?.ok) throw new Error(`case:join: ${JSON.stringify(ack?.error)}`);
      pages++;
      headSeq = ack.headSeq;
      for (const event of ack.events) {
        if (event.seq <= client.cursor) continue; // already held
        if (event.prevSeq !== client.cursor) gaps++;
        client.cursor = event.seq;
        if (event.type === 'message.posted') received++;
      }
      delivered += ack.events.length;
      if (!ack.hasMore) break;
    }
    if (client.cursor !== headSeq) gaps++;
    missing += Math.max(0, posted[client.room] - received);
    perClient.record((performance.now() - clientStarted) * 1000);
    void from;
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.stop();
  for (const socket of sockets) socket.close();
  await sleep(500);
  log(
    `  ${clients.length} clients caught up in ${seconds.toFixed(2)} s (${pages} joins, ${delivered} events; ` +
      `per client p50 ${(perClient.percentile(50) / 1000).toFixed(0)} ms, p99 ${(perClient.percentile(99) / 1000).toFixed(0)} ms); ` +
      `gaps ${gaps}, missing ${missing}; cpu server ${cpu.server}% db ${cpu.database}% client ${cpu.client}%`,
  );
  return {
    clients: clients.length,
    rooms: rooms.length,
    messages,
    postSeconds,
    postsPerSecond: messages / postSeconds,
    seconds,
    pages,
    delivered,
    perClient: perClient.summaryMs(),
    gaps,
    missing,
    ok: gaps === 0 && missing === 0,
    cpu,
  };
}
