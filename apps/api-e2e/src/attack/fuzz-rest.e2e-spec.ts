import fc from 'fast-check';
import { Client as Database } from 'pg';
import { call, freshAddress, login } from '../support/api';
import { signInAll } from '../support/cases';
import { ApiDocument, changedTables, countRows, makeFixtures, pathOf, problems, type Fixtures, type Operation, type RowCounts } from '../support/openapi';
import { bodyOf, oddString, oddValue, SEED } from './support/arbitraries';
import { FULL, runs, serverAnswering, Tally } from './support/tally';

/*
 * Every REST operation that takes a JSON body, fed generated bodies (valid-ish, wrong types, odd
 * and huge strings, lone surrogates, nulls, deep nesting, extra keys) and raw text that is not
 * JSON: never 5xx, every error in the contract's shape, a refusal writes nothing, and the server
 * stays healthy.
 */

const LABEL = 'Zz attack fuzz';
const BODIES_PER_OPERATION = runs(6, 80);
const RAW_BODIES_PER_OPERATION = runs(3, 15);
const QUERIES_PER_OPERATION = runs(8, 120);

const tally = new Tally('fuzz-rest');
jest.setTimeout(FULL ? 600_000 : 120_000);
let doc: ApiDocument;
let fixtures: Fixtures;
/** Sessions that `POST /api/auth/logout` may end, one per probe. */
let leaving: string;
/** One connection for every count of rows, and the counts after the last refusal. */
let db: Database;
let counted: RowCounts | undefined;

const withBody = (operation: Operation) => operation.body !== undefined;
const name = (operation: Operation) => `${operation.method} ${operation.path}`;

/** Who asks: the admin for administration, the chief for the rest (the widest reach). */
function tokenFor(operation: Operation): string | undefined {
  if (operation.path.startsWith('/api/admin/')) return fixtures.people.admin.token;
  if (operation.path === '/api/auth/logout') return leaving;
  if (['/api/auth/login', '/api/auth/refresh'].includes(operation.path)) return undefined;
  return fixtures.people.chief.token;
}

/** Names other suites see sorted first keep a prefix that sorts them last. */
function sortedLast(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = Object.assign(Object.create(null), body);
  for (const key of ['name', 'displayName']) if (typeof copy[key] === 'string') copy[key] = `${LABEL} ${copy[key]}`;
  return copy;
}

/** Percent-encodes text as a client would; a lone surrogate as the three bytes it would take (which are not UTF-8). */
const percentEncoded = (text: string) =>
  text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (unit) => {
    const code = unit.charCodeAt(0);
    if (unit.length === 2 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(unit);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
  });

/** Sends one generated body and records what held; answers the failure, if any. */
async function attempt(operation: Operation, input: { body?: unknown; rawBody?: string }, what: string, expected?: number): Promise<object | undefined> {
  const before = counted ?? (await countRows(db));
  counted = undefined;
  const answer = await call(operation.method, pathOf(operation, fixtures.ids), {
    token: tokenFor(operation),
    rawBody: input.rawBody ?? JSON.stringify(input.body),
    headers: { 'x-forwarded-for': freshAddress('10.252') },
  });
  const found = problems(answer);
  if (expected !== undefined && answer.status !== expected) found.push(`expected ${expected}`);
  if (answer.status >= 400) {
    // Nothing was written: these counts are also the next attempt's "before".
    counted = await countRows(db);
    const changed = changedTables(before, counted);
    if (changed.length) found.push(`refused, yet wrote to ${changed.join(', ')}`);
  }
  const shown = (input.rawBody ?? JSON.stringify(input.body) ?? 'undefined').slice(0, 160);
  const failure = { request: name(operation), input: shown, status: answer.status, problems: found, answer: JSON.stringify(answer.body)?.slice(0, 200) };
  tally.record(what, !found.length, failure);
  return found.length ? failure : undefined;
}

beforeAll(async () => {
  await serverAnswering();
  const people = await signInAll();
  doc = await ApiDocument.read();
  fixtures = await makeFixtures(people, LABEL);
  leaving = (await login('prosecutor@demo.vigil')).accessToken;
  db = new Database({ connectionString: process.env['VIGIL_E2E_DATABASE_URL'] });
  await db.connect();
});

afterAll(async () => {
  tally.write();
  await db?.end();
  const admin = fixtures.people.admin.token;
  // Probes may rename the agency; other suites pick agencies by name order.
  await call('PATCH', `/api/admin/agencies/${fixtures.ids['agency']}`, { token: admin, body: { name: LABEL } });
  // A prosecutor the probes put on duty would join every case opened after: other suites count members.
  const listed = (await call('GET', '/api/admin/accounts', { token: admin })).body;
  for (const account of (Array.isArray(listed) ? listed : listed.items) as { id: string; email: string }[]) {
    if (!account.email.includes('attack-fuzz')) continue;
    await call('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { onDuty: false } });
    await call('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { disabled: true } });
  }
});

describe('fuzzing every REST body', () => {
  it('generates bodies for every operation that takes one', () => {
    expect(doc.operations.filter(withBody).length).toBeGreaterThan(20);
  });

  it('answers generated bodies with a result or an error in the contract shape, never 5xx, writing nothing on refusal', async () => {
    const failures: object[] = [];
    for (const [index, operation] of doc.operations.filter(withBody).entries()) {
      const bodies = fc.sample(bodyOf(doc, fixtures, operation.body!), { numRuns: BODIES_PER_OPERATION, seed: SEED + index });
      for (const body of bodies) {
        const failure = await attempt(operation, { body: sortedLast(body) }, 'generated JSON bodies');
        if (failure) failures.push(failure);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('answers bodies that are not JSON, or too big, with 400 or 413, never 5xx, writing nothing', async () => {
    const failures: object[] = [];
    // Not JSON: 400 `VALIDATION`; over the 100 KB (102,400 bytes) a JSON body may have: 413 `PAYLOAD_TOO_LARGE`.
    const raw = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.oneof(oddString.map((text) => `{"a":${text}`), fc.constantFrom('{', '{"a":1,}', "{'a':1}", '[1,2', 'undefined', '\u0000', '{"a":1}{"b":2}')), fc.constant(400)) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 110_000, max: 400_000 }).map((size) => JSON.stringify({ padding: 'x'.repeat(size) })), fc.constant(413)) },
    );
    for (const [index, operation] of doc.operations.filter((o) => o.method !== 'GET').entries()) {
      for (const [rawBody, status] of fc.sample(raw, { numRuns: RAW_BODIES_PER_OPERATION, seed: SEED + index })) {
        const check = status === 400 ? 'raw bodies that are not JSON: 400' : 'JSON bodies over 100 KB: 413';
        const failure = await attempt(operation, { rawBody }, check, status);
        if (failure) failures.push(failure);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('answers generated query strings (forged cursors among them) with a result or an error in the contract shape, never 5xx', async () => {
    const failures: object[] = [];
    const base64url = (text: string) => Buffer.from(text).toString('base64url');
    // A cursor is JSON in base64url: forgeries that decode, to the wrong shapes and values.
    const cursor = fc.oneof(
      fc.tuple(oddValue, oddValue).map((pair) => base64url(JSON.stringify(pair))),
      oddValue.map((value) => base64url(JSON.stringify(value) ?? 'undefined')),
      oddString.map(base64url),
      oddString,
    );
    // Node refuses a request line over 16 KB before Vigil sees it (431): values stay shorter.
    const value = fc
      .oneof(oddString, fc.integer().map(String), fc.constantFrom('-1', '0', '1.5', '1e308', '2147483648', 'NaN', '', 'true'), cursor)
      .filter((text) => text.length <= 1_000);
    for (const [index, operation] of doc.operations.filter((o) => o.method === 'GET' && o.queryParams.length).entries()) {
      const queries = fc.sample(fc.dictionary(fc.constantFrom(...operation.queryParams), fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), { minKeys: 1 }), {
        numRuns: QUERIES_PER_OPERATION,
        seed: SEED + index,
      });
      for (const query of queries) {
        const search = Object.entries(query)
          .flatMap(([key, values]) => [values].flat().map((v) => `${key}=${percentEncoded(v as string)}`))
          .join('&');
        const path = `${pathOf(operation, fixtures.ids)}?${search}`;
        const answer = await call('GET', path, { token: tokenFor(operation) });
        const found = problems(answer);
        const failure = { request: name(operation), status: answer.status, problems: found, answer: JSON.stringify(answer.body)?.slice(0, 200), query: JSON.stringify(query).slice(0, 200) };
        tally.record('generated query strings', !found.length, failure);
        if (found.length) failures.push(failure);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('is still healthy, and still answers as before', async () => {
    const health = await call('GET', '/api/health');
    const me = await call('GET', '/api/me', { token: fixtures.people.chief.token });
    tally.record('server healthy after fuzzing', health.status === 200 && me.status === 200, { health: health.status, me: me.status });
    expect([health.status, me.status]).toEqual([200, 200]);
  });
});
