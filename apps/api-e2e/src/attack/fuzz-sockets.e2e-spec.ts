import { ERROR_STATUS, TIERS } from '@vigil/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { call, withDatabase } from '../support/api';
import { Client, post, settle, signInAll, type Person } from '../support/cases';
import { changedTables, countRows, makeFixtures, type Fixtures } from '../support/openapi';
import { extraKeys, oddString, oddValue, SEED } from './support/arbitraries';
import { FULL, runs, serverAnswering, Tally } from './support/tally';

/*
 * Every socket event of the contract, and events it does not name, with generated payloads (and
 * payloads that are no object at all), with and without an ack: every ack is `{ ok }` or an error
 * of the contract's codes (never INTERNAL, never silence), a refusal writes nothing, the socket
 * stays open and keeps answering, and the server stays healthy.
 */

const EVENTS = runs(140, 2500);
/** Events per connection: under the per-socket burst of 40, so that rate limiting never answers for the fuzzed handler. */
const PER_SOCKET = 30;
const ACK_TIMEOUT_MS = 5_000;

const tally = new Tally('fuzz-sockets');
jest.setTimeout(FULL ? 600_000 : 120_000);
let fixtures: Fixtures;
let messageId: string;

const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
const KNOWN = ['case:join', 'case:leave', 'message:post', 'message:edit', 'message:redact', 'typing', 'read'];

interface Emission {
  event: string;
  payload: unknown;
  /** Whether the client asks for an ack. */
  ack: boolean;
}

function emissions(caseId: string): fc.Arbitrary<Emission> {
  const either = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: oddValue });
  const seq = either(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(-1, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, 1.5)));
  const model = {
    caseId: either(fc.oneof({ weight: 4, arbitrary: fc.constant(caseId) }, { weight: 1, arbitrary: fc.uuid() })),
    afterSeq: seq,
    seq,
    clientId: either(fc.uuid()),
    body: either(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), oddString)),
    tier: either(fc.constantFrom(...TIERS)),
    messageId: either(fc.oneof(fc.constant(messageId), fc.uuid())),
    reason: either(fc.string({ maxLength: 30 })),
    typing: either(fc.boolean()),
  };
  const object = fc
    .tuple(fc.oneof(fc.record(model), fc.record(model, { requiredKeys: [] })), fc.option(extraKeys, { freq: 4 }))
    .map(([payload, extra]) => (extra ? Object.assign(Object.create(null), payload, extra) : payload));
  const event = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...KNOWN) },
    { weight: 1, arbitrary: fc.constantFrom('meeting:join', 'case:delete', 'admin', '__proto__', 'toString', 'hasOwnProperty') },
    // socket.io's client will not send the names it reserves (connect, disconnect, …).
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !RESERVED.includes(name)) },
  );
  const payload = fc.oneof({ weight: 8, arbitrary: object }, { weight: 2, arbitrary: oddValue }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.record({ event, payload, ack: fc.boolean() });
}

/** Waits until the writes of events sent without an ack have landed: the row counts stop changing. */
async function quiet(db: Parameters<Parameters<typeof withDatabase>[0]>[0]): Promise<void> {
  let last = JSON.stringify(await countRows(db));
  for (let tries = 0; tries < 20; tries++) {
    await settle(100);
    const now = JSON.stringify(await countRows(db));
    if (now === last) return;
    last = now;
  }
}

/** What is wrong with an ack, or nothing. */
function ackProblems(ack: any): string[] {
  if (ack === null || typeof ack !== 'object' || typeof ack.ok !== 'boolean') return ['the ack is not { ok }'];
  if (ack.ok) return [];
  const code = ack.error?.code;
  if (typeof code !== 'string' || !(code in ERROR_STATUS)) return [`unknown error code ${code}`];
  if (code === 'INTERNAL') return ['INTERNAL'];
  if (typeof ack.error.message !== 'string' || !ack.error.message) return ['an error without a message'];
  return [];
}

beforeAll(async () => {
  await serverAnswering();
  const people = await signInAll();
  fixtures = await makeFixtures(people, 'Zz attack socket fuzz');
  messageId = (await post(people.chief, fixtures.ids['case'], 'room')).body.data.messageId;
});
afterAll(() => tally.write());

describe('fuzzing every socket event', () => {
  it('acks generated events with { ok } or a contract error, never INTERNAL or silence, writes nothing on refusal, and keeps the socket open', async () => {
    const caseId = fixtures.ids['case'];
    // Fixed by the seed; about one in ten goes without an ack.
    const all = fc.sample(emissions(caseId), { numRuns: EVENTS, seed: SEED }).map((emission, i) => ({ ...emission, ack: emission.ack || i % 5 !== 0 }));
    const failures: object[] = [];
    // The chief reaches everything; the observer is refused most: both must hold.
    const askers: Person[] = [fixtures.people.chief, fixtures.people.observer];
    await withDatabase(async (db) => {
      for (let start = 0; start < all.length; start += PER_SOCKET) {
        const asker = askers[(start / PER_SOCKET) % askers.length];
        const client = await Client.connect(asker);
        try {
          const batch = all.slice(start, start + PER_SOCKET);
          // Events with an ack one at a time, each finished before the next: the row counts around
          // one are its own. Those without an ack go last, and the batch waits for their writes.
          for (const { event, payload } of batch.filter((emission) => emission.ack)) {
            const shown = { event, payload: JSON.stringify(payload)?.slice(0, 160), as: asker.displayName };
            const before = await countRows(db);
            const answer = await client.emit(event, payload, ACK_TIMEOUT_MS).catch((error: Error) => ({ silence: error.message }));
            const found = 'silence' in answer ? ['no ack'] : ackProblems(answer);
            if (!KNOWN.includes(event) && !('silence' in answer) && answer.error?.code !== 'VALIDATION') found.push('expected VALIDATION');
            if (!('silence' in answer) && answer.ok === false) {
              const changed = changedTables(before, await countRows(db));
              if (changed.length) found.push(`refused, yet wrote to ${changed.join(', ')}`);
            }
            const failure = { ...shown, problems: found, ack: JSON.stringify(answer).slice(0, 200) };
            tally.record(KNOWN.includes(event) ? 'events of the contract: a proper ack' : 'events the contract does not name: VALIDATION', !found.length, failure);
            if (found.length) failures.push(failure);
          }
          for (const { event, payload } of batch.filter((emission) => !emission.ack)) client.socket.emit(event, payload);
          // Whatever came before, the socket is open and answers a proper request.
          const control = client.socket.connected ? await client.emit('case:leave', { caseId }, ACK_TIMEOUT_MS).catch(() => undefined) : undefined;
          const held = control?.ok === true;
          tally.record('the socket stays open and answers', held, { as: asker.displayName, after: `events ${start}–${start + PER_SOCKET - 1}`, control });
          if (!held) failures.push({ as: asker.displayName, after: `events ${start}–${start + PER_SOCKET - 1}`, problems: ['the socket no longer answers'] });
          await quiet(db);
        } finally {
          client.close();
        }
      }
    });
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('acks events the contract does not name with VALIDATION naming the event', async () => {
    const client = await Client.connect(fixtures.people.chief);
    try {
      const failures: object[] = [];
      for (const event of ['case:delete', 'admin:grant', randomUUID()]) {
        const ack = await client.emit(event, { caseId: fixtures.ids['case'] }, ACK_TIMEOUT_MS).catch(() => undefined);
        const held = ack?.ok === false && ack.error.code === 'VALIDATION';
        tally.record('events the contract does not name: VALIDATION', held, { event, ack });
        if (!held) failures.push({ event, ack });
      }
      expect(failures).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('is still healthy after the fuzzing', async () => {
    const health = await call('GET', '/api/health');
    tally.record('server healthy after fuzzing', health.status === 200, { health: health.status });
    expect(health.status).toBe(200);
  });
});
