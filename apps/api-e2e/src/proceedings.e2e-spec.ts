import {
  ISTANBUL_CONCLUSIONS,
  type ApiError,
  type CaseEvent,
  type Examination,
  type Me,
  type RemedialMeasure,
  type Remedies,
  type Responsible,
  type ResponsibilityRoute,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { call, withDatabase } from './support/api';
import { allEvents, Client, openCase, settle, signInAll, type Person, type Role } from './support/cases';

let people: Record<Role, Person>;
let policeAgencyId: string;
let ombudsmanAgencyId: string;
beforeAll(async () => {
  people = await signInAll();
  policeAgencyId = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
  ombudsmanAgencyId = (await call<Me>('GET', '/api/me', { token: people.ombudsman.token })).body.agency.id;
});

/** A success body, or the contract's error shape. */
type Answered<T> = T & Partial<ApiError>;

const countRows = (table: string) => withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number);

/** A case with every kind of member, so that each clearance can be asked. */
const caseWithEveryone = () => openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer]);

/** The fields an error names, each once. */
const fields = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];
const eventTypes = (events: CaseEvent[], prefix: string) => events.filter((e) => e.type.startsWith(prefix)).map((e) => e.type);

const appointment = (overrides: Record<string, unknown> = {}) => ({
  type: 'forensic_medical',
  institution: 'Shymkent Regional Forensic Centre',
  dueAt: '2026-12-01T09:00:00.000Z',
  consent: { given: true, recordedAt: '2026-11-20T10:00:00.000Z', note: 'Written consent, signed' },
  ...overrides,
});

const appoint = (person: Person, caseId: string, body: Record<string, unknown> = appointment()) =>
  call<Answered<Examination>>('POST', `/api/cases/${caseId}/examinations`, { token: person.token, body });
const patchExamination = (person: Person, caseId: string, examinationId: string, body: Record<string, unknown>) =>
  call<Answered<Examination>>('PATCH', `/api/cases/${caseId}/examinations/${examinationId}`, { token: person.token, body });

describe('forensic examinations', () => {
  it('are appointed by a prosecutor or the chief, at oversight unless asked, with an event at that tier', async () => {
    const kase = await caseWithEveryone();
    const byProsecutor = await appoint(people.prosecutor, kase.id);
    expect(byProsecutor.status).toBe(201);
    expect(byProsecutor.body).toMatchObject({
      caseId: kase.id,
      type: 'forensic_medical',
      institution: 'Shymkent Regional Forensic Centre',
      dueAt: '2026-12-01T09:00:00.000Z',
      tier: 'oversight',
      status: 'appointed',
      consent: { given: true, recordedAt: '2026-11-20T10:00:00.000Z', note: 'Written consent, signed' },
      noImplicatedOfficerPresent: null,
      conclusion: null,
      conclusionNotes: null,
      appointedBy: { userId: people.prosecutor.id, displayName: people.prosecutor.displayName },
      completedAt: null,
    });
    const byChief = await appoint(people.chief, kase.id, appointment({ type: 'psychological', tier: 'prosecution', consent: { given: false, recordedAt: '2026-11-20T10:00:00Z' } }));
    expect(byChief.status).toBe(201);
    expect(byChief.body).toMatchObject({ type: 'psychological', tier: 'prosecution', consent: { given: false, note: null } });

    const appointed = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type === 'examination.appointed');
    expect(appointed.map((e) => [e.tier, e.data])).toEqual([
      ['oversight', { examinationId: byProsecutor.body.id, type: 'forensic_medical', institution: 'Shymkent Regional Forensic Centre', dueAt: '2026-12-01T09:00:00.000Z' }],
      ['prosecution', { examinationId: byChief.body.id, type: 'psychological', institution: 'Shymkent Regional Forensic Centre', dueAt: '2026-12-01T09:00:00.000Z' }],
    ]);
  });

  it.each(['police', 'ombudsman', 'observer'] as const)('are refused to %s (403), writing nothing', async (role) => {
    const kase = await caseWithEveryone();
    const before = await countRows('examinations');
    const answer = await appoint(people[role], kase.id);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
    expect(await countRows('examinations')).toBe(before);
  });

  it('answer NOT_FOUND to a non-member, for an unknown examination and for a malformed id', async () => {
    const privateCase = await openCase(people.prosecutor, people.prosecutor);
    expect((await appoint(people.ombudsman, privateCase.id)).status).toBe(404);
    expect((await appoint(people.police, privateCase.id)).status).toBe(404);
    expect((await call('GET', `/api/cases/${privateCase.id}/examinations`, { token: people.ombudsman.token })).status).toBe(404);
    expect((await call('GET', `/api/cases/${privateCase.id}/examinations/${randomUUID()}`, { token: people.prosecutor.token })).status).toBe(404);
    expect((await call('GET', `/api/cases/${privateCase.id}/examinations/not-a-uuid`, { token: people.prosecutor.token })).status).toBe(404);
    expect((await patchExamination(people.prosecutor, privateCase.id, randomUUID(), { institution: 'X' })).status).toBe(404);
  });

  it.each(['state', 'room'])('refuse the %s tier (400 naming tier), writing nothing', async (tier) => {
    const kase = await caseWithEveryone();
    const [examinations, events] = [await countRows('examinations'), await countRows('case_events')];
    const answer = await appoint(people.prosecutor, kase.id, appointment({ tier }));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION');
    expect(fields(answer.body)).toEqual(['tier']);
    expect([await countRows('examinations'), await countRows('case_events')]).toEqual([examinations, events]);
  });

  it('name each bad field and write nothing', async () => {
    const kase = await caseWithEveryone();
    const [examinations, events] = [await countRows('examinations'), await countRows('case_events')];
    const answer = await appoint(people.prosecutor, kase.id, {
      type: 'dental',
      institution: '   ',
      dueAt: 'next week',
      tier: 'secret',
      consent: { given: 'yes', recordedAt: 'today', note: 5 },
      extra: true,
    });
    expect(answer.status).toBe(400);
    expect(fields(answer.body)).toEqual(
      expect.arrayContaining(['type', 'institution', 'dueAt', 'tier', 'consent.given', 'consent.recordedAt', 'consent.note', 'extra']),
    );
    expect(fields((await appoint(people.prosecutor, kase.id, appointment({ consent: undefined }))).body)).toEqual(['consent']);
    expect(fields((await appoint(people.prosecutor, kase.id, appointment({ institution: 'x'.repeat(301) }))).body)).toEqual(['institution']);

    const examination = (await appoint(people.prosecutor, kase.id)).body;
    const [afterAppointment, eventsAfter] = [await countRows('examinations'), await countRows('case_events')];
    expect(afterAppointment).toBe(examinations + 1);
    const patch = await patchExamination(people.prosecutor, kase.id, examination.id, {
      institution: '',
      dueAt: 'soon',
      noImplicatedOfficerPresent: 'probably',
      conclusion: 'likely',
      conclusionNotes: 'x'.repeat(4001),
      status: 'appointed',
      consent: { given: true },
    });
    expect(patch.status).toBe(400);
    expect(fields(patch.body)).toEqual(
      expect.arrayContaining(['institution', 'dueAt', 'noImplicatedOfficerPresent', 'conclusion', 'conclusionNotes', 'status', 'consent.recordedAt']),
    );
    expect(await countRows('case_events')).toBe(eventsAfter);
    expect((await call<Examination>('GET', `/api/cases/${kase.id}/examinations/${examination.id}`, { token: people.prosecutor.token })).body).toEqual(examination);
    expect(events).toBeLessThan(eventsAfter);
  });

  it('never reach the police nor observers; the ombudsman reads the oversight ones only', async () => {
    const kase = await caseWithEveryone();
    const oversight = (await appoint(people.prosecutor, kase.id)).body;
    const prosecution = (await appoint(people.prosecutor, kase.id, appointment({ tier: 'prosecution', institution: 'Republican Centre of Forensic Psychiatry' }))).body;
    await patchExamination(people.prosecutor, kase.id, oversight.id, { conclusion: 'consistent', noImplicatedOfficerPresent: true, status: 'completed' });

    for (const role of ['police', 'observer'] as const) {
      const list = await call('GET', `/api/cases/${kase.id}/examinations`, { token: people[role].token });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      for (const examination of [oversight, prosecution]) {
        const byId = await call('GET', `/api/cases/${kase.id}/examinations/${examination.id}`, { token: people[role].token });
        expect(byId.status).toBe(404);
        expect(byId.body.code).toBe('NOT_FOUND');
      }
      const events = await allEvents(people[role], kase.id);
      expect(eventTypes(events, 'examination.')).toEqual([]);
      expect(JSON.stringify(events)).not.toContain('Forensic');
    }

    const list = await call<Examination[]>('GET', `/api/cases/${kase.id}/examinations`, { token: people.ombudsman.token });
    expect(list.body.map((e) => e.id)).toEqual([oversight.id]);
    expect((await call('GET', `/api/cases/${kase.id}/examinations/${oversight.id}`, { token: people.ombudsman.token })).status).toBe(200);
    expect((await call('GET', `/api/cases/${kase.id}/examinations/${prosecution.id}`, { token: people.ombudsman.token })).status).toBe(404);
    expect(eventTypes(await allEvents(people.ombudsman, kase.id), 'examination.')).toEqual(['examination.appointed', 'examination.updated', 'examination.completed']);
    expect((await call<Examination[]>('GET', `/api/cases/${kase.id}/examinations`, { token: people.chief.token })).body.map((e) => e.id)).toEqual([
      oversight.id,
      prosecution.id,
    ]);
  });

  it('round-trip every conclusion on the Istanbul Protocol scale', async () => {
    const kase = await caseWithEveryone();
    const examination = (await appoint(people.prosecutor, kase.id)).body;
    for (const conclusion of ISTANBUL_CONCLUSIONS) {
      const patched = await patchExamination(people.prosecutor, kase.id, examination.id, { conclusion, conclusionNotes: `Assessed as ${conclusion}` });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ conclusion, conclusionNotes: `Assessed as ${conclusion}` });
      const read = await call<Examination>('GET', `/api/cases/${kase.id}/examinations/${examination.id}`, { token: people.ombudsman.token });
      expect(read.body).toMatchObject({ conclusion, conclusionNotes: `Assessed as ${conclusion}` });
    }
    const updates = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type === 'examination.updated');
    expect(updates.map((e) => e.data['conclusion'])).toEqual([...ISTANBUL_CONCLUSIONS]);
    // Free-text notes are named in the log, not copied into it.
    expect(updates.every((e) => e.tier === 'oversight' && !JSON.stringify(e.data).includes('Assessed as'))).toBe(true);
  });

  it('complete only with a conclusion, the no-officer confirmation and consent (409 naming what is missing), then never change', async () => {
    const kase = await caseWithEveryone();
    const examination = (await appoint(people.prosecutor, kase.id)).body;
    const events = await countRows('case_events');

    const bare = await patchExamination(people.prosecutor, kase.id, examination.id, { status: 'completed' });
    expect(bare.status).toBe(409);
    expect(bare.body.code).toBe('CONFLICT');
    expect(fields(bare.body)).toEqual(['conclusion', 'noImplicatedOfficerPresent']);

    const unconfirmed = await patchExamination(people.prosecutor, kase.id, examination.id, { conclusion: 'highly_consistent', status: 'completed' });
    expect(unconfirmed.status).toBe(409);
    expect(fields(unconfirmed.body)).toEqual(['noImplicatedOfficerPresent']);
    const refused = await patchExamination(people.prosecutor, kase.id, examination.id, {
      conclusion: 'highly_consistent',
      noImplicatedOfficerPresent: false,
      status: 'completed',
    });
    expect(fields(refused.body)).toEqual(['noImplicatedOfficerPresent']);
    const withoutConsent = await patchExamination(people.prosecutor, kase.id, examination.id, {
      conclusion: 'highly_consistent',
      noImplicatedOfficerPresent: true,
      consent: { given: false, recordedAt: '2026-11-21T10:00:00.000Z' },
      status: 'completed',
    });
    expect(fields(withoutConsent.body)).toEqual(['consent.given']);
    // A refused completion changes nothing, not even the fields sent with it.
    expect(await countRows('case_events')).toBe(events);
    expect((await call<Examination>('GET', `/api/cases/${kase.id}/examinations/${examination.id}`, { token: people.prosecutor.token })).body).toEqual(examination);

    const completed = await patchExamination(people.prosecutor, kase.id, examination.id, {
      conclusion: 'diagnostic_of',
      noImplicatedOfficerPresent: true,
      status: 'completed',
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', conclusion: 'diagnostic_of', noImplicatedOfficerPresent: true });
    expect(Date.parse(completed.body.completedAt as string)).not.toBeNaN();
    const log = (await allEvents(people.ombudsman, kase.id)).filter((e) => e.type.startsWith('examination.'));
    expect(log.map((e) => e.type)).toEqual(['examination.appointed', 'examination.updated', 'examination.completed']);
    expect(log[2]).toMatchObject({ tier: 'oversight', data: { examinationId: examination.id, type: 'forensic_medical', conclusion: 'diagnostic_of' } });

    const eventsAfter = await countRows('case_events');
    for (const body of [{ conclusion: 'consistent' }, { institution: 'Another centre' }, { status: 'cancelled' }, {}]) {
      const again = await patchExamination(people.prosecutor, kase.id, examination.id, body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
    }
    expect(await countRows('case_events')).toBe(eventsAfter);
    expect((await call<Examination>('GET', `/api/cases/${kase.id}/examinations/${examination.id}`, { token: people.prosecutor.token })).body).toEqual(completed.body);
  });

  it('can be cancelled by the chief, after which they are final; others may not change them', async () => {
    const kase = await caseWithEveryone();
    const examination = (await appoint(people.prosecutor, kase.id)).body;
    expect((await patchExamination(people.ombudsman, kase.id, examination.id, { institution: 'Elsewhere' })).status).toBe(403);
    expect((await patchExamination(people.police, kase.id, examination.id, { institution: 'Elsewhere' })).status).toBe(403);
    const cancelled = await patchExamination(people.chief, kase.id, examination.id, { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completedAt: null });
    expect((await patchExamination(people.prosecutor, kase.id, examination.id, { dueAt: '2026-12-24T09:00:00.000Z' })).status).toBe(409);
    const last = (await allEvents(people.prosecutor, kase.id)).at(-1);
    expect(last).toMatchObject({ type: 'examination.cancelled', tier: 'oversight', data: { examinationId: examination.id } });
  });
});

describe('those responsible', () => {
  const officer = () => ({ kind: 'person', name: `Suspectov Marat ${randomUUID().slice(0, 8)}`, rank: 'Senior lieutenant', agencyId: policeAgencyId, position: 'Duty officer' });

  it('are named by prosecutors and never reach the police nor observers; the ombudsman reads them', async () => {
    const kase = await caseWithEveryone();
    const person = officer();
    const added = await call<Responsible>('POST', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token, body: person });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      caseId: kase.id,
      kind: 'person',
      name: person.name,
      rank: 'Senior lieutenant',
      agency: { id: policeAgencyId, kind: 'police' },
      position: 'Duty officer',
      routes: [],
      addedBy: { userId: people.prosecutor.id },
    });
    const unit = await call<Responsible>('POST', `/api/cases/${kase.id}/responsible`, { token: people.chief.token, body: { kind: 'unit', name: 'Temporary detention unit, shift 2' } });
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({ rank: null, agency: null, position: null });
    const route = await call('POST', `/api/cases/${kase.id}/responsible/${added.body.id}/routes`, {
      token: people.prosecutor.token,
      body: { route: 'criminal', article: 'Art. 146 Criminal Code' },
    });
    expect(route.status).toBe(201);

    for (const role of ['police', 'observer'] as const) {
      const list = await call('GET', `/api/cases/${kase.id}/responsible`, { token: people[role].token });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      const events = await allEvents(people[role], kase.id);
      expect(eventTypes(events, 'responsible.')).toEqual([]);
      expect(eventTypes(events, 'route.')).toEqual([]);
      expect(JSON.stringify(events)).not.toContain(person.name);
    }
    const seen = await call<Responsible[]>('GET', `/api/cases/${kase.id}/responsible`, { token: people.ombudsman.token });
    expect(seen.body.map((r) => r.name)).toEqual([person.name, 'Temporary detention unit, shift 2']);
    expect(seen.body[0].routes).toMatchObject([{ route: 'criminal', article: 'Art. 146 Criminal Code', result: null }]);
    const events = (await allEvents(people.ombudsman, kase.id)).filter((e) => e.type === 'responsible.added' || e.type.startsWith('route.'));
    expect(events.map((e) => [e.type, e.tier])).toEqual([
      ['responsible.added', 'oversight'],
      ['responsible.added', 'oversight'],
      ['route.opened', 'oversight'],
    ]);
  });

  it('are refused to everyone but prosecutors, and to non-members as NOT_FOUND', async () => {
    const kase = await caseWithEveryone();
    for (const role of ['police', 'ombudsman', 'observer'] as const) {
      expect((await call('POST', `/api/cases/${kase.id}/responsible`, { token: people[role].token, body: officer() })).status).toBe(403);
    }
    const privateCase = await openCase(people.prosecutor, people.prosecutor);
    expect((await call('GET', `/api/cases/${privateCase.id}/responsible`, { token: people.ombudsman.token })).status).toBe(404);
    expect((await call('POST', `/api/cases/${kase.id}/responsible/${randomUUID()}/routes`, { token: people.prosecutor.token, body: { route: 'suspension' } })).status).toBe(404);
  });

  it('name each bad field and write nothing: an unknown agency, a criminal route without its article', async () => {
    const kase = await caseWithEveryone();
    const [parties, events] = [await countRows('responsible_parties'), await countRows('case_events')];
    const bad = await call('POST', `/api/cases/${kase.id}/responsible`, {
      token: people.prosecutor.token,
      body: { kind: 'crowd', name: '', rank: 7, agencyId: 'police', position: 'x'.repeat(301) },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['kind', 'name', 'rank', 'agencyId', 'position']));
    const unknownAgency = await call('POST', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token, body: { ...officer(), agencyId: randomUUID() } });
    expect(unknownAgency.status).toBe(400);
    expect(fields(unknownAgency.body)).toEqual(['agencyId']);
    expect([await countRows('responsible_parties'), await countRows('case_events')]).toEqual([parties, events]);

    const added = (await call<Responsible>('POST', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token, body: officer() })).body;
    const routes = await countRows('responsibility_routes');
    const routesPath = `/api/cases/${kase.id}/responsible/${added.id}/routes`;
    for (const body of [{ route: 'criminal' }, { route: 'criminal', article: '  ' }]) {
      const answer = await call('POST', routesPath, { token: people.prosecutor.token, body });
      expect(answer.status).toBe(400);
      expect(fields(answer.body)).toEqual(['article']);
    }
    const wrongRoute = await call('POST', routesPath, { token: people.prosecutor.token, body: { route: 'exile', openedAt: 'then' } });
    expect(fields(wrongRoute.body)).toEqual(expect.arrayContaining(['route', 'openedAt']));
    expect(await countRows('responsibility_routes')).toBe(routes);
  });

  it('carry each route to one result', async () => {
    const kase = await caseWithEveryone();
    const added = (await call<Responsible>('POST', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token, body: officer() })).body;
    const routesPath = `/api/cases/${kase.id}/responsible/${added.id}/routes`;
    const opened = await call<ResponsibilityRoute>('POST', routesPath, {
      token: people.prosecutor.token,
      body: { route: 'disciplinary', openedAt: '2026-11-25T08:00:00.000Z' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ responsibleId: added.id, route: 'disciplinary', article: null, openedAt: '2026-11-25T08:00:00.000Z', result: null, decidedAt: null });
    const suspension = await call<ResponsibilityRoute>('POST', routesPath, { token: people.chief.token, body: { route: 'suspension' } });
    expect(suspension.status).toBe(201);

    const decidePath = `${routesPath}/${opened.body.id}`;
    expect((await call('PATCH', decidePath, { token: people.ombudsman.token, body: { result: 'Dismissed from service' } })).status).toBe(403);
    const early = await call('PATCH', decidePath, { token: people.prosecutor.token, body: { result: 'Reprimand', decidedAt: '2026-11-24T08:00:00.000Z' } });
    expect(early.status).toBe(400);
    expect(fields(early.body)).toEqual(['decidedAt']);
    const decided = await call<ResponsibilityRoute>('PATCH', decidePath, {
      token: people.prosecutor.token,
      body: { result: 'Dismissed from service', decidedAt: '2026-12-10T08:00:00.000Z' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ result: 'Dismissed from service', decidedAt: '2026-12-10T08:00:00.000Z' });
    const again = await call('PATCH', decidePath, { token: people.prosecutor.token, body: { result: 'Reprimand' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');

    const list = await call<Responsible[]>('GET', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token });
    expect(list.body[0].routes.map((r) => [r.route, r.result])).toEqual([
      ['disciplinary', 'Dismissed from service'],
      ['suspension', null],
    ]);
    const decidedEvents = (await allEvents(people.prosecutor, kase.id)).filter((e) => e.type === 'route.decided');
    expect(decidedEvents).toMatchObject([{ tier: 'oversight', data: { responsibleId: added.id, routeId: opened.body.id, route: 'disciplinary', result: 'Dismissed from service' } }]);
  });
});

describe('remedial measures', () => {
  const measure = (overrides: Record<string, unknown> = {}) => ({
    cause: 'No CCTV coverage of the corridor leading to the interview rooms',
    act: 'representation',
    description: 'Install cameras covering every corridor and interview room; keep recordings 90 days',
    addressedToAgencyId: policeAgencyId,
    dueAt: '2027-02-01T00:00:00.000Z',
    ...overrides,
  });
  const adopt = (person: Person, caseId: string, body: Record<string, unknown> = measure()) =>
    call<Answered<RemedialMeasure>>('POST', `/api/cases/${caseId}/measures`, { token: person.token, body });

  it('reach the police, who carry them out, but not observers', async () => {
    const kase = await caseWithEveryone();
    const adopted = await adopt(people.prosecutor, kase.id);
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({
      status: 'open',
      overdue: false,
      act: 'representation',
      addressedTo: { id: policeAgencyId, kind: 'police' },
      adoptedBy: { userId: people.prosecutor.id },
      completedBy: null,
    });
    const police = await call<RemedialMeasure[]>('GET', `/api/cases/${kase.id}/measures`, { token: people.police.token });
    expect(police.body.map((m) => m.id)).toEqual([adopted.body.id]);
    expect(eventTypes(await allEvents(people.police, kase.id), 'measure.')).toEqual(['measure.adopted']);

    const observer = await call('GET', `/api/cases/${kase.id}/measures`, { token: people.observer.token });
    expect(observer.status).toBe(200);
    expect(observer.body).toEqual([]);
    const observerEvents = await allEvents(people.observer, kase.id);
    expect(eventTypes(observerEvents, 'measure.')).toEqual([]);
    expect(JSON.stringify(observerEvents)).not.toContain('CCTV');
    const byObserver = await call('PATCH', `/api/cases/${kase.id}/measures/${adopted.body.id}`, {
      token: people.observer.token,
      body: { status: 'done', completionNote: 'Seen to it' },
    });
    expect(byObserver.status).toBe(404);
  });

  it('are completed by a member of the addressed agency, once; others outside it may not', async () => {
    const kase = await caseWithEveryone();
    const adopted = (await adopt(people.prosecutor, kase.id)).body;
    const path = `/api/cases/${kase.id}/measures/${adopted.id}`;
    const done = { status: 'done', completionNote: 'Twelve cameras installed and recording' };
    expect((await call('PATCH', path, { token: people.ombudsman.token, body: done })).status).toBe(403);
    const byPolice = await call<RemedialMeasure>('PATCH', path, { token: people.police.token, body: done });
    expect(byPolice.status).toBe(200);
    expect(byPolice.body).toMatchObject({ status: 'done', overdue: false, completionNote: done.completionNote, completedBy: { userId: people.police.id } });
    const events = await countRows('case_events');
    const twice = await call('PATCH', path, { token: people.prosecutor.token, body: done });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONFLICT');
    expect(await countRows('case_events')).toBe(events);
    const completed = (await allEvents(people.police, kase.id)).filter((e) => e.type === 'measure.completed');
    expect(completed).toMatchObject([{ tier: 'state', actor: { id: people.police.id }, data: { measureId: adopted.id, completionNote: done.completionNote } }]);

    // A measure addressed to another agency is not the police's to complete; the prosecutor completes it.
    const other = (await adopt(people.chief, kase.id, measure({ addressedToAgencyId: ombudsmanAgencyId, act: 'warning' }))).body;
    expect((await call('PATCH', `/api/cases/${kase.id}/measures/${other.id}`, { token: people.police.token, body: done })).status).toBe(403);
    expect((await call('PATCH', `/api/cases/${kase.id}/measures/${other.id}`, { token: people.ombudsman.token, body: done })).status).toBe(200);
  });

  it('are flagged overdue while open past their due time', async () => {
    const kase = await caseWithEveryone();
    const late = (await adopt(people.prosecutor, kase.id, measure({ dueAt: '2020-01-01T00:00:00.000Z', addressedToAgencyId: undefined }))).body;
    expect(late).toMatchObject({ overdue: true, addressedTo: null });
    const list = await call<RemedialMeasure[]>('GET', `/api/cases/${kase.id}/measures`, { token: people.police.token });
    expect(list.body.map((m) => m.overdue)).toEqual([true]);
    // Addressed to no agency, only a prosecutor completes it.
    expect((await call('PATCH', `/api/cases/${kase.id}/measures/${late.id}`, { token: people.police.token, body: { status: 'done', completionNote: 'Done' } })).status).toBe(403);
    const done = await call<RemedialMeasure>('PATCH', `/api/cases/${kase.id}/measures/${late.id}`, { token: people.prosecutor.token, body: { status: 'done', completionNote: 'Done' } });
    expect(done.body.overdue).toBe(false);
  });

  it('are adopted by prosecutors only; bad input names each field and writes nothing', async () => {
    const kase = await caseWithEveryone();
    for (const role of ['police', 'ombudsman', 'observer'] as const) expect((await adopt(people[role], kase.id)).status).toBe(403);
    const [measures, events] = [await countRows('remedial_measures'), await countRows('case_events')];
    const bad = await adopt(people.prosecutor, kase.id, { cause: '', act: 'scolding', description: 'x'.repeat(4001), addressedToAgencyId: 'police', dueAt: 'soon' });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['cause', 'act', 'description', 'addressedToAgencyId', 'dueAt']));
    const unknownAgency = await adopt(people.prosecutor, kase.id, measure({ addressedToAgencyId: randomUUID() }));
    expect(fields(unknownAgency.body)).toEqual(['addressedToAgencyId']);
    expect([await countRows('remedial_measures'), await countRows('case_events')]).toEqual([measures, events]);

    const adopted = (await adopt(people.prosecutor, kase.id)).body;
    const badCompletion = await call('PATCH', `/api/cases/${kase.id}/measures/${adopted.id}`, { token: people.police.token, body: { status: 'open', completionNote: '' } });
    expect(badCompletion.status).toBe(400);
    expect(fields(badCompletion.body)).toEqual(expect.arrayContaining(['status', 'completionNote']));
  });
});

describe("the victim's remedies", () => {
  it('are recorded by prosecutors and read at oversight; NOT_FOUND for the police and observers', async () => {
    const kase = await caseWithEveryone();
    const empty = await call<Remedies>('GET', `/api/cases/${kase.id}/remedies`, { token: people.ombudsman.token });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ caseId: kase.id, rightsRestored: null, compensation: null, updatedBy: null, updatedAt: null });

    const put = await call<Remedies>('PUT', `/api/cases/${kase.id}/remedies`, {
      token: people.prosecutor.token,
      body: { rightsRestored: 'Released from custody; unlawful detention record annulled', compensation: { amount: 1500000.5, currency: 'KZT', status: 'awarded' } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      rightsRestored: 'Released from custody; unlawful detention record annulled',
      compensation: { amount: 1500000.5, currency: 'KZT', status: 'awarded' },
      updatedBy: { userId: people.prosecutor.id },
    });
    expect((await call<Remedies>('GET', `/api/cases/${kase.id}/remedies`, { token: people.ombudsman.token })).body).toEqual(put.body);

    for (const role of ['police', 'observer'] as const) {
      const answer = await call('GET', `/api/cases/${kase.id}/remedies`, { token: people[role].token });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
      expect(eventTypes(await allEvents(people[role], kase.id), 'remedies.')).toEqual([]);
    }
    for (const role of ['police', 'ombudsman', 'observer'] as const) {
      expect((await call('PUT', `/api/cases/${kase.id}/remedies`, { token: people[role].token, body: {} })).status).toBe(403);
    }

    // The whole record is replaced: what is left out is cleared.
    const paid = await call<Remedies>('PUT', `/api/cases/${kase.id}/remedies`, {
      token: people.chief.token,
      body: { compensation: { amount: 1500000.5, currency: 'KZT', status: 'paid' } },
    });
    expect(paid.body).toMatchObject({ rightsRestored: null, compensation: { status: 'paid' }, updatedBy: { userId: people.chief.id } });
    const events = (await allEvents(people.ombudsman, kase.id)).filter((e) => e.type === 'remedies.updated');
    expect(events.map((e) => [e.tier, e.data])).toEqual([
      ['oversight', { rightsRestored: true, compensation: { amount: 1500000.5, currency: 'KZT', status: 'awarded' } }],
      ['oversight', { rightsRestored: false, compensation: { amount: 1500000.5, currency: 'KZT', status: 'paid' } }],
    ]);
    expect(JSON.stringify(events)).not.toContain('detention record');
  });

  it('name each bad field and write nothing', async () => {
    const kase = await caseWithEveryone();
    const [remedies, events] = [await countRows('victim_remedies'), await countRows('case_events')];
    const answer = await call('PUT', `/api/cases/${kase.id}/remedies`, {
      token: people.prosecutor.token,
      body: { rightsRestored: 'x'.repeat(4001), compensation: { amount: 10.005, currency: 'USD', status: 'promised' } },
    });
    expect(answer.status).toBe(400);
    expect(fields(answer.body)).toEqual(expect.arrayContaining(['rightsRestored', 'compensation.amount', 'compensation.currency', 'compensation.status']));
    const negative = await call('PUT', `/api/cases/${kase.id}/remedies`, { token: people.prosecutor.token, body: { compensation: { amount: -1, currency: 'KZT', status: 'claimed' } } });
    expect(fields(negative.body)).toEqual(['compensation.amount']);
    const incomplete = await call('PUT', `/api/cases/${kase.id}/remedies`, { token: people.prosecutor.token, body: { compensation: { amount: 5 } } });
    expect(fields(incomplete.body)).toEqual(expect.arrayContaining(['compensation.currency', 'compensation.status']));
    expect([await countRows('victim_remedies'), await countRows('case_events')]).toEqual([remedies, events]);
  });
});

describe("the victim's identity", () => {
  it('is absent from every answer and event of this part below oversight, and from the log altogether', async () => {
    const kase = await caseWithEveryone();
    const examination = (await appoint(people.prosecutor, kase.id)).body;
    await patchExamination(people.prosecutor, kase.id, examination.id, { conclusion: 'typical_of', noImplicatedOfficerPresent: true, status: 'completed' });
    const responsible = (await call<Responsible>('POST', `/api/cases/${kase.id}/responsible`, { token: people.prosecutor.token, body: { kind: 'person', name: 'Officer Example' } })).body;
    await call('POST', `/api/cases/${kase.id}/responsible/${responsible.id}/routes`, { token: people.prosecutor.token, body: { route: 'suspension' } });
    const adopted = (
      await call<RemedialMeasure>('POST', `/api/cases/${kase.id}/measures`, {
        token: people.prosecutor.token,
        body: { cause: 'Detainees not registered on arrival', act: 'order', description: 'Register every detainee on arrival', addressedToAgencyId: policeAgencyId, dueAt: '2027-01-15T00:00:00.000Z' },
      })
    ).body;
    await call('PATCH', `/api/cases/${kase.id}/measures/${adopted.id}`, { token: people.police.token, body: { status: 'done', completionNote: 'Register introduced' } });
    await call('PUT', `/api/cases/${kase.id}/remedies`, { token: people.prosecutor.token, body: { compensation: { amount: 250000, currency: 'KZT', status: 'claimed' } } });

    for (const role of ['police', 'observer'] as const) {
      const answers = await Promise.all(
        ['examinations', `examinations/${examination.id}`, 'responsible', 'measures', 'remedies', 'events?limit=500'].map((path) =>
          call('GET', `/api/cases/${kase.id}/${path}`, { token: people[role].token }),
        ),
      );
      const text = JSON.stringify(answers.map((a) => a.body));
      expect(text).not.toContain(kase.victimName);
      expect(text).not.toContain('+7 700 000 0099');
    }
    // Events never hold the identity, even at the narrowest tier.
    expect(JSON.stringify(await allEvents(people.prosecutor, kase.id))).not.toContain(kase.victimName);
  });
});

describe('live delivery', () => {
  it('sends each event only to the clearances that may read it', async () => {
    const kase = await caseWithEveryone();
    const roles = ['police', 'ombudsman', 'observer'] as const;
    const sockets = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await Client.connect(people[role])]))) as Record<(typeof roles)[number], Client>;
    try {
      for (const role of roles) expect((await sockets[role].emit('case:join', { caseId: kase.id })).ok).toBe(true);
      await appoint(people.prosecutor, kase.id);
      await call('POST', `/api/cases/${kase.id}/measures`, {
        token: people.prosecutor.token,
        body: { cause: 'Unlit stairwell', act: 'warning', description: 'Light the stairwell', addressedToAgencyId: policeAgencyId, dueAt: '2027-01-01T00:00:00.000Z' },
      });
      const live = (role: (typeof roles)[number]) => sockets[role].events(kase.id).map((e) => e.type);
      await sockets.ombudsman.waitFor(() => live('ombudsman').includes('measure.adopted'), 'measure.adopted');
      await sockets.police.waitFor(() => live('police').includes('measure.adopted'), 'measure.adopted');
      await settle();
      expect(live('ombudsman')).toEqual(['examination.appointed', 'measure.adopted']);
      expect(live('police')).toEqual(['measure.adopted']);
      expect(live('observer')).toEqual([]);
    } finally {
      for (const role of roles) sockets[role].close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('lists every endpoint of this part, with the body fields', async () => {
    const document = await call('GET', '/api/docs/json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/examinations',
        '/api/cases/{id}/examinations/{examinationId}',
        '/api/cases/{id}/responsible',
        '/api/cases/{id}/responsible/{responsibleId}/routes',
        '/api/cases/{id}/responsible/{responsibleId}/routes/{routeId}',
        '/api/cases/{id}/measures',
        '/api/cases/{id}/measures/{measureId}',
        '/api/cases/{id}/remedies',
      ]),
    );
    expect(document.body.components.schemas.UpdateExaminationBody.properties.conclusion.enum).toEqual([...ISTANBUL_CONCLUSIONS]);
  });
});
