import { canRead, clearanceOf, TIERS, type Role as ContractRole, type Tier } from '@vigil/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { call } from '../support/api';
import { Client, openCase, post, report, settle, signInAll, upload, type Person, type Role } from '../support/cases';
import { ApiDocument, caseFixtures, nextWeek, pathOf, type Operation } from '../support/openapi';
import { serverAnswering, Tally } from './support/tally';

/*
 * A case whose victim has a known (invented) name, with a known marker text written at each tier
 * (messages, an edit, tasks, evidence): every GET operation as every role, and every socket
 * payload each role receives (the join's catch-up, live events, typing, read, presence,
 * activity, alerts), must hold neither the victim's name below `oversight` clearance nor the
 * marker of a tier above the role's clearance. The room tier's marker must reach every case
 * worker, so that a scan that finds nothing has looked at something.
 */

const ROLES: [Role, ContractRole][] = [
  ['prosecutor', 'prosecutor'],
  ['chief', 'chief_prosecutor'],
  ['police', 'police'],
  ['ombudsman', 'ombudsman'],
  ['observer', 'observer'],
  ['admin', 'admin'],
];
const run = randomBytes(4).toString('hex');
/** The victim's surname is unique to this run: found anywhere, it is this victim's. */
const SURNAME = `Scanmarkova${run}`;
const VICTIM = `Zarina ${SURNAME}`;
/** Every marker written to the case: the prosecution tier must find each (else a scan that finds nothing proves nothing). */
const written = new Set<string>();
const marker = (tier: Tier, where: string) => {
  const text = `ZZMARK-${tier}-${where}-${run}`;
  written.add(text);
  return text;
};
/** What a role may not be shown, found in any text it receives. */
const tierOfMarker = (text: string) => [...text.matchAll(new RegExp(`ZZMARK-(\\w+)-([\\w-]+?)-${run}`, 'g'))].map((m) => ({ tier: m[1] as Tier, where: m[2] }));

const tally = new Tally('disclosure-scan');
jest.setTimeout(180_000);
let people: Record<Role, Person>;
let doc: ApiDocument;
let caseId: string;
let ids: Record<string, string>;

/** What in `text` a viewer of `clearance` may not see: the victim's name, markers above its tier. */
function leaks(text: string, clearance: Tier | null): string[] {
  const found: string[] = [];
  if (!canRead(clearance, 'oversight') && text.toLowerCase().includes(SURNAME.toLowerCase())) found.push("the victim's name");
  for (const { tier, where } of tierOfMarker(text)) if (!canRead(clearance, tier)) found.push(`the ${tier} marker of ${where}`);
  return [...new Set(found)];
}

beforeAll(async () => {
  await serverAnswering();
  people = await signInAll();
  doc = await ApiDocument.read();
  // The case is at a place of the register, so that the place's pages are scanned too.
  const place = await call('POST', '/api/places', { token: people.chief.token, body: { name: `Zz scan place ${run}`, kind: 'police_station', address: 'Invented Street 2', cctv: false } });
  const victim = { fullName: VICTIM, birthYear: 1990, contact: '+7 700 000 0199' };
  const kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer], report({ victim, placeId: place.body.id, facility: undefined }));
  caseId = kase.id;
  ids = await caseFixtures(people, caseId);
  const policeAgency = (await call('GET', '/api/me', { token: people.police.token })).body.agency.id;
  const editor = await Client.connect(people.prosecutor);
  for (const tier of TIERS) {
    // The edit replaces the posted text wherever the message is read.
    const posted = await post(people.prosecutor, caseId, tier, `ZZMARK-${tier}-message-${run}`);
    // Says why when the set-up itself is refused (once seen in a full attack run: cause not yet known).
    expect({ status: posted.status, body: posted.status === 201 ? 'posted' : posted.body }).toEqual({ status: 201, body: 'posted' });
    await editor.emit('message:edit', { caseId, messageId: posted.body.data.messageId, body: marker(tier, 'edit') });
    await call('POST', `/api/cases/${caseId}/tasks`, { token: people.chief.token, body: { kind: 'other', title: marker(tier, 'task'), assigneeAgencyId: policeAgency, dueAt: nextWeek(), tier } });
    await upload(people.chief, caseId, { bytes: Buffer.from(`ZZMARK-${tier}-content-${run}\n`), name: 'scan.txt', type: 'text/plain' }, { title: marker(tier, 'evidence'), tier });
  }
  editor.close();
  // Text of the tiers above `state` elsewhere: the visit's findings, an examination, those responsible.
  const chief = people.chief.token;
  const on = (path: string, body: object) => call('POST', `/api/cases/${caseId}${path}`, { token: chief, body });
  await on('/visit/dispatch', { prosecutorId: people.prosecutor.id });
  await on('/visit/arrival', {});
  await on('/visit/findings', { findings: marker('oversight', 'findings') });
  for (const tier of ['oversight', 'prosecution'] as const) {
    await on('/examinations', { type: 'forensic_medical', institution: marker(tier, 'examination'), dueAt: nextWeek(), consent: { given: true, recordedAt: new Date().toISOString() }, tier });
  }
  await on('/responsible', { kind: 'person', name: marker('oversight', 'responsible') });
  ids['place'] = place.body.id;
});
afterAll(() => tally.write());

describe("the disclosure scan: the victim's name and higher tiers' text", () => {
  it('finds nothing it may not in any GET answer, as any role', async () => {
    const failures: object[] = [];
    const gets = doc.operations.filter((o: Operation) => o.method === 'GET' && !o.path.includes('/api/docs'));
    const seen = new Map<Role, boolean>();
    const unseen = new Set(written);
    for (const [role, contractRole] of ROLES) {
      const clearance = clearanceOf(contractRole);
      for (const operation of gets) {
        const path = pathOf(operation, ids);
        const answer = await call('GET', path, { token: people[role].token });
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
        if (tierOfMarker(text).some(({ tier }) => tier === 'room')) seen.set(role, true);
        if (role === 'prosecutor') for (const mark of written) if (text.includes(mark)) unseen.delete(mark);
        const found = leaks(text, clearance);
        const failure = { request: `GET ${operation.path}`, as: contractRole, status: answer.status, found };
        tally.record('REST: nothing above the reader', !found.length, failure);
        if (found.length) failures.push(failure);
      }
    }
    const blind = ROLES.filter(([role]) => role !== 'admin' && !seen.get(role)).map(([role]) => role);
    tally.record('REST: the room marker reaches every case worker (control)', !blind.length, { blind });
    tally.record('REST: every marker reaches the prosecution tier (control)', !unseen.size, { unseen: [...unseen] });
    expect({ failures, blind, unseen: [...unseen] }).toEqual({ failures: [], blind: [], unseen: [] });
  });

  it("finds the case by its victim's name or by a marker only for a role that reads them, whatever the filters and order", async () => {
    const failures: object[] = [];
    // Every search the list takes, with the victim's name and with each tier's marker: the answer
    // holds the case exactly when the role reads what was searched for, else it says nothing.
    const searches: [string, Tier][] = [
      [SURNAME, 'oversight'],
      [VICTIM.toUpperCase(), 'oversight'],
      ...TIERS.map((tier): [string, Tier] => [`ZZMARK-${tier}-message`, tier]),
    ];
    const shapes = ['', '&sort=urgency', '&status=site_visited,investigating,registered,visit_dispatched', '&overdue=false', '&facilityKind=police_station', `&placeId=${ids['place']}`];
    for (const [role, contractRole] of ROLES.filter(([r]) => r !== 'admin')) {
      const clearance = clearanceOf(contractRole);
      for (const [text, tier] of searches) {
        for (const shape of shapes) {
          const answer = await call('GET', `/api/cases?q=${encodeURIComponent(text)}${shape}`, { token: people[role].token });
          const found = answer.status === 200 && answer.body.items.some((item: { id: string }) => item.id === caseId);
          // Only the victim's name is searchable text of the case; the markers are in messages, which the list does not search.
          const expected = tier === 'oversight' && text !== `ZZMARK-oversight-message` ? canRead(clearance, 'oversight') : false;
          const failure = { as: contractRole, q: text, shape, status: answer.status, found, expected };
          const held = answer.status === 200 && found === expected;
          tally.record('REST: the case list finds by nothing the reader may not read', held, failure);
          if (!held) failures.push(failure);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('numbers the events each role sees 1, 2, 3… without gaps, so that nobody counts what they may not read', async () => {
    const failures: object[] = [];
    for (const [role, contractRole] of ROLES.filter(([r]) => r !== 'admin')) {
      const page = (await call('GET', `/api/cases/${caseId}/events?afterSeq=0&limit=500`, { token: people[role].token })).body;
      const head = (await call('GET', `/api/cases/${caseId}`, { token: people[role].token })).body.headSeq;
      const seqs = page.items.map((e: { seq: number }) => e.seq);
      const gapless = page.items.every((e: { seq: number; prevSeq: number }, i: number) => e.seq === i + 1 && e.prevSeq === i);
      const held = gapless && page.headSeq === seqs.length && head === seqs.length;
      const failure = { as: contractRole, seqs: seqs.join(','), headSeq: page.headSeq, caseHeadSeq: head };
      tally.record("REST: events in the reader's own numbering", held, failure);
      if (!held) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it('finds nothing it may not in any socket payload, as any role, and typing and read stay within the tier', async () => {
    const joined = new Map<Role, Client>();
    const idle = new Map<Role, Client>();
    const clients: Client[] = [];
    try {
      for (const [role] of ROLES) {
        const listening = await Client.connect(people[role]);
        const watching = await Client.connect(people[role]);
        clients.push(listening, watching);
        const ack = await listening.emit('case:join', { caseId, afterSeq: 0 });
        // The join's catch-up is scanned like any payload.
        listening.received.push({ event: 'case:join (ack)', payload: ack });
        joined.set(role, listening);
        idle.set(role, watching);
      }
      const writer = joined.get('prosecutor')!;
      // Drafts at the highest tier first, then at the room tier: only the second is for everyone.
      const typed = [
        await writer.emit('typing', { caseId, typing: true, tier: 'prosecution' }),
        await writer.emit('typing', { caseId, typing: false, tier: 'prosecution' }),
      ];
      for (const tier of TIERS) await writer.emit('message:post', { caseId, clientId: randomUUID(), body: marker(tier, 'live'), tier });
      typed.push(await writer.emit('typing', { caseId, typing: true, tier: 'room' }));
      for (const ack of typed) tally.record('sockets: typing with the tier of its draft is accepted', ack.ok === true, { ack });
      const head = (await writer.emit('case:join', { caseId, afterSeq: 0 })).headSeq;
      await writer.emit('read', { caseId, seq: head });
      // The room's live marker and the room draft reach everyone joined; then what else would have come has come.
      for (const [role] of ROLES.filter(([r]) => r !== 'admin')) {
        const client = joined.get(role)!;
        await client.waitFor(() => client.events(caseId).some((e) => JSON.stringify(e).includes(marker('room', 'live'))), `the room's live marker as ${role}`);
      }
      await settle(1_500);

      const failures: object[] = [];
      for (const [role, contractRole] of ROLES) {
        const clearance = clearanceOf(contractRole);
        const ownHead = (await call('GET', `/api/cases/${caseId}`, { token: people[role].token })).body?.headSeq ?? 0;
        for (const client of [joined.get(role)!, idle.get(role)!]) {
          for (const { event, payload } of client.received) {
            const found = leaks(JSON.stringify(payload ?? ''), clearance);
            const failure = { event, as: contractRole, found, payload: JSON.stringify(payload)?.slice(0, 200) };
            tally.record('sockets: nothing above the reader', !found.length, failure);
            if (found.length) failures.push(failure);
            // A seq the reader cannot have counted tells it how many events it may not see.
            if ((event === 'read' || event === 'case:activity') && payload?.caseId === caseId && clearance !== null) {
              const held = payload.seq === undefined ? payload.headSeq <= ownHead : payload.seq <= ownHead;
              tally.record(`sockets: ${event} within the reader's numbering`, held, { as: contractRole, payload, ownHead });
              if (!held) failures.push({ event, as: contractRole, payload, ownHead, found: ["a seq above the reader's headSeq"] });
            }
          }
        }
        if (role !== 'prosecutor' && clearance !== null) {
          // Of the writer's two drafts that were typing, a reader below `prosecution` hears only the room's.
          const drafts = joined.get(role)!.of('typing').filter((t) => t.caseId === caseId && t.userId === people.prosecutor.id && t.typing === true).length;
          const expected = canRead(clearance, 'prosecution') ? 2 : 1;
          tally.record('sockets: a draft is heard only at its tier', drafts === expected, { as: contractRole, drafts, expected });
          if (drafts !== expected) failures.push({ event: 'typing', as: contractRole, drafts, expected });
        }
      }
      expect(failures).toEqual([]);
    } finally {
      clients.forEach((client) => client.close());
    }
  });
});
