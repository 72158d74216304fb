import type { AgencyRef, AnyCaseEvent, CustodyEntry, Evidence } from '@vigil/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { baseUrl, call, withDatabase, type Answer } from './support/api';
import { allEvents, Client, openCase, settle, signInAll, upload, type Person, type Role, type Upload } from './support/cases';

let people: Record<Role, Person>;
let agencies: Record<Role, AgencyRef>;
let kase: Awaited<ReturnType<typeof openCase>>;

beforeAll(async () => {
  people = await signInAll();
  const roles = Object.keys(people) as Role[];
  const mes = await Promise.all(roles.map((role) => call('GET', '/api/me', { token: people[role].token })));
  agencies = Object.fromEntries(roles.map((role, i) => [role, mes[i].body.agency])) as Record<Role, AgencyRef>;
  kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer]);
});

/* Files, built here byte by byte. */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 2×2 PNG, different on every call (a text chunk carries a fresh id). */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = Buffer.from([0, 200, 30, 30, 200, 30, 30, 0, 30, 30, 200, 30, 30, 200]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${randomUUID()}`, 'latin1')),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const text = (body = 'Site visit protocol') => Buffer.from(`${body}\nref ${randomUUID()}\n`, 'utf8');
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, 'latin1');
const zip = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.from(randomUUID())]);
const exe = () => Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), Buffer.from(randomUUID())]);

/* Requests. */

async function add(person: Person, fields: Record<string, string> = {}, file: Upload = { bytes: png(), name: 'photo.png', type: 'image/png' }): Promise<Evidence> {
  const answer = await upload(person, kase.id, file, { title: 'Photograph of cell 3', ...fields });
  if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function download(person: Person, caseId: string, evidenceId: string) {
  const response = await fetch(`${baseUrl()}/api/cases/${caseId}/evidence/${evidenceId}/content`, { headers: { authorization: `Bearer ${person.token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, headers: response.headers, json: () => JSON.parse(bytes.toString('utf8')) };
}

const evidencePath = (path = '') => `/api/cases/${kase.id}/evidence${path}`;
const evidenceDir = () => join(process.env['VIGIL_E2E_DATA_DIR'] as string, 'evidence');
const storedAt = (hash: string) => join(evidenceDir(), hash.slice(0, 2), hash);

/** Every file under the evidence directory, temporary ones included. */
function storedFiles(): string[] {
  if (!existsSync(evidenceDir())) return [];
  return readdirSync(evidenceDir(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const rowCounts = () =>
  withDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM custody_entries)::int AS custody,
              (SELECT count(*) FROM case_events)::int AS events`,
    );
    return rows[0];
  });

/** What stays the same when a request is refused: rows in the tables and files on disk. */
async function nothingStored(refuse: () => Promise<void>): Promise<void> {
  const [rows, files] = [await rowCounts(), storedFiles()];
  await refuse();
  expect(await rowCounts()).toEqual(rows);
  expect(storedFiles()).toEqual(files);
}

const fieldsOf = (answer: Answer) => (answer.body.details ?? []).map((d: { field: string }) => d.field).sort();
const evidenceEvents = (events: AnyCaseEvent[], evidenceId: string) => events.filter((e) => e.type.startsWith('evidence.') && 'evidenceId' in e.data && e.data.evidenceId === evidenceId);

describe('uploading evidence', () => {
  it('stores a PNG by its sha256 under DATA_DIR, records the collection and logs the addition', async () => {
    const bytes = png();
    const answer = await upload(people.prosecutor, kase.id, { bytes, name: 'cell-3.png', type: 'image/png' }, {
      title: 'Photograph of cell 3',
      description: 'Taken at 09:40 during the visit',
      collectedAt: '2026-03-12T09:40:00.000Z',
    });
    expect(answer.status).toBe(201);
    const item: Evidence = answer.body;
    expect(item).toMatchObject({
      caseId: kase.id,
      title: 'Photograph of cell 3',
      description: 'Taken at 09:40 during the visit',
      tier: 'oversight',
      mediaType: 'image/png',
      size: bytes.length,
      sha256: sha256(bytes),
      fileName: 'cell-3.png',
      collectedBy: { userId: people.prosecutor.id, displayName: people.prosecutor.displayName, agency: agencies.prosecutor },
      collectedAt: '2026-03-12T09:40:00.000Z',
      superseded: null,
    });
    expect(item.custody).toEqual([
      {
        seq: 1,
        fromAgency: null,
        toAgency: agencies.prosecutor,
        handedOverBy: { userId: people.prosecutor.id, displayName: people.prosecutor.displayName },
        receivedBy: null,
        note: null,
        at: '2026-03-12T09:40:00.000Z',
      },
    ]);
    expect(readFileSync(storedAt(item.sha256))).toEqual(bytes);

    const file = await download(people.prosecutor, kase.id, item.id);
    expect(file.status).toBe(200);
    expect(file.bytes).toEqual(bytes);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="cell-3.png"');

    const events = evidenceEvents(await allEvents(people.prosecutor, kase.id), item.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'evidence.added', tier: 'oversight', actor: { id: people.prosecutor.id } });
    expect(events[0].data).toEqual({
      evidenceId: item.id,
      title: item.title,
      mediaType: 'image/png',
      size: bytes.length,
      sha256: item.sha256,
      // The first link of the chain, so that verify can check it against the log.
      collectedAt: item.collectedAt,
      collectedByAgencyId: agencies.prosecutor.id,
    });
  });

  it('takes the type from the content, not from the name or the declared type', async () => {
    const item = await add(people.prosecutor, {}, { bytes: pdf(), name: 'notes.txt', type: 'text/plain' });
    expect(item.mediaType).toBe('application/pdf');
    // The name takes the recognised type's extension: a PDF called notes.txt downloads as notes.pdf.
    expect(item.fileName).toBe('notes.pdf');
    const file = await download(people.prosecutor, kase.id, item.id);
    expect(file.headers.get('content-type')).toBe('application/pdf');
  });

  it('stores the same content once, whatever the number of items that hold it', async () => {
    const bytes = png();
    const first = await add(people.prosecutor, {}, { bytes });
    const second = await add(people.ombudsman, { title: 'The same photograph, as sent to the ombudsman' }, { bytes });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(readdirSync(join(evidenceDir(), first.sha256.slice(0, 2))).filter((name) => name.startsWith(first.sha256))).toEqual([first.sha256]);
  });

  it('cleans the uploaded file name of directories and reserved characters', async () => {
    const item = await add(people.prosecutor, {}, { bytes: png(), name: '../../etc/cell<3>.png' });
    expect(item.fileName).toBe('cell_3_.png');
    const named = await add(people.prosecutor, {}, { bytes: png(), name: 'Камера №3.png' });
    expect(named.fileName).toBe('Камера №3.png');
    const file = await download(people.prosecutor, kase.id, named.id);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Камера №3.png')}`);
  });

  it('refuses a file whose name says .png but whose bytes are an archive or a program, and stores nothing', async () => {
    for (const bytes of [zip(), exe()]) {
      await nothingStored(async () => {
        const answer = await upload(people.prosecutor, kase.id, { bytes, name: 'photo.png', type: 'image/png' }, { title: 'Photograph' });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'file', message: expect.stringContaining('type not allowed') }] });
      });
    }
  });

  it('refuses a missing file and names every bad field, storing nothing', async () => {
    await nothingStored(async () => {
      const missing = await upload(people.prosecutor, kase.id, null, { title: 'Photograph', collectedAt: '2099-01-01T00:00:00.000Z' });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing)).toEqual(['collectedAt', 'file']);

      const empty = await upload(people.prosecutor, kase.id, { bytes: Buffer.alloc(0), name: 'empty.txt' }, { title: 'Empty' });
      expect(empty.status).toBe(400);
      expect(fieldsOf(empty)).toEqual(['file']);

      const bad = await upload(people.prosecutor, kase.id, { bytes: png() }, {
        title: ' ',
        description: 'x'.repeat(4001),
        tier: 'secret',
        collectedAt: 'yesterday',
        sha256: '0'.repeat(64),
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['collectedAt', 'description', 'sha256', 'tier', 'title']);

      const longTitle = await upload(people.prosecutor, kase.id, { bytes: png() }, { title: 't'.repeat(301) });
      expect(fieldsOf(longTitle)).toEqual(['title']);

      const wrongField = await upload(people.prosecutor, kase.id, { bytes: png(), field: 'attachment' }, { title: 'Photograph' });
      expect(wrongField.status).toBe(400);
      expect(fieldsOf(wrongField)).toEqual(['file']);
    });
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 and stores nothing; one at the limit is taken', async () => {
    await nothingStored(async () => {
      const answer = await upload(people.prosecutor, kase.id, { bytes: Buffer.alloc(70 * 1024, 'a'), name: 'long.txt' }, { title: 'Long statement' });
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The file is larger than the limit of 64 KiB',
        details: [{ field: 'file', rule: 'file_too_large', params: { max: 65536 }, message: 'must not be larger than 64 KiB' }],
      });
    });
    const atLimit = Buffer.concat([text(), Buffer.alloc(65536, 'b')]).subarray(0, 65536);
    expect((await add(people.prosecutor, {}, { bytes: atLimit, name: 'limit.txt' })).size).toBe(65536);
  });

  it('lets a member add only at a tier they can read (403 otherwise), storing nothing when refused', async () => {
    await nothingStored(async () => {
      // The default tier, oversight, is above the police's and the observer's clearance.
      expect((await upload(people.police, kase.id, { bytes: png() }, { title: 'Duty log' })).status).toBe(403);
      expect((await upload(people.observer, kase.id, { bytes: png() }, { title: 'Photo', tier: 'state' })).status).toBe(403);
      expect((await upload(people.ombudsman, kase.id, { bytes: png() }, { title: 'Photo', tier: 'prosecution' })).status).toBe(403);
    });
    const byPolice = await add(people.police, { title: 'Duty log extract', tier: 'state' }, { bytes: text('Duty log'), name: 'duty-log.txt' });
    expect(byPolice).toMatchObject({ tier: 'state', mediaType: 'text/plain', collectedBy: { userId: people.police.id, agency: agencies.police } });
    expect(byPolice.custody[0].toAgency).toEqual(agencies.police);
    const byObserver = await add(people.observer, { title: 'Statement of a cellmate', tier: 'room' }, { bytes: text('Statement') });
    expect(byObserver.custody[0].toAgency).toEqual(agencies.observer);
  });
});

describe('downloading evidence', () => {
  it('refuses with 409 a file that was changed on disk, sends none of it, and logs the failure', async () => {
    const item = await add(people.prosecutor, { title: 'Medical report' }, { bytes: text('Medical report'), name: 'report.txt' });
    expect((await download(people.prosecutor, kase.id, item.id)).status).toBe(200);
    const path = storedAt(item.sha256);
    chmodSync(path, 0o644);
    writeFileSync(path, 'Medical report: nothing found\n');

    const refused = await download(people.ombudsman, kase.id, item.id);
    expect(refused.status).toBe(409);
    expect(refused.json()).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'The stored file no longer matches its recorded sha256; it may have been altered',
      details: [{ field: '', rule: 'stored_file', message: 'The stored file no longer matches its recorded sha256; it may have been altered' }],
    });
    expect(refused.bytes.toString('utf8')).not.toContain('nothing found');
    expect(refused.headers.get('content-disposition')).toBeNull();

    await settle(); // let the server flush its log lines
    const failure = readFileSync(process.env['VIGIL_E2E_LOG'] as string, 'utf8')
      .split('\n')
      .find((line) => line.includes('evidence.integrity_failed') && line.includes(item.id));
    expect(failure).toBeDefined();
    expect(failure).toContain(item.sha256);
    expect(failure).not.toContain(kase.victimName);
  });

  it('refuses with 409 a file that is missing from the store', async () => {
    const item = await add(people.prosecutor, { title: 'Audio statement' });
    rmSync(storedAt(item.sha256));
    const refused = await download(people.prosecutor, kase.id, item.id);
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', message: 'The stored file is missing from the evidence store' });
  });
});

describe('the chain of custody', () => {
  let item: Evidence;
  beforeAll(async () => {
    item = await add(people.prosecutor, { title: 'Clothing of the complainant', tier: 'state', collectedAt: '2026-03-12T10:00:00.000Z' });
  });

  it('appends each hand-over, from the agency holding the item, in order', async () => {
    const toPolice = await call<CustodyEntry>('POST', evidencePath(`/${item.id}/custody`), {
      token: people.prosecutor.token,
      body: { toAgencyId: agencies.police.id, receivedBy: 'Sgt. Invented Person', note: 'Sealed bag no. 118', at: '2026-03-12T12:00:00.000Z' },
    });
    expect(toPolice.status).toBe(201);
    expect(toPolice.body).toEqual({
      seq: 2,
      fromAgency: agencies.prosecutor,
      toAgency: agencies.police,
      handedOverBy: { userId: people.prosecutor.id, displayName: people.prosecutor.displayName },
      receivedBy: 'Sgt. Invented Person',
      note: 'Sealed bag no. 118',
      at: '2026-03-12T12:00:00.000Z',
    });
    // The police, now holding it, hand it to the ombudsman's office; the time defaults to now.
    const toOmbudsman = await call<CustodyEntry>('POST', evidencePath(`/${item.id}/custody`), {
      token: people.police.token,
      body: { toAgencyId: agencies.ombudsman.id },
    });
    expect(toOmbudsman.status).toBe(201);
    expect(toOmbudsman.body).toMatchObject({ seq: 3, fromAgency: agencies.police, toAgency: agencies.ombudsman, receivedBy: null, note: null });

    const read = await call<Evidence>('GET', evidencePath(`/${item.id}`), { token: people.police.token });
    expect(read.body.custody.map((c) => [c.seq, c.fromAgency?.id ?? null, c.toAgency.id])).toEqual([
      [1, null, agencies.prosecutor.id],
      [2, agencies.prosecutor.id, agencies.police.id],
      [3, agencies.police.id, agencies.ombudsman.id],
    ]);

    const events = evidenceEvents(await allEvents(people.police, kase.id), item.id).filter((e) => e.type === 'evidence.custody_transferred');
    expect(events.map((e) => [e.tier, e.data['seq']])).toEqual([
      ['state', 2],
      ['state', 3],
    ]);
    expect(events[0].data).toEqual({
      evidenceId: item.id,
      seq: 2,
      fromAgency: agencies.prosecutor,
      toAgency: agencies.police,
      receivedBy: 'Sgt. Invented Person',
      note: 'Sealed bag no. 118',
      at: '2026-03-12T12:00:00.000Z',
    });
  });

  it('names each bad field of a hand-over and appends nothing', async () => {
    await nothingStored(async () => {
      const unknown = await call('POST', evidencePath(`/${item.id}/custody`), {
        token: people.prosecutor.token,
        body: { toAgencyId: randomUUID(), at: '2026-03-12T09:00:00.000Z' }, // before the collection
      });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown)).toEqual(['at', 'toAgencyId']);
      expect(unknown.body.details.find((d: { field: string }) => d.field === 'at').message).toContain('previous custody entry');

      const malformed = await call('POST', evidencePath(`/${item.id}/custody`), {
        token: people.prosecutor.token,
        body: { toAgencyId: 'police', receivedBy: 'x'.repeat(201), note: 'x'.repeat(1001), at: 'noon', seq: 9 },
      });
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed)).toEqual(['at', 'note', 'receivedBy', 'seq', 'toAgencyId']);

      const future = await call('POST', evidencePath(`/${item.id}/custody`), {
        token: people.prosecutor.token,
        body: { toAgencyId: agencies.prosecutor.id, at: '2999-01-01T00:00:00.000Z' },
      });
      expect(fieldsOf(future)).toEqual(['at']);
    });
  });

  it('has no route that changes or removes an entry or an item', async () => {
    const routes = [
      ['PATCH', `/${item.id}/custody/1`],
      ['PUT', `/${item.id}/custody/1`],
      ['DELETE', `/${item.id}/custody/1`],
      ['DELETE', `/${item.id}/custody`],
      ['PATCH', `/${item.id}/custody`],
      ['PUT', `/${item.id}`],
      ['PATCH', `/${item.id}`],
      ['DELETE', `/${item.id}`],
    ];
    await nothingStored(async () => {
      for (const [method, path] of routes) {
        const answer = await call(method, evidencePath(path), { token: people.chief.token, body: { note: 'changed' } });
        expect([404, 405]).toContain(answer.status);
      }
    });
    expect((await call<Evidence>('GET', evidencePath(`/${item.id}`), { token: people.prosecutor.token })).body.custody).toHaveLength(3);
  });

  it('is append-only in the database itself, as is the evidence row', async () => {
    await withDatabase(async (db) => {
      await expect(db.query(`UPDATE custody_entries SET note = 'rewritten' WHERE evidence_id = $1`, [item.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM custody_entries WHERE evidence_id = $1`, [item.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE custody_entries CASCADE`)).rejects.toThrow(/append-only/);
      await expect(db.query(`UPDATE evidence SET sha256 = $2 WHERE id = $1`, [item.id, '0'.repeat(64)])).rejects.toThrow(/only be marked superseded/);
      await expect(db.query(`UPDATE evidence SET title = 'Renamed' WHERE id = $1`, [item.id])).rejects.toThrow(/only be marked superseded/);
      await expect(db.query(`DELETE FROM evidence WHERE id = $1`, [item.id])).rejects.toThrow(/never deleted/);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM custody_entries WHERE evidence_id = $1`, [item.id]);
      expect(rows[0].n).toBe(3);
    });
  });
});

describe('superseding evidence', () => {
  it('is for prosecutors: the item stays listed with the reason, and cannot be superseded twice', async () => {
    const item = await add(people.prosecutor, { title: 'Blurred photograph', tier: 'state' });
    await nothingStored(async () => {
      const byPolice = await call('POST', evidencePath(`/${item.id}/supersede`), { token: people.police.token, body: { reason: 'Blurred' } });
      expect(byPolice.status).toBe(403);
      const byOmbudsman = await call('POST', evidencePath(`/${item.id}/supersede`), { token: people.ombudsman.token, body: { reason: 'Blurred' } });
      expect(byOmbudsman.status).toBe(403);
      const noReason = await call('POST', evidencePath(`/${item.id}/supersede`), { token: people.prosecutor.token, body: { reason: '  ' } });
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason)).toEqual(['reason']);
      const longReason = await call('POST', evidencePath(`/${item.id}/supersede`), { token: people.prosecutor.token, body: { reason: 'r'.repeat(1001) } });
      expect(fieldsOf(longReason)).toEqual(['reason']);
    });

    const superseded = await call<Evidence>('POST', evidencePath(`/${item.id}/supersede`), {
      token: people.prosecutor.token,
      body: { reason: 'Replaced by a sharper photograph of the same wall' },
    });
    expect(superseded.status).toBe(200);
    expect(superseded.body.superseded).toEqual({
      at: expect.any(String),
      by: { userId: people.prosecutor.id, displayName: people.prosecutor.displayName },
      reason: 'Replaced by a sharper photograph of the same wall',
    });

    const listed = await call<Evidence[]>('GET', evidencePath(), { token: people.police.token });
    expect(listed.body.find((e) => e.id === item.id)?.superseded?.reason).toBe('Replaced by a sharper photograph of the same wall');

    await nothingStored(async () => {
      const again = await call('POST', evidencePath(`/${item.id}/supersede`), { token: people.chief.token, body: { reason: 'Again' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
    });
    await withDatabase(async (db) => {
      await expect(db.query(`UPDATE evidence SET superseded_reason = 'Other' WHERE id = $1`, [item.id])).rejects.toThrow(/already superseded/);
    });

    // Superseded is not gone: it still downloads and may still change hands.
    expect((await download(people.police, kase.id, item.id)).status).toBe(200);
    const handOver = await call('POST', evidencePath(`/${item.id}/custody`), { token: people.prosecutor.token, body: { toAgencyId: agencies.police.id } });
    expect(handOver.status).toBe(201);

    const events = evidenceEvents(await allEvents(people.police, kase.id), item.id);
    expect(events.map((e) => [e.type, e.tier])).toEqual([
      ['evidence.added', 'state'],
      ['evidence.superseded', 'state'],
      ['evidence.custody_transferred', 'state'],
    ]);
    expect(events[1].data).toEqual({ evidenceId: item.id, reason: 'Replaced by a sharper photograph of the same wall' });
  });
});

describe('tiers', () => {
  it('hides an oversight item from the police and observers everywhere, while a state item reaches the police', async () => {
    const police = await Client.connect(people.police);
    const observer = await Client.connect(people.observer);
    try {
      expect((await police.emit('case:join', { caseId: kase.id })).ok).toBe(true);
      expect((await observer.emit('case:join', { caseId: kase.id })).ok).toBe(true);
      const hidden = await add(people.prosecutor, { title: 'Forensic photograph of injuries', tier: 'oversight' });
      const shared = await add(people.prosecutor, { title: 'CCTV request reply', tier: 'state' }, { bytes: pdf(), name: 'reply.pdf' });
      await police.waitFor(() => police.events(kase.id).some((e) => 'evidenceId' in e.data && e.data.evidenceId === shared.id), 'the state item event');
      await settle();

      for (const person of [people.police, people.observer]) {
        const list = await call<Evidence[]>('GET', evidencePath(), { token: person.token });
        expect(list.status).toBe(200);
        expect(list.body.map((e) => e.id)).not.toContain(hidden.id);
        expect((await call('GET', evidencePath(`/${hidden.id}`), { token: person.token })).status).toBe(404);
        expect((await download(person, kase.id, hidden.id)).status).toBe(404);
        const handOver = await call('POST', evidencePath(`/${hidden.id}/custody`), { token: person.token, body: { toAgencyId: agencies.police.id } });
        expect(handOver.status).toBe(404);
        expect(evidenceEvents(await allEvents(person, kase.id), hidden.id)).toEqual([]);
      }
      expect(police.events(kase.id).filter((e) => 'evidenceId' in e.data && e.data.evidenceId === hidden.id)).toEqual([]);
      expect(observer.events(kase.id).filter((e) => 'evidenceId' in e.data && e.data.evidenceId === hidden.id)).toEqual([]);

      // The state item: the police read it, observers do not.
      expect((await call<Evidence[]>('GET', evidencePath(), { token: people.police.token })).body.map((e) => e.id)).toContain(shared.id);
      expect((await call('GET', evidencePath(`/${shared.id}`), { token: people.police.token })).status).toBe(200);
      expect((await download(people.police, kase.id, shared.id)).status).toBe(200);
      expect((await call('GET', evidencePath(`/${shared.id}`), { token: people.observer.token })).status).toBe(404);
      expect(observer.events(kase.id).filter((e) => 'evidenceId' in e.data && e.data.evidenceId === shared.id)).toEqual([]);

      // The ombudsman reads oversight, not prosecution.
      const prosecutionOnly = await add(people.prosecutor, { title: 'Draft indictment annex', tier: 'prosecution' }, { bytes: pdf() });
      expect((await call('GET', evidencePath(`/${hidden.id}`), { token: people.ombudsman.token })).status).toBe(200);
      expect((await call('GET', evidencePath(`/${prosecutionOnly.id}`), { token: people.ombudsman.token })).status).toBe(404);
    } finally {
      police.close();
      observer.close();
    }
  });

  it("never carries the victim's identity, in any answer or event, for any reader", async () => {
    const answers: unknown[] = [];
    for (const role of ['prosecutor', 'chief', 'ombudsman', 'police', 'observer'] as Role[]) {
      const list = await call<Evidence[]>('GET', evidencePath(), { token: people[role].token });
      answers.push(list.body, await allEvents(people[role], kase.id));
      for (const item of list.body) answers.push((await call('GET', evidencePath(`/${item.id}`), { token: people[role].token })).body);
    }
    const all = JSON.stringify(answers);
    expect(all).toContain('evidence.added');
    expect(all).not.toContain(kase.victimName);
    expect(all).not.toContain('+7 700 000 0099');
  });
});

describe('outside the case', () => {
  it('is 404 for a non-member (and for ids that are not UUIDs), 403 for an admin, and stores nothing', async () => {
    const other = await openCase(people.prosecutor, people.prosecutor);
    const item = (await upload(people.prosecutor, other.id, { bytes: png() }, { title: 'Photograph', tier: 'state' })).body as Evidence;
    await nothingStored(async () => {
      const base = `/api/cases/${other.id}/evidence`;
      expect((await call('GET', base, { token: people.police.token })).status).toBe(404);
      expect((await call('GET', `${base}/${item.id}`, { token: people.police.token })).status).toBe(404);
      expect((await download(people.police, other.id, item.id)).status).toBe(404);
      expect((await upload(people.police, other.id, { bytes: png() }, { title: 'Photo', tier: 'state' })).status).toBe(404);
      const handOver = await call('POST', `${base}/${item.id}/custody`, { token: people.police.token, body: { toAgencyId: agencies.police.id } });
      expect(handOver.status).toBe(404);
      expect((await call('POST', `${base}/${item.id}/supersede`, { token: people.police.token, body: { reason: 'x' } })).status).toBe(404);
      // An item of another case is not found through this one.
      expect((await call('GET', evidencePath(`/${item.id}`), { token: people.prosecutor.token })).status).toBe(404);
      expect((await call('GET', `${base}/not-a-uuid`, { token: people.prosecutor.token })).status).toBe(404);
      expect((await call('GET', `/api/cases/not-a-uuid/evidence`, { token: people.prosecutor.token })).status).toBe(404);
      expect((await call('GET', base, { token: people.admin.token })).status).toBe(403);
    });
    // The chief supervises every case.
    expect((await call('GET', `/api/cases/${other.id}/evidence/${item.id}`, { token: people.chief.token })).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('describes the evidence endpoints, the upload as multipart', async () => {
    const document = await call('GET', '/api/docs/json');
    const paths = document.body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/evidence',
        '/api/cases/{id}/evidence/{evidenceId}',
        '/api/cases/{id}/evidence/{evidenceId}/content',
        '/api/cases/{id}/evidence/{evidenceId}/custody',
        '/api/cases/{id}/evidence/{evidenceId}/supersede',
      ]),
    );
    const upload = paths['/api/cases/{id}/evidence'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.required).toEqual(['file', 'title']);
    expect(upload.properties.file).toMatchObject({ type: 'string', format: 'binary' });
  });
});
