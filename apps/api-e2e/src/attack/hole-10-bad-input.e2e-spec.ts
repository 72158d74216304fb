import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { baseUrl, call, type Answer } from '../support/api';
import { Client, openCase, report, signInAll, type Person, type Role } from '../support/cases';

/*
 * Hole 10: bodies that are not JSON objects were answered 404 NOT_FOUND by the web app's fallback
 * (broken JSON, a bare scalar, a compressed plain body, one over 100 KB), a lone surrogate in a text
 * was a 500, and so was a forged list cursor. Each is a 400 VALIDATION (413 for the size) naming
 * what is wrong, before authentication.
 */

let people: Record<Role, Person>;
/** Every operation of the OpenAPI document that takes a JSON body, with a path of well-formed ids. */
let jsonRoutes: { method: string; path: string }[];

beforeAll(async () => {
  people = await signInAll();
  const doc = (await call('GET', '/api/docs/json')).body;
  jsonRoutes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, spec]) => spec.requestBody?.content?.['application/json'])
      .map(([method]) => ({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, randomUUID()) })),
  );
});

/** A raw request with no credentials, as an attacker who has none would send it. */
async function raw(method: string, path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl()}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: new Uint8Array(Buffer.from(body)) });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

const BODIES: [string, string | Buffer, Record<string, string>, { status: number; code: string; field: string }][] = [
  ['a truncated object', '{"a":', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['an unquoted key', '{a:1}', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['a trailing comma', '{"a":1,}', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['a bare null', 'null', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['a bare string', '"x"', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['a bare number', '1', {}, { status: 400, code: 'VALIDATION', field: 'body' }],
  ['a plain body marked gzip', '{"a":1}', { 'content-encoding': 'gzip' }, { status: 400, code: 'VALIDATION', field: 'content-encoding' }],
  ['a gzipped body', gzipSync('{"a":1}'), { 'content-encoding': 'gzip' }, { status: 400, code: 'VALIDATION', field: 'content-encoding' }],
  ['a body over 100 KB', JSON.stringify({ summary: 'x'.repeat(150_000) }), {}, { status: 413, code: 'PAYLOAD_TOO_LARGE', field: 'body' }],
];

describe('hole 10: bodies that are not JSON objects', () => {
  it('finds the JSON routes in the OpenAPI document', () => {
    expect(jsonRoutes.length).toBeGreaterThan(20);
  });

  it.each(BODIES)('answers %s on every JSON route, before authentication, naming what is wrong', async (_what, body, headers, expected) => {
    const wrong = [];
    for (const route of jsonRoutes) {
      const answer = await raw(route.method, route.path, body, headers);
      const ok =
        answer.status === expected.status &&
        answer.body?.code === expected.code &&
        answer.body?.statusCode === expected.status &&
        answer.body?.details?.some((detail: { field: string }) => detail.field === expected.field);
      if (!ok) wrong.push(`${route.method} ${route.path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('hole 10: text that is not Unicode', () => {
  const LONE = 'a\ud800b';

  it('refuses a lone surrogate in a message, naming the body, and writes nothing', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const answer = await call('POST', `/api/cases/${kase.id}/messages`, { token: people.prosecutor.token, body: { clientId: randomUUID(), body: LONE, tier: 'room' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'body', message: expect.stringContaining('lone surrogate') }] });
    expect((await call('GET', `/api/cases/${kase.id}`, { token: people.prosecutor.token })).body.headSeq).toBe(kase.headSeq);
  });

  it('refuses a lone surrogate in a summary or a nested name', async () => {
    const low = await call('POST', '/api/cases', { token: people.prosecutor.token, body: report({ summary: 'x\udc00' }) });
    expect(low.status).toBe(400);
    expect(low.body.details).toEqual([{ field: 'summary', message: expect.stringContaining('lone surrogate'), rule: 'unstorable_text' }]);
    const nested = await call('POST', '/api/cases', { token: people.prosecutor.token, body: report({ facility: { name: LONE, kind: 'police_station' } }) });
    expect(nested.status).toBe(400);
    expect(nested.body.details).toEqual([{ field: 'facility.name', message: expect.stringContaining('lone surrogate'), rule: 'unstorable_text' }]);
  });

  it('still takes whole surrogate pairs (emoji)', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const answer = await call('POST', `/api/cases/${kase.id}/messages`, { token: people.prosecutor.token, body: { clientId: randomUUID(), body: 'seen 😀 𝄞', tier: 'room' } });
    expect(answer.status).toBe(201);
  });

  it('acks a lone surrogate in a socket message with VALIDATION, and the socket stays open', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const client = await Client.connect(people.prosecutor);
    try {
      const post = await client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: LONE, tier: 'room' });
      expect(post).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const posted = await client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'fine', tier: 'room' });
      expect(posted.ok).toBe(true);
      const edit = await client.emit('message:edit', { caseId: kase.id, messageId: posted.event.data.messageId, body: `edited ${LONE}` });
      expect(edit).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(client.socket.connected).toBe(true);
    } finally {
      client.close();
    }
  });
});

describe('hole 10: a forged list cursor', () => {
  const forged = (at: unknown) => Buffer.from(JSON.stringify([at, randomUUID()])).toString('base64url');

  it.each([
    ['31 February', '2026-02-31T10:00:00Z'],
    ['a six-digit year', '+275760-09-13T00:00:00.000Z'],
    ['a date in words', 'December 17, 1995 03:24:00'],
    ['a year alone', '2026'],
    ['a number', 1],
  ])('answers a cursor whose time is %s with 400 naming cursor', async (_what, at) => {
    const answer = await call('GET', `/api/cases?cursor=${forged(at)}`, { token: people.chief.token });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'cursor' }] });
  });

  it('still follows the cursors it issues', async () => {
    await openCase(people.chief, people.chief);
    await openCase(people.chief, people.chief);
    const first = await call('GET', '/api/cases?limit=1', { token: people.chief.token });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/api/cases?limit=1&cursor=${first.body.nextCursor}`, { token: people.chief.token });
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});
