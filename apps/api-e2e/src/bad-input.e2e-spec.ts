import { ERROR_STATUS, type ErrorCode, type Me } from '@vigil/contracts';
import type { Client as Database } from 'pg';
import { createAccount } from './support/accounts';
import { call, freshAddress, login, withDatabase, type Answer } from './support/api';
import { openCase, signInAll, upload, type Person, type Role, type Upload } from './support/cases';

/*
 * Every REST operation of the OpenAPI document, fed malformed input: the answer is never 5xx, an
 * error is always in the contract's shape, and a refused write leaves every table as it was.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
}

interface Operation {
  method: string;
  /** As documented, e.g. `/api/cases/{id}/tasks/{taskId}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON body's schema, if the operation takes one (an upload's multipart body is probed apart). */
  body?: Schema;
}

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

let people: Record<Role, Person>;
let schemas: Record<string, Schema>;
let operations: Operation[];
/** A real id for each path parameter, so that only the part under test is wrong. */
let ids: Record<string, string>;
/** The one session that `POST /api/auth/logout` may end. */
let leaving: string;

const PROBE_NAME = 'Zz bad-input probe';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const nextWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();
/** Sign-ins this suite fails on purpose come from a network of their own, which no other suite's throttling counts. */
const probeAddress = () => freshAddress('10.254');

const resolve = (schema: Schema): Schema => {
  if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
};

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

/** A valid value for a field, from its schema and name: real ids where an id must exist. */
function validValue(schema: Schema, name: string): unknown {
  const resolved = resolve(schema);
  if (resolved.enum) return resolved.enum[0];
  switch (resolved.type) {
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'array':
      return [];
    case 'object':
      return validBody(resolved);
  }
  if (resolved.format === 'uuid') {
    if (/agencyId$/i.test(name)) return ids['agency'];
    if (name === 'prosecutorId') return people.prosecutor.id;
    if (/userId$/i.test(name)) return people.observer.id;
    if (name === 'placeId') return ids['place'];
    return UNKNOWN_ID;
  }
  if (resolved.format === 'date-time') return name === 'dueAt' ? nextWeek() : anHourAgo();
  if (name === 'email') return 'zz-bad-input-probe@probe.test';
  return PROBE_NAME;
}

/** The smallest valid body: the required fields only. */
function validBody(schema: Schema): Record<string, unknown> {
  const resolved = resolve(schema);
  return Object.fromEntries((resolved.required ?? []).map((name) => [name, validValue(resolved.properties?.[name] ?? {}, name)]));
}

type FieldPath = (string | number)[];

/** Every declared field at any depth with its schema, as a path of keys (an array's first item included). */
function fields(schema: Schema, prefix: FieldPath = []): [FieldPath, Schema][] {
  const resolved = resolve(schema);
  if (resolved.type === 'array' && resolved.items) return [[[...prefix, 0], resolved.items], ...fields(resolved.items, [...prefix, 0])];
  return Object.entries(resolved.properties ?? {}).flatMap(([name, property]): [FieldPath, Schema][] => [[[...prefix, name], property], ...fields(property, [...prefix, name])]);
}

/**
 * A copy of `body` with the field at `path` set to `value`; an object on the way that the body
 * leaves out is made up valid, so that only the field under test is wrong.
 */
function withField(schema: Schema, body: Record<string, unknown>, path: FieldPath, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let target: any = copy;
  let within = resolve(schema);
  path.slice(0, -1).forEach((key) => {
    within = resolve((typeof key === 'number' ? within.items : within.properties?.[key]) ?? {});
    target[key] ??= validValue(within, String(key));
    target = target[key];
  });
  target[path[path.length - 1]] = value;
  return copy;
}

/** Fills the documented path with real ids, replacing the parameters given. */
function pathOf(operation: Operation, replace: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (name in replace) return replace[name];
    if (name !== 'id') return ids[name];
    // `{id}` is whatever the path is about.
    if (operation.path.startsWith('/api/admin/agencies')) return ids['agency'];
    if (operation.path.startsWith('/api/admin/accounts')) return ids['account'];
    if (operation.path.startsWith('/api/places')) return ids['place'];
    if (operation.path.startsWith('/api/agencies/')) return ids['agency'];
    if (operation.path.startsWith('/api/role-grants/')) return ids['grant'];
    return ids['case'];
  });
}

/** Who asks: the admin for administration, the session kept for it for logout, the chief for the rest. */
function tokenFor(operation: Operation): string | undefined {
  if (operation.path.startsWith('/api/admin/')) return people.admin.token;
  if (operation.path === '/api/auth/logout') return leaving;
  if (['/api/auth/login', '/api/auth/refresh', '/api/health'].includes(operation.path)) return undefined;
  return people.chief.token;
}

/** What is wrong with an answer, or nothing: never 5xx, and every error in the contract's shape. */
function problems(answer: Answer): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}`];
  if (answer.status < 400) return [];
  const body = answer.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['the error is not an object'];
  const found: string[] = [];
  if (body.statusCode !== answer.status) found.push('statusCode differs from the status');
  if (ERROR_STATUS[body.code as ErrorCode] !== answer.status) found.push(`code ${body.code} does not go with ${answer.status}`);
  if (typeof body.message !== 'string' || !body.message) found.push('no message');
  const extra = Object.keys(body).filter((key) => !['statusCode', 'code', 'message', 'details'].includes(key));
  if (extra.length) found.push(`unexpected keys ${extra.join(', ')}`);
  if (body.details !== undefined) {
    if (!Array.isArray(body.details)) found.push('details is not an array');
    else if (!body.details.every((d: any) => typeof d?.field === 'string' && typeof d?.message === 'string' && d.message)) found.push('a detail without field and message');
  }
  return found;
}

/** Whether one field is the other or holds it (`facility` and `facility.kind`). */
const related = (a: string, b: string) => `${a}.`.startsWith(`${b}.`) || `${b}.`.startsWith(`${a}.`);
/** Whether a refusal names `field`, a field within it, or one that holds it. */
const names = (answer: Answer, field: string) => (answer.body.details ?? []).some((detail: { field: string }) => related(detail.field, field));

const COUNTED_TABLES = [
  'accounts',
  'agencies',
  'units',
  'role_grants',
  'cases',
  'case_events',
  'case_intakes',
  'case_members',
  'case_reads',
  'case_tasks',
  'case_visits',
  'custody_entries',
  'evidence',
  'examinations',
  'messages',
  'places',
  'remedial_measures',
  'responsibility_routes',
  'responsible_parties',
  'victim_remedies',
];
/**
 * Rows each probe may not add. The visit clock appends deadline alerts to any overdue case on its
 * own schedule, whatever the probes do: those rows are not the probe's, so they are not counted.
 */
const WRITTEN_BY_PROBES: Partial<Record<(typeof COUNTED_TABLES)[number], string>> = { case_events: `type NOT LIKE 'visit.deadline_%'` };
const COUNT_ROWS = `SELECT ${COUNTED_TABLES.map((table) => `(SELECT count(*) FROM ${table}${WRITTEN_BY_PROBES[table] ? ` WHERE ${WRITTEN_BY_PROBES[table]}` : ''})::int AS ${table}`).join(', ')}`;

/** One probe's request, from the operation's caller unless the probe brings its own credentials (or goes without: `token: null`). */
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
      const before = writes ? (await db.query(COUNT_ROWS)).rows[0] : undefined;
      const answer = await send(operation, each);
      const found = problems(answer);
      if (each.status !== undefined && answer.status !== each.status) found.push(`answered ${answer.status}, not ${each.status}`);
      if (each.field !== undefined && answer.status === (each.status ?? 400) && !names(answer, each.field)) found.push(`does not name ${each.field}`);
      if (before && answer.status >= 400) {
        const after = (await db.query(COUNT_ROWS)).rows[0];
        const changed = COUNTED_TABLES.filter((table) => after[table] !== before[table]);
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
  people = await signInAll();
  leaving = (await login('prosecutor@demo.vigil')).accessToken;
  const doc = (await call('GET', '/api/docs/json')).body;
  schemas = doc.components.schemas;
  operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => {
      const parameters: { name: string; in: string }[] = spec.parameters ?? [];
      const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
      return { method: method.toUpperCase(), path, pathParams: named('path'), queryParams: named('query'), body: spec.requestBody?.content?.['application/json']?.schema };
    }),
  );

  // The things the paths name, made for this suite so that whatever a probe changes is its own.
  const admin = people.admin.token;
  const chief = people.chief.token;
  const created = async (answer: Promise<Answer>) => {
    const { status, body } = await answer;
    if (status !== 201) throw new Error(`fixture: ${status} ${JSON.stringify(body)}`);
    return body.id as string;
  };
  const policeAgency = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
  const agency = await created(call('POST', '/api/admin/agencies', { token: admin, body: { name: PROBE_NAME, kind: 'prosecutor' } }));
  const account = await created(
    createAccount(admin, { email: 'zz-bad-input-account@probe.test', displayName: PROBE_NAME, password: 'probe-password', role: 'prosecutor', agencyId: agency }),
  );
  const unit = await created(call('POST', `/api/admin/agencies/${agency}/units`, { token: admin, body: { name: PROBE_NAME } }));
  // A grant still pending, for the probes of a decision.
  const grant = (await call('PATCH', `/api/admin/accounts/${account}`, { token: admin, body: { role: 'chief_prosecutor' } })).body.pendingGrant.id as string;
  const place = await created(call('POST', '/api/places', { token: chief, body: { name: PROBE_NAME, kind: 'police_station', address: 'Invented Street 1', cctv: false } }));
  const kase = (await openCase(people.prosecutor, people.prosecutor, [people.observer])).id;
  const on = (path: string, body: object) => created(call('POST', `/api/cases/${kase}${path}`, { token: chief, body }));
  const task = await on('/tasks', { kind: 'other', title: 'Probe task', assigneeAgencyId: policeAgency, dueAt: nextWeek() });
  const examination = await on('/examinations', {
    type: 'forensic_medical',
    institution: 'Invented Forensic Centre',
    dueAt: nextWeek(),
    consent: { given: true, recordedAt: anHourAgo() },
  });
  const responsible = await on('/responsible', { kind: 'person', name: 'Invented Officer' });
  const route = await on(`/responsible/${responsible}/routes`, { route: 'disciplinary' });
  const measure = await on('/measures', { cause: 'Invented cause', act: 'warning', description: 'Invented measure', dueAt: nextWeek() });
  const evidence = await upload(people.chief, kase, { bytes: Buffer.from('Probe protocol\n'), name: 'probe.txt', type: 'text/plain' }, { title: 'Probe' });
  ids = {
    agency,
    account,
    unitId: unit,
    grant,
    place,
    case: kase,
    userId: people.observer.id,
    taskId: task,
    examinationId: examination,
    responsibleId: responsible,
    routeId: route,
    measureId: measure,
    evidenceId: evidence.body.id,
  };
});

afterAll(async () => {
  // Probes may rename the agency; other suites pick agencies by name order.
  await call('PATCH', `/api/admin/agencies/${ids['agency']}`, { token: people.admin.token, body: { name: PROBE_NAME } });
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
      const probes = fields(schema).flatMap(([field, fieldSchema]) =>
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
