import type { AccessLogEntry, Case, Examination, Page } from '@vigil/contracts';
import { call, withDatabase } from '../support/api';
import { Client, openCase, report, signInAll, upload, type Person, type Role } from '../support/cases';

// Hole 5: reads of the victim's identity, the intake, examinations and evidence files left no
// trace, nor did a chief prosecutor's reads of cases they are not a member of.

let people: Record<Role, Person>;
beforeAll(async () => {
  people = await signInAll();
});

const accessLog = (person: Person, caseId: string, query = '') => call<Page<AccessLogEntry>>('GET', `/api/cases/${caseId}/access-log${query}`, { token: person.token });
/** The entries of a case's log, newest first, as its ombudsman reads them (a read that itself leaves no trace). */
const entries = async (caseId: string) => {
  const answer = await accessLog(people.ombudsman, caseId, '?limit=200');
  expect(answer.status).toBe(200);
  return answer.body.items;
};
const newSince = async (caseId: string, before: AccessLogEntry[]) => (await entries(caseId)).filter((entry) => entry.seq > (before[0]?.seq ?? 0));

/** A case the prosecutor registered with the police, the ombudsman and an observer as members (not the chief). */
const caseWithEveryone = (body = report()) => openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer], body);

describe('hole 5: the access audit of sensitive reads', () => {
  it("records the ombudsman reading the victim's identity; the police and observers read no identity and add nothing", async () => {
    const kase = await caseWithEveryone();
    const before = await entries(kase.id);

    const read = await call<Case>('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token });
    expect(read.body.victim.fullName).toBe(kase.victimName);
    const [entry, ...rest] = await newSince(kase.id, before);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      seq: (before[0]?.seq ?? 0) + 1,
      kind: 'victim_identity',
      recordId: kase.id,
      reader: { id: people.ombudsman.id, displayName: people.ombudsman.displayName, role: 'ombudsman', agency: { kind: 'ombudsman' } },
    });
    expect(Date.parse(entry.at)).not.toBeNaN();

    const after = await entries(kase.id);
    for (const role of ['police', 'observer'] as const) {
      const redacted = await call<Case>('GET', `/api/cases/${kase.id}`, { token: people[role].token });
      expect(redacted.body.victim).toEqual({ pseudonym: 'V-1', redacted: true });
    }
    expect(await entries(kase.id)).toEqual(after);
    // The log names the reader and the record, never the victim.
    const text = JSON.stringify(after);
    expect(text).not.toContain(kase.victimName);
    expect(text).not.toContain('0099');
  });

  it('records reads of the intake, of examinations and of evidence files', async () => {
    const kase = await caseWithEveryone(report({ intake: { allegation: { methods: ['beating'] }, reprisalRisk: true } } as never));
    const examination = await call<Examination>('POST', `/api/cases/${kase.id}/examinations`, {
      token: people.prosecutor.token,
      body: { type: 'forensic_medical', institution: 'Shymkent Regional Forensic Centre', dueAt: '2026-12-01T09:00:00.000Z', consent: { given: true, recordedAt: '2026-11-20T10:00:00.000Z' } },
    });
    expect(examination.status).toBe(201);
    const evidence = await upload(people.prosecutor, kase.id, { bytes: Buffer.from('Statement of the cellmate, typed up.\n'), name: 'statement.txt', type: 'text/plain' }, { title: 'Statement' });
    expect(evidence.status).toBe(201);
    const before = await entries(kase.id);

    expect((await call('GET', `/api/cases/${kase.id}/intake`, { token: people.ombudsman.token })).status).toBe(200);
    expect((await call('GET', `/api/cases/${kase.id}/examinations`, { token: people.ombudsman.token })).status).toBe(200);
    expect((await call('GET', `/api/cases/${kase.id}/examinations/${examination.body.id}`, { token: people.prosecutor.token })).status).toBe(200);
    const download = await fetch(`${process.env['VIGIL_E2E_URL']}/api/cases/${kase.id}/evidence/${evidence.body.id}/content`, {
      headers: { authorization: `Bearer ${people.ombudsman.token}` },
    });
    expect(download.status).toBe(200);

    const added = (await newSince(kase.id, before)).reverse();
    expect(added.map((entry) => [entry.kind, entry.recordId, entry.reader.id])).toEqual([
      ['intake', kase.id, people.ombudsman.id],
      ['examination', examination.body.id, people.ombudsman.id],
      ['examination', examination.body.id, people.prosecutor.id],
      ['evidence_content', evidence.body.id, people.ombudsman.id],
    ]);
    // Below oversight these reads are refused and leave nothing.
    const after = await entries(kase.id);
    expect((await call('GET', `/api/cases/${kase.id}/intake`, { token: people.police.token })).status).toBe(404);
    expect((await call('GET', `/api/cases/${kase.id}/examinations`, { token: people.police.token })).body).toEqual([]);
    expect(await entries(kase.id)).toEqual(after);
  });

  it("records a chief prosecutor's reads of a case they are not a member of as supervision, by REST and by socket", async () => {
    const kase = await caseWithEveryone();
    const before = await entries(kase.id);
    expect((await call('GET', `/api/cases/${kase.id}/events`, { token: people.chief.token })).status).toBe(200);
    expect((await call('GET', `/api/cases/${kase.id}/visit`, { token: people.chief.token })).status).toBe(200);
    const chief = await Client.connect(people.chief);
    try {
      expect((await chief.emit('case:join', { caseId: kase.id })).ok).toBe(true);
    } finally {
      chief.close();
    }
    const added = await newSince(kase.id, before);
    expect(added.map((entry) => [entry.kind, entry.recordId, entry.reader.id, entry.reader.role])).toEqual([
      ['supervisory_read', null, people.chief.id, 'chief_prosecutor'],
      ['supervisory_read', null, people.chief.id, 'chief_prosecutor'],
      ['supervisory_read', null, people.chief.id, 'chief_prosecutor'],
    ]);

    // A chief who is a member reads as a member: no supervision to record.
    expect((await call('POST', `/api/cases/${kase.id}/members`, { token: people.prosecutor.token, body: { userId: people.chief.id } })).status).toBe(201);
    const member = await entries(kase.id);
    expect((await call('GET', `/api/cases/${kase.id}/events`, { token: people.chief.token })).status).toBe(200);
    expect(await entries(kase.id)).toEqual(member);
  });

  it("is read by the chief prosecutor and the case's ombudsman only: others 403, non-members 404", async () => {
    const kase = await caseWithEveryone();
    expect((await accessLog(people.chief, kase.id)).status).toBe(200);
    expect((await accessLog(people.ombudsman, kase.id)).status).toBe(200);
    for (const role of ['prosecutor', 'police', 'observer'] as const) {
      expect((await accessLog(people[role], kase.id)).status).toBe(403);
      expect((await call('GET', `/api/cases/${kase.id}/access-log/verify`, { token: people[role].token })).status).toBe(403);
    }
    expect((await accessLog(people.admin, kase.id)).status).toBe(403);
    const without = await openCase(people.prosecutor, people.prosecutor);
    expect((await accessLog(people.ombudsman, without.id)).status).toBe(404);
    expect((await call('GET', `/api/cases/${without.id}/access-log/verify`, { token: people.ombudsman.token })).status).toBe(404);
    expect((await accessLog(people.ombudsman, kase.id, '?limit=0')).status).toBe(400);
    expect((await accessLog(people.ombudsman, kase.id, '?cursor=abc')).status).toBe(400);
  });

  it('pages newest first by cursor', async () => {
    const kase = await caseWithEveryone();
    for (let i = 0; i < 3; i++) await call('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token });
    const all = await entries(kase.id);
    expect(all.map((entry) => entry.seq)).toEqual([...all.map((entry) => entry.seq)].sort((a, b) => b - a));
    const first = await accessLog(people.ombudsman, kase.id, '?limit=2');
    expect(first.body.items).toEqual(all.slice(0, 2));
    const second = await accessLog(people.ombudsman, kase.id, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual(all.slice(2, 4));
  });

  it('is append-only in the database itself', async () => {
    const kase = await caseWithEveryone();
    await call('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token });
    await withDatabase(async (db) => {
      await expect(db.query(`UPDATE access_audit SET reader_name = 'Someone Else' WHERE case_id = $1`, [kase.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM access_audit WHERE case_id = $1`, [kase.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE access_audit`)).rejects.toThrow(/append-only|truncate/i);
    });
    expect((await entries(kase.id)).every((entry) => entry.reader.displayName !== 'Someone Else')).toBe(true);
  });

  it('verifies its chain, and names the first entry changed behind the triggers', async () => {
    const kase = await caseWithEveryone();
    for (let i = 0; i < 3; i++) await call('GET', `/api/cases/${kase.id}`, { token: people.ombudsman.token });
    const head = (await entries(kase.id))[0].seq;
    const verify = () => call('GET', `/api/cases/${kase.id}/access-log/verify`, { token: people.ombudsman.token });
    expect((await verify()).body).toEqual({ ok: true, headSeq: head, firstBrokenSeq: null });

    // A superuser can switch the triggers off; the chain still tells.
    await withDatabase(async (db) => {
      await db.query('BEGIN');
      await db.query(`SET LOCAL session_replication_role = replica`);
      await db.query(`UPDATE access_audit SET reader_name = 'Someone Else' WHERE case_id = $1 AND seq = 2`, [kase.id]);
      await db.query('COMMIT');
    });
    expect((await verify()).body).toEqual({ ok: false, headSeq: head, firstBrokenSeq: 2 });
  });
});
