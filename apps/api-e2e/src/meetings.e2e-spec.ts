import type { Decision, Meeting, Minutes } from '@vigil/contracts';
import { call } from './support/api';
import { allEvents, Client, openCase, settle, signInAll, type Person, type Role } from './support/cases';

let people: Record<Role, Person>;
const agencyOf: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  people = await signInAll();
  for (const role of ['prosecutor', 'police', 'ombudsman', 'observer'] as const) {
    agencyOf[role] = (await call('GET', '/api/me', { token: people[role].token })).body.agency.id;
  }
});

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const convene = (by: Person, participants: Person[], title = 'Weekly interagency review') =>
  call<Meeting & { details?: any }>('POST', '/api/meetings', { token: by.token, body: { title, scheduledAt: inAnHour(), place: 'City prosecutor’s office, room 4', participantIds: participants.map((p) => p.id) } });
const meetingAs = (person: Person, id: string) => call<Meeting>('GET', `/api/meetings/${id}`, { token: person.token });
const addItem = (person: Person, id: string, body: object) => call('POST', `/api/meetings/${id}/agenda`, { token: person.token, body });
const decide = (person: Person, id: string, itemId: string, body: object) => call<Decision & { details?: any }>('POST', `/api/meetings/${id}/agenda/${itemId}/decisions`, { token: person.token, body });
const meetingEvents = async (person: Person, id: string) => (await call('GET', `/api/meetings/${id}/events?afterSeq=0&limit=500`, { token: person.token })).body;

describe('convening', () => {
  it('lets a prosecutor convene and chair; other roles get 403, bad input names its fields', async () => {
    const created = await convene(people.prosecutor, [people.police, people.ombudsman]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', chair: { id: people.prosecutor.id }, agenda: [] });
    expect(created.body.participants.map((p) => p.id).sort()).toEqual([people.prosecutor.id, people.police.id, people.ombudsman.id].sort());
    expect((await convene(people.police, [people.prosecutor])).status).toBe(403);
    expect((await convene(people.admin, [])).status).toBe(403);
    const bad = await call('POST', '/api/meetings', { token: people.prosecutor.token, body: { title: '', scheduledAt: 'tomorrow', participantIds: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(expect.arrayContaining(['participantIds', 'scheduledAt', 'title']));
    const unknown = await convene(people.prosecutor, [{ ...people.police, id: '00000000-0000-4000-8000-000000000000' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.[0]).toMatchObject({ field: 'participantIds.0', rule: 'unknown_participant' });
  });

  it('answers 404 alike to a non-participant and to a malformed id, and lists only one’s own meetings', async () => {
    const created = (await convene(people.prosecutor, [people.police])).body;
    const stranger = await meetingAs(people.ombudsman, created.id);
    const malformed = await meetingAs(people.ombudsman, 'not-a-uuid');
    expect(stranger.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(stranger.body).toEqual(malformed.body);
    const listed = await call('GET', '/api/meetings', { token: people.ombudsman.token });
    expect(listed.body.items.map((m: { id: string }) => m.id)).not.toContain(created.id);
    expect((await call('GET', '/api/meetings', { token: people.police.token })).body.items.map((m: { id: string }) => m.id)).toContain(created.id);
    expect((await call('GET', '/api/meetings', { token: people.chief.token })).body.items.map((m: { id: string }) => m.id)).toContain(created.id);
  });
});

describe('a meeting from agenda to approved minutes', () => {
  it('keeps every tier to its readers, turns decisions into acknowledged action items and freezes the minutes', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const participants = [people.police, people.ombudsman, people.observer];
    const meeting = (await convene(people.prosecutor, participants)).body;
    const id = meeting.id;

    // The agenda: a case (seen by every participant by its reference only), an oversight topic, a prosecution topic.
    const caseItem = await addItem(people.prosecutor, id, { caseId: kase.id, tier: 'room' });
    expect(caseItem.status).toBe(201);
    expect(caseItem.body).toMatchObject({ caseId: kase.id, caseReference: kase.reference, state: 'pending' });
    const oversightItem = (await addItem(people.prosecutor, id, { topic: 'Medical examinations in the detention centre', tier: 'oversight' })).body;
    const prosecutionItem = (await addItem(people.prosecutor, id, { topic: 'Charging strategy', tier: 'prosecution' })).body;
    expect((await addItem(people.police, id, { topic: 'Police item', tier: 'room' })).status).toBe(403);
    expect((await addItem(people.prosecutor, id, { tier: 'room' })).body.details[0].rule).toBe('case_or_topic');

    const policeView = (await meetingAs(people.police, id)).body;
    expect(policeView.agenda.map((i) => i.id)).toEqual([caseItem.body.id]);
    expect(policeView.agenda[0].caseReference).toBe(kase.reference);
    // Meeting participation never opens the case room.
    expect((await call('GET', `/api/cases/${kase.id}`, { token: people.police.token })).status).toBe(404);
    expect((await meetingAs(people.ombudsman, id)).body.agenda.map((i) => i.id)).toEqual([caseItem.body.id, oversightItem.id]);

    // Reordering: every item once; deciding in a planned meeting is a conflict.
    expect((await call('PUT', `/api/meetings/${id}/agenda`, { token: people.prosecutor.token, body: { itemIds: [prosecutionItem.id, caseItem.body.id] } })).body.details[0].rule).toBe('agenda_incomplete');
    const reordered = await call('PUT', `/api/meetings/${id}/agenda`, { token: people.prosecutor.token, body: { itemIds: [oversightItem.id, caseItem.body.id, prosecutionItem.id] } });
    expect(reordered.status).toBe(200);
    expect((await meetingAs(people.police, id)).body.agenda[0].position).toBe(2);
    const early = await decide(people.prosecutor, id, caseItem.body.id, { text: 'Too early', tier: 'room', actionItems: [] });
    expect(early.status).toBe(409);
    expect(early.body.details?.[0].rule).toBe('meeting_not_in_session');

    // In session.
    expect((await call('POST', `/api/meetings/${id}/open`, { token: people.police.token })).status).toBe(403);
    expect((await call('POST', `/api/meetings/${id}/open`, { token: people.prosecutor.token })).body.status).toBe('in_session');
    expect((await call('POST', `/api/meetings/${id}/agenda/${caseItem.body.id}/current`, { token: people.prosecutor.token })).body.state).toBe('current');
    expect((await call('POST', `/api/meetings/${id}/attendance`, { token: people.prosecutor.token, body: { userId: people.observer.id } })).status).toBe(200);
    expect((await call('POST', `/api/meetings/${id}/agenda/${caseItem.body.id}/notes`, { token: people.observer.token, body: { body: 'A note above me', tier: 'prosecution' } })).status).toBe(403);
    expect((await call('POST', `/api/meetings/${id}/agenda/${caseItem.body.id}/notes`, { token: people.police.token, body: { body: 'Duty logs requested', tier: 'state' } })).status).toBe(201);

    const stateDecision = await decide(people.prosecutor, id, caseItem.body.id, {
      text: 'Police hand over the duty logs of 3 March',
      tier: 'state',
      actionItems: [{ title: 'Hand over the duty logs', assigneeAgencyId: agencyOf.police, dueAt: inADay(), caseId: kase.id }],
    });
    expect(stateDecision.status).toBe(201);
    const policeItem = stateDecision.body.actionItems[0];
    expect(policeItem).toMatchObject({ status: 'open', caseId: kase.id, tier: 'state' });
    expect(policeItem.taskId).toBeDefined();
    const oversightDecision = await decide(people.prosecutor, id, oversightItem.id, {
      text: 'The ombudsman inspects the medical unit',
      tier: 'oversight',
      actionItems: [{ title: 'Inspect the medical unit', assigneeAgencyId: agencyOf.ombudsman, dueAt: inADay() }],
    });
    expect(oversightDecision.status).toBe(201);
    expect((await decide(people.prosecutor, id, oversightItem.id, { text: 'Lower than its item', tier: 'room', actionItems: [] })).body.details?.[0].rule).toBe('tier_below_item');
    expect((await decide(people.police, id, caseItem.body.id, { text: 'Not the chair', tier: 'state', actionItems: [] })).status).toBe(403);

    // The decision is also an event of the case's log, with its task, at the decision's tier.
    const caseLog = await allEvents(people.prosecutor, kase.id);
    expect(caseLog.filter((e) => e.type === 'task.created' || e.type === 'meeting.decision_recorded').map((e) => [e.type, e.tier])).toEqual([
      ['task.created', 'state'],
      ['meeting.decision_recorded', 'state'],
    ]);

    // Each reader gets the decisions of their tiers only.
    const decisionsOf = async (person: Person) => (await meetingAs(person, id)).body.agenda.flatMap((i) => i.decisions.map((d) => d.text));
    expect(await decisionsOf(people.police)).toEqual(['Police hand over the duty logs of 3 March']);
    expect((await decisionsOf(people.ombudsman)).sort()).toEqual(['Police hand over the duty logs of 3 March', 'The ombudsman inspects the medical unit']);
    expect(await decisionsOf(people.observer)).toEqual([]);

    // "My work": the police agency's items; acknowledging for another agency, or twice, is a conflict.
    const mine = await call('GET', '/api/action-items?assignedTo=agency', { token: people.police.token });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(policeItem.id);
    expect(mine.body.items.map((a: { id: string }) => a.id)).not.toContain(oversightDecision.body.actionItems[0].id);
    const foreign = await call('POST', `/api/action-items/${policeItem.id}/acknowledge`, { token: people.ombudsman.token });
    expect(foreign.status).toBe(409);
    expect(foreign.body.details[0].rule).toBe('ack_other_agency');
    expect((await call('POST', `/api/action-items/${oversightDecision.body.actionItems[0].id}/acknowledge`, { token: people.police.token })).status).toBe(404);
    const acknowledged = await call('POST', `/api/action-items/${policeItem.id}/acknowledge`, { token: people.police.token });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ acknowledgedBy: { id: people.police.id }, receipt: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const twice = await call('POST', `/api/action-items/${policeItem.id}/acknowledge`, { token: people.police.token });
    expect(twice.status).toBe(409);
    expect(twice.body.details[0].rule).toBe('ack_twice');
    // The receipt is in the meeting's log, whose chain holds.
    const log = await meetingEvents(people.police, id);
    expect(log.items.find((e: { type: string }) => e.type === 'action_item.acknowledged').data.receipt).toBe(acknowledged.body.receipt);
    expect(log.items.map((e: { seq: number }) => e.seq)).toEqual(log.items.map((_: unknown, i: number) => i + 1));
    expect(log.items.every((e: { tier: string }) => ['room', 'state'].includes(e.tier))).toBe(true);
    expect((await call('GET', `/api/meetings/${id}/verify`, { token: people.ombudsman.token })).body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect((await call('GET', `/api/meetings/${id}/verify`, { token: people.police.token })).status).toBe(403);

    // The unacknowledged item is carried over to the next meeting's suggestions.
    const suggested = await call('GET', '/api/meetings/suggestions', { token: people.prosecutor.token });
    const carried = suggested.body.items.filter((s: { kind: string }) => s.kind === 'action_item_open').map((s: { actionItemId: string }) => s.actionItemId);
    expect(carried).toContain(oversightDecision.body.actionItems[0].id);

    // Minutes: approving needs an adjourned meeting, the chair, and happens once.
    expect((await call('POST', `/api/meetings/${id}/minutes/approve`, { token: people.prosecutor.token })).body.details[0].rule).toBe('meeting_not_adjourned');
    expect((await call('POST', `/api/meetings/${id}/close`, { token: people.prosecutor.token })).body.status).toBe('adjourned');
    expect((await call('POST', `/api/meetings/${id}/minutes/approve`, { token: people.police.token })).status).toBe(403);
    const approved = await call<Minutes>('POST', `/api/meetings/${id}/minutes/approve`, { token: people.prosecutor.token });
    expect(approved.status).toBe(200);
    expect(approved.body.approvedHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await call('POST', `/api/meetings/${id}/minutes/approve`, { token: people.prosecutor.token })).status).toBe(409);

    const minutesOf = async (person: Person) => (await call<Minutes>('GET', `/api/meetings/${id}/minutes`, { token: person.token })).body;
    const policeMinutes = await minutesOf(people.police);
    expect(policeMinutes.clearance).toBe('state');
    expect(policeMinutes.approvedHash).toBe(approved.body.approvedHash);
    expect(JSON.stringify(policeMinutes)).toContain('Police hand over the duty logs');
    expect(JSON.stringify(policeMinutes)).toContain('Duty logs requested');
    expect(JSON.stringify(policeMinutes)).not.toContain('medical unit');
    expect(JSON.stringify(policeMinutes)).not.toContain('Charging strategy');
    expect(policeMinutes.items[0].decisions[0].actionItems[0]).toMatchObject({ status: 'acknowledged', receipt: acknowledged.body.receipt });
    const observerMinutes = await minutesOf(people.observer);
    expect(observerMinutes.items.every((i) => i.tier === 'room' && i.decisions.length === 0 && i.notes.length === 0)).toBe(true);
    expect(observerMinutes.attendance.find((p) => p.id === people.observer.id)?.attended).toBe(true);
    expect(JSON.stringify(await minutesOf(people.ombudsman))).toContain('medical unit');
    expect(JSON.stringify(await minutesOf(people.prosecutor))).toContain('Charging strategy');
    // The victim's identity is in none of it, at any clearance.
    for (const role of ['prosecutor', 'police', 'ombudsman', 'observer'] as const) {
      const all = JSON.stringify([await minutesOf(people[role]), await meetingAs(people[role], id), await meetingEvents(people[role], id)]);
      expect(all).not.toContain(kase.victimName);
    }
    expect((await meetingEvents(people.observer, id)).items.some((e: { type: string }) => e.type === 'minutes.approved')).toBe(true);
  });
});

describe('the list of speakers', () => {
  it('lets participants ask for the floor, the chair give it, and records the times in the minutes', async () => {
    const id = (await convene(people.prosecutor, [people.police, people.observer])).body.id;
    const ask = (person: Person) => call('POST', `/api/meetings/${id}/speakers`, { token: person.token });
    const step = (person: Person, speakerId: string, what: 'give' | 'end') => call('POST', `/api/meetings/${id}/speakers/${speakerId}/${what}`, { token: person.token });
    expect((await ask(people.police)).body.details?.[0].rule).toBe('meeting_not_in_session');
    await call('POST', `/api/meetings/${id}/open`, { token: people.prosecutor.token });
    const police = (await ask(people.police)).body;
    expect(police).toMatchObject({ userId: people.police.id, startedAt: null, endedAt: null });
    expect((await ask(people.police)).body.details?.[0].rule).toBe('speaker_already_listed');
    const observer = (await ask(people.observer)).body;
    expect((await step(people.police, police.id, 'give')).status).toBe(403);
    expect((await step(people.prosecutor, police.id, 'give')).body.startedAt).not.toBeNull();
    // Giving the floor to the next ends the turn before.
    expect((await step(people.prosecutor, observer.id, 'give')).status).toBe(200);
    expect((await step(people.observer, observer.id, 'end')).body.endedAt).not.toBeNull();
    expect((await step(people.observer, observer.id, 'end')).status).toBe(409);
    const minutes = (await call<Minutes>('GET', `/api/meetings/${id}/minutes`, { token: people.observer.token })).body;
    expect(minutes.speakers.map((s) => [s.userId, s.startedAt !== null, s.endedAt !== null])).toEqual([
      [people.police.id, true, true],
      [people.observer.id, true, true],
    ]);
    const types = (await meetingEvents(people.observer, id)).items.map((e: { type: string }) => e.type).filter((t: string) => t.startsWith('speaker.'));
    expect(types).toEqual(['speaker.requested', 'speaker.requested', 'speaker.started', 'speaker.ended', 'speaker.started', 'speaker.ended']);
  });
});

describe('the minutes as a PDF', () => {
  // pdf-parse's entry runs a self-test when loaded directly; its library file is the parser itself.
  const parsePdf = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string; numpages: number }>;
  const pdfText = async (person: Person, id: string) => {
    const response = await fetch(`${process.env['VIGIL_E2E_URL']}/api/meetings/${id}/minutes.pdf`, { headers: { authorization: `Bearer ${person.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return (await parsePdf(Buffer.from(await response.arrayBuffer()))).text;
  };

  it('prints each reader’s clearance only, in Kazakh and Russian letters, with the reference, reader and chain head', async () => {
    const title = 'Ведомствоаралық кеңес: Әділет, Ғимарат, Қауіпсіздік, Өкілдік, Ұйым, Үкім, Һ, Іс, Ң';
    const meeting = (await convene(people.prosecutor, [people.police, people.ombudsman], title)).body;
    const id = meeting.id;
    const room = (await addItem(people.prosecutor, id, { topic: 'Общий вопрос: посещения', tier: 'room' })).body;
    const oversight = (await addItem(people.prosecutor, id, { topic: 'Медициналық тексеру', tier: 'oversight' })).body;
    await call('POST', `/api/meetings/${id}/open`, { token: people.prosecutor.token });
    await decide(people.prosecutor, id, room.id, { text: 'Полиция предоставит журналы', tier: 'state', actionItems: [] });
    await decide(people.prosecutor, id, oversight.id, { text: 'Омбудсмен тексереді', tier: 'oversight', actionItems: [] });
    await call('POST', `/api/meetings/${id}/close`, { token: people.prosecutor.token });
    const approved = (await call<Minutes>('POST', `/api/meetings/${id}/minutes/approve`, { token: people.prosecutor.token })).body;

    const police = await pdfText(people.police, id);
    const compact = (text: string) => text.replace(/\s+/g, ' ');
    for (const letter of ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І']) expect(police).toContain(letter);
    expect(compact(police)).toContain('Полиция предоставит журналы');
    expect(police).not.toContain('Омбудсмен тексереді');
    expect(police).not.toContain('Медициналық');
    expect(police).toContain(meeting.reference);
    expect(police).toContain(people.police.displayName);
    expect(police.replace(/\s+/g, '')).toContain(approved.approvedHash);
    const ombudsman = await pdfText(people.ombudsman, id);
    expect(compact(ombudsman)).toContain('Омбудсмен тексереді');
    expect((await fetch(`${process.env['VIGIL_E2E_URL']}/api/meetings/${id}/minutes.pdf`, { headers: { authorization: `Bearer ${people.observer.token}` } })).status).toBe(404);
  });
});

describe('live over sockets', () => {
  const clients: Client[] = [];
  const connect = async (person: Person) => {
    const client = await Client.connect(person);
    clients.push(client);
    return client;
  };
  const meetingEventsOf = (client: Client, id: string) => client.of('meeting:event').filter((e) => e.meetingId === id);
  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  it('delivers each event to the joined who may read it, numbered per clearance, and catches up after a disconnect', async () => {
    const meeting = (await convene(people.prosecutor, [people.police, people.observer])).body;
    const id = meeting.id;
    const item = (await addItem(people.prosecutor, id, { topic: 'Detention conditions', tier: 'room' })).body;
    const [chair, police, observer, stranger] = await Promise.all([connect(people.prosecutor), connect(people.police), connect(people.observer), connect(people.ombudsman)]);
    const joined = await police.emit('meeting:join', { meetingId: id });
    expect(joined).toMatchObject({ ok: true, meetingId: id, hasMore: false });
    expect(joined.events.map((e: { seq: number }) => e.seq)).toEqual(joined.events.map((_: unknown, i: number) => i + 1));
    expect(joined.headSeq).toBe(joined.events.length);
    expect((await chair.emit('meeting:join', { meetingId: id })).ok).toBe(true);
    const observerJoin = await observer.emit('meeting:join', { meetingId: id });
    // Not a participant, or not an id: the same NOT_FOUND; a malformed payload is VALIDATION.
    expect(await stranger.emit('meeting:join', { meetingId: id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
    expect(await stranger.emit('meeting:join', { meetingId: 'nope' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
    expect((await stranger.emit('meeting:join', { meetingId: id, afterSeq: -1 })).error.code).toBe('VALIDATION');

    // Opening the session marks the joined present, live.
    await call('POST', `/api/meetings/${id}/open`, { token: people.prosecutor.token });
    await police.waitFor(() => meetingEventsOf(police, id).filter((e) => e.type === 'attendance.marked').length >= 3, 'three attendances');
    const attended = (await meetingAs(people.prosecutor, id)).body.participants.filter((p) => p.attended).map((p) => p.id);
    expect(attended.sort()).toEqual([people.prosecutor.id, people.police.id, people.observer.id].sort());

    await decide(people.prosecutor, id, item.id, { text: 'State-tier decision', tier: 'state', actionItems: [] });
    const decided = await police.waitFor(() => meetingEventsOf(police, id).find((e) => e.type === 'decision.recorded'), 'the decision');
    expect(decided.data.text).toBe('State-tier decision');
    await settle();
    expect(meetingEventsOf(observer, id).some((e) => e.type === 'decision.recorded')).toBe(false);
    const observerSeqs = [...observerJoin.events, ...meetingEventsOf(observer, id)].map((e: { seq: number }) => e.seq);
    expect(observerSeqs).toEqual(observerSeqs.map((_, i) => i + 1));

    // The police officer drops; what follows comes in the catch-up.
    const last = decided.seq;
    police.close();
    await decide(people.prosecutor, id, item.id, { text: 'While you were away', tier: 'state', actionItems: [] });
    const back = await connect(people.police);
    const caughtUp = await back.emit('meeting:join', { meetingId: id, afterSeq: last });
    expect(caughtUp.events.map((e: { data: { text?: string } }) => e.data.text)).toEqual(['While you were away']);
    expect(caughtUp.events[0].seq).toBe(last + 1);
    expect(chair.of('meeting:presence').length).toBeGreaterThan(0);
  });

  it('alerts the chair live when an action item goes unacknowledged past the deadline, then overdue (test clock)', async () => {
    const meeting = (await convene(people.prosecutor, [people.police])).body;
    const id = meeting.id;
    const item = (await addItem(people.prosecutor, id, { topic: 'Follow-up', tier: 'room' })).body;
    await call('POST', `/api/meetings/${id}/open`, { token: people.prosecutor.token });
    const dueAt = new Date(Date.now() + 48 * 3_600_000);
    const decision = (await decide(people.prosecutor, id, item.id, { text: 'Report back', tier: 'state', actionItems: [{ title: 'Report back', assigneeAgencyId: agencyOf.police, dueAt: dueAt.toISOString() }] })).body;
    const actionItemId = decision.actionItems[0].id;
    const chair = await connect(people.prosecutor);
    const policeSocket = await connect(people.police);
    const alertsFor = (client: Client) => client.of('meeting:alert').filter((a) => a.actionItemId === actionItemId).map((a) => a.kind);
    const setClock = (now: Date) => call('PUT', '/api/test/clock', { body: { now: now.toISOString() } });
    try {
      await setClock(new Date(Date.now() + 25 * 3_600_000));
      await call('GET', '/api/meetings/suggestions', { token: people.prosecutor.token });
      await chair.waitFor(() => alertsFor(chair).includes('action_item_unacknowledged'), 'the acknowledgement alert');
      await setClock(new Date(dueAt.getTime() + 3_600_000));
      const carried = await call('GET', '/api/meetings/suggestions', { token: people.prosecutor.token });
      await chair.waitFor(() => alertsFor(chair).includes('action_item_overdue'), 'the overdue alert');
      expect(carried.body.items.find((s: { actionItemId?: string }) => s.actionItemId === actionItemId)).toBeDefined();
      const mine = await call('GET', '/api/action-items?assignedTo=agency&status=overdue', { token: people.police.token });
      expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(actionItemId);
      await settle();
      // Each alert once, to the chair only.
      expect(alertsFor(chair)).toEqual(['action_item_unacknowledged', 'action_item_overdue']);
      expect(alertsFor(policeSocket)).toEqual([]);
    } finally {
      await setClock(new Date());
    }
  });
});
