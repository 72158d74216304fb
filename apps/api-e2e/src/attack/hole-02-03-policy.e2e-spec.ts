/**
 * Holes 2 and 3 of the attack on Vigil, kept closed: every write obeys the clearance the writer
 * reads the case at (the implicated-agency cap included), only prosecutors name the implicated
 * agency, and only the agency holding an item of evidence (or a prosecutor) hands it over.
 */
import type { AgencyRef, Evidence, Responsible } from '@vigil/contracts';
import { call, withDatabase } from '../support/api';
import { openCase, report, signInAll, upload, type Person, type Role } from '../support/cases';

let people: Record<Role, Person>;
let agencies: Record<Role, AgencyRef>;

beforeAll(async () => {
  people = await signInAll();
  const roles = Object.keys(people) as Role[];
  const mes = await Promise.all(roles.map((role) => call('GET', '/api/me', { token: people[role].token })));
  agencies = Object.fromEntries(roles.map((role, i) => [role, mes[i].body.agency])) as Record<Role, AgencyRef>;
});

/** The case turns out to implicate `agencyId` (as an intake would have named it), after work began. */
const implicate = (caseId: string, agencyId: string) =>
  withDatabase((db) => db.query('UPDATE cases SET implicated_agency_id = $2 WHERE id = $1', [caseId, agencyId]));

describe('a prosecutor of the implicated agency (hole 2)', () => {
  let caseId: string;
  let responsibleId: string;

  beforeAll(async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    caseId = kase.id;
    const added = await call<Responsible>('POST', `/api/cases/${caseId}/responsible`, { token: people.prosecutor.token, body: { kind: 'person', name: 'Invented Officer Capov' } });
    expect(added.status).toBe(201);
    responsibleId = added.body.id;
    expect((await call('POST', `/api/cases/${caseId}/visit/arrival`, { token: people.prosecutor.token, body: {} })).status).toBe(201);
    await implicate(caseId, agencies.prosecutor.id);
  });

  const eventCount = () => withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [caseId])).rows[0].n as number);

  it('reads the case at state and writes nothing above it: no party named, no route opened, no findings overwritten', async () => {
    const before = await eventCount();
    const named = await call('POST', `/api/cases/${caseId}/responsible`, { token: people.prosecutor.token, body: { kind: 'person', name: 'Another Invented Officer' } });
    expect(named.status).toBe(403);
    expect(named.body.code).toBe('FORBIDDEN');
    const route = await call('POST', `/api/cases/${caseId}/responsible/${responsibleId}/routes`, { token: people.prosecutor.token, body: { route: 'disciplinary' } });
    expect(route.status).toBe(403);
    const findings = await call('POST', `/api/cases/${caseId}/visit/findings`, { token: people.prosecutor.token, body: { findings: 'Overwritten by the implicated office' } });
    expect(findings.status).toBe(403);
    const message = await call('POST', `/api/cases/${caseId}/messages`, { token: people.prosecutor.token, body: { clientId: crypto.randomUUID(), body: 'an oversight note', tier: 'oversight' } });
    expect(message.status).toBe(403);
    // Refused writes leave the log as it was, and the party cannot be listed by the writer either.
    expect(await eventCount()).toBe(before);
    const listed = await call<Responsible[]>('GET', `/api/cases/${caseId}/responsible`, { token: people.prosecutor.token });
    expect(listed.body).toEqual([]);
  });

  it('still works at the tiers it reads', async () => {
    const posted = await call('POST', `/api/cases/${caseId}/messages`, { token: people.prosecutor.token, body: { clientId: crypto.randomUUID(), body: 'a state note', tier: 'state' } });
    expect(posted.status).toBe(201);
  });
});

describe('naming the implicated agency (hole 2)', () => {
  it('is for prosecutors only: a report naming it from anyone else is refused and registers nothing', async () => {
    const count = () => withDatabase(async (db) => (await db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n as number);
    const before = await count();
    const body = { ...report(), intake: { implicated: { agencyId: agencies.police.id } } };
    for (const role of ['observer', 'police', 'ombudsman'] as const) {
      const refused = await call('POST', '/api/cases', { token: people[role].token, body });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
    expect((await call('POST', '/api/cases', { token: people.prosecutor.token, body })).status).toBe(201);
  });
});

describe('handing evidence over (hole 3)', () => {
  let caseId: string;
  const handOver = (by: Person, item: Evidence, to: AgencyRef) => call('POST', `/api/cases/${caseId}/evidence/${item.id}/custody`, { token: by.token, body: { toAgencyId: to.id } });
  const add = async (by: Person, tier: string): Promise<Evidence> => {
    const added = await upload(by, caseId, { bytes: Buffer.from(`Invented protocol ${crypto.randomUUID()}\n`), name: 'protocol.txt', type: 'text/plain' }, { title: 'Protocol', tier });
    expect(added.status).toBe(201);
    return added.body;
  };

  beforeAll(async () => {
    caseId = (await openCase(people.prosecutor, people.prosecutor, [people.police, people.observer, people.ombudsman])).id;
  });

  it('is refused to members whose agency does not hold the item', async () => {
    const held = await add(people.prosecutor, 'room');
    for (const role of ['observer', 'police', 'ombudsman'] as const) {
      const refused = await handOver(people[role], held, agencies[role]);
      expect(refused.status).toBe(403);
    }
    const item = await call<Evidence>('GET', `/api/cases/${caseId}/evidence/${held.id}`, { token: people.prosecutor.token });
    expect(item.body.custody).toHaveLength(1);
  });

  it('is open to the holding agency, once, and to a prosecutor whoever holds it', async () => {
    const item = await add(people.police, 'state');
    expect((await handOver(people.police, item, agencies.ombudsman)).status).toBe(201);
    // The police no longer hold it.
    expect((await handOver(people.police, item, agencies.prosecutor)).status).toBe(403);
    expect((await handOver(people.ombudsman, item, agencies.prosecutor)).status).toBe(201);
    const byProsecutor = await add(people.observer, 'room');
    expect((await handOver(people.prosecutor, byProsecutor, agencies.police)).status).toBe(201);
  });
});
