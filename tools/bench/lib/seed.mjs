// Bulk seeding of Vigil's schema for the bench: agencies, accounts, cases with their members,
// and each case's event log with the real hash chain (the same canonical JSON and SHA-256 as
// libs/api/cases/src/lib/event-log.ts, so `GET /api/cases/:id/verify` answers ok), plus the
// `messages` rows that posted events refer to. Rows go in as large multi-row INSERTs
// (`INSERT … SELECT FROM unnest($1::uuid[], …)`, thousands of rows per statement) with
// PostgreSQL's per-row triggers (the foreign-key checks) off for the session: the generator
// writes consistent rows, and checking each one would only slow the load. Durability is untouched.
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export const TIERS = ['room', 'state', 'oversight', 'prosecution'];
export const KINDS = ['prosecutor', 'police', 'ombudsman', 'civil_society'];
/** The role bench accounts of each agency kind get, and the clearance that role reads at. */
export const ROLE_OF_KIND = { prosecutor: 'prosecutor', police: 'police', ombudsman: 'ombudsman', civil_society: 'observer' };
export const CLEARANCE_OF_ROLE = { prosecutor: 'prosecution', chief_prosecutor: 'prosecution', police: 'state', ombudsman: 'oversight', observer: 'room' };
const canRead = (clearance, tier) => TIERS.indexOf(tier) <= TIERS.indexOf(clearance);

const STATUSES = ['registered', 'visit_dispatched', 'site_visited', 'investigating', 'proceedings', 'remedies', 'closed'];
const SOURCES = ['victim', 'relative', 'lawyer', 'ombudsman', 'civil_society', 'police', 'medical', 'media', 'other'];
const FACILITY_KINDS = ['police_station', 'temporary_detention', 'pretrial_detention', 'penitentiary', 'other'];

// ---- the hash chain (must match event-log.ts) -------------------------------------------------

export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The generic form of what event-log.ts hashes: used to check the fast form below. */
function hashedContent(e) {
  return { caseId: e.caseId, seq: e.seq, type: e.type, tier: e.tier, at: e.at, actor: e.actor, data: e.data, clientId: e.clientId, prevSeq: e.prevSeq };
}

const q = JSON.stringify;
/** Canonical JSON of an actor (keys sorted): computed once per account. */
const actorJson = (a) => `{"agencyKind":${q(a.agencyKind)},"displayName":${q(a.displayName)},"id":${q(a.id)},"role":${q(a.role)}}`;

/** Canonical JSON of the hashed content, keys written in sorted order; `dataJson` is already canonical. */
function fastCanonical(e, actor, dataJson) {
  const p = e.prevSeq;
  return (
    `{"actor":${actor},"at":${q(e.at)},"caseId":${q(e.caseId)},"clientId":${e.clientId === null ? 'null' : q(e.clientId)},"data":${dataJson},` +
    `"prevSeq":{"oversight":${p.oversight},"prosecution":${p.prosecution},"room":${p.room},"state":${p.state}},"seq":${e.seq},"tier":${q(e.tier)},"type":${q(e.type)}}`
  );
}

/** Canonical JSON of each event type's data (keys sorted); the same text goes into the jsonb column. */
const DATA_JSON = {
  'case.created': (d) =>
    `{"facility":{"kind":${q(d.facility.kind)},"name":${q(d.facility.name)}},"reference":${q(d.reference)},"source":${q(d.source)},"summary":${q(d.summary)}}`,
  'member.added': (d) => `{"agencyKind":${q(d.agencyKind)},"displayName":${q(d.displayName)},"role":${q(d.role)},"userId":${q(d.userId)}}`,
  'message.posted': (d) => `{"body":${q(d.body)},"clientId":${q(d.clientId)},"messageId":${q(d.messageId)}}`,
};

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// The fast form must be byte-for-byte the generic one, or the server would find every chain broken.
{
  const actor = { id: randomUUID(), displayName: 'Check "quoted" ünïcode', role: 'police', agencyKind: 'police' };
  const samples = [
    ['case.created', { reference: 'X-1', summary: 's', source: 'lawyer', facility: { name: 'F', kind: 'other' } }, null],
    ['member.added', { userId: randomUUID(), displayName: 'M', role: 'observer', agencyKind: 'civil_society' }, null],
    ['message.posted', { messageId: randomUUID(), clientId: randomUUID(), body: 'b\n"x"' }, randomUUID()],
  ];
  for (const [type, data, clientId] of samples) {
    const e = { caseId: randomUUID(), seq: 3, type, tier: 'room', at: new Date().toISOString(), actor, data, clientId, prevSeq: { room: 2, state: 2, oversight: 1, prosecution: 0 } };
    if (fastCanonical(e, actorJson(actor), DATA_JSON[type](data)) !== canonicalJson(hashedContent(e))) {
      throw new Error(`the bench's canonical JSON of ${type} differs from event-log.ts's`);
    }
  }
}

/**
 * Time-ordered UUIDs (a 48-bit counter in front, like UUIDv7): index inserts land at the right
 * edge of the B-trees instead of at random pages, which keeps bulk loading fast.
 */
let uuidCounter = Date.now() * 1000;
export function orderedUuid() {
  const head = (uuidCounter++).toString(16).padStart(12, '0').slice(-12);
  const tail = randomUUID();
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-7${tail.slice(15, 18)}-${tail.slice(19, 23)}-${tail.slice(24)}`;
}

// ---- a deterministic PRNG, so that two runs seed the same shapes ---------------------------------

export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- batched inserts ---------------------------------------------------------------------------

/** Columns → a `INSERT … SELECT * FROM unnest(...)` for one table. */
function bulkInsert(table, columns) {
  const list = columns.map(([name]) => `"${name}"`).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${params})`;
  return async (client, rows) => {
    if (rows.length === 0) return;
    const arrays = columns.map(() => new Array(rows.length));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < columns.length; c++) arrays[c][r] = row[c];
    }
    await client.query(sql, arrays);
  };
}

const insertAgencies = bulkInsert('agencies', [
  ['id', 'uuid'],
  ['name', 'text'],
  ['kind', 'text'],
]);
const insertAccounts = bulkInsert('accounts', [
  ['id', 'uuid'],
  ['email', 'text'],
  ['display_name', 'text'],
  ['password_hash', 'text'],
  ['role', 'text'],
  ['agency_id', 'uuid'],
]);
const insertCases = bulkInsert('cases', [
  ['id', 'uuid'],
  ['reference', 'text'],
  ['summary', 'text'],
  ['status', 'text'],
  ['source', 'text'],
  ['facility_name', 'text'],
  ['facility_kind', 'text'],
  ['victim_full_name', 'text'],
  ['victim_birth_year', 'int'],
  ['received_at', 'timestamptz'],
  ['visit_due_at', 'timestamptz'],
  ['visited_at', 'timestamptz'],
  ['visit_warned_at', 'timestamptz'],
  ['visit_missed_at', 'timestamptz'],
  ['created_by', 'uuid'],
  ['last_seq', 'int'],
  ['last_seq_room', 'int'],
  ['last_seq_state', 'int'],
  ['last_seq_oversight', 'int'],
  ['last_seq_prosecution', 'int'],
  ['head_hash', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at_room', 'timestamptz'],
  ['updated_at_state', 'timestamptz'],
  ['updated_at_oversight', 'timestamptz'],
  ['updated_at_prosecution', 'timestamptz'],
]);
const insertMembers = bulkInsert('case_members', [
  ['case_id', 'uuid'],
  ['account_id', 'uuid'],
  ['added_at', 'timestamptz'],
]);
const insertReads = bulkInsert('case_reads', [
  ['case_id', 'uuid'],
  ['account_id', 'uuid'],
  ['seq', 'int'],
]);
const insertEvents = bulkInsert('case_events', [
  ['id', 'uuid'],
  ['case_id', 'uuid'],
  ['seq', 'int'],
  ['seq_room', 'int'],
  ['seq_state', 'int'],
  ['seq_oversight', 'int'],
  ['type', 'text'],
  ['tier', 'text'],
  ['at', 'timestamptz'],
  ['actor_id', 'uuid'],
  ['actor_name', 'text'],
  ['actor_role', 'text'],
  ['actor_agency_kind', 'text'],
  ['data', 'jsonb'],
  ['client_id', 'uuid'],
  ['prev_seq_room', 'int'],
  ['prev_seq_state', 'int'],
  ['prev_seq_oversight', 'int'],
  ['prev_seq_prosecution', 'int'],
  ['hash', 'text'],
]);
const insertMessages = bulkInsert('messages', [
  ['id', 'uuid'],
  ['case_id', 'uuid'],
  ['author_id', 'uuid'],
  ['tier', 'text'],
  ['body', 'text'],
]);

/** Skips per-row triggers (foreign-key checks) for this session; needs a superuser, which the embedded one is. */
export async function bulkSession(client) {
  await client.query(`SET session_replication_role = replica`);
}

// ---- agencies and accounts ---------------------------------------------------------------------

/**
 * Creates `perKind` agencies of each kind and `count` accounts spread evenly over them, all with
 * the same password hash. → accounts [{ id, email, displayName, role, agencyId, agencyKind }]
 */
export async function seedAccounts(client, { prefix, count, agenciesPerKind = 2, passwordHash }) {
  const agencies = [];
  for (const kind of KINDS) {
    for (let i = 1; i <= agenciesPerKind; i++) agencies.push({ id: randomUUID(), name: `Bench ${prefix} ${kind} agency ${i}`, kind });
  }
  await insertAgencies(client, agencies.map((a) => [a.id, a.name, a.kind]));
  const accounts = [];
  for (let i = 0; i < count; i++) {
    const agency = agencies[i % agencies.length];
    const role = ROLE_OF_KIND[agency.kind];
    accounts.push({
      id: randomUUID(),
      email: `${prefix}-${String(i + 1).padStart(6, '0')}@bench.vigil`,
      displayName: `Bench ${role} ${i + 1}`,
      role,
      agencyId: agency.id,
      agencyKind: agency.kind,
    });
  }
  for (let i = 0; i < accounts.length; i += 5000) {
    await insertAccounts(client, accounts.slice(i, i + 5000).map((a) => [a.id, a.email, a.displayName, passwordHash, a.role, a.agencyId]));
  }
  return { agencies, accounts };
}

// ---- cases, members, events --------------------------------------------------------------------

/**
 * Accumulates cases and flushes them in batches. `add(members, messages)` writes one case:
 * `case.created` and a `member.added` per member (tier `room`), then `messages` posts with the
 * given tiers, each by a member cleared for its tier.
 */
export class CaseWriter {
  constructor(client, { prefix, startAt, random = prng(42), batchEvents = 8000, readsFraction = 0 }) {
    this.client = client;
    this.prefix = prefix;
    this.clock = startAt.getTime();
    this.random = random;
    this.batchEvents = batchEvents;
    this.readsFraction = readsFraction;
    this.number = 0;
    this.totals = { cases: 0, events: 0, members: 0, messages: 0 };
    /** Time spent waiting for the database (the rest is generating rows). */
    this.waitedMs = 0;
    this.reset();
    this.inFlight = Promise.resolve();
  }

  reset() {
    this.cases = [];
    this.members = [];
    this.reads = [];
    this.events = [];
    this.messages = [];
  }

  /** @param members accounts; the first one opens the case. @param messageTiers one tier per message. */
  async add(members, messageTiers = [], { spacingMs = 60_000 } = {}) {
    const random = this.random;
    const caseId = orderedUuid();
    const number = ++this.number;
    const reference = `${this.prefix}-${String(number).padStart(7, '0')}`;
    const creator = members[0];
    const facilityKind = FACILITY_KINDS[number % FACILITY_KINDS.length];
    const facility = { name: `Facility ${number % 500}`, kind: facilityKind };
    const summary = `Bench report ${number}: alleged ill-treatment during detention`;
    const source = SOURCES[number % SOURCES.length];
    let t = this.clock;
    const heads = { room: 0, state: 0, oversight: 0, prosecution: 0 };
    const updated = { room: null, state: null, oversight: null, prosecution: null };
    let seq = 0;
    let prevHash = '';
    const append = (actor, type, tier, data, clientId = null) => {
      const dataJson = DATA_JSON[type](data);
      seq++;
      t += 1 + Math.floor(random() * spacingMs);
      const at = new Date(t).toISOString();
      const prevSeq = { room: heads.room, state: heads.state, oversight: heads.oversight, prosecution: heads.prosecution };
      // Each clearance counts the events it may read (its own numbering; the prosecution's is `seq`).
      for (const clearance of TIERS) {
        if (canRead(clearance, tier)) {
          heads[clearance] += 1;
          updated[clearance] = at;
        }
      }
      const own = (clearance) => (canRead(clearance, tier) ? heads[clearance] : null);
      actor.json ??= actorJson(actor);
      prevHash = sha256(prevHash + fastCanonical({ caseId, seq, type, tier, at, clientId, prevSeq }, actor.json, dataJson));
      this.events.push([
        orderedUuid(),
        caseId,
        seq,
        own('room'),
        own('state'),
        own('oversight'),
        type,
        tier,
        at,
        actor.id,
        actor.displayName,
        actor.role,
        actor.agencyKind,
        dataJson,
        clientId,
        prevSeq.room,
        prevSeq.state,
        prevSeq.oversight,
        prevSeq.prosecution,
        prevHash,
      ]);
    };
    const createdAt = new Date(t + 1).toISOString();
    append(creator, 'case.created', 'room', { reference, summary, source, facility });
    for (const member of members) {
      append(creator, 'member.added', 'room', { userId: member.id, displayName: member.displayName, role: member.role, agencyKind: member.agencyKind });
      this.members.push([caseId, member.id, createdAt]);
    }
    for (const tier of messageTiers) {
      const cleared = members.filter((m) => canRead(CLEARANCE_OF_ROLE[m.role], tier));
      const author = cleared[Math.floor(random() * cleared.length)] ?? creator;
      const messageId = orderedUuid();
      const clientId = randomUUID();
      const body = `Bench message ${seq + 1} in ${reference}: observations from the visit, documents requested, next steps agreed.`;
      append(author, 'message.posted', tier, { messageId, clientId, body }, clientId);
      this.messages.push([messageId, caseId, author.id, tier, body]);
    }
    if (this.readsFraction > 0 && random() < this.readsFraction) {
      this.reads.push([caseId, members[0].id, Math.max(1, seq - Math.floor(random() * 5))]);
    }
    const receivedAt = createdAt;
    const status = STATUSES[number % STATUSES.length];
    const visitDue = new Date(Date.parse(receivedAt) + 24 * 3_600_000).toISOString();
    const visited = status === 'registered' || status === 'visit_dispatched' ? null : new Date(Date.parse(createdAt) + 3_600_000).toISOString();
    // The visit clock's alerts of an unvisited case count as raised at its deadline: otherwise the
    // server's sweep appends one to each such case (2 in 7) while the benchmark runs.
    const alerted = visited === null ? visitDue : null;
    this.cases.push([
      caseId,
      reference,
      summary,
      status,
      source,
      facility.name,
      facility.kind,
      `Bench Victim ${number}`,
      1960 + (number % 45),
      receivedAt,
      visitDue,
      visited,
      alerted,
      alerted,
      creator.id,
      seq,
      heads.room,
      heads.state,
      heads.oversight,
      heads.prosecution,
      prevHash,
      createdAt,
      updated.room,
      updated.state ?? updated.room,
      updated.oversight ?? updated.room,
      updated.prosecution ?? updated.room,
    ]);
    this.totals.cases++;
    this.totals.events += seq;
    this.totals.members += members.length;
    this.totals.messages += messageTiers.length;
    if (this.events.length >= this.batchEvents) await this.flush();
    return { caseId, reference, headSeq: seq };
  }

  /** Sends what has accumulated; the next batch is built while this one is written. */
  async flush() {
    const batch = { cases: this.cases, members: this.members, reads: this.reads, events: this.events, messages: this.messages };
    this.reset();
    const waitStarted = performance.now();
    await this.inFlight;
    this.waitedMs += performance.now() - waitStarted;
    this.inFlight = (async () => {
      await this.client.query('BEGIN');
      await insertCases(this.client, batch.cases);
      await insertMembers(this.client, batch.members);
      await insertReads(this.client, batch.reads);
      await insertEvents(this.client, batch.events);
      await insertMessages(this.client, batch.messages);
      await this.client.query('COMMIT');
    })();
    // Surface a failure now rather than at the next flush.
    this.inFlight.catch(() => undefined);
  }

  async finish() {
    await this.flush();
    await this.inFlight;
  }
}
