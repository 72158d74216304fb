/**
 * Hole 9 of the attack on Vigil, kept closed: one account gets one budget across REST and sockets
 * (ACCOUNT_RATE_PER_SECOND, ACCOUNT_BURST: 20/s, 60 by default) and a bounded number of sockets
 * (SOCKETS_PER_ACCOUNT: 8), however it spreads its load. A server of its own runs the defaults
 * (the shared e2e server lifts them for the other suites).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD, withDatabase } from '../support/api';
import { openCase, signInAll } from '../support/cases';
import { startServer, stopAllServers, waitForOutput } from '../support/server';

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

let url: string;
let token: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  const port = await freePort();
  const server = startServer({ PORT: String(port), DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string });
  await waitForOutput(server, /ready at/);
  url = `http://localhost:${port}`;
  const signIn = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.99.0.1' },
    body: JSON.stringify({ email: 'observer@demo.vigil', password: DEMO_PASSWORD }),
  });
  token = (await signIn.json()).accessToken;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await stopAllServers();
});

const connect = () =>
  new Promise<{ socket: Socket; refused?: string }>((resolve) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, refused: error.message }));
  });

it('accepts at most SOCKETS_PER_ACCOUNT sockets of one account, refusing the next with RATE_LIMITED', async () => {
  const opened = [];
  for (let i = 0; i < 8; i++) opened.push(await connect());
  expect(opened.every((each) => !each.refused)).toBe(true);
  const ninth = await connect();
  expect(ninth.refused).toBe('RATE_LIMITED');
  // A socket that closes frees its place.
  opened[0].socket.disconnect();
  await new Promise((r) => setTimeout(r, 200));
  expect((await connect()).refused).toBeUndefined();
});

it('spends one budget across every socket and request of the account: a flood lands only its burst, the rest is RATE_LIMITED and writes nothing', async () => {
  const people = await signInAll();
  const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
  const live = sockets.filter((socket) => socket.connected);
  expect(live.length).toBeGreaterThanOrEqual(5);
  // 5 sockets × 40 posts, and 100 REST posts, all at once: 300 attempts against a burst of 60.
  const bySocket = live.slice(0, 5).flatMap((socket) =>
    Array.from({ length: 40 }, () =>
      socket.timeout(20_000).emitWithAck('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'flood', tier: 'room' }).then((ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code)),
    ),
  );
  const byRest = Array.from({ length: 100 }, () =>
    fetch(`${url}/api/cases/${kase.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: randomUUID(), body: 'flood', tier: 'room' }),
    }).then(async (response) => (response.status === 201 ? 'ok' : response.status === 429 && response.headers.get('retry-after') ? 'RATE_LIMITED' : `${response.status}`)),
  );
  const started = Date.now();
  const answers = await Promise.all([...bySocket, ...byRest]);
  const seconds = (Date.now() - started) / 1000;
  const landed = answers.filter((answer) => answer === 'ok').length;
  expect(answers.filter((answer) => answer !== 'ok' && answer !== 'RATE_LIMITED')).toEqual([]);
  // The burst, and no more than what the budget refilled (20/s) while the flood was being answered.
  expect(landed).toBeGreaterThanOrEqual(60);
  expect(landed).toBeLessThanOrEqual(60 + Math.ceil(seconds * 20) + 1);
  expect(landed).toBeLessThan(answers.length);
  const written = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'message.posted'`, [kase.id]));
  expect(written.rows[0].n).toBe(landed);
});
