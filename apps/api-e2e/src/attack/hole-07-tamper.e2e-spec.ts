// Hole 7: what someone with access to the database could change without `verify` noticing, and
// what the server's own connection could do to the append-only tables.
import type { AgencyRef, CaseEvent, Evidence, VerifyResult } from '@vigil/contracts';
import { Client as PgClient } from 'pg';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { call, withDatabase } from '../support/api';
import { allEvents, Client, openCase, post, signInAll, upload, type Person, type Role } from '../support/cases';
import { startServer, stopAllServers, waitForOutput } from '../support/server';

let people: Record<Role, Person>;
let agencies: Record<Role, AgencyRef>;
const sockets: Client[] = [];

beforeAll(async () => {
  people = await signInAll();
  const roles = Object.keys(people) as Role[];
  const mes = await Promise.all(roles.map((role) => call('GET', '/api/me', { token: people[role].token })));
  agencies = Object.fromEntries(roles.map((role, i) => [role, mes[i].body.agency])) as Record<Role, AgencyRef>;
});

afterAll(async () => {
  sockets.forEach((socket) => socket.close());
  await stopAllServers();
});

const verify = async (caseId: string) => (await call<VerifyResult>('GET', `/api/cases/${caseId}/verify`, { token: people.prosecutor.token })).body;

/** As a superuser with every trigger switched off: what only `verify` can catch. */
const asSuperuserWithoutTriggers = (sql: string, params: unknown[]) =>
  withDatabase(async (db) => {
    await db.query('SET session_replication_role = replica');
    await db.query(sql, params);
  });

const APP_ROLE = 'vigil_app';

/** Connected as the role the server runs as: its password derived from the owner's, as the server derives it. */
async function asServerRole<T>(work: (db: PgClient) => Promise<T>): Promise<T> {
  const url = new URL(process.env['VIGIL_E2E_DATABASE_URL'] as string);
  url.username = APP_ROLE;
  url.password = createHmac('sha256', decodeURIComponent(url.password)).update(`vigil runtime role ${APP_ROLE}`).digest('base64url');
  const db = new PgClient({ connectionString: url.toString() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function socketOf(person: Person): Promise<Client> {
  const socket = await Client.connect(person);
  sockets.push(socket);
  return socket;
}

/** A room with one message, edited and then redacted: the events' seqs, by type. */
async function editedAndRedacted() {
  const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
  const observer = await socketOf(people.observer);
  const posted = await observer.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'what the witness saw', tier: 'room' });
  const messageId: string = posted.event.data.messageId;
  expect((await observer.emit('message:edit', { caseId: kase.id, messageId, body: 'what the witness said' })).ok).toBe(true);
  const prosecutor = await socketOf(people.prosecutor);
  expect((await prosecutor.emit('message:redact', { caseId: kase.id, messageId, reason: 'names the witness' })).ok).toBe(true);
  const events = (await allEvents(people.prosecutor, kase.id)).filter((e) => 'messageId' in e.data && e.data.messageId === messageId);
  const seqOf = (type: string) => (events.find((e) => e.type === type) as CaseEvent).seq;
  return { kase, messageId, posted: seqOf('message.posted'), edited: seqOf('message.edited'), redacted: seqOf('message.redacted') };
}

describe('messages, served from their own table', () => {
  it('verify still holds after posts, edits and redactions made through the server', async () => {
    const { kase } = await editedAndRedacted();
    expect(await verify(kase.id)).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('a rewritten text makes verify fail at the event whose text it contradicts', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor, [people.observer]);
    const posted = await post(people.observer, kase.id, 'room', 'the cell had no light');
    const { messageId } = posted.body.data;
    await asSuperuserWithoutTriggers(`UPDATE messages SET body = 'the cell was fine' WHERE id = $1`, [messageId]);
    expect(await verify(kase.id)).toMatchObject({ ok: false, firstBrokenSeq: posted.body.seq });
  });

  it('an edited text rewritten again points at the edit; a lifted redaction at the redaction', async () => {
    const edited = await editedAndRedacted();
    await asSuperuserWithoutTriggers(`UPDATE messages SET body = 'nothing was said' WHERE id = $1`, [edited.messageId]);
    expect(await verify(edited.kase.id)).toMatchObject({ ok: false, firstBrokenSeq: edited.edited });

    const unredacted = await editedAndRedacted();
    await asSuperuserWithoutTriggers(`UPDATE messages SET redacted_at = NULL WHERE id = $1`, [unredacted.messageId]);
    expect(await verify(unredacted.kase.id)).toMatchObject({ ok: false, firstBrokenSeq: unredacted.redacted });
    // The observer now read the redacted text again: verify is what tells.
    const seen = (await allEvents(people.observer, unredacted.kase.id)).find((e) => 'messageId' in e.data && e.data.messageId === unredacted.messageId);
    expect(seen && 'body' in seen.data ? seen.data.body : undefined).toBe('what the witness said');
  });

  it('a removed message row (its redaction gone with it) makes verify fail at the post', async () => {
    const removed = await editedAndRedacted();
    await asSuperuserWithoutTriggers(`DELETE FROM messages WHERE id = $1`, [removed.messageId]);
    expect(await verify(removed.kase.id)).toMatchObject({ ok: false, firstBrokenSeq: removed.posted });
  });

  it('with its triggers on, a row changes only as an event of the same transaction says, and is never deleted', async () => {
    const { kase, messageId } = await editedAndRedacted();
    for (const run of [withDatabase, asServerRole]) {
      await expect(run((db) => db.query(`UPDATE messages SET redacted_at = NULL WHERE id = $1`, [messageId]))).rejects.toThrow(/redaction is final/);
    }
    const other = await post(people.observer, kase.id, 'room', 'as first written');
    const otherId = other.body.data.messageId;
    for (const run of [withDatabase, asServerRole]) {
      await expect(run((db) => db.query(`UPDATE messages SET body = 'as never written', edited_at = now() WHERE id = $1`, [otherId]))).rejects.toThrow(
        /without a message.edited event/,
      );
      await expect(run((db) => db.query(`UPDATE messages SET redacted_at = now() WHERE id = $1`, [otherId]))).rejects.toThrow(/without a message.redacted event/);
    }
    await expect(withDatabase((db) => db.query(`DELETE FROM messages WHERE id = $1`, [otherId]))).rejects.toThrow(/never deleted/);
    await expect(asServerRole((db) => db.query(`DELETE FROM messages WHERE id = $1`, [otherId]))).rejects.toThrow(/permission denied/);
    expect(await verify(kase.id)).toMatchObject({ ok: true });
  });
});

describe('TRUNCATE', () => {
  it('is refused on the append-only tables, even to the owner, and cascading from cases', async () => {
    for (const table of ['case_events', 'messages', 'custody_entries', 'evidence']) {
      await expect(withDatabase((db) => db.query(`TRUNCATE ${table} CASCADE`))).rejects.toThrow(/append-only|never deleted/);
    }
    await expect(withDatabase((db) => db.query(`TRUNCATE cases CASCADE`))).rejects.toThrow(/append-only|never deleted/);
    await expect(asServerRole((db) => db.query(`TRUNCATE case_events`))).rejects.toThrow(/permission denied/);
    expect(await withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM case_events`)).rows[0].n)).toBeGreaterThan(0);
  });
});

describe('the role the server runs as', () => {
  it('is not the owner and cannot switch triggers off or rewrite the log', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    await asServerRole(async (db) => {
      expect((await db.query('SELECT current_user AS me')).rows[0].me).toBe(APP_ROLE);
      const { rows } = await db.query(`SELECT rolsuper, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolreplication: false });
      await expect(db.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
      await expect(db.query('ALTER TABLE case_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      await expect(db.query(`UPDATE case_events SET type = 'x' WHERE case_id = $1`, [kase.id])).rejects.toThrow(/permission denied/);
      await expect(db.query(`DELETE FROM case_events WHERE case_id = $1`, [kase.id])).rejects.toThrow(/permission denied/);
      await expect(db.query(`UPDATE custody_entries SET note = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`DELETE FROM evidence`)).rejects.toThrow(/permission denied/);
      await expect(db.query(`DELETE FROM migrations`)).rejects.toThrow(/permission denied/);
    });
    // The server's own connections are that role's.
    const connected = await withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [APP_ROLE])).rows[0].n);
    expect(connected).toBeGreaterThan(0);
    expect(await verify(kase.id)).toMatchObject({ ok: true });
  });
});

describe('a runtime role named in DATABASE_APP_URL', () => {
  const ownerUrl = () => process.env['VIGIL_E2E_DATABASE_URL'] as string;
  let port: () => string;
  beforeEach(async () => {
    const free = await new Promise<number>((done) => {
      const probe = createServer().listen(0, () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    port = () => String(free);
  });

  it('is refused when it could switch triggers off (here: the superuser itself)', async () => {
    const server = startServer({ PORT: port(), DATABASE_URL: ownerUrl(), DATABASE_APP_URL: ownerUrl() });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/must not run as postgres: it is a superuser/);
  });

  it('is the one the server runs as, granted its privileges by the owner', async () => {
    const role = `vigil_custom_${process.pid}`;
    await withDatabase((db) => db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'invented-e2e-only'`));
    const appUrl = new URL(ownerUrl());
    appUrl.username = role;
    appUrl.password = 'invented-e2e-only';
    const server = startServer({ PORT: port(), DATABASE_URL: ownerUrl(), DATABASE_APP_URL: appUrl.toString() });
    await waitForOutput(server, /ready at/);
    expect((await fetch(`http://localhost:${port()}/api/health`)).status).toBe(200);
    const sessions = await withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [role])).rows[0].n);
    expect(sessions).toBeGreaterThan(0);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('custody, read from its own table', () => {
  let kase: Awaited<ReturnType<typeof openCase>>;

  /** An item collected by the prosecutor's office and handed to the police: the events' seqs. */
  async function handedOver() {
    const added = await upload(people.prosecutor, kase.id, { bytes: Buffer.from(`Duty log page ${randomUUID()}\n`), name: 'log.txt', type: 'text/plain' }, {
      title: 'Duty log page',
      tier: 'state',
      collectedAt: '2026-03-12T10:00:00.000Z',
    });
    expect(added.status).toBe(201);
    const item = added.body as Evidence;
    const transfer = await call('POST', `/api/cases/${kase.id}/evidence/${item.id}/custody`, {
      token: people.prosecutor.token,
      body: { toAgencyId: agencies.police.id, receivedBy: 'Sgt. Invented Person', note: 'Sealed bag no. 7', at: '2026-03-12T12:00:00.000Z' },
    });
    expect(transfer.status).toBe(201);
    const events = (await allEvents(people.prosecutor, kase.id)).filter((e) => 'evidenceId' in e.data && e.data.evidenceId === item.id);
    const seqOf = (type: string) => (events.find((e) => e.type === type) as CaseEvent).seq;
    return { item, added: seqOf('evidence.added'), transferred: seqOf('evidence.custody_transferred') };
  }

  /** Each tamper on a case of its own, so that each names its own first broken seq. */
  beforeEach(async () => {
    kase = await openCase(people.prosecutor, people.prosecutor, [people.police]);
  });

  it('verify holds for an intact chain', async () => {
    await handedOver();
    expect(await verify(kase.id)).toMatchObject({ ok: true });
  });

  it('a hand-over rewritten with the triggers off makes verify fail at its event', async () => {
    const { item, transferred } = await handedOver();
    await asSuperuserWithoutTriggers(`UPDATE custody_entries SET note = 'no seal', received_by = 'nobody' WHERE evidence_id = $1 AND seq = 2`, [item.id]);
    expect(await verify(kase.id)).toMatchObject({ ok: false, firstBrokenSeq: transferred });
  });

  it('a collection moved to another agency makes verify fail at the evidence.added event', async () => {
    const { item, added } = await handedOver();
    await asSuperuserWithoutTriggers(`UPDATE custody_entries SET to_agency_id = $2 WHERE evidence_id = $1 AND seq = 1`, [item.id, agencies.observer.id]);
    expect(await verify(kase.id)).toMatchObject({ ok: false, firstBrokenSeq: added });
  });

  it('a hand-over no event speaks of (inserted, no trigger needed) makes verify fail at the last logged one', async () => {
    const { item, transferred } = await handedOver();
    await withDatabase((db) =>
      db.query(
        `INSERT INTO custody_entries (evidence_id, seq, from_agency_id, to_agency_id, handed_over_by, at) VALUES ($1, 3, $2, $3, $4, now())`,
        [item.id, agencies.police.id, agencies.observer.id, people.police.id],
      ),
    );
    expect(await verify(kase.id)).toMatchObject({ ok: false, firstBrokenSeq: transferred });
  });

  it('an evidence row whose recorded hash was swapped makes verify fail at its evidence.added event', async () => {
    const { item, added } = await handedOver();
    await asSuperuserWithoutTriggers(`UPDATE evidence SET sha256 = $2 WHERE id = $1`, [item.id, 'f'.repeat(64)]);
    expect(await verify(kase.id)).toMatchObject({ ok: false, firstBrokenSeq: added });
  });
});
