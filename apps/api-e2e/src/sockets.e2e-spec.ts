import type { AnyCaseEvent, CaseEvent } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { createAccount } from './support/accounts';
import { baseUrl, call, login, withDatabase } from './support/api';
import { allEvents, Client, openCase, post, settle, signInAll, type Person, type Role } from './support/cases';

let people: Record<Role, Person>;
const clients: Client[] = [];
const connect = async (person: Person | string) => {
  const client = await Client.connect(person);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  people = await signInAll();
});
afterEach(() => {
  clients.splice(0).forEach((client) => client.close());
});

const headSeq = (caseId: string) =>
  withDatabase(async (db) => (await db.query('SELECT last_seq FROM cases WHERE id = $1', [caseId])).rows[0].last_seq as number);

/** The text an event carries: a message's, unless redacted below `prosecution`; other events carry none. */
const bodyOf = (event: AnyCaseEvent) => ('body' in event.data ? event.data.body : undefined);

describe('the handshake', () => {
  it.each([
    ['no token', undefined],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('refuses %s with connect_error UNAUTHENTICATED', async (_what, token) => {
    const socket = io(baseUrl(), { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.message).toBe('UNAUTHENTICATED');
  });

  it('disconnects the sockets of a session that logs out, and of an account that is disabled', async () => {
    const session = await login('observer@demo.vigil');
    const client = await connect(session.accessToken);
    const gone = new Promise((resolve) => client.socket.once('disconnect', resolve));
    await call('POST', '/api/auth/logout', { token: session.accessToken });
    await expect(gone).resolves.toBeDefined();

    const agencies = await call('GET', '/api/admin/agencies', { token: people.admin.token });
    const civil = agencies.body.find((a: { kind: string }) => a.kind === 'civil_society');
    const email = `socket-${Date.now()}@demo.vigil`;
    const account = await createAccount(people.admin.token, { email, displayName: 'Socket Monitor', password: 'socket-pass', role: 'observer', agencyId: civil.id });
    const monitor = await connect((await login(email, 'socket-pass')).accessToken);
    const dropped = new Promise((resolve) => monitor.socket.once('disconnect', resolve));
    await call('PATCH', `/api/admin/accounts/${account.body.id}`, { token: people.admin.token, body: { disabled: true } });
    await expect(dropped).resolves.toBeDefined();
  });
});

describe('joining a case', () => {
  it('answers NOT_FOUND for a case one is not a member of, a guessed id and a malformed one', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const ombudsman = await connect(people.ombudsman);
    for (const caseId of [kase.id, randomUUID(), 'nonsense']) {
      const ack = await ombudsman.emit('case:join', { caseId });
      expect(ack).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    await post(people.prosecutor, kase.id, 'room', 'not for the ombudsman');
    await settle();
    expect(ombudsman.events()).toEqual([]);
  });

  it('returns the catch-up and who is online; the chief may join any case', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const observer = await connect(people.observer);
    const first = await observer.emit('case:join', { caseId: kase.id });
    expect(first).toMatchObject({ ok: true, caseId: kase.id, hasMore: false, online: [people.observer.id] });
    expect(first.events.map((e: CaseEvent) => e.seq)).toEqual([1, 2, 3]);
    expect(first.headSeq).toBe(3);
    const chief = await connect(people.chief);
    const second = await chief.emit('case:join', { caseId: kase.id, afterSeq: 2 });
    expect(second.events.map((e: CaseEvent) => e.seq)).toEqual([3]);
    expect(second.online.sort()).toEqual([people.observer.id, people.chief.id].sort());
    const presence = await observer.waitFor(() => observer.of('presence').find((p) => p.online.length === 2), 'presence');
    expect(presence.caseId).toBe(kase.id);
  });
});

describe('live delivery', () => {
  it('gives each role exactly the tiers it may read, never the victim’s identity below oversight', async () => {
    const kase = await openCase(people.observer, people.prosecutor, [people.police, people.ombudsman]);
    const roles = ['prosecutor', 'chief', 'police', 'ombudsman', 'observer'] as const;
    const sockets = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await connect(people[role])]))) as Record<(typeof roles)[number], Client>;
    const joined = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await sockets[role].emit('case:join', { caseId: kase.id })])),
    );
    const tiers = ['room', 'state', 'oversight', 'prosecution'];
    for (const tier of tiers) {
      const ack = await sockets.prosecutor.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: `live ${tier}`, tier });
      expect(ack.ok).toBe(true);
    }
    const expected: Record<string, string[]> = {
      prosecutor: tiers,
      chief: tiers,
      ombudsman: ['room', 'state', 'oversight'],
      police: ['room', 'state'],
      observer: ['room'],
    };
    // The last message every role may see is the room one... so wait for each role's last visible tier.
    for (const role of roles) {
      const last = expected[role][expected[role].length - 1];
      await sockets[role].waitFor(() => sockets[role].events(kase.id).find((e) => bodyOf(e) === `live ${last}`), `${role} live ${last}`);
    }
    await settle();
    for (const role of roles) {
      const live = sockets[role].events(kase.id).filter((e) => e.type === 'message.posted');
      expect(live.map((e) => e.tier)).toEqual(expected[role]);
      // prevSeq of each live event continues the viewer's own chain from the join's headSeq.
      let held = joined[role].headSeq;
      for (const event of sockets[role].events(kase.id)) {
        expect(event.prevSeq).toBe(held);
        held = event.seq;
      }
      // The log never holds the victim's identity, so no socket payload does, whoever the viewer.
      expect(JSON.stringify([joined[role], sockets[role].received])).not.toContain(kase.victimName);
    }
  });

  it('delivers everything posted while a client was away, in order, once, with no hole in prevSeq', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const police = await connect(people.police);
    const joined = await police.emit('case:join', { caseId: kase.id });
    let held: AnyCaseEvent[] = joined.events;
    police.close();
    for (let i = 0; i < 50; i++) {
      // Mixed tiers: the police must get the room and state ones, not the others.
      const tier = ['room', 'state', 'prosecution'][i % 3];
      expect((await post(people.prosecutor, kase.id, tier, `while away ${i}`)).status).toBe(201);
    }
    const back = await connect(people.police);
    let afterSeq = held[held.length - 1].seq;
    for (;;) {
      const ack = await back.emit('case:join', { caseId: kase.id, afterSeq });
      held = [...held, ...ack.events];
      if (!ack.hasMore) break;
      afterSeq = held[held.length - 1].seq;
    }
    const away = held.filter((e) => e.type === 'message.posted').map((e) => e.data['body']);
    const expected = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 !== 2).map((i) => `while away ${i}`);
    expect(away).toEqual(expected);
    expect(new Set(held.map((e) => e.seq)).size).toBe(held.length);
    held.forEach((event, i) => expect(event.prevSeq).toBe(i === 0 ? 0 : held[i - 1].seq));
  });

  it('serves members rejoining together the same catch-up, and a page read after a new event includes it', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const afterSeq = await headSeq(kase.id);
    for (let i = 0; i < 3; i++) await post(people.prosecutor, kase.id, 'room', `while away ${i}`);
    const [first, second] = await Promise.all([connect(people.observer), connect(people.observer)]);
    const [a, b] = await Promise.all([first.emit('case:join', { caseId: kase.id, afterSeq }), second.emit('case:join', { caseId: kase.id, afterSeq })]);
    expect(a.events.map(bodyOf)).toEqual(['while away 0', 'while away 1', 'while away 2']);
    expect(b).toEqual(a);
    await post(people.prosecutor, kase.id, 'room', 'just now');
    const third = await connect(people.observer);
    const c = await third.emit('case:join', { caseId: kase.id, afterSeq });
    expect(c.events.map(bodyOf)).toEqual(['while away 0', 'while away 1', 'while away 2', 'just now']);
    expect(c.headSeq).toBe(await headSeq(kase.id));
  });

  it('creates one event and one broadcast for a post retried with the same clientId', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const observer = await connect(people.observer);
    await observer.emit('case:join', { caseId: kase.id });
    const prosecutor = await connect(people.prosecutor);
    const clientId = randomUUID();
    const first = await prosecutor.emit('message:post', { caseId: kase.id, clientId, body: 'once', tier: 'room' });
    const again = await prosecutor.emit('message:post', { caseId: kase.id, clientId, body: 'once, retried', tier: 'room' });
    expect(again.event).toEqual(first.event);
    await settle();
    expect(observer.events(kase.id).filter((e) => e.type === 'message.posted')).toHaveLength(1);
    expect(await headSeq(kase.id)).toBe(first.event.seq);
  });

  it('gives two sockets posting at once seq 1..N without a gap and a valid chain', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const [a, b] = [await connect(people.prosecutor), await connect(people.police)];
    const posts = (client: Client, who: string) =>
      Promise.all(Array.from({ length: 30 }, (_, i) => client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: `${who} ${i}`, tier: 'room' })));
    const acks = (await Promise.all([posts(a, 'a'), posts(b, 'b')])).flat();
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const seqs = (await allEvents(people.prosecutor, kase.id)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBe(3 + 60);
    const verified = await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token });
    expect(verified.body).toEqual({ ok: true, headSeq: 63, firstBrokenSeq: null });
  });

  it('stores and delivers any text exactly as posted, in a batch, with the chain intact', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const observer = await connect(people.observer);
    await observer.emit('case:join', { caseId: kase.id });
    const prosecutor = await connect(people.prosecutor);
    const bodies = ['quotes " and \' and `', 'back\\slash \\" and {braces},[brackets]', 'line\nbreak\ttab\r', 'Ұлттық 🕊️ Σ “typographic”', 'NULL', '\\u0000 as text', ' leading and trailing spaces '];
    const acks = await Promise.all(bodies.map((body) => prosecutor.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body, tier: 'room' })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const stored = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type === 'message.posted');
    expect(stored.map((e) => e.data.body).sort()).toEqual([...bodies].sort());
    await observer.waitFor(() => observer.events(kase.id).filter((e) => e.type === 'message.posted').length === bodies.length, 'the posts, live');
    expect(observer.events(kase.id).filter((e) => e.type === 'message.posted').map((e) => e.data.body).sort()).toEqual([...bodies].sort());
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('commits posts that arrive together as one batch, in which a refused post fails alone', async () => {
    const cases = await Promise.all([1, 2, 3].map(() => openCase(people.prosecutor, people.prosecutor, [people.observer])));
    const foreign = await openCase(people.prosecutor, people.prosecutor, []);
    const observer = await connect(people.observer);
    for (const kase of cases) await observer.emit('case:join', { caseId: kase.id });
    const clientId = randomUUID();
    const foreignHead = await headSeq(foreign.id);
    // Sent in one go: the server reads them in one turn and commits them in one transaction.
    const acks = await Promise.all([
      ...cases.flatMap((kase) => [0, 1, 2].map((i) => observer.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: `batch ${i}`, tier: 'room' }))),
      observer.emit('message:post', { caseId: foreign.id, clientId: randomUUID(), body: 'not a member', tier: 'room' }),
      observer.emit('message:post', { caseId: cases[0].id, clientId: randomUUID(), body: 'above my clearance', tier: 'state' }),
      observer.emit('message:post', { caseId: cases[1].id, clientId, body: 'sent twice', tier: 'room' }),
      observer.emit('message:post', { caseId: cases[1].id, clientId, body: 'sent twice', tier: 'room' }),
    ]);
    expect(acks.slice(0, 9).every((ack) => ack.ok)).toBe(true);
    expect(acks[9]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(acks[10]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(acks[11].ok && acks[12].ok).toBe(true);
    expect(acks[12].event).toEqual(acks[11].event);
    expect(await headSeq(foreign.id)).toBe(foreignHead);
    for (const [i, kase] of cases.entries()) {
      const posted = i === 1 ? 4 : 3;
      const seqs = (await allEvents(people.prosecutor, kase.id)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 3 + posted }, (_, n) => n + 1));
      expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
      await observer.waitFor(() => observer.events(kase.id).filter((e) => e.type === 'message.posted').length === posted, 'the batch, live');
    }
    await settle();
    for (const kase of cases) {
      const live = observer.events(kase.id).map((e) => e.seq);
      expect(live).toEqual([...live].sort((a, b) => a - b));
      expect(new Set(live).size).toBe(live.length);
    }
    expect(observer.events(cases[0].id).map(bodyOf)).not.toContain('above my clearance');
  });

  it('sends a removed member case:removed and nothing more about the case', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.police]);
    const observer = await connect(people.observer);
    const police = await connect(people.police);
    await observer.emit('case:join', { caseId: kase.id });
    await police.emit('case:join', { caseId: kase.id });
    expect((await call('DELETE', `/api/cases/${kase.id}/members/${people.observer.id}`, { token: people.prosecutor.token })).status).toBe(204);
    await observer.waitFor(() => observer.of('case:removed').length > 0, 'case:removed');
    expect(observer.of('case:removed')).toEqual([{ caseId: kase.id }]);
    const heardBefore = observer.received.length;
    await post(people.prosecutor, kase.id, 'room', 'after the removal');
    await police.waitFor(() => police.events(kase.id).find((e) => bodyOf(e) === 'after the removal'), 'the post after removal');
    await settle();
    // Nothing more about this case (activity of the observer's other cases may still arrive).
    expect(observer.received.slice(heardBefore).filter((r) => r.payload?.caseId === kase.id)).toEqual([]);
    expect(observer.events(kase.id).map((e) => e.type)).not.toContain('member.removed');
    expect(police.events(kase.id).map((e) => e.type)).toContain('member.removed');
    expect((await observer.emit('case:join', { caseId: kase.id })).error.code).toBe('NOT_FOUND');
  });
});

describe('editing and redacting', () => {
  it('applies edits live and on reading; a redacted text stays readable to prosecution viewers only', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.ombudsman]);
    const observer = await connect(people.observer);
    await observer.emit('case:join', { caseId: kase.id });
    const posted = await observer.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'first wording', tier: 'room' });
    const messageId = posted.event.data.messageId;

    const prosecutor = await connect(people.prosecutor);
    const notAuthor = await prosecutor.emit('message:edit', { caseId: kase.id, messageId, body: 'hijacked' });
    expect(notAuthor.error.code).toBe('FORBIDDEN');
    const edited = await observer.emit('message:edit', { caseId: kase.id, messageId, body: 'second wording' });
    expect(edited).toMatchObject({ ok: true, event: { type: 'message.edited', data: { messageId, body: 'second wording' } } });

    const redacted = await prosecutor.emit('message:redact', { caseId: kase.id, messageId, reason: 'names a witness' });
    expect(redacted).toMatchObject({ ok: true, event: { type: 'message.redacted', data: { messageId, reason: 'names a witness' } } });
    await observer.waitFor(() => observer.events(kase.id).find((e) => e.type === 'message.redacted'), 'the redaction');

    const seen = async (person: Person) => (await allEvents(person, kase.id)).filter((e) => 'messageId' in e.data && e.data.messageId === messageId);
    const [forObserver, forOmbudsman, forProsecutor] = await Promise.all([seen(people.observer), seen(people.ombudsman), seen(people.prosecutor)]);
    for (const events of [forObserver, forOmbudsman]) {
      expect(events[0].data).toEqual({ messageId, clientId: posted.event.data.clientId, edited: true, redacted: true });
      expect(JSON.stringify(events)).not.toContain('wording');
    }
    expect(forProsecutor[0].data).toMatchObject({ body: 'second wording', edited: true, redacted: true });
    expect(forProsecutor[1].data).toMatchObject({ body: 'second wording' });
    // The log itself never changed: the chain still verifies.
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body.ok).toBe(true);
    const again = await observer.emit('message:edit', { caseId: kase.id, messageId, body: 'third wording' });
    expect(again.error.code).toBe('CONFLICT');
  });

  it('hides a message above one’s tier as if it did not exist', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const secret = await post(people.prosecutor, kase.id, 'prosecution', 'internal');
    const police = await connect(people.police);
    const answer = await police.emit('message:redact', { caseId: kase.id, messageId: secret.body.data.messageId, reason: 'x' });
    expect(answer.error.code).toBe('NOT_FOUND');
  });
});

describe('typing, presence and read receipts', () => {
  it('relays typing, and read markers that clear the unread count', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const [prosecutor, police] = [await connect(people.prosecutor), await connect(people.police)];
    await prosecutor.emit('case:join', { caseId: kase.id });
    await police.emit('case:join', { caseId: kase.id });
    expect(await police.emit('typing', { caseId: kase.id, typing: true })).toEqual({ ok: true });
    const typing = await prosecutor.waitFor(() => prosecutor.of('typing')[0], 'typing');
    expect(typing).toEqual({ caseId: kase.id, userId: people.police.id, displayName: people.police.displayName, typing: true });
    expect(police.of('typing')).toEqual([]);

    const unread = async () => (await call('GET', '/api/cases?limit=100', { token: people.police.token })).body.items.find((c: { id: string }) => c.id === kase.id).unread;
    expect(await unread()).toBe(3);
    expect(await police.emit('read', { caseId: kase.id, seq: 99 })).toMatchObject({ ok: true, seq: 3 });
    expect(await unread()).toBe(0);
    const receipt = await prosecutor.waitFor(() => prosecutor.of('read').find((r) => r.userId === people.police.id), 'read');
    expect(receipt).toEqual({ caseId: kase.id, userId: people.police.id, seq: 3 });
  });

  it('tells members who have not joined of new activity they may see, and no one else', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    // The case's own opening events (and their held activity, 1 s) have gone out before these sockets connect.
    await new Promise((r) => setTimeout(r, 2_300));
    const police = await connect(people.police);
    // The same officer in the case's room, in another tab: the room's events are its activity.
    const inRoom = await connect(people.police);
    expect(await inRoom.emit('case:join', { caseId: kase.id })).toMatchObject({ ok: true });
    const ombudsman = await connect(people.ombudsman);
    await post(people.prosecutor, kase.id, 'prosecution', 'not for the police');
    await post(people.prosecutor, kase.id, 'state', 'for the police');
    const activity = await police.waitFor(() => police.of('case:activity').find((a) => a.caseId === kase.id), 'activity');
    // In the police's own numbering: the three opening events and the state-tier post.
    expect(activity.headSeq).toBe(4);
    expect(activity.newEvents).toBe(1); // the state-tier post; the prosecution one is not for the police
    await inRoom.waitFor(() => inRoom.events().find((e) => e.seq === 4), 'the post in the room');
    await settle();
    expect(police.of('case:activity').filter((a) => a.caseId === kase.id)).toHaveLength(1);
    expect(inRoom.of('case:activity')).toEqual([]);
    expect(ombudsman.of('case:activity').filter((a) => a.caseId === kase.id)).toEqual([]);
    expect(police.events()).toEqual([]); // live events only after a join
  });

  it('sends a busy case’s activity at once, then at most once per interval, with the latest head', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const police = await connect(people.police);
    // Quiet for a whole interval (1 s) after the opening's activity, and the one held after it.
    await new Promise((r) => setTimeout(r, 2_300));
    const earlier = police.of('case:activity').length;
    for (let i = 0; i < 6; i++) await post(people.prosecutor, kase.id, 'room', `burst ${i}`);
    const head = await headSeq(kase.id);
    await police.waitFor(() => police.of('case:activity').find((a) => a.caseId === kase.id && a.headSeq === head), 'the latest head');
    const heard = police.of('case:activity').slice(earlier).filter((a) => a.caseId === kase.id);
    expect(heard[0].headSeq).toBe(head - 5); // the first post, at once
    expect(heard.length).toBeLessThan(6);
    expect(heard.map((a) => a.headSeq)).toEqual([...heard.map((a) => a.headSeq)].sort((a, b) => a - b));
    // Together they stand for every post: the list's unread count stays right.
    expect(heard.reduce((sum, a) => sum + a.newEvents, 0)).toBe(6);
  });
});

describe('bad input over the socket', () => {
  it('answers every malformed event with an error ack, writes nothing, and stays up', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const client = await connect(people.prosecutor);
    const before = await headSeq(kase.id);
    const cases: [string, unknown, string][] = [
      ['message:post', { caseId: kase.id, clientId: randomUUID(), body: 42, tier: 'room' }, 'VALIDATION'],
      ['message:post', { caseId: kase.id, clientId: 'nope', body: 'x', tier: 'room' }, 'VALIDATION'],
      ['message:post', { caseId: kase.id, body: 'missing the client id', tier: 'room' }, 'VALIDATION'],
      ['message:post', { caseId: kase.id, clientId: randomUUID(), body: 'x'.repeat(1024 * 1024), tier: 'room' }, 'VALIDATION'],
      ['message:post', { caseId: kase.id, clientId: randomUUID(), body: 'x', tier: 'secret' }, 'VALIDATION'],
      // PostgreSQL's text cannot hold U+0000: refused as bad input, not failed in the database.
      ['message:post', { caseId: kase.id, clientId: randomUUID(), body: 'a NUL \u0000 inside', tier: 'room' }, 'VALIDATION'],
      ['message:post', { caseId: randomUUID(), clientId: randomUUID(), body: 'x', tier: 'room' }, 'NOT_FOUND'],
      ['message:post', 'just a string', 'VALIDATION'],
      ['message:post', null, 'VALIDATION'],
      ['case:join', { caseId: kase.id, afterSeq: -3 }, 'VALIDATION'],
      // Past the largest seq PostgreSQL's integer holds: refused, not failed in the database.
      ['case:join', { caseId: kase.id, afterSeq: 2 ** 31 }, 'VALIDATION'],
      ['case:join', { caseId: kase.id, afterSeq: null }, 'VALIDATION'],
      ['case:join', {}, 'VALIDATION'],
      ['message:edit', { caseId: kase.id, messageId: randomUUID(), body: 'x' }, 'NOT_FOUND'],
      ['typing', { caseId: kase.id, typing: 'yes' }, 'VALIDATION'],
      ['read', { caseId: kase.id, seq: 'last' }, 'VALIDATION'],
      ['read', { caseId: kase.id, seq: 1e308 }, 'VALIDATION'],
    ];
    for (const [event, payload, code] of cases) {
      const ack = await client.emit(event, payload);
      expect({ event, payload: JSON.stringify(payload).slice(0, 80), code: ack.error?.code }).toEqual({ event, payload: JSON.stringify(payload).slice(0, 80), code });
    }
    // Arguments that are not one payload: none but the ack, or two payloads.
    const post = { caseId: kase.id, clientId: randomUUID(), body: 'x', tier: 'room' };
    expect(await new Promise((resolve) => client.socket.emit('message:post', resolve))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await new Promise((resolve) => client.socket.emit('message:post', post, post, resolve))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Without an ack, a malformed event is dropped and the socket stays usable.
    client.socket.emit('message:post', 'no ack');
    // Events the contract does not name, even ones spelled like an object's own properties, are refused.
    for (const unknown of ['case:delete', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await client.emit(unknown, post)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'unknown event', details: [{ field: 'event', message: 'is not an event of the contract', rule: 'unknown_event' }] } });
      client.socket.emit(unknown, post); // and without an ack, dropped
    }
    expect(await headSeq(kase.id)).toBe(before);
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await client.emit('case:join', { caseId: kase.id })).ok).toBe(true);
  });

  it('closes only the socket that sends a frame over 2 MB', async () => {
    const big = await connect(people.observer);
    const other = await connect(people.observer);
    const closed = new Promise((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('message:post', { body: 'x'.repeat(3 * 1024 * 1024) });
    await expect(closed).resolves.toBeDefined();
    expect(other.socket.connected).toBe(true);
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  // A flooding socket is limited by its account's budget, which this suite's server lifts: see
  // attack/hole-09-account-budget, which proves it at the defaults on a server of its own.
});
