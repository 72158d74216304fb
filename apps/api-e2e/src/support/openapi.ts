import { ERROR_RULES, ERROR_STATUS, isErrorRule, type ErrorCode, type ErrorDetail, type Me } from '@vigil/contracts';
import type { Client as Database } from 'pg';
import { call, type Answer } from './api';
import { openCase, upload, type Person, type Role } from './cases';

/*
 * The OpenAPI document as the probing suites read it: every operation, the schemas of its body, a
 * valid body for each, real ids for every path parameter, and what makes an answer wrong.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
}

export interface Operation {
  method: string;
  /** As documented, e.g. `/api/cases/{id}/tasks/{taskId}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON body's schema, if the operation takes one (an upload's multipart body is probed apart). */
  body?: Schema;
}

/** The operations of `GET /api/docs/json` and the schemas their bodies name. */
export class ApiDocument {
  private constructor(
    readonly schemas: Record<string, Schema>,
    readonly operations: Operation[],
  ) {}

  static async read(): Promise<ApiDocument> {
    const doc = (await call('GET', '/api/docs/json')).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, spec]) => {
        const parameters: { name: string; in: string }[] = spec.parameters ?? [];
        const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
        return { method: method.toUpperCase(), path, pathParams: named('path'), queryParams: named('query'), body: spec.requestBody?.content?.['application/json']?.schema };
      }),
    );
    return new ApiDocument(doc.components.schemas, operations);
  }

  resolve(schema: Schema): Schema {
    if (schema.$ref) return this.resolve(this.schemas[schema.$ref.split('/').pop() as string]);
    if (schema.allOf?.length === 1) return this.resolve(schema.allOf[0]);
    return schema;
  }

  /** Every declared field at any depth with its schema, as a path of keys (an array's first item included). */
  fields(schema: Schema, prefix: FieldPath = []): [FieldPath, Schema][] {
    const resolved = this.resolve(schema);
    if (resolved.type === 'array' && resolved.items) return [[[...prefix, 0], resolved.items], ...this.fields(resolved.items, [...prefix, 0])];
    return Object.entries(resolved.properties ?? {}).flatMap(([name, property]): [FieldPath, Schema][] => [[[...prefix, name], property], ...this.fields(property, [...prefix, name])]);
  }
}

export type FieldPath = (string | number)[];

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString();
export const nextWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

/** The signed-in demo accounts and a real id for each path parameter, made by `makeFixtures`. */
export interface Fixtures {
  people: Record<Role, Person>;
  ids: Record<string, string>;
  /** What names the things made (agency, account, place, …). */
  label: string;
}

/** A valid value for a field, from its schema and name: real ids where an id must exist. */
export function validValue(doc: ApiDocument, fixtures: Fixtures, schema: Schema, name: string): unknown {
  const resolved = doc.resolve(schema);
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
      return validBody(doc, fixtures, resolved);
  }
  if (resolved.format === 'uuid') {
    if (/agencyId$/i.test(name)) return fixtures.ids['agency'];
    if (name === 'prosecutorId') return fixtures.people.prosecutor.id;
    if (/userId$/i.test(name)) return fixtures.people.observer.id;
    if (name === 'placeId') return fixtures.ids['place'];
    return UNKNOWN_ID;
  }
  if (resolved.format === 'date-time') return name === 'dueAt' ? nextWeek() : anHourAgo();
  if (name === 'email') return `zz-${fixtures.label.toLowerCase().replace(/\W+/g, '-')}@probe.test`;
  return fixtures.label;
}

/** The smallest valid body: the required fields only. */
export function validBody(doc: ApiDocument, fixtures: Fixtures, schema: Schema): Record<string, unknown> {
  const resolved = doc.resolve(schema);
  return Object.fromEntries((resolved.required ?? []).map((name) => [name, validValue(doc, fixtures, resolved.properties?.[name] ?? {}, name)]));
}

/**
 * A copy of `body` with the field at `path` set to `value`; an object on the way that the body
 * leaves out is made up valid, so that only the field under test is wrong.
 */
export function withField(doc: ApiDocument, fixtures: Fixtures, schema: Schema, body: Record<string, unknown>, path: FieldPath, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let target: any = copy;
  let within = doc.resolve(schema);
  path.slice(0, -1).forEach((key) => {
    within = doc.resolve((typeof key === 'number' ? within.items : within.properties?.[key]) ?? {});
    target[key] ??= validValue(doc, fixtures, within, String(key));
    target = target[key];
  });
  target[path[path.length - 1]] = value;
  return copy;
}

/** The fixture `{id}` stands for in a path: whatever the path is about. */
export function idParameterOf(path: string): string {
  if (path.startsWith('/api/admin/agencies')) return 'agency';
  if (path.startsWith('/api/admin/accounts')) return 'account';
  if (path.startsWith('/api/places')) return 'place';
  if (path.startsWith('/api/agencies/')) return 'agency';
  if (path.startsWith('/api/role-grants/')) return 'grant';
  if (path.startsWith('/api/meetings/')) return 'meeting';
  if (path.startsWith('/api/action-items/')) return 'actionItem';
  return 'case';
}

/** Fills the documented path with these ids, replacing the parameters given. */
export function pathOf(operation: Operation, ids: Record<string, string>, replace: Record<string, string> = {}): string {
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (name in replace) return replace[name];
    return ids[name === 'id' ? idParameterOf(operation.path) : name];
  });
}

/** Operations anyone may call, signed in or not. */
export const PUBLIC_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/health', '/api/test/clock'];

/** What is wrong with an answer, or nothing: never 5xx, and every error in the contract's shape. */
/** What is wrong with a detail's rule: every detail names one of the catalogue, with the params its wording needs. */
export function ruleProblems(detail: ErrorDetail): string[] {
  if (!isErrorRule(detail.rule)) return [`detail ${detail.field} (${detail.message}) names no rule of ERROR_RULES (${String(detail.rule)})`];
  const needed: readonly string[] = ERROR_RULES[detail.rule];
  const given = Object.keys(detail.params ?? {});
  if (needed.some((name) => !given.includes(name)) || given.some((name) => !needed.includes(name))) {
    return [`detail ${detail.field}: rule ${detail.rule} takes params ${needed.join(', ') || 'none'}, got ${given.join(', ') || 'none'}`];
  }
  return [];
}

export function problems(answer: Answer): string[] {
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
    else found.push(...body.details.flatMap(ruleProblems));
  }
  return found;
}

export const COUNTED_TABLES = [
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
 * Rows a probe may not add. The visit clock appends deadline alerts to any overdue case on its
 * own schedule, whatever the probes do: those rows are not the probe's, so they are not counted.
 */
const WRITTEN_BY_PROBES: Partial<Record<(typeof COUNTED_TABLES)[number], string>> = { case_events: `type NOT LIKE 'visit.deadline_%'` };
const COUNT_ROWS = `SELECT ${COUNTED_TABLES.map((table) => `(SELECT count(*) FROM ${table}${WRITTEN_BY_PROBES[table] ? ` WHERE ${WRITTEN_BY_PROBES[table]}` : ''})::int AS ${table}`).join(', ')}`;

export type RowCounts = Record<string, number>;
export const countRows = async (db: Database): Promise<RowCounts> => (await db.query(COUNT_ROWS)).rows[0];
/** The tables whose row count differs between two counts. */
export const changedTables = (before: RowCounts, after: RowCounts) => COUNTED_TABLES.filter((table) => after[table] !== before[table]);

/**
 * The things the paths name, made for one suite so that whatever its probes change is its own: an
 * agency, an account and a place, and a case opened by the prosecutor with these members, holding
 * one of everything a case path names (task, examination, those responsible and a route, a
 * measure, evidence).
 */
export async function makeFixtures(people: Record<Role, Person>, label: string, members: Person[] = [people.observer]): Promise<Fixtures> {
  const admin = people.admin.token;
  const chief = people.chief.token;
  const created = async (answer: Promise<Answer>) => {
    const { status, body } = await answer;
    if (status !== 201) throw new Error(`fixture: ${status} ${JSON.stringify(body)}`);
    return body.id as string;
  };
  const slug = label.toLowerCase().replace(/\W+/g, '-');
  const agency = await created(call('POST', '/api/admin/agencies', { token: admin, body: { name: label, kind: 'prosecutor' } }));
  const account = await created(
    call('POST', '/api/admin/accounts', {
      token: admin,
      body: { email: `zz-${slug}-account@probe.test`, displayName: label, password: 'probe-password', role: 'prosecutor', agencyId: agency },
    }),
  );
  const unitId = await created(call('POST', `/api/admin/agencies/${agency}/units`, { token: admin, body: { name: label } }));
  // A raise still waiting for a chief prosecutor, for the probes of a decision.
  const grant = (await call('PATCH', `/api/admin/accounts/${account}`, { token: admin, body: { role: 'chief_prosecutor' } })).body.pendingGrant.id as string;
  const place = await created(call('POST', '/api/places', { token: chief, body: { name: label, kind: 'police_station', address: 'Invented Street 1', cctv: false } }));
  const kase = (await openCase(people.prosecutor, people.prosecutor, members)).id;
  const caseIds = await caseFixtures(people, kase);
  // A meeting chaired by the prosecutor, every other role but the chief taking part; its action item is the police agency's.
  const policeAgency = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
  const meetingIds = await meetingFixtures(people.prosecutor.token, [people.police, people.ombudsman, people.observer], policeAgency);
  return { people, label, ids: { agency, account, unitId, grant, place, userId: people.observer.id, ...caseIds, ...meetingIds } };
}

/** A meeting in session with one agenda item (`room`) and a `state` decision whose action item goes to `assigneeAgencyId`. */
export async function meetingFixtures(chairToken: string, participants: Person[], assigneeAgencyId: string): Promise<Record<string, string>> {
  const sent = async (answer: Promise<Answer>, status = 201) => {
    const { status: got, body } = await answer;
    if (got !== status) throw new Error(`meeting fixture: ${got} ${JSON.stringify(body)}`);
    return body;
  };
  const on = (path: string, body?: object, status?: number) => sent(call('POST', `/api/meetings${path}`, { token: chairToken, body }), status);
  const meeting = (await on('', { title: 'Probe meeting', scheduledAt: nextWeek(), participantIds: participants.map((p) => p.id) })).id as string;
  const itemId = (await on(`/${meeting}/agenda`, { topic: 'Probe item', tier: 'room' })).id as string;
  await on(`/${meeting}/open`, undefined, 200);
  const decision = await on(`/${meeting}/agenda/${itemId}/decisions`, { text: 'Probe decision', tier: 'state', actionItems: [{ title: 'Probe action', assigneeAgencyId, dueAt: nextWeek() }] });
  const speakerId = (await on(`/${meeting}/speakers`)).id as string;
  return { meeting, itemId, actionItem: decision.actionItems[0].id as string, speakerId };
}

/** One of everything a case path names, made in `kase` by the chief. */
export async function caseFixtures(people: Record<Role, Person>, kase: string): Promise<Record<string, string>> {
  const chief = people.chief.token;
  const created = async (answer: Promise<Answer>) => {
    const { status, body } = await answer;
    if (status !== 201) throw new Error(`fixture: ${status} ${JSON.stringify(body)}`);
    return body.id as string;
  };
  const policeAgency = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
  const on = (path: string, body: object) => created(call('POST', `/api/cases/${kase}${path}`, { token: chief, body }));
  const taskId = await on('/tasks', { kind: 'other', title: 'Probe task', assigneeAgencyId: policeAgency, dueAt: nextWeek() });
  const examinationId = await on('/examinations', {
    type: 'forensic_medical',
    institution: 'Invented Forensic Centre',
    dueAt: nextWeek(),
    consent: { given: true, recordedAt: anHourAgo() },
  });
  const responsibleId = await on('/responsible', { kind: 'person', name: 'Invented Officer' });
  const routeId = await on(`/responsible/${responsibleId}/routes`, { route: 'disciplinary' });
  const measureId = await on('/measures', { cause: 'Invented cause', act: 'warning', description: 'Invented measure', dueAt: nextWeek() });
  const evidence = await upload(people.chief, kase, { bytes: Buffer.from('Probe protocol\n'), name: 'probe.txt', type: 'text/plain' }, { title: 'Probe' });
  if (evidence.status !== 201) throw new Error(`fixture: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  return { case: kase, taskId, examinationId, responsibleId, routeId, measureId, evidenceId: evidence.body.id };
}
