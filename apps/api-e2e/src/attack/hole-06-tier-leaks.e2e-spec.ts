import { openDatabase } from '@vigil/api-database';
import type { Case, CaseEvent, Me, Tier } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { call, withDatabase } from '../support/api';
import { allEvents, Client, openCase, post, report, settle, signInAll, type Person, type Role } from '../support/cases';

/**
 * Hole 6 of the attack on Vigil: what a viewer below a tier could still learn of it. Seqs with
 * gaps counted the hidden events; typing, read markers, the visit view and deadline alerts
 * crossed the tiers or the case's membership.
 */
let people: Record<Role, Person>;
const clients: Client[] = [];
const connect = async (person: Person) => {
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

const seqs = (events: CaseEvent[]) => events.map((event) => event.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** Numbered 1, 2, 3… with no gaps, each `prevSeq` the one before. */
const expectGapFree = (events: CaseEvent[]) => {
  expect(seqs(events)).toEqual(oneToN(events.length));
  expect(events.map((event) => event.prevSeq)).toEqual(oneToN(events.length).map((seq) => seq - 1));
};
/** Posts at these tiers in turn, as the prosecutor. */
const postAll = async (caseId: string, tiers: Tier[]) => {
  for (const tier of tiers) expect((await post(people.prosecutor, caseId, tier, `${tier} note`)).status).toBe(201);
};
const INTERLEAVED: Tier[] = ['room', 'prosecution', 'prosecution', 'state', 'oversight', 'room', 'prosecution', 'state', 'room'];

describe('numbering per clearance', () => {
  let kase: Case;
  beforeAll(async () => {
    kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.police, people.ombudsman]);
    await postAll(kase.id, INTERLEAVED);
  });

  it('numbers each clearance’s events 1..n with no gaps, while the prosecution sees the global order', async () => {
    const everything = await allEvents(people.prosecutor, kase.id);
    expectGapFree(everything);
    for (const [person, tiers] of [
      [people.observer, ['room']],
      [people.police, ['room', 'state']],
      [people.ombudsman, ['room', 'state', 'oversight']],
    ] as const) {
      const seen = await allEvents(person, kase.id);
      expectGapFree(seen);
      // The same events, by id, as the prosecution's of those tiers: only the numbers differ.
      expect(seen.map((event) => event.id)).toEqual(everything.filter((event) => (tiers as readonly string[]).includes(event.tier)).map((event) => event.id));
      const record = await call<Case>('GET', `/api/cases/${kase.id}`, { token: person.token });
      expect(record.body.headSeq).toBe(seen.length);
      const listed = (await call('GET', '/api/cases?limit=100', { token: person.token })).body.items.find((c: { id: string }) => c.id === kase.id);
      expect(listed).toMatchObject({ headSeq: seen.length, unread: seen.length });
    }
    expect((await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.prosecutor.token })).body.headSeq).toBe(everything.length);
  });

  it('pages forwards and backwards in the caller’s own numbering', async () => {
    const seen = await allEvents(people.observer, kase.id);
    const after = await call('GET', `/api/cases/${kase.id}/events?afterSeq=2&limit=2`, { token: people.observer.token });
    expect(after.body).toMatchObject({ headSeq: seen.length, hasMore: seen.length > 4 });
    expect(after.body.items.map((e: CaseEvent) => e.id)).toEqual(seen.slice(2, 4).map((e) => e.id));
    expect(seqs(after.body.items)).toEqual([3, 4]);
    const before = await call('GET', `/api/cases/${kase.id}/events?beforeSeq=${seen.length}&limit=3`, { token: people.observer.token });
    expect(seqs(before.body.items)).toEqual([seen.length - 1, seen.length - 2, seen.length - 3]);
    expect(before.body.items.map((e: CaseEvent) => e.id)).toEqual([...seen].reverse().slice(1, 4).map((e) => e.id));
    // Past the viewer's head there is nothing, whatever the global order holds.
    const past = await call('GET', `/api/cases/${kase.id}/events?afterSeq=${seen.length}`, { token: people.observer.token });
    expect(past.body).toMatchObject({ items: [], headSeq: seen.length, hasMore: false });
  });

  it('catches a socket up after its own seq, and continues live with prevSeq = seq − 1', async () => {
    const seen = await allEvents(people.police, kase.id);
    const police = await connect(people.police);
    const joined = await police.emit('case:join', { caseId: kase.id, afterSeq: seen.length - 2 });
    expect(joined).toMatchObject({ ok: true, headSeq: seen.length, hasMore: false });
    expect(joined.events.map((e: CaseEvent) => e.id)).toEqual(seen.slice(-2).map((e) => e.id));
    expect(seqs(joined.events)).toEqual([seen.length - 1, seen.length]);
    await postAll(kase.id, ['prosecution', 'oversight', 'state']);
    const live = await police.waitFor(() => police.events(kase.id).find((e) => e.tier === 'state'), 'the state-tier post');
    expect(live).toMatchObject({ seq: seen.length + 1, prevSeq: seen.length });
    expect(police.events(kase.id)).toEqual([live]);
  });

  it('numbers a case that implicates the viewer’s agency at the capped clearance', async () => {
    // The prosecutor's own agency (other suites add prosecutor agencies of their own to the same city).
    const prosecutors = (await call<Me>('GET', '/api/me', { token: people.prosecutor.token })).body.agency.id;
    const created = await call<Case>('POST', '/api/cases', { token: people.chief.token, body: report({ intake: { implicated: { agencyId: prosecutors } } } as never) });
    const caseId = created.body.id;
    for (const member of [people.prosecutor, people.ombudsman]) {
      await call('POST', `/api/cases/${caseId}/members`, { token: people.chief.token, body: { userId: member.id } });
    }
    for (const tier of ['oversight', 'room', 'oversight', 'oversight', 'state'] as const) {
      expect((await post(people.ombudsman, caseId, tier)).status).toBe(201);
    }
    // The prosecutor reads it at `state`: none of the ombudsman's oversight notes count.
    const seen = await allEvents(people.prosecutor, caseId);
    expectGapFree(seen);
    expect(seen.some((event) => event.tier === 'oversight' || event.tier === 'prosecution')).toBe(false);
    expect((await call<Case>('GET', `/api/cases/${caseId}`, { token: people.prosecutor.token })).body.headSeq).toBe(seen.length);
    // The ombudsman, uncapped, counts the oversight events (the intake and its notes) as well.
    const ombudsmanSeen = await allEvents(people.ombudsman, caseId);
    expectGapFree(ombudsmanSeen);
    expect(ombudsmanSeen.filter((event) => event.tier === 'oversight').length).toBe(ombudsmanSeen.length - seen.length);
  });
});

describe('the numbering’s integrity', () => {
  it('pages each clearance by the index of its own numbering, never a scan of the log', async () => {
    const plans = await withDatabase(async (db) => {
      await db.query('SET plan_cache_mode = force_generic_plan');
      const plan = async (column: string) => {
        await db.query(`PREPARE page_${column}(uuid, int, int) AS SELECT id FROM case_events e WHERE e.case_id = $1 AND e.${column} > $2 ORDER BY e.${column} LIMIT $3`);
        const rows: { 'QUERY PLAN': string }[] = (await db.query(`EXPLAIN EXECUTE page_${column}('${randomUUID()}', 0, 100)`)).rows;
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      return { room: await plan('seq_room'), state: await plan('seq_state'), oversight: await plan('seq_oversight') };
    });
    for (const [clearance, plan] of Object.entries(plans)) {
      expect(plan).toContain(`case_events_seq_${clearance}_key`);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    }
  });

  it('is checked by verify, though the hash does not cover it', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    await postAll(kase.id, ['prosecution', 'room', 'room']);
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body.ok).toBe(true);
    const everything = await allEvents(people.prosecutor, kase.id);
    const last = everything[everything.length - 1];
    await withDatabase(async (db) => {
      // Only a superuser bypassing the append-only trigger can do this: what verify exists to catch.
      await db.query(`SET session_replication_role = replica`);
      await db.query(`UPDATE case_events SET seq_room = seq_room + 1 WHERE id = $1`, [last.id]);
    });
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body).toEqual({ ok: false, headSeq: last.seq, firstBrokenSeq: last.seq });
    await withDatabase(async (db) => {
      await db.query(`SET session_replication_role = replica`);
      await db.query(`UPDATE case_events SET seq_room = seq_room - 1 WHERE id = $1`, [last.id]);
    });
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.prosecutor.token })).body.ok).toBe(true);
  });
});

describe('typing', () => {
  it('reaches only those who may read the tier of the draft; a tier above one’s own is refused', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.police]);
    const [prosecutor, observer, police] = [await connect(people.prosecutor), await connect(people.observer), await connect(people.police)];
    for (const client of [prosecutor, observer, police]) expect(await client.emit('case:join', { caseId: kase.id })).toMatchObject({ ok: true });
    expect(await prosecutor.emit('typing', { caseId: kase.id, typing: true, tier: 'prosecution' })).toEqual({ ok: true });
    expect(await prosecutor.emit('typing', { caseId: kase.id, typing: true, tier: 'state' })).toEqual({ ok: true });
    expect(await prosecutor.emit('typing', { caseId: kase.id, typing: false })).toEqual({ ok: true }); // `room` by default
    // What is asserted is the audience, not the order of arrival: the police hear the state draft and
    // the room one, the observer the room one only, nobody the prosecution draft.
    await observer.waitFor(() => observer.of('typing').find((t) => t.typing === false), 'the room-tier signal');
    await police.waitFor(() => police.of('typing').length === 2, 'the state and room signals');
    await settle();
    expect(observer.of('typing')).toEqual([{ caseId: kase.id, userId: people.prosecutor.id, displayName: people.prosecutor.displayName, typing: false }]);
    expect(police.of('typing').map((t) => t.typing).sort()).toEqual([false, true]);
    expect((await observer.emit('typing', { caseId: kase.id, typing: true, tier: 'state' })).error.code).toBe('FORBIDDEN');
    expect((await observer.emit('typing', { caseId: kase.id, typing: true, tier: 'secret' })).error.code).toBe('VALIDATION');
  });
});

describe('read markers', () => {
  it('are clamped to the sender’s head and reach each reader in its own numbering, never past its head', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.police]);
    await postAll(kase.id, ['room', 'prosecution', 'state', 'prosecution']);
    const [observerHead, policeHead, prosecutorHead] = await Promise.all(
      [people.observer, people.police, people.prosecutor].map(async (person) => (await call<Case>('GET', `/api/cases/${kase.id}`, { token: person.token })).body.headSeq),
    );
    expect(observerHead).toBeLessThan(policeHead);
    expect(policeHead).toBeLessThan(prosecutorHead);
    const [prosecutor, observer, police] = [await connect(people.prosecutor), await connect(people.observer), await connect(people.police)];
    for (const client of [prosecutor, observer, police]) expect(await client.emit('case:join', { caseId: kase.id })).toMatchObject({ ok: true });

    expect(await prosecutor.emit('read', { caseId: kase.id, seq: 2147483647 })).toEqual({ ok: true, seq: prosecutorHead });
    const forObserver = await observer.waitFor(() => observer.of('read').find((r) => r.userId === people.prosecutor.id), 'the marker');
    const forPolice = await police.waitFor(() => police.of('read').find((r) => r.userId === people.prosecutor.id), 'the marker');
    expect(forObserver).toEqual({ caseId: kase.id, userId: people.prosecutor.id, seq: observerHead });
    expect(forPolice).toEqual({ caseId: kase.id, userId: people.prosecutor.id, seq: policeHead });

    // The observer's own marker, in its numbering; the prosecution hears where it stands in the global order.
    expect(await observer.emit('read', { caseId: kase.id, seq: observerHead })).toEqual({ ok: true, seq: observerHead });
    const observerEvents = await allEvents(people.observer, kase.id);
    const everything = await allEvents(people.prosecutor, kase.id);
    const globalSeq = everything.find((event) => event.id === observerEvents[observerEvents.length - 1].id)?.seq;
    const heard = await prosecutor.waitFor(() => prosecutor.of('read').find((r) => r.userId === people.observer.id), 'the observer’s marker');
    expect(heard.seq).toBe(globalSeq);
    const unread = (await call('GET', '/api/cases?limit=100', { token: people.prosecutor.token })).body.items.find((c: { id: string }) => c.id === kase.id).unread;
    expect(unread).toBe(0);
  });
});

describe('the visit view', () => {
  it('leaves out what a viewer cannot read: the dispatch below state, the findings below oversight', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.police, people.ombudsman]);
    expect((await call('POST', `/api/cases/${kase.id}/visit/dispatch`, { token: people.prosecutor.token, body: { prosecutorId: people.prosecutor.id } })).status).toBe(201);
    expect((await call('POST', `/api/cases/${kase.id}/visit/arrival`, { token: people.prosecutor.token, body: {} })).status).toBe(201);
    expect((await call('POST', `/api/cases/${kase.id}/visit/findings`, { token: people.prosecutor.token, body: { findings: 'Invented findings for the test' } })).status).toBe(201);
    const visit = async (person: Person) => (await call('GET', `/api/cases/${kase.id}/visit`, { token: person.token })).body;

    const observer = await visit(people.observer);
    expect(observer).not.toHaveProperty('dispatchedAt');
    expect(observer).not.toHaveProperty('prosecutor');
    expect(observer).not.toHaveProperty('findings');
    expect(observer).not.toHaveProperty('findingsAt');
    expect(observer.arrivedAt).toEqual(expect.any(String)); // the case record's visitedAt, which every member reads

    const police = await visit(people.police);
    expect(police).toMatchObject({ dispatchedAt: expect.any(String), prosecutor: { userId: people.prosecutor.id } });
    expect(police).not.toHaveProperty('findings');
    expect(police).not.toHaveProperty('findingsAt');

    expect(await visit(people.ombudsman)).toMatchObject({ findings: 'Invented findings for the test', findingsAt: expect.any(String) });
  });
});

describe('visit deadline alerts', () => {
  const setClock = (now: Date) => call('PUT', '/api/test/clock', { body: { now: now.toISOString() } });
  afterAll(() => setClock(new Date()));

  it('reach the case’s members and the chief prosecutors, not an ombudsman who cannot open the case', async () => {
    const received = new Date(Date.now() - 60_000);
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police], report({ receivedAt: received.toISOString() }));
    expect((await call('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token })).status).toBe(404);
    const [chief, police, ombudsman] = [await connect(people.chief), await connect(people.police), await connect(people.ombudsman)];
    await setClock(new Date(received.getTime() + 25 * 3_600_000));
    const mine = (client: Client) => () => client.of('alert').find((alert) => alert.caseId === kase.id);
    await chief.waitFor(mine(chief), 'the chief’s alert');
    await police.waitFor(mine(police), 'the member’s alert');
    await settle();
    expect(ombudsman.of('alert').filter((alert) => alert.caseId === kase.id)).toEqual([]);
  });
});

describe('the migration to numbering per clearance', () => {
  it('is what the server writes: the migration numbers existing events and heads the same way', async () => {
    // Every log the tests above wrote, at every tier, undone and numbered again in one transaction
    // that is rolled back: the running server never sees it.
    const dataSource = await openDatabase(process.env['VIGIL_E2E_DATABASE_URL'] as string);
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      // Nothing appended meanwhile (the visit clock may still be at work): cases first, as writers lock them.
      await runner.query('LOCK TABLE cases, case_events IN ACCESS EXCLUSIVE MODE');
      const numbers = () => runner.query(`SELECT id, seq, seq_room, seq_state, seq_oversight FROM case_events ORDER BY case_id, seq`);
      const heads = () => runner.query(`SELECT id, last_seq, last_seq_room, last_seq_state, last_seq_oversight, last_seq_prosecution FROM cases ORDER BY id`);
      const [written, writtenHeads] = [await numbers(), await heads()];
      expect(written.length).toBeGreaterThan(50);
      const migration = dataSource.migrations.find((m) => m.name === 'NumberingPerClearance1700000000009');
      if (!migration?.down) throw new Error('the migration to numbering per clearance is not registered');
      await migration.down(runner);
      await migration.up(runner);
      expect(await numbers()).toEqual(written);
      expect(await heads()).toEqual(writtenHeads);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
      await dataSource.destroy();
    }
  });
});
