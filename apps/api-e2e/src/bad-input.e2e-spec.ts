import type { Client as Database } from 'pg';
import { call, freshAddress, login, withDatabase, type Answer } from './support/api';
import { signInAll, upload, type Upload } from './support/cases';
import {
  ApiDocument,
  changedTables,
  countRows,
  makeFixtures,
  pathOf as filledPath,
  problems,
  UNKNOWN_ID,
  validBody as smallestBody,
  withField as setField,
  type FieldPath,
  type Fixtures,
  type Operation,
  type Schema,
} from './support/openapi';

/*
 * Every REST operation of the OpenAPI document, fed malformed input: the answer is never 5xx, an
 * error is always in the contract's shape, and a refused write leaves every table as it was.
 */

interface Probe {
  /** What was wrong with the request, for the failure message. */
  input: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The field a refusal must name (`details[].field`, or a field within it). */
  field?: string;
  /** The status the answer must have, when only one will do. */
  status?: number;
  /** Sent without credentials. */
  anonymous?: boolean;
}

let doc: ApiDocument;
let operations: Operation[];
/** A real id for each path parameter, so that only the part under test is wrong. */
let fixtures: Fixtures;
/** The one session that `POST /api/auth/logout` may end. */
let leaving: string;

const PROBE_NAME = 'Zz bad-input probe';
/** Sign-ins this suite fails on purpose come from a network of their own, which no other suite's throttling counts. */
const probeAddress = () => freshAddress('10.254');

const resolve = (schema: Schema) => doc.resolve(schema);
const validBody = (schema: Schema) => smallestBody(doc, fixtures, schema);
const withField = (schema: Schema, body: Record<string, unknown>, path: FieldPath, value: unknown) => setField(doc, fixtures, schema, body, path, value);
const pathOf = (operation: Operation, replace: Record<string, string> = {}) => filledPath(operation, fixtures.ids, replace);

/**
 * Nesting 5,000 deep, as JSON text: too deep for JSON.stringify's stack here, so a body holds this
 * marker in its place and is spelled out on the way (see `spelled`).
 */
const DEEP = '<an object nested 5,000 deep>';
const DEEP_JSON = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
const spelled = (body: unknown) => JSON.stringify(body).split(JSON.stringify(DEEP)).join(DEEP_JSON);

/** A value of each JSON type: each field gets those that are not its own. */
const OTHER_TYPES: [string, unknown][] = [
  ['a word', 'text'],
  ['a number', 42],
  ['true', true],
  ['null', null],
  ['an empty array', []],
  ['an array of text', ['text']],
  ['an object', { a: 'text' }],
];

/** Extremes that every field gets, whatever its type. */
const EXTREMES: [string, unknown][] = [
  ['an empty string', ''],
  ['100,000 characters', 'x'.repeat(100_000)],
  ['an object nested 5,000 deep', DEEP],
  ['unicode', 'Ωмега ✓ 𝄞 \u202e\ufeff'],
];

/** Further wrong values for a number: the extremes of JSON's. */
const WRONG_NUMBERS: [string, unknown][] = [
  ['a fraction', 1.5],
  ['-1', -1],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['2**53', 2 ** 53],
];

/** Further wrong values for a time: text that is not one, or almost. */
const WRONG_TIMES: [string, unknown][] = [
  ['not a date', 'not a date'],
  ['31 February', '2026-02-31T10:00:00Z'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59.999Z'],
  ['a six-digit year', '+275760-09-13T00:00:00Z'],
  ['24:00', '2026-01-01T24:00:00Z'],
  ['a date without a time', '2026-01-01'],
  ['an offset of +14:00', '2026-01-01T00:00:00+14:00'],
];

/** Further wrong values for an id: one of nothing. */
const WRONG_IDS: [string, unknown][] = [['an unknown UUID', UNKNOWN_ID]];

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The wrong values for a field: the other JSON types, the extremes, and what is special to its type. */
function wrongValuesFor(schema: Schema): [string, unknown][] {
  const resolved = resolve(schema);
  const declared = resolved.type === 'integer' ? 'number' : (resolved.type ?? 'object');
  // Not every string will do where the field takes only some (a choice, an id, a time).
  const anyString = declared === 'string' && !resolved.enum && !resolved.format;
  const others = OTHER_TYPES.filter(([, value]) => typeOf(value) !== declared || (declared === 'string' && !anyString));
  const special = declared === 'number' ? WRONG_NUMBERS : resolved.format === 'date-time' ? WRONG_TIMES : resolved.format === 'uuid' ? WRONG_IDS : [];
  return [...others, ...EXTREMES, ...special];
}

/** Path segments that are not ids (already URL-encoded, as a client would send them). */
const BAD_IDS: [string, string][] = [
  ['a word', 'not-a-uuid'],
  ['a number', '42'],
  ['-1', '-1'],
  ['1e308', '1e308'],
  ['4,000 characters', 'x'.repeat(4000)],
  ['%00', '%00'],
  ['a UUID and %00', `${UNKNOWN_ID}%00`],
  ['a UUID and a space', `${UNKNOWN_ID}%20`],
  ['unicode', encodeURIComponent('ünïcødé-✓-𝄞')],
  ['a broken escape', '%E0%A4%A'],
  ['a lone %', '%'],
  ['an encoded slash', '..%2F..%2Fetc'],
  ['null', 'null'],
  ['an object', encodeURIComponent('{}')],
];

/** Query values of the wrong type (already URL-encoded). */
const BAD_QUERY_VALUES: [string, string][] = [
  ['a word', 'abc'],
  ['empty', ''],
  ['-1', '-1'],
  ['a fraction', '1.5'],
  ['1e308', '1e308'],
  ['-1e308', '-1e308'],
  ['2**53 + 1', '9007199254740993'],
  ['2**31', '2147483648'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['hexadecimal', '0x10'],
  ['true', 'true'],
  ['%00', '%00'],
  ['4,000 characters', 'x'.repeat(4000)],
  ['unicode', encodeURIComponent('ünï ✓ 𝄞')],
  ['not a date', 'not%20a%20date'],
];

/** Credentials that are not credentials (header values are Latin-1 only: no U+0000 or unicode here). */
const BAD_AUTHORIZATIONS: [string, string][] = [
  ['an empty bearer', 'Bearer '],
  ['a bearer of 4,000 characters', `Bearer ${'x'.repeat(4000)}`],
  ['a bearer of three dots', 'Bearer ...'],
  ['a bearer of three parts of garbage', 'Bearer a.b.c'],
  ['a JWT signed with "none"', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`],
  ['basic credentials', `Basic ${Buffer.from('chief@demo.vigil:vigil-demo').toString('base64')}`],
];
const BAD_REFRESH_COOKIES: [string, string][] = [
  ['empty', 'vigil_refresh='],
  ['%00', 'vigil_refresh=%00'],
  ['a broken escape', 'vigil_refresh=%E0%A4%A'],
  ['4,000 characters', `vigil_refresh=${'x'.repeat(4000)}`],
  ['a UUID', `vigil_refresh=${UNKNOWN_ID}`],
  ['twice', 'vigil_refresh=a; vigil_refresh=b'],
];

/** Bodies that are not the object an operation expects. */
const BAD_BODIES: [string, { body?: unknown; rawBody?: string }][] = [
  ['an array', { body: [] }],
  ['an array of objects', { body: [{}] }],
  ['a string', { body: 'text' }],
  ['a number', { body: 42 }],
  ['null', { body: null }],
  ['true', { body: true }],
  ['an empty object', { body: {} }],
  ['an object nested 5,000 deep', { rawBody: DEEP_JSON }],
  ['an array nested 5,000 deep', { rawBody: `${'['.repeat(5000)}${']'.repeat(5000)}` }],
  ['a __proto__ key', { rawBody: '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}' }],
  ['malformed JSON', { rawBody: '{"a":' }],
  ['an empty body', { rawBody: '' }],
  ['200,000 characters', { body: 'x'.repeat(200_000) }],
];

/**
 * Bodies that no operation can read, and the one answer each gets on every route, before the route
 * (or authentication) is reached: a 404 here was the web app's fallback answering for the API.
 */
const UNREADABLE_BODIES: [string, Pick<Probe, 'rawBody' | 'headers'>, { status: number; field: string }][] = [
  ['malformed JSON', { rawBody: '{"a":' }, { status: 400, field: 'body' }],
  ['an unquoted key', { rawBody: '{a:1}' }, { status: 400, field: 'body' }],
  ['a trailing comma', { rawBody: '{"a":1,}' }, { status: 400, field: 'body' }],
  ['a bare null', { rawBody: 'null' }, { status: 400, field: 'body' }],
  ['a bare string', { rawBody: '"x"' }, { status: 400, field: 'body' }],
  ['a bare number', { rawBody: '1' }, { status: 400, field: 'body' }],
  ['an array', { rawBody: '[{}]' }, { status: 400, field: 'body' }],
  ['a plain body marked gzip', { rawBody: '{}', headers: { 'content-encoding': 'gzip' } }, { status: 400, field: 'content-encoding' }],
  ['a form', { rawBody: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, { status: 400, field: 'content-type' }],
  ['plain text', { rawBody: '{}', headers: { 'content-type': 'text/plain' } }, { status: 400, field: 'content-type' }],
  ['JSON in Latin-1', { rawBody: '{}', headers: { 'content-type': 'application/json; charset=latin1' } }, { status: 400, field: 'content-type' }],
  ['200,000 characters', { rawBody: JSON.stringify({ a: 'x'.repeat(200_000) }) }, { status: 413, field: 'body' }],
];

/** Who asks: the admin for administration, the session kept for it for logout, the chief for the rest. */
function tokenFor(operation: Operation): string | undefined {
  if (operation.path.startsWith('/api/admin/')) return fixtures.people.admin.token;
  if (operation.path === '/api/auth/logout') return leaving;
  if (['/api/auth/login', '/api/auth/refresh', '/api/health'].includes(operation.path)) return undefined;
  return fixtures.people.chief.token;
}

/** Whether one field is the other or holds it (`facility` and `facility.kind`). */
const related = (a: string, b: string) => `${a}.`.startsWith(`${b}.`) || `${b}.`.startsWith(`${a}.`);
/** Whether a refusal names `field`, a field within it, or one that holds it. */
const names = (answer: Answer, field: string) => (answer.body.details ?? []).some((detail: { field: string }) => related(detail.field, field));

/** One probe's request, from the operation's caller unless the probe brings its own credentials (or goes without). */
const send = (operation: Operation, { path, body, rawBody, headers, anonymous }: Probe) =>
  call(operation.method, path, {
    token: anonymous || headers?.['authorization'] || headers?.['cookie'] ? undefined : tokenFor(operation),
    rawBody: body === undefined ? rawBody : spelled(body),
    headers: { 'x-forwarded-for': probeAddress(), ...headers },
  });

/**
 * Sends each probe and returns those answered wrongly, with the operation and the input named, so
 * that one failing assertion lists them all. A refused write must leave every table as it was.
 */
async function probe(operation: Operation, probes: Probe[]): Promise<object[]> {
  const failures: object[] = [];
  const writes = operation.method !== 'GET';
  await withDatabase(async (db: Database) => {
    for (const each of probes) {
      const before = writes ? await countRows(db) : undefined;
      const answer = await send(operation, each);
      const found = problems(answer);
      if (each.status !== undefined && answer.status !== each.status) found.push(`answered ${answer.status}, not ${each.status}`);
      if (each.field !== undefined && answer.status === (each.status ?? 400) && !names(answer, each.field)) found.push(`does not name ${each.field}`);
      if (before && answer.status >= 400) {
        const changed = changedTables(before, await countRows(db));
        if (changed.length) found.push(`refused, yet wrote to ${changed.join(', ')}`);
      }
      if (found.length) {
        const shown = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        failures.push({ request: `${operation.method} ${operation.path}`, input: each.input, status: answer.status, problems: found, answer: shown?.slice(0, 300) });
      }
    }
  });
  return failures;
}

beforeAll(async () => {
  const people = await signInAll();
  leaving = (await login('prosecutor@demo.vigil')).accessToken;
  doc = await ApiDocument.read();
  operations = doc.operations;
  fixtures = await makeFixtures(people, PROBE_NAME);
});

afterAll(async () => {
  // Probes may rename the agency; other suites pick agencies by name order.
  await call('PATCH', `/api/admin/agencies/${fixtures.ids['agency']}`, { token: fixtures.people.admin.token, body: { name: PROBE_NAME } });
});

describe('malformed input to every REST operation', () => {
  it('reads the operations from the OpenAPI document, with a real id for every path parameter', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((operation) => pathOf(operation).includes('undefined')).map((operation) => operation.path)).toEqual([]);
  });

  it('answers path ids that are not ids with an error, never 5xx', async () => {
    const failures = [];
    for (const operation of operations) {
      const probes = operation.pathParams.flatMap((name) => BAD_IDS.map(([what, value]) => ({ input: `path ${name} = ${what}`, path: pathOf(operation, { [name]: value }) })));
      failures.push(...(await probe(operation, probes)));
    }
    expect(failures).toEqual([]);
  });

  it('answers query parameters of the wrong type, repeated or unknown with an error, never 5xx', async () => {
    const failures = [];
    for (const operation of operations) {
      const path = pathOf(operation);
      const declared = operation.queryParams.flatMap((name) => [
        ...BAD_QUERY_VALUES.map(([what, value]) => ({ input: `query ${name} = ${what}`, path: `${path}?${name}=${value}` })),
        { input: `query ${name} repeated`, path: `${path}?${name}=1&${name}=2` },
        { input: `query ${name} as an object`, path: `${path}?${name}[a]=1` },
      ]);
      const unknown = [
        { input: 'an unknown query parameter, repeated', path: `${path}?unknown=1&unknown=2` },
        { input: 'a query parameter named %00', path: `${path}?%00=1` },
      ];
      failures.push(...(await probe(operation, [...declared, ...unknown])));
    }
    expect(failures).toEqual([]);
  });

  it('answers bodies that are not the expected object with an error, never 5xx', async () => {
    const failures = [];
    // Those that take no body get one too; GET cannot carry one.
    for (const operation of operations.filter((o) => o.method !== 'GET')) {
      const probes = BAD_BODIES.map(([what, body]) => ({ input: `body = ${what}`, path: pathOf(operation), ...body }));
      failures.push(...(await probe(operation, probes)));
    }
    expect(failures).toEqual([]);
  });

  it('answers bodies it cannot read with 400 or 413 naming what is wrong, signed in or not, never 404 or 5xx', async () => {
    const failures = [];
    for (const operation of operations.filter((o) => o.method !== 'GET')) {
      const probes = UNREADABLE_BODIES.flatMap(([what, request, expected]) =>
        [false, true].map((anonymous) => ({ input: `body = ${what}${anonymous ? ', signed out' : ''}`, path: pathOf(operation), ...request, ...expected, anonymous })),
      );
      failures.push(...(await probe(operation, probes)));
    }
    expect(failures).toEqual([]);
  });

  it('answers each declared field given a wrong value with an error naming it, never 5xx', async () => {
    const failures = [];
    for (const operation of operations.filter((o) => o.body)) {
      const schema = operation.body as Schema;
      const valid = validBody(schema);
      // A refusal names the field under test, unless the body is refused without it (by a rule
      // across fields, such as a criminal route's article) and may name another.
      const refusedAnyway = (await send(operation, { input: 'the smallest valid body', path: pathOf(operation), body: valid })).status === 400;
      const probes = doc.fields(schema).flatMap(([field, fieldSchema]) =>
        wrongValuesFor(fieldSchema).map(([what, value]) => ({
          input: `body.${field.join('.')} = ${what}`,
          path: pathOf(operation),
          body: withField(schema, valid, field, value),
          field: refusedAnyway ? undefined : field.join('.'),
        })),
      );
      failures.push(...(await probe(operation, probes)));
    }
    expect(failures).toEqual([]);
  });

  it('answers a body whose every declared field is wrong at once with an error, never 5xx', async () => {
    const failures = [];
    for (const operation of operations.filter((o) => o.body)) {
      const names = Object.keys(resolve(operation.body as Schema).properties ?? {});
      const probes = [...OTHER_TYPES, ...EXTREMES, ...WRONG_NUMBERS, ...WRONG_TIMES].map(([what, value]) => ({
        input: `every field = ${what}`,
        path: pathOf(operation),
        body: Object.fromEntries(names.map((name) => [name, value])),
      }));
      failures.push(...(await probe(operation, probes)));
    }
    expect(failures).toEqual([]);
  });

  it('answers credentials that are not credentials with an error, never 5xx', async () => {
    const failures = [];
    for (const operation of operations) {
      const authorizations = BAD_AUTHORIZATIONS.map(([what, value]) => ({ input: `authorization = ${what}`, path: pathOf(operation), headers: { authorization: value } }));
      const cookies = BAD_REFRESH_COOKIES.map(([what, value]) => ({ input: `refresh cookie = ${what}`, path: pathOf(operation), headers: { cookie: value } }));
      failures.push(...(await probe(operation, operation.path === '/api/auth/refresh' ? cookies : authorizations)));
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed uploads with an error, never 5xx', async () => {
    const { people, ids } = fixtures;
    const evidence = `/api/cases/${ids['case']}/evidence`;
    const send = (file: Upload | null, fields: Record<string, string>) => () => upload(people.chief, ids['case'], file, fields);
    const raw = (contentType: string, rawBody: string) => () => call('POST', evidence, { token: people.chief.token, rawBody, headers: { 'content-type': contentType } });
    const file: Upload = { bytes: Buffer.from('Probe protocol\n'), name: 'probe.txt', type: 'text/plain' };
    const cases: [string, () => Promise<Answer>][] = [
      ['no file', send(null, { title: 'Probe' })],
      ['no title', send(file, {})],
      ['the file in another field', send({ ...file, field: 'other' }, { title: 'Probe' })],
      ['a text part named file besides the file', send(file, { title: 'Probe', file: 'text' })],
      ['a title of 100,000 characters', send(file, { title: 'x'.repeat(100_000) })],
      ['collectedAt not a date', send(file, { title: 'Probe', collectedAt: 'not a date' })],
      ['collectedAt in year 0', send(file, { title: 'Probe', collectedAt: '0000-01-01T00:00:00Z' })],
      ['an unknown field', send(file, { title: 'Probe', unknown: '1' })],
      ['a file name with U+0000', send({ ...file, name: 'probe\u0000.txt' }, { title: 'Probe' })],
      ['an empty file', send({ ...file, bytes: Buffer.alloc(0) }, { title: 'Probe' })],
      ['multipart without a boundary', raw('multipart/form-data', 'title=Probe')],
      ['a multipart body that never ends', raw('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nProbe')],
      ['plain text', raw('text/plain', 'Probe')],
    ];
    const failures = [];
    for (const [input, request] of cases) {
      const answer = await request();
      const found = problems(answer);
      if (found.length) failures.push({ request: `POST ${evidence}`, input, status: answer.status, problems: found, answer: JSON.stringify(answer.body).slice(0, 300) });
    }
    expect(failures).toEqual([]);
  });
});
