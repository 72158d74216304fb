// The meetings workload: one meeting of `participants` people on one instance. The chair records
// decisions over REST; each joined participant's socket times the decision's arrival (from the
// moment the request was sent, so the figure includes the write). Then every participant drops,
// decisions go on while they are away, and all of them reconnect at once and catch up through
// `meeting:join { afterSeq }`: the figure is the time until the last one holds everything.
import { io } from 'socket.io-client';
import { httpClient } from './http.mjs';
import { pool } from './lean-socket.mjs';
import { bulkSession, seedAccounts } from './seed.mjs';
import { signIn, withDatabase } from './vigil.mjs';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
};

function connect(origin, token) {
  return new Promise((resolve, reject) => {
    const socket = io(origin, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function meetingsWorkload({ server, passwordHash, participants = 200, decisions = 50, whileAway = 20, log }) {
  const http = httpClient(server.origin, 16);
  const sockets = [];
  try {
    let accounts = [];
    await withDatabase(server.databaseUrl, async (client) => {
      await bulkSession(client);
      ({ accounts } = await seedAccounts(client, { prefix: 'mt', count: participants, agenciesPerKind: 2, passwordHash }));
    });
    const tokens = await signIn(server.origin, accounts, { concurrency: 8, log });
    const chairLogin = await http.call('POST', '/api/auth/login', { body: { email: 'prosecutor@demo.vigil', password: process.env.DEMO_PASSWORD ?? 'vigil-demo' } });
    if (chairLogin.status !== 200) throw new Error(`the chair cannot sign in: ${chairLogin.status}`);
    const chair = chairLogin.body.accessToken;
    const created = await http.call('POST', '/api/meetings', {
      token: chair,
      body: { title: 'Bench meeting', scheduledAt: new Date().toISOString(), participantIds: accounts.map((a) => a.id) },
    });
    if (created.status !== 201) throw new Error(`convening failed: ${created.status} ${JSON.stringify(created.body)}`);
    const meetingId = created.body.id;
    const item = await http.call('POST', `/api/meetings/${meetingId}/agenda`, { token: chair, body: { topic: 'Bench item', tier: 'room' } });
    await http.call('POST', `/api/meetings/${meetingId}/open`, { token: chair });

    // Everyone joins; each socket notes when each decision reaches it.
    const arrivals = new Map(); // text → times
    const lastSeq = new Map(); // socket index → last seq held
    const join = async (index, afterSeq = 0) => {
      const socket = await connect(server.origin, tokens.get(accounts[index].id));
      socket.on('meeting:event', (event) => {
        lastSeq.set(index, Math.max(lastSeq.get(index) ?? 0, event.seq));
        if (event.type === 'decision.recorded') (arrivals.get(event.data.text) ?? arrivals.set(event.data.text, []).get(event.data.text)).push(performance.now());
      });
      const ack = await socket.timeout(30_000).emitWithAck('meeting:join', { meetingId, afterSeq });
      if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
      sockets[index] = socket;
      return ack;
    };
    const joinedAt = performance.now();
    await pool(accounts.map((_, i) => i), 50, async (i) => {
      const ack = await join(i);
      lastSeq.set(i, ack.headSeq);
    });
    log(`  ${participants} participants joined in ${((performance.now() - joinedAt) / 1000).toFixed(1)} s`);

    const latencies = [];
    for (let d = 0; d < decisions; d++) {
      const text = `Decision ${d + 1}`;
      const sentAt = performance.now();
      const answer = await http.call('POST', `/api/meetings/${meetingId}/agenda/${item.body.id}/decisions`, { token: chair, body: { text, tier: 'room', actionItems: [] } });
      if (answer.status !== 201) throw new Error(`deciding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const deadline = Date.now() + 10_000;
      while ((arrivals.get(text)?.length ?? 0) < participants && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      const times = arrivals.get(text) ?? [];
      if (times.length < participants) throw new Error(`${text} reached ${times.length} of ${participants}`);
      latencies.push(...times.map((t) => t - sentAt));
    }
    const delivery = { decisions, deliveries: latencies.length, p50Ms: +percentile(latencies, 50).toFixed(1), p99Ms: +percentile(latencies, 99).toFixed(1), maxMs: +Math.max(...latencies).toFixed(1) };
    log(`  decision delivery to ${participants}: p50 ${delivery.p50Ms} ms, p99 ${delivery.p99Ms} ms, max ${delivery.maxMs} ms (${delivery.deliveries} deliveries)`);

    // Everyone drops; the meeting goes on; everyone comes back at once.
    for (const socket of sockets) socket.disconnect();
    for (let d = 0; d < whileAway; d++) {
      await http.call('POST', `/api/meetings/${meetingId}/agenda/${item.body.id}/decisions`, { token: chair, body: { text: `While away ${d + 1}`, tier: 'room', actionItems: [] } });
    }
    const held = accounts.map((_, i) => lastSeq.get(i) ?? 0);
    const back = performance.now();
    const acks = await Promise.all(accounts.map((_, i) => join(i, held[i])));
    const catchUpMs = performance.now() - back;
    const complete = acks.every((ack) => !ack.hasMore && ack.events.filter((e) => e.type === 'decision.recorded').length === whileAway);
    if (!complete) throw new Error('a participant did not catch up on every decision');
    const catchUp = { participants, missedEvents: whileAway, seconds: +(catchUpMs / 1000).toFixed(2) };
    log(`  ${participants} reconnecting at once caught up on ${whileAway} decisions in ${catchUp.seconds} s`);
    return { participants, delivery, catchUp, holds: { deliveryP99Under100ms: delivery.p99Ms < 100, catchUpUnder5s: catchUp.seconds < 5 } };
  } finally {
    for (const socket of sockets) socket?.disconnect();
    http.close();
  }
}
