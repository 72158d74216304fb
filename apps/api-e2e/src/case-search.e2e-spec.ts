import { ERROR_RULES, type CaseSummary, type Me } from '@vigil/contracts';
import { call, withDatabase } from './support/api';
import { openCase, report, signInAll, type Person, type Role } from './support/cases';

/*
 * GET /api/cases finds cases by text, filters them and orders them by urgency, in keyset pages;
 * whatever is asked, nobody finds a case by what they may not read in it.
 */

let people: Record<Role, Person>;
let policeAgencyId: string;
/** A word no other suite writes, so that searches here find only this suite's cases. */
const TAG = `Srchtag${process.pid}x${Date.now().toString(36)}`;
const HOUR = 3_600_000;

const list = async (person: Person, query: string): Promise<CaseSummary[]> => {
  const answer = await call('GET', `/api/cases?limit=100&${query}`, { token: person.token });
  if (answer.status !== 200) throw new Error(`list ${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.items;
};
const ids = (items: CaseSummary[]) => items.map((item) => item.id);
/** A victim's name unique to this suite (other suites' invented names share the process's pid). */
let victims = 0;
// Letters only: the disclosure guard reads a name's parts between non-letters, and refuses a summary holding one.
const VICTIM_STEM = `Qvictim${Array.from({ length: 8 }, () => 'bdfghjkmpqrstvwxz'[Math.floor(Math.random() * 17)]).join('')}`;
const victim = () => ({ fullName: `Aliya ${VICTIM_STEM}${'abcdefgh'[++victims]}`, birthYear: 1991, contact: '+7 700 000 0177' });
const tagged = (extra = '') => `q=${encodeURIComponent(TAG)}${extra}`;

let fresh: Awaited<ReturnType<typeof openCase>>;
let overdue: Awaited<ReturnType<typeof openCase>>;
let prison: Awaited<ReturnType<typeof openCase>>;

beforeAll(async () => {
  people = await signInAll();
  policeAgencyId = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
  // A case received now (its visit due in a day), one received three days ago (its visit overdue),
  // and one in a penitentiary that only the prosecutor and the ombudsman take part in.
  fresh = await openCase(people.prosecutor, people.prosecutor, [people.police, people.observer, people.ombudsman], report({ summary: `Fresh report ${TAG}`, victim: victim() }));
  overdue = await openCase(
    people.prosecutor,
    people.prosecutor,
    [people.police, people.observer, people.ombudsman],
    report({ summary: `Old report ${TAG}`, victim: victim(), receivedAt: new Date(Date.now() - 72 * HOUR).toISOString() }),
  );
  prison = await openCase(
    people.prosecutor,
    people.prosecutor,
    [people.ombudsman],
    report({ summary: `Colony report ${TAG}`, victim: victim(), facility: { name: `Colony ${TAG} No. 2`, kind: 'penitentiary' } }),
  );
});

describe('searching the case list', () => {
  it('finds by summary, reference and facility name, whatever the letter case', async () => {
    expect(ids(await list(people.prosecutor, tagged())).sort()).toEqual([fresh.id, overdue.id, prison.id].sort());
    expect(ids(await list(people.prosecutor, `q=${TAG.toUpperCase()}`)).sort()).toEqual([fresh.id, overdue.id, prison.id].sort());
    expect(ids(await list(people.prosecutor, `q=${encodeURIComponent(fresh.reference.toLowerCase())}`))).toEqual([fresh.id]);
    expect(ids(await list(people.ombudsman, `q=${encodeURIComponent(`colony ${TAG.toLowerCase()} no. 2`)}`))).toEqual([prison.id]);
  });

  it('takes % and _ as plain characters, not as patterns', async () => {
    expect(await list(people.prosecutor, `q=${encodeURIComponent(`${TAG}%`)}`)).toEqual([]);
    expect(await list(people.prosecutor, `q=${encodeURIComponent(`${TAG.slice(0, -1)}_`)}`)).toEqual([]);
  });

  it("finds a case by its victim's name only for those who read the victim's identity in it", async () => {
    const name = encodeURIComponent(fresh.victimName.toLowerCase());
    expect(ids(await list(people.prosecutor, `q=${name}`))).toEqual([fresh.id]);
    expect(ids(await list(people.ombudsman, `q=${name}`))).toEqual([fresh.id]);
    expect(ids(await list(people.chief, `q=${name}`))).toEqual([fresh.id]);
    // Members below oversight: the same answer as for a name no case has.
    for (const reader of [people.police, people.observer]) {
      expect(await list(reader, `q=${name}`)).toEqual([]);
      expect(await list(reader, `q=${encodeURIComponent(fresh.victimName.split(' ')[1])}`)).toEqual([]);
    }
    // They still find the case by what they read of it.
    expect(ids(await list(people.police, `q=${encodeURIComponent(fresh.reference)}`))).toEqual([fresh.id]);
  });

  it('finds by the pseudonym the victim goes by below oversight', async () => {
    expect(ids(await list(people.observer, 'q=V-1'))).toEqual(expect.arrayContaining([fresh.id, overdue.id]));
  });
});

describe('filtering the case list', () => {
  it('by one status or several, comma-separated', async () => {
    expect(ids(await list(people.prosecutor, tagged('&status=registered'))).sort()).toEqual([fresh.id, overdue.id, prison.id].sort());
    expect(ids(await list(people.prosecutor, tagged('&status=registered,investigating'))).length).toBe(3);
    expect(await list(people.prosecutor, tagged('&status=closed,dismissed'))).toEqual([]);
  });

  it('by facility kind', async () => {
    expect(ids(await list(people.prosecutor, tagged('&facilityKind=penitentiary')))).toEqual([prison.id]);
    expect(ids(await list(people.prosecutor, tagged('&facilityKind=police_station'))).sort()).toEqual([fresh.id, overdue.id].sort());
  });

  it('by an overdue visit, or none', async () => {
    expect(ids(await list(people.prosecutor, tagged('&overdue=true')))).toEqual([overdue.id]);
    expect(ids(await list(people.prosecutor, tagged('&overdue=false'))).sort()).toEqual([fresh.id, prison.id].sort());
  });

  it('by an agency taking part: one with a member in the case', async () => {
    expect(ids(await list(people.prosecutor, tagged(`&agencyId=${policeAgencyId}`))).sort()).toEqual([fresh.id, overdue.id].sort());
  });

  it('by my open tasks: mine, or my agency’s with no one named', async () => {
    expect(await list(people.police, tagged('&assignedToMe=true'))).toEqual([]);
    const task = await call('POST', `/api/cases/${fresh.id}/tasks`, {
      token: people.prosecutor.token,
      body: { kind: 'seize_cctv', title: 'Seize the footage', assigneeAgencyId: policeAgencyId, assigneeUserId: people.police.id, dueAt: new Date(Date.now() + 2 * HOUR).toISOString() },
    });
    expect(task.status).toBe(201);
    expect(ids(await list(people.police, tagged('&assignedToMe=true')))).toEqual([fresh.id]);
    // Not the prosecutor's work.
    expect(await list(people.prosecutor, tagged('&assignedToMe=true'))).toEqual([]);
    // Done, it is no longer open work.
    await call('PATCH', `/api/cases/${fresh.id}/tasks/${task.body.id}`, { token: people.police.token, body: { status: 'done', result: 'Footage seized' } });
    expect(await list(people.police, tagged('&assignedToMe=true'))).toEqual([]);
  });
});

describe('the urgency order', () => {
  it('puts overdue visits first, then the nearest deadline (a visit due, or an open task), then activity', async () => {
    // The prison case gets a task due in an hour: sooner than the fresh case's visit (due in a day).
    const task = await call('POST', `/api/cases/${prison.id}/tasks`, {
      token: people.prosecutor.token,
      body: { kind: 'request_documents', title: 'Ask for the register', assigneeAgencyId: (await call<Me>('GET', '/api/me', { token: people.ombudsman.token })).body.agency.id, dueAt: new Date(Date.now() + HOUR).toISOString(), tier: 'oversight' },
    });
    expect(task.status).toBe(201);
    expect(ids(await list(people.prosecutor, tagged('&sort=urgency')))).toEqual([overdue.id, prison.id, fresh.id]);
    // Activity stays the default order: the last case touched first.
    expect(ids(await list(people.prosecutor, tagged()))[0]).toBe(prison.id);
  });

  it('counts only the deadlines of tasks the reader may see', async () => {
    // The police are no member of the prison case; in the cases they read, no task they may see is due.
    const order = ids(await list(people.police, tagged('&sort=urgency')));
    expect(order).toEqual([overdue.id, fresh.id]);
  });

  it('pages by keyset in the same order, a page at a time', async () => {
    const whole = ids(await list(people.prosecutor, tagged('&sort=urgency')));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: CaseSummary[]; nextCursor: string | null } } = await call('GET', `/api/cases?${tagged('&sort=urgency&limit=1')}${cursor ? `&cursor=${cursor}` : ''}`, { token: people.prosecutor.token });
      expect(page.status).toBe(200);
      paged.push(...ids(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
  });
});

describe('a case that implicates the reader’s own agency', () => {
  it("is searched at the capped clearance: not by the victim's name, yet by what the reader reads, in either order", async () => {
    const implicated = await openCase(people.prosecutor, people.prosecutor, [], report({ summary: `Implicating report ${TAG}`, victim: victim() }));
    const agencyId = (await call<Me>('GET', '/api/me', { token: people.prosecutor.token })).body.agency.id;
    await withDatabase((db) => db.query('UPDATE cases SET implicated_agency_id = $2 WHERE id = $1', [implicated.id, agencyId]));
    expect(await list(people.prosecutor, `q=${encodeURIComponent(implicated.victimName)}`)).toEqual([]);
    expect(ids(await list(people.prosecutor, `q=${encodeURIComponent(implicated.reference)}`))).toEqual([implicated.id]);
    const urgent = ids(await list(people.prosecutor, tagged('&sort=urgency')));
    expect(urgent[0]).toBe(overdue.id);
    expect(urgent).toContain(implicated.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: CaseSummary[]; nextCursor: string | null } } = await call('GET', `/api/cases?${tagged('&sort=urgency&limit=2')}${cursor ? `&cursor=${cursor}` : ''}`, { token: people.prosecutor.token });
      paged.push(...ids(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(urgent);
  });
});

describe('cursors and bad parameters', () => {
  it('refuses a cursor with another sort or other filters, naming the cursor', async () => {
    const first = await call('GET', `/api/cases?${tagged('&sort=urgency&limit=1')}`, { token: people.prosecutor.token });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toBeTruthy();
    for (const other of [tagged('&sort=activity'), tagged(''), tagged('&sort=urgency&status=registered'), 'sort=urgency']) {
      const answer = await call('GET', `/api/cases?${other}&limit=1&cursor=${cursor}`, { token: people.prosecutor.token });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([expect.objectContaining({ field: 'cursor', rule: 'cursor' })]);
    }
    expect((await call('GET', `/api/cases?${tagged('&sort=urgency&limit=1')}&cursor=${cursor}`, { token: people.prosecutor.token })).status).toBe(200);
  });

  it.each([
    ['q', 'q='],
    ['q', 'q=%20%20'],
    ['q', `q=${'x'.repeat(201)}`],
    ['status', 'status=registered,unknown'],
    ['status', 'status=,'],
    ['facilityKind', 'facilityKind=castle'],
    ['overdue', 'overdue=yes'],
    ['assignedToMe', 'assignedToMe=1'],
    ['agencyId', 'agencyId=police'],
    ['sort', 'sort=oldest'],
    ['cursor', 'cursor=bm90IGEgY3Vyc29y'],
  ])('answers a bad %s (%s) with 400 naming it by a rule of the catalogue', async (field, query) => {
    const answer = await call('GET', `/api/cases?${query}`, { token: people.prosecutor.token });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION');
    expect(answer.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    for (const detail of answer.body.details) expect(Object.keys(ERROR_RULES)).toContain(detail.rule);
  });
});
