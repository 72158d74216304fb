import type { Case, CaseEvent, Task } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { createAccount } from './support/accounts';
import { call, login } from './support/api';
import { allEvents, Client, openCase, post, report, settle, signInAll, type Person, type Role } from './support/cases';

let people: Record<Role, Person>;
let agencies: { id: string; kind: string; name: string; disabled: boolean }[];
// Active ones: other suites disable agencies of their own, which may sort first.
const agencyOf = (kind: string) => agencies.find((a) => a.kind === kind && !a.disabled) as { id: string };

beforeAll(async () => {
  people = await signInAll();
  agencies = (await call('GET', '/api/admin/agencies', { token: people.admin.token })).body;
});

const setClock = (now: Date) => call('PUT', '/api/test/clock', { body: { now: now.toISOString() } });
const status = (person: Person, caseId: string, to: string, reason?: string) =>
  call('POST', `/api/cases/${caseId}/status`, { token: person.token, body: { to, ...(reason ? { reason } : {}) } });
const types = async (person: Person, caseId: string) => (await allEvents(person, caseId)).map((e) => e.type);

describe('the status machine', () => {
  it('walks a case from the report to the remedy, each step an event', async () => {
    const kase = await openCase(people.observer, people.prosecutor);
    const dispatched = await call('POST', `/api/cases/${kase.id}/visit/dispatch`, { token: people.prosecutor.token, body: { prosecutorId: people.prosecutor.id } });
    expect(dispatched.status).toBe(201);
    expect((await call('POST', `/api/cases/${kase.id}/visit/arrival`, { token: people.prosecutor.token, body: {} })).status).toBe(201);
    for (const to of ['investigating', 'proceedings', 'remedies', 'closed']) {
      const moved = await status(people.chief, kase.id, to);
      expect({ to, status: moved.status }).toEqual({ to, status: 201 });
    }
    const changes = (await allEvents(people.observer, kase.id)).filter((e) => e.type === 'case.status_changed').map((e) => e.data['to']);
    expect(changes).toEqual(['visit_dispatched', 'site_visited', 'investigating', 'proceedings', 'remedies', 'closed']);
    expect((await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.observer.token })).body.status).toBe('closed');
  });

  it.each(['police', 'ombudsman', 'observer'] as const)('refuses %s with 403', async (role) => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer]);
    const answer = await status(people[role], kase.id, 'dismissed', 'no grounds');
    expect(answer.status).toBe(403);
    expect((await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.prosecutor.token })).body.status).toBe('registered');
  });

  it('answers 409 for a move the current status forbids, and writes nothing', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const before = await types(people.prosecutor, kase.id);
    for (const to of ['proceedings', 'closed', 'investigating', 'site_visited', 'visit_dispatched']) {
      const answer = await status(people.prosecutor, kase.id, to);
      expect({ to, status: answer.status, code: answer.body.code }).toEqual({ to, status: 409, code: 'CONFLICT' });
    }
    expect(await types(people.prosecutor, kase.id)).toEqual(before);
    expect((await status(people.prosecutor, kase.id, 'dismissed', 'Allegation withdrawn and unsupported')).status).toBe(201);
    expect((await status(people.prosecutor, kase.id, 'investigating')).status).toBe(409);
  });

  it('needs a reason to refer or dismiss, and a known status', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    expect((await status(people.prosecutor, kase.id, 'referred')).body.details).toEqual([{ field: 'reason', message: expect.any(String), rule: 'reason_required', params: { to: 'referred' } }]);
    expect((await status(people.prosecutor, kase.id, 'forgotten')).body.details[0].field).toBe('to');
    expect((await status(people.prosecutor, kase.id, 'referred', 'Referred to the military prosecutor')).status).toBe(201);
    const event = (await allEvents(people.prosecutor, kase.id)).pop() as CaseEvent;
    expect(event).toMatchObject({ type: 'case.status_changed', tier: 'room', data: { from: 'registered', to: 'referred', reason: 'Referred to the military prosecutor' } });
  });

  it('hides the case from a non-member (404), like every other case endpoint', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    expect((await status(people.police, kase.id, 'investigating')).status).toBe(404);
    expect((await call('GET', `/api/cases/${kase.id}/visit`, { token: people.police.token })).status).toBe(404);
    expect((await call('GET', `/api/cases/${kase.id}/tasks`, { token: people.police.token })).status).toBe(404);
  });
});

describe('the immediate visit and its clock', () => {
  const received = new Date(Date.now() - 60_000);
  afterAll(() => setClock(new Date()));

  it('warns as the deadline nears and when it is missed, once each, in the room and to the chief and the members', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer, people.ombudsman], report({ receivedAt: received.toISOString() }));
    const onTime = await openCase(people.prosecutor, people.prosecutor, [], report({ receivedAt: received.toISOString() }));
    await call('POST', `/api/cases/${onTime.id}/visit/arrival`, { token: people.prosecutor.token, body: {} });
    const [observer, chief, ombudsman] = [await Client.connect(people.observer), await Client.connect(people.chief), await Client.connect(people.ombudsman)];
    await observer.emit('case:join', { caseId: kase.id });
    try {
      const hours = (h: number) => new Date(received.getTime() + h * 3_600_000);
      await setClock(hours(19));
      expect(await types(people.prosecutor, kase.id)).not.toContain('visit.deadline_near');

      await setClock(hours(21)); // within VISIT_WARNING_HOURS (4) of the 24-hour deadline
      await observer.waitFor(() => observer.events(kase.id).find((e) => e.type === 'visit.deadline_near'), 'the warning in the room');
      const near = await chief.waitFor(() => chief.of('alert').find((a) => a.caseId === kase.id), 'the chief’s alert');
      expect(near).toEqual({ kind: 'visit_deadline_near', caseId: kase.id, reference: kase.reference, visitDueAt: kase.visitDueAt });
      await ombudsman.waitFor(() => ombudsman.of('alert').find((a) => a.caseId === kase.id), 'the member ombudsman’s alert (not joined)');

      await setClock(hours(25));
      await observer.waitFor(() => observer.events(kase.id).find((e) => e.type === 'visit.deadline_missed'), 'the missed deadline');
      const list = await call('GET', '/api/cases?limit=100', { token: people.observer.token });
      expect(list.body.items.find((c: { id: string }) => c.id === kase.id).visitOverdue).toBe(true);
      expect((await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.observer.token })).body.visitOverdue).toBe(true);
      const work = await call('GET', '/api/my-work', { token: people.prosecutor.token });
      expect(work.body.visits.find((v: { caseId: string }) => v.caseId === kase.id)).toMatchObject({ overdue: true });

      await setClock(hours(30));
      await settle();
      const alerts = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type.startsWith('visit.deadline'));
      expect(alerts.map((e) => e.type)).toEqual(['visit.deadline_near', 'visit.deadline_missed']);
      // Arrival stopped the other case's clock before any alert.
      expect((await types(people.prosecutor, onTime.id)).filter((t) => t.startsWith('visit.deadline'))).toEqual([]);
      expect(chief.of('alert').filter((a) => a.caseId === onTime.id)).toEqual([]);
    } finally {
      [observer, chief, ombudsman].forEach((c) => c.close());
    }
  });

  it('records dispatch, arrival and findings; findings are oversight content', async () => {
    const kase = await openCase(people.observer, people.chief, [people.police, people.ombudsman]);
    const dispatched = await call('POST', `/api/cases/${kase.id}/visit/dispatch`, { token: people.chief.token, body: { prosecutorId: people.prosecutor.id } });
    expect(dispatched.body).toMatchObject({ prosecutor: { userId: people.prosecutor.id }, arrivedAt: null, overdue: false });
    expect((await call('POST', `/api/cases/${kase.id}/visit/findings`, { token: people.prosecutor.token, body: { findings: 'too early' } })).status).toBe(409);
    const arrived = await call('POST', `/api/cases/${kase.id}/visit/arrival`, { token: people.prosecutor.token, body: {} });
    expect(arrived.body.arrivedAt).toEqual(expect.any(String));
    expect((await call('POST', `/api/cases/${kase.id}/visit/arrival`, { token: people.prosecutor.token, body: {} })).status).toBe(409);
    const findings = 'Fresh bruises on both forearms; the duty log has a missing page for the night of the arrest.';
    await call('POST', `/api/cases/${kase.id}/visit/findings`, { token: people.prosecutor.token, body: { findings } });
    expect((await call('GET', `/api/cases/${kase.id}/visit`, { token: people.ombudsman.token })).body.findings).toBe(findings);
    const forPolice = await call('GET', `/api/cases/${kase.id}/visit`, { token: people.police.token });
    expect(forPolice.body.findings).toBeUndefined();
    expect(JSON.stringify(await allEvents(people.police, kase.id))).not.toContain('bruises');
    expect(JSON.stringify(await allEvents(people.ombudsman, kase.id))).toContain('bruises');
    expect((await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.police.token })).body.status).toBe('site_visited');
  });

  it('refuses a dispatch of a non-prosecutor, an arrival in the future, and a visit by police', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
    const path = `/api/cases/${kase.id}/visit`;
    expect((await call('POST', `${path}/dispatch`, { token: people.prosecutor.token, body: { prosecutorId: people.police.id } })).body.details[0].field).toBe('prosecutorId');
    expect((await call('POST', `${path}/dispatch`, { token: people.police.token, body: { prosecutorId: people.prosecutor.id } })).status).toBe(403);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call('POST', `${path}/arrival`, { token: people.prosecutor.token, body: { arrivedAt: future } })).body.details[0].field).toBe('arrivedAt');
    expect((await call('POST', `${path}/arrival`, { token: people.prosecutor.token, body: { arrivedAt: 'soon' } })).body.details[0].field).toBe('arrivedAt');
  });

  it('validates the time given to the test clock', async () => {
    expect((await call('PUT', '/api/test/clock', { body: { now: 'later' } })).body.details[0].field).toBe('now');
  });
});

describe('the register of places', () => {
  it('is kept by prosecutors, and each place shows the cases the caller may see', async () => {
    const body = { name: `Temporary Detention Facility ${randomUUID().slice(0, 6)}`, kind: 'temporary_detention', address: '12 Tauke Khan Avenue', agencyId: agencyOf('police').id, cctv: true };
    expect((await call('POST', '/api/places', { token: people.police.token, body })).status).toBe(403);
    const bad = await call('POST', '/api/places', { token: people.prosecutor.token, body: { ...body, kind: 'hotel', cctv: 'yes' } });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['cctv', 'kind']);
    const place = await call('POST', '/api/places', { token: people.prosecutor.token, body });
    expect(place.status).toBe(201);
    expect(place.body).toMatchObject({ name: body.name, cctv: true, agency: { kind: 'police' } });
    const edited = await call('PATCH', `/api/places/${place.body.id}`, { token: people.chief.token, body: { cctv: false } });
    expect(edited.body.cctv).toBe(false);

    // A report naming a place of the register instead of a facility.
    const withoutFacility: Partial<ReturnType<typeof report>> = report();
    delete withoutFacility.facility;
    const kase = await call<Case>('POST', '/api/cases', { token: people.observer.token, body: { ...withoutFacility, placeId: place.body.id } });
    expect(kase.status).toBe(201);
    expect(kase.body.facility).toEqual({ name: body.name, kind: 'temporary_detention' });
    expect(kase.body.placeId).toBe(place.body.id);
    const forObserver = await call('GET', `/api/places/${place.body.id}`, { token: people.observer.token });
    expect(forObserver.body.cases.map((c: { id: string }) => c.id)).toEqual([kase.body.id]);
    const forPolice = await call('GET', `/api/places/${place.body.id}`, { token: people.police.token });
    expect(forPolice.body.cases).toEqual([]);
    expect((await call('GET', '/api/places', { token: people.police.token })).body.map((p: { id: string }) => p.id)).toContain(place.body.id);
    expect((await call('POST', '/api/cases', { token: people.observer.token, body: { ...withoutFacility, placeId: randomUUID() } })).body.details[0].field).toBe('placeId');
    expect((await call('POST', '/api/cases', { token: people.observer.token, body: withoutFacility })).body.details[0].field).toBe('facility');
  });
});

describe('intake', () => {
  it('records the Istanbul Protocol’s non-medical record at the oversight tier', async () => {
    const unit = await call('POST', `/api/admin/agencies/${agencyOf('police').id}/units`, {
      token: people.admin.token,
      body: { name: `Criminal Investigation Unit ${randomUUID().slice(0, 8)}` },
    });
    const intake = {
      allegation: { methods: ['beating', 'threats'], injuries: 'Swelling around the left eye', witnesses: 'A cellmate, Witnessname Invented' },
      custody: { circumstances: 'Detained at home at night without a warrant', detainedAt: '2026-11-25T22:00:00.000Z' },
      sourceDetails: 'Call from the detainee’s lawyer',
      implicated: { agencyId: agencyOf('police').id, unitId: unit.body.id },
      reprisalRisk: true,
      protectionMeasures: 'Transfer to another facility requested',
    };
    // Only prosecutors name the implicated agency: the ombudsman's report with one is refused.
    expect((await call('POST', '/api/cases', { token: people.ombudsman.token, body: report({ intake } as never) })).status).toBe(403);
    const created = await call<Case>('POST', '/api/cases', { token: people.prosecutor.token, body: report({ intake } as never) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const member of [people.observer, people.ombudsman]) await call('POST', `/api/cases/${id}/members`, { token: people.prosecutor.token, body: { userId: member.id } });
    const forOmbudsman = await call('GET', `/api/cases/${id}/intake`, { token: people.ombudsman.token });
    expect(forOmbudsman.body).toMatchObject({
      allegation: intake.allegation,
      custody: intake.custody,
      implicated: { agency: { kind: 'police' }, unit: { id: unit.body.id, name: unit.body.name } },
      reprisalRisk: true,
    });
    expect((await call('GET', `/api/cases/${id}/intake`, { token: people.observer.token })).status).toBe(404);
    expect(JSON.stringify(await allEvents(people.observer, id))).not.toMatch(/intake|Witnessname|Swelling/);
    const bad = await call('POST', '/api/cases', { token: people.ombudsman.token, body: report({ intake: { allegation: { methods: ['tickling'] }, reprisalRisk: 'maybe' } } as never) });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['intake.allegation.methods', 'intake.reprisalRisk']);
  });
});

describe('urgent investigative actions', () => {
  it('are assigned, appear under the assignee’s work and live in the room, and are completed with a result', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const police = await Client.connect(people.police);
    const observer = await Client.connect(people.observer);
    await observer.emit('case:join', { caseId: kase.id });
    try {
      const created = await call<Task>('POST', `/api/cases/${kase.id}/tasks`, {
        token: people.prosecutor.token,
        body: { kind: 'seize_cctv', title: 'Seize the CCTV of the night shift', assigneeAgencyId: agencyOf('police').id, assigneeUserId: people.police.id, dueAt: new Date(Date.now() + 7_200_000).toISOString() },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'open', tier: 'state', assignee: { user: { userId: people.police.id } }, caseReference: kase.reference });
      // The assignee joined the case, and hears of it without having opened it.
      await police.waitFor(() => police.of('case:activity').find((a) => a.caseId === kase.id), 'activity for the police');
      const work = await call('GET', '/api/my-work', { token: people.police.token });
      expect(work.body.tasks.map((t: Task) => t.id)).toContain(created.body.id);
      // What a list of work grouped by case, with time left, needs: the due time, the case, and the server's now.
      const mine = work.body.tasks.find((t: Task) => t.id === created.body.id);
      expect(mine).toMatchObject({ caseId: kase.id, caseReference: kase.reference, dueAt: created.body.dueAt, overdue: false });
      expect(work.body.cases).toContainEqual({ id: kase.id, reference: kase.reference, summary: kase.summary, status: 'registered' });
      expect(new Date(work.body.now).toISOString()).toBe(work.body.now);
      // A state-tier task is not the observer's to see.
      expect((await call('GET', `/api/cases/${kase.id}/tasks`, { token: people.observer.token })).body).toEqual([]);

      const taskPath = `/api/cases/${kase.id}/tasks/${created.body.id}`;
      await police.emit('case:join', { caseId: kase.id });
      expect((await call('PATCH', taskPath, { token: people.police.token, body: { dueAt: new Date().toISOString() } })).status).toBe(403);
      expect((await call('PATCH', taskPath, { token: people.police.token, body: { status: 'done' } })).body.details[0].field).toBe('result');
      expect((await call('PATCH', taskPath, { token: people.police.token, body: { status: 'in_progress' } })).body.status).toBe('in_progress');
      const done = await call('PATCH', taskPath, { token: people.police.token, body: { status: 'done', result: 'Recordings of cameras 1–4 seized and sealed' } });
      expect(done.body).toMatchObject({ status: 'done', result: 'Recordings of cameras 1–4 seized and sealed' });
      expect((await call('PATCH', taskPath, { token: people.police.token, body: { status: 'open' } })).status).toBe(409);
      const updates = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type.startsWith('task.'));
      expect(updates.map((e) => [e.type, e.tier])).toEqual([['task.created', 'state'], ['task.updated', 'state'], ['task.updated', 'state']]);
      expect(observer.events(kase.id).filter((e) => e.type.startsWith('task.'))).toEqual([]);
      expect((await call('GET', '/api/my-work', { token: people.police.token })).body.tasks.map((t: Task) => t.id)).not.toContain(created.body.id);
    } finally {
      police.close();
      observer.close();
    }
  });

  it('refuses bad input by field, and a tier the assignee cannot read', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const bad = await call('POST', `/api/cases/${kase.id}/tasks`, { token: people.prosecutor.token, body: { kind: 'dance', title: '', assigneeAgencyId: 'x', dueAt: 'tomorrow' } });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['assigneeAgencyId', 'dueAt', 'kind', 'title']);
    const tooHigh = await call('POST', `/api/cases/${kase.id}/tasks`, {
      token: people.prosecutor.token,
      body: { kind: 'other', title: 'Read the file', tier: 'oversight', assigneeAgencyId: agencyOf('police').id, assigneeUserId: people.police.id, dueAt: new Date().toISOString() },
    });
    expect(tooHigh.body.details[0].field).toBe('tier');
    expect((await call('POST', `/api/cases/${kase.id}/tasks`, { token: people.prosecutor.token, body: { kind: 'other', title: 'x', assigneeAgencyId: agencyOf('police').id, dueAt: new Date().toISOString() } })).status).toBe(201);
    expect((await call('GET', `/api/cases/${kase.id}/tasks`, { token: people.prosecutor.token })).body).toHaveLength(1);
  });
});

describe('conflict of interest', () => {
  it('keeps officers of the implicated unit out of the case, and lets other officers in', async () => {
    const police = agencyOf('police').id;
    const unitNamed = async (name: string) => {
      const unit = await call('POST', `/api/admin/agencies/${police}/units`, { token: people.admin.token, body: { name: `${name} ${randomUUID().slice(0, 8)}` } });
      expect(unit.status).toBe(201);
      return unit.body.id as string;
    };
    const make = async (unitId: string) => {
      const email = `officer-${randomUUID().slice(0, 8)}@demo.vigil`;
      const account = await createAccount(people.admin.token, { email, displayName: 'Officer', password: 'officer-pass', role: 'police', agencyId: police, unitId });
      expect(account.body.unit).toMatchObject({ id: unitId });
      return account.body.id as string;
    };
    const patrol = await unitNamed('Patrol Unit 3');
    const implicated = await make(patrol);
    const other = await make(await unitNamed('Internal Security Unit'));
    const kase = await call<Case>('POST', '/api/cases', {
      token: people.prosecutor.token,
      body: report({ intake: { implicated: { agencyId: police, unitId: patrol } } } as never),
    });
    const refused = await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.prosecutor.token, body: { userId: implicated } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'userId' }] });
    const task = await call('POST', `/api/cases/${kase.body.id}/tasks`, {
      token: people.prosecutor.token,
      body: { kind: 'other', title: 'x', assigneeAgencyId: police, assigneeUserId: implicated, dueAt: new Date().toISOString() },
    });
    expect(task.status).toBe(409);
    expect((await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.prosecutor.token, body: { userId: other } })).status).toBe(201);
  });

  it('caps the implicated agency’s members at the state tier, whatever their role', async () => {
    const prosecutors = agencyOf('prosecutor').id;
    const kase = await call<Case>('POST', '/api/cases', {
      token: people.chief.token,
      body: report({ intake: { implicated: { agencyId: prosecutors } } } as never),
    });
    await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.chief.token, body: { userId: people.prosecutor.id } });
    await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.chief.token, body: { userId: people.ombudsman.id } });
    // The chief, of the implicated office too, cannot write above the cap; the ombudsman can.
    expect((await post(people.chief, kase.body.id, 'prosecution', 'refused')).status).toBe(403);
    expect((await post(people.ombudsman, kase.body.id, 'oversight', 'not for the implicated office')).status).toBe(201);
    const forProsecutor = await call<Case>('GET', `/api/cases/${kase.body.id}`, { token: people.prosecutor.token });
    expect(forProsecutor.body.victim.redacted).toBe(true);
    const visible = await allEvents(people.prosecutor, kase.body.id);
    expect(JSON.stringify(visible)).not.toContain('not for the implicated office');
    // The list, too, reads the case at the cap: its head, time and unread count say nothing of the hidden post.
    const listed = (await call('GET', '/api/cases?limit=100', { token: people.prosecutor.token })).body.items.find((c: { id: string }) => c.id === kase.body.id);
    expect(listed).toMatchObject({ headSeq: visible[visible.length - 1].seq, unread: visible.length, updatedAt: visible[visible.length - 1].at });
    expect(forProsecutor.body.headSeq).toBe(visible[visible.length - 1].seq);
    // Keyset pages merge capped and uncapped cases in one order, for a member and for the chief.
    for (const [person, size] of [[people.prosecutor, 2], [people.chief, 25]] as const) {
      const whole = (await call('GET', '/api/cases?limit=100', { token: person.token })).body.items.map((c: { id: string; updatedAt: string }) => c);
      expect(whole.map((c: { updatedAt: string }) => c.updatedAt)).toEqual([...whole.map((c: { updatedAt: string }) => c.updatedAt)].sort().reverse());
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call('GET', `/api/cases?limit=${size}${cursor ? `&cursor=${cursor}` : ''}`, { token: person.token });
        paged.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor && paged.length < whole.length);
      expect(paged.slice(0, whole.length)).toEqual(whole.map((c: { id: string }) => c.id));
      expect(paged).toContain(kase.body.id);
    }
    // And so does the socket's catch-up.
    const socket = await Client.connect(people.prosecutor);
    try {
      const joined = await socket.emit('case:join', { caseId: kase.body.id });
      expect(joined.events.map((e: CaseEvent) => e.seq)).toEqual(visible.map((e) => e.seq));
    } finally {
      socket.close();
    }
    expect((await post(people.prosecutor, kase.body.id, 'oversight')).status).toBe(403);
    // The session still works elsewhere at full clearance.
    const session = await login('prosecutor@demo.vigil');
    expect(session.user.role).toBe('prosecutor');
  });
});
