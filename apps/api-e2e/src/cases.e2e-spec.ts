import type { Case, CaseEvent } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { call, withDatabase } from './support/api';
import { allEvents, openCase, post, report, signInAll, type Person, type Role } from './support/cases';

let people: Record<Role, Person>;
beforeAll(async () => {
  people = await signInAll();
});

const countRows = (table: string) => withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number);

describe('registering a report', () => {
  it('makes the creator and the prosecutor on duty members, with the visit due in 24 hours', async () => {
    const body = report({ receivedAt: '2026-11-20T08:00:00.000Z' });
    const created = await call<Case>('POST', '/api/cases', { token: people.observer.token, body });
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^SHY-2026-\d{6}$/);
    expect(created.body.status).toBe('registered');
    expect(created.body.visitDueAt).toBe('2026-11-21T08:00:00.000Z');
    expect(created.body.members.map((m) => m.userId).sort()).toEqual([people.observer.id, people.prosecutor.id].sort());
    // The observer's own answer already hides the victim's identity.
    expect(created.body.victim).toEqual({ pseudonym: 'V-1', redacted: true });
    expect(JSON.stringify(created.body)).not.toContain(body.victim.fullName);
    const events = await allEvents(people.prosecutor, created.body.id);
    expect(events.map((e) => e.type)).toEqual(['case.created', 'member.added', 'member.added']);
    expect(JSON.stringify(events)).not.toContain(body.victim.fullName);
  });

  it("never writes the victim's identity to the log", async () => {
    const kase = await openCase(people.ombudsman, people.prosecutor);
    await call('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token });
    await new Promise((r) => setTimeout(r, 300)); // let the server flush its log lines
    const log = readFileSync(process.env['VIGIL_E2E_LOG'] as string, 'utf8');
    expect(log).toContain(kase.id);
    expect(log).not.toContain(kase.victimName);
  });

  it('is refused to an admin, who sees no case content at all', async () => {
    expect((await call('POST', '/api/cases', { token: people.admin.token, body: report() })).status).toBe(403);
    expect((await call('GET', '/api/cases', { token: people.admin.token })).status).toBe(403);
  });

  it('names each bad field and writes nothing', async () => {
    const before = await countRows('cases');
    const answer = await call('POST', '/api/cases', {
      token: people.police.token,
      body: { summary: '', source: 'rumour', facility: { name: 'X', kind: 'castle' }, victim: { birthYear: 'old' }, allegedAt: 'yesterday', extra: 1 },
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'source', 'facility.kind', 'victim.fullName', 'victim.birthYear', 'allegedAt', 'extra']));
    expect(await countRows('cases')).toBe(before);
  });
});

describe('reading a case', () => {
  let kase: Case & { victimName: string };
  beforeAll(async () => {
    kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer]);
  });

  it.each([
    ['prosecutor', true],
    ['chief', true],
    ['ombudsman', true],
    ['police', false],
    ['observer', false],
  ] as const)("shows the victim's identity to %s: %s", async (role, identified) => {
    const answer = await call<Case>('GET', `/api/cases/${kase.id}`, { token: people[role].token });
    expect(answer.status).toBe(200);
    if (identified) {
      expect(answer.body.victim).toMatchObject({ pseudonym: 'V-1', fullName: kase.victimName, birthYear: 1990, redacted: false });
    } else {
      expect(answer.body.victim).toEqual({ pseudonym: 'V-1', redacted: true });
      expect(JSON.stringify(answer.body)).not.toContain(kase.victimName);
      expect(JSON.stringify(answer.body)).not.toContain('+7 700 000 0099');
    }
  });

  it('answers NOT_FOUND to a non-member, for a guessed id and for a malformed one; the chief supervises every case', async () => {
    const privateCase = await openCase(people.prosecutor, people.prosecutor);
    for (const path of ['', '/events', '/verify']) {
      const answer = await call('GET', `/api/cases/${privateCase.id}${path}`, { token: people.ombudsman.token });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
    }
    expect((await post(people.observer, privateCase.id, 'room')).status).toBe(404);
    expect((await call('GET', `/api/cases/${randomUUID()}`, { token: people.prosecutor.token })).status).toBe(404);
    expect((await call('GET', '/api/cases/not-a-uuid', { token: people.prosecutor.token })).status).toBe(404);
    expect((await call('GET', `/api/cases/${privateCase.id}`, { token: people.chief.token })).status).toBe(200);
  });
});

describe('the event log', () => {
  let kase: Case & { victimName: string };
  const bodies: Record<string, string> = {};
  beforeAll(async () => {
    kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer]);
    for (const tier of ['room', 'state', 'oversight', 'prosecution']) {
      bodies[tier] = `${tier}-tier note ${randomUUID()}`;
      expect((await post(people.prosecutor, kase.id, tier, bodies[tier])).status).toBe(201);
    }
  });

  const visible: Record<Role, string[]> = {
    observer: ['room'],
    police: ['room', 'state'],
    ombudsman: ['room', 'state', 'oversight'],
    prosecutor: ['room', 'state', 'oversight', 'prosecution'],
    chief: ['room', 'state', 'oversight', 'prosecution'],
    admin: [],
  };

  it.each(['observer', 'police', 'ombudsman', 'prosecutor', 'chief'] as const)(
    'gives %s exactly the tiers it may read, with a prevSeq chain without holes',
    async (role) => {
      const events = await allEvents(people[role], kase.id);
      const tiers = [...new Set(events.filter((e) => e.type === 'message.posted').map((e) => e.tier))];
      expect(tiers).toEqual(visible[role]);
      for (const [tier, body] of Object.entries(bodies)) {
        expect(JSON.stringify(events).includes(body)).toBe(visible[role].includes(tier));
      }
      events.forEach((event, i) => expect(event.prevSeq).toBe(i === 0 ? 0 : events[i - 1].seq));
      const head = await call('GET', `/api/cases/${kase.id}/events?afterSeq=0&limit=1`, { token: people[role].token });
      expect(head.body.headSeq).toBe(events[events.length - 1].seq);
      expect(JSON.stringify(events)).not.toContain(kase.victimName);
    },
  );

  it('pages backwards with beforeSeq', async () => {
    const all = await allEvents(people.prosecutor, kase.id);
    const page = await call('GET', `/api/cases/${kase.id}/events?beforeSeq=${all[all.length - 1].seq}&limit=2`, { token: people.prosecutor.token });
    expect(page.body.items.map((e: CaseEvent) => e.seq)).toEqual([all[all.length - 2].seq, all[all.length - 3].seq]);
    expect(page.body.hasMore).toBe(true);
  });

  it('refuses a limit outside 1–500 and a malformed afterSeq', async () => {
    for (const query of ['limit=0', 'limit=501', 'afterSeq=-1', 'afterSeq=abc']) {
      const answer = await call('GET', `/api/cases/${kase.id}/events?${query}`, { token: people.prosecutor.token });
      expect(answer.status).toBe(400);
      expect(answer.body.details[0].field).toBe(query.split('=')[0]);
    }
  });

  it('creates one event for a post retried with the same clientId, whatever the body', async () => {
    const clientId = randomUUID();
    const first = await post(people.police, kase.id, 'state', 'first attempt', clientId);
    const retry = await post(people.police, kase.id, 'state', 'second attempt', clientId);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const rows = await withDatabase((db) => db.query('SELECT count(*)::int AS n FROM case_events WHERE client_id = $1', [clientId]));
    expect(rows.rows[0].n).toBe(1);
  });

  it('refuses a tier above the author’s clearance (403) and an over-long body (400), writing nothing', async () => {
    const before = await countRows('case_events');
    const above = await post(people.police, kase.id, 'oversight');
    expect(above.status).toBe(403);
    expect(above.body.code).toBe('FORBIDDEN');
    const long = await post(people.prosecutor, kase.id, 'room', 'x'.repeat(10_001));
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([{ field: 'body', message: expect.stringContaining('10000'), rule: 'max_length', params: { max: 10000 } }]);
    expect(await countRows('case_events')).toBe(before);
  });

  it('keeps the log append-only for the application', async () => {
    await expect(withDatabase((db) => db.query(`UPDATE case_events SET type = 'x' WHERE case_id = $1`, [kase.id]))).rejects.toThrow(/append-only/);
    await expect(withDatabase((db) => db.query(`DELETE FROM case_events WHERE case_id = $1`, [kase.id]))).rejects.toThrow(/append-only/);
  });

  it('verifies the hash chain and names the first row changed in the database', async () => {
    const tampered = await openCase(people.prosecutor, people.prosecutor, [people.ombudsman]);
    for (let i = 0; i < 4; i++) await post(people.prosecutor, tampered.id, 'room', `entry ${i}`);
    const intact = await call('GET', `/api/cases/${tampered.id}/verify`, { token: people.ombudsman.token });
    expect(intact.body).toEqual({ ok: true, headSeq: 7, firstBrokenSeq: null });
    await withDatabase(async (db) => {
      // Only a superuser bypassing the append-only trigger can do this: what verify exists to catch.
      await db.query(`SET session_replication_role = replica`);
      await db.query(`UPDATE case_events SET data = jsonb_set(data, '{body}', '"rewritten"') WHERE case_id = $1 AND seq = 5`, [tampered.id]);
    });
    const broken = await call('GET', `/api/cases/${tampered.id}/verify`, { token: people.prosecutor.token });
    expect(broken.body).toEqual({ ok: false, headSeq: 7, firstBrokenSeq: 5 });
    expect((await call('GET', `/api/cases/${tampered.id}/verify`, { token: people.police.token })).status).toBe(404);
  });

  it('lets only prosecutors and the ombudsman verify', async () => {
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.police.token })).status).toBe(403);
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.observer.token })).status).toBe(403);
    expect((await call('GET', `/api/cases/${kase.id}/verify`, { token: people.chief.token })).body.ok).toBe(true);
  });
});

describe('my cases', () => {
  it('lists only my cases, newest activity first, with unread counts and keyset pages', async () => {
    const a = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const b = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    await post(people.prosecutor, a.id, 'room', 'news on a');
    const all: { id: string; unread: number; updatedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await call('GET', `/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: people.police.token });
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all[0].id).toBe(a.id);
    expect(all[1].id).toBe(b.id);
    const sorted = [...all].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt));
    expect(all.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
    expect(all.find((c) => c.id === a.id)?.unread).toBe(4); // created, prosecutor and police added, 1 message
    const mine = await call('GET', '/api/cases?limit=100', { token: people.ombudsman.token });
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(a.id);
  });

  it('does not reorder a list on activity above the viewer’s tier', async () => {
    const quiet = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const busy = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    await post(people.prosecutor, quiet.id, 'prosecution', 'internal only');
    const police = await call('GET', '/api/cases?limit=2', { token: people.police.token });
    expect(police.body.items[0].id).toBe(busy.id);
    const prosecutor = await call('GET', '/api/cases?limit=2', { token: people.prosecutor.token });
    expect(prosecutor.body.items[0].id).toBe(quiet.id);
  });

  it('filters by status and refuses bad parameters', async () => {
    const registered = await call('GET', '/api/cases?status=registered&limit=100', { token: people.prosecutor.token });
    expect(registered.body.items.every((c: { status: string }) => c.status === 'registered')).toBe(true);
    expect((await call('GET', '/api/cases?status=lost', { token: people.prosecutor.token })).body.details[0].field).toBe('status');
    expect((await call('GET', '/api/cases?limit=1000', { token: people.prosecutor.token })).status).toBe(400);
    expect((await call('GET', '/api/cases?cursor=forged', { token: people.prosecutor.token })).body.details[0].field).toBe('cursor');
  });
});

describe('members', () => {
  it('are managed by prosecutors only; unknown users are 404, admins 400', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const path = `/api/cases/${kase.id}/members`;
    const added = await call('POST', path, { token: people.prosecutor.token, body: { userId: people.police.id } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: people.police.id, role: 'police', agency: { kind: 'police' } });
    expect((await call('POST', path, { token: people.prosecutor.token, body: { userId: people.police.id } })).status).toBe(200);
    expect((await call('POST', path, { token: people.prosecutor.token, body: { userId: randomUUID() } })).status).toBe(404);
    const admin = await call('POST', path, { token: people.prosecutor.token, body: { userId: people.admin.id } });
    expect(admin.status).toBe(400);
    expect(admin.body.details[0].field).toBe('userId');
    expect((await call('POST', path, { token: people.police.token, body: { userId: people.observer.id } })).status).toBe(403);
    expect((await call('POST', path, { token: people.prosecutor.token, body: { userId: 'me' } })).body.details[0].field).toBe('userId');

    expect((await call('DELETE', `${path}/${people.police.id}`, { token: people.prosecutor.token })).status).toBe(204);
    expect((await call('GET', `/api/cases/${kase.id}`, { token: people.police.token })).status).toBe(404);
    expect((await call('DELETE', `${path}/${people.police.id}`, { token: people.prosecutor.token })).status).toBe(404);
    const types = (await allEvents(people.prosecutor, kase.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['member.added', 'member.removed']);
  });
});
