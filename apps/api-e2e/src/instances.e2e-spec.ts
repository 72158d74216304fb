import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { call, DEMO_PASSWORD } from './support/api';
import { openCase, signInAll } from './support/cases';
import { startServer, stopAllServers, waitForOutput } from './support/server';

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

afterAll(stopAllServers);

describe('several instances', () => {
  it('deliver an event committed on one instance to a socket held by another, serve its catch-up, and evict a member removed on the other', async () => {
    const people = await signInAll();
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const port = await freePort();
    const second = startServer({ PORT: String(port), DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string });
    await waitForOutput(second, /ready at/);
    const secondUrl = `http://localhost:${port}`;
    // Each instance signs its own access tokens here (no shared JWT_SECRET): sign in on the second.
    const signIn = await fetch(`${secondUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
      body: JSON.stringify({ email: 'observer@demo.vigil', password: DEMO_PASSWORD }),
    });
    const { accessToken } = await signIn.json();
    const socket: Socket = io(secondUrl, { auth: { token: accessToken }, transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      const received: { data: { body?: string } }[] = [];
      socket.on('case:event', (event) => received.push(event));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const joined = await socket.timeout(10_000).emitWithAck('case:join', { caseId: kase.id });
      expect(joined.ok).toBe(true);

      const body = `across instances ${randomUUID()}`;
      expect((await call('POST', `/api/cases/${kase.id}/messages`, { token: people.prosecutor.token, body: { clientId: randomUUID(), body, tier: 'room' } })).status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (!received.some((event) => event.data.body === body) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(received.map((event) => event.data.body)).toContain(body);

      const catchUp = await socket.timeout(10_000).emitWithAck('case:join', { caseId: kase.id, afterSeq: joined.headSeq });
      expect(catchUp.events.map((event: { data: { body?: string } }) => event.data.body)).toEqual([body]);

      // Removed on the first instance, the observer's socket on the second leaves the case and hears nothing more of it.
      const removed = new Promise((resolve) => socket.once('case:removed', resolve));
      expect((await call('DELETE', `/api/cases/${kase.id}/members/${people.observer.id}`, { token: people.prosecutor.token })).status).toBe(204);
      expect(await removed).toEqual({ caseId: kase.id });
      const after = `after the removal ${randomUUID()}`;
      expect((await call('POST', `/api/cases/${kase.id}/messages`, { token: people.prosecutor.token, body: { clientId: randomUUID(), body: after, tier: 'room' } })).status).toBe(201);
      await new Promise((r) => setTimeout(r, 500));
      expect(received.map((event) => event.data.body)).not.toContain(after);
      expect(received.map((event) => (event as { type?: string }).type)).not.toContain('member.removed');
    } finally {
      socket.close();
    }
  });
});
