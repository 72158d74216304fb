import type { Role as ContractRole } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { createAccount } from '../support/accounts';
import { call, freshAddress, login, type Answer } from '../support/api';
import { openCase, signInAll, upload, type Role } from '../support/cases';
import { ApiDocument, caseFixtures, idParameterOf, makeFixtures, meetingFixtures, pathOf, problems, validBody, type Fixtures, type Operation } from '../support/openapi';
import { expectedAnswer, RULES, type Expected, type IdKind } from './support/policy';
import { serverAnswering, Tally } from './support/tally';

/*
 * Every operation of the OpenAPI document, as every role and as nobody, with the path's id a case
 * (or record) of the caller's own, someone else's, an unknown UUID and no UUID at all: each answer
 * is what the policy table says, never 5xx, and the refusals say nothing about whether the id exists.
 */

const LABEL = 'Zz attack matrix';
const ROLES: ContractRole[] = ['prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer', 'admin'];
const PERSON_OF: Record<ContractRole, Role> = {
  prosecutor: 'prosecutor',
  chief_prosecutor: 'chief',
  police: 'police',
  ombudsman: 'ombudsman',
  observer: 'observer',
  admin: 'admin',
};
const NOT_A_UUID = 'not-a-uuid';

const tally = new Tally('matrix');
// About 1,300 requests: a minute or more on a busy machine.
jest.setTimeout(300_000);
let doc: ApiDocument;
let own: Fixtures;
/** Ids in a case that only the chief (who supervises all) and its creator know. */
let foreign: Record<string, string>;
/** A session per role that `POST /api/auth/logout` may end. */
const leaving = new Map<ContractRole, string>();

const ruleOf = (operation: Operation) => RULES[`${operation.method} ${operation.path}`];
const tested = (operation: Operation) => ruleOf(operation)?.scope !== 'public';

function idsFor(operation: Operation, kind: IdKind): Record<string, string> {
  const first = operation.pathParams[0];
  switch (kind) {
    case 'foreign':
      return { ...own.ids, ...foreign };
    case 'random':
      return { ...own.ids, [first === 'id' ? idParameterOf(operation.path) : first]: randomUUID() };
    case 'non-uuid':
      return { ...own.ids, [first === 'id' ? idParameterOf(operation.path) : first]: NOT_A_UUID };
    default:
      return own.ids;
  }
}

function kindsOf(operation: Operation): IdKind[] {
  if (!operation.pathParams.length) return ['none'];
  return ruleOf(operation).scope === 'case' ? ['own', 'foreign', 'random', 'non-uuid'] : ['own', 'random', 'non-uuid'];
}

function tokenOf(role: ContractRole | 'anonymous', operation: Operation): string | undefined {
  if (role === 'anonymous') return undefined;
  if (operation.path === '/api/auth/logout') return leaving.get(role);
  return own.people[PERSON_OF[role]].token;
}

/** Bodies that the smallest valid one would not do for (a criminal route needs an article). */
const VALID_BODIES: Record<string, object> = {
  'POST /api/cases/{id}/responsible/{responsibleId}/routes': { route: 'disciplinary' },
  // At least one item (which, not being the whole agenda, the chair hears is incomplete).
  'PUT /api/meetings/{id}/agenda': { itemIds: [randomUUID()] },
};

/** One request of the matrix: a valid body, so that only who asks and which id decide the answer. */
async function send(operation: Operation, role: ContractRole | 'anonymous', path: string): Promise<Answer> {
  const token = tokenOf(role, operation);
  if (operation.method === 'POST' && operation.path === '/api/cases/{id}/evidence') {
    const caseId = path.split('/')[3];
    return upload({ id: '', displayName: '', token: token ?? '' }, caseId, { bytes: Buffer.from('Matrix protocol\n'), name: 'matrix.txt', type: 'text/plain' }, { title: 'Matrix' });
  }
  const body = VALID_BODIES[`${operation.method} ${operation.path}`] ?? (operation.body ? validBody(doc, own, operation.body) : undefined);
  if (body && 'clientId' in body) (body as Record<string, unknown>)['clientId'] = randomUUID();
  const answer = await call(operation.method, path, { token, body, headers: { 'x-forwarded-for': freshAddress('10.253') } });
  if (operation.method !== 'GET' && answer.status < 300 && path.startsWith('/api/cases/')) await keepMembership();
  return answer;
}

/**
 * Puts the two cases' members back as the matrix needs them after a write that may have changed
 * them (adding or removing a member, dispatching a prosecutor): every role but the chief in the
 * own case; only the chief, who supervises, in the foreign one.
 */
async function keepMembership(): Promise<void> {
  const chief = own.people.chief.token;
  const membersOf = async (caseId: string) => ((await call('GET', `/api/cases/${caseId}`, { token: chief })).body.members as { userId: string }[]).map((m) => m.userId);
  const ownMembers = await membersOf(own.ids['case']);
  for (const role of ['prosecutor', 'police', 'ombudsman', 'observer'] as const) {
    const id = own.people[role].id;
    if (!ownMembers.includes(id)) await call('POST', `/api/cases/${own.ids['case']}/members`, { token: chief, body: { userId: id } });
  }
  for (const id of await membersOf(foreign['case'])) {
    if (id !== own.people.chief.id) await call('DELETE', `/api/cases/${foreign['case']}/members/${id}`, { token: chief });
  }
}

const meets = (answer: Answer, expected: Expected) =>
  expected === 'allowed' ? answer.status < 500 && ![401, 403, 404].includes(answer.status) : expected.includes(answer.status);
const described = (expected: Expected) => (expected === 'allowed' ? 'to be allowed' : `expected ${expected.join(' or ')}`);
const shown = (answer: Answer) => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))?.slice(0, 200);

beforeAll(async () => {
  await serverAnswering();
  const people = await signInAll();
  doc = await ApiDocument.read();
  own = await makeFixtures(people, LABEL, [people.police, people.ombudsman, people.observer]);
  const other = await openCase(people.chief, people.chief);
  // The one member of that case a path may name is the chief: the prosecutor on duty leaves it.
  foreign = { ...(await caseFixtures(people, other.id)), userId: people.chief.id };
  // A meeting only the chief knows of (supervising all): a prosecutor of the fixture's own agency
  // chairs it alone, and its action item goes to that agency.
  const chair = await createAccount(people.admin.token, {
    email: 'zz-attack-matrix-chair@probe.test',
    displayName: `${LABEL} chair`,
    password: 'probe-password',
    role: 'prosecutor',
    agencyId: own.ids['agency'],
  });
  if (chair.status !== 201) throw new Error(`the foreign meeting's chair: ${chair.status} ${JSON.stringify(chair.body)}`);
  const probe = await login('zz-attack-matrix-chair@probe.test', 'probe-password');
  Object.assign(foreign, await meetingFixtures(probe.accessToken, [], own.ids['agency']));
  await keepMembership();
  for (const role of ROLES) leaving.set(role, (await login(`${PERSON_OF[role]}@demo.vigil`)).accessToken);
});

afterAll(() => tally.write());

describe('the role × operation × id matrix', () => {
  it('knows the rule of every operation of the OpenAPI document', () => {
    expect(doc.operations.filter((operation) => !ruleOf(operation)).map((operation) => `${operation.method} ${operation.path}`)).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !doc.operations.some((operation) => `${operation.method} ${operation.path}` === key))).toEqual([]);
  });

  it('answers every operation, as every role and as nobody, with every kind of id, as the policy says', async () => {
    const wrong: object[] = [];
    for (const operation of doc.operations.filter(tested)) {
      for (const role of [...ROLES, 'anonymous' as const]) {
        const refusals: Partial<Record<IdKind, string>> = {};
        // Nobody signed in learns nothing of any id: one kind of id shows it.
        for (const kind of role === 'anonymous' ? kindsOf(operation).slice(0, 1) : kindsOf(operation)) {
          const path = pathOf(operation, idsFor(operation, kind));
          const answer = await send(operation, role, path);
          const expected = expectedAnswer(role, ruleOf(operation), kind);
          const found = problems(answer);
          if (!meets(answer, expected)) found.push(described(expected));
          const request = `${operation.method} ${operation.path}`;
          const failure = { request, as: role, id: kind, status: answer.status, problems: found, answer: shown(answer) };
          tally.record(`${role === 'anonymous' ? 'anonymous' : 'signed in'}: answers as the policy says`, !found.length, failure);
          if (found.length) wrong.push(failure);
          if (kind !== 'own' && kind !== 'none' && answer.status === 404) refusals[kind] = JSON.stringify(answer.body);
        }
        // Whether a case exists is nobody's business but its members': the same answer, to the byte.
        const request = `${operation.method} ${operation.path}`;
        if (refusals.foreign && refusals.random && expectedAnswer(role, ruleOf(operation), 'foreign') !== 'allowed') {
          const failure = { request, as: role, foreign: refusals.foreign, random: refusals.random };
          tally.record("the same 404 for others' cases and unknown ids", refusals.foreign === refusals.random, failure);
          if (refusals.foreign !== refusals.random) wrong.push(failure);
        }
        if (refusals['non-uuid'] && refusals.random) {
          const failure = { request, as: role, 'non-uuid': refusals['non-uuid'], random: refusals.random };
          tally.record('the same 404 for ids that are no UUID as for unknown ones', refusals['non-uuid'] === refusals.random, failure);
          if (refusals['non-uuid'] !== refusals.random) wrong.push(failure);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers an unknown or malformed id of a record within a case 404, like an unknown case', async () => {
    const wrong: object[] = [];
    for (const operation of doc.operations.filter((o) => tested(o) && o.pathParams.length > 1)) {
      for (const role of ROLES) {
        const expected = expectedAnswer(role, ruleOf(operation), 'own');
        for (const param of operation.pathParams.slice(1)) {
          for (const value of [randomUUID(), NOT_A_UUID]) {
            const answer = await send(operation, role, pathOf(operation, own.ids, { [param]: value }));
            // Who may not do it at all may hear so (403); nobody learns whether the record exists.
            const allowed = expected !== 'allowed' && expected.includes(403) ? [403, 404] : [404];
            const found = problems(answer);
            if (!allowed.includes(answer.status)) found.push(described(allowed));
            const failure = { request: `${operation.method} ${operation.path}`, as: role, [param]: value, status: answer.status, problems: found, answer: shown(answer) };
            tally.record('unknown or malformed records within a case: 404', !found.length, failure);
            if (found.length) wrong.push(failure);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
