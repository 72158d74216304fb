// Reads: "list my cases" (`GET /api/cases`) and "events of a case" (`GET /api/cases/:id/events`)
// against Vigil, side by side with a bare `pg` client running the same SQL as
// libs/api/cases/src/lib/cases.service.ts (`list` and `events`) on the same database.
// Each at a fixed request rate (open loop: latency counts from the scheduled start), then at
// saturation (a fixed number of requests in flight) for throughput.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Histogram } from './histogram.mjs';
import { httpClient } from './http.mjs';
import { cpuMeter } from './procs.mjs';
import { CaseWriter, CLEARANCE_OF_ROLE, KINDS, prng, ROLE_OF_KIND, seedAccounts, TIERS, bulkSession } from './seed.mjs';

const TIER_INDEX = Object.fromEntries(TIERS.map((t, i) => [t, i]));
const readableTiers = (role) => TIERS.filter((t) => TIER_INDEX[t] <= TIER_INDEX[CLEARANCE_OF_ROLE[role]]);
const HEAD_COLUMN = { room: 'last_seq_room', state: 'last_seq_state', oversight: 'last_seq_oversight', prosecution: 'last_seq_prosecution' };
const UPDATED_COLUMN = { room: 'updated_at_room', state: 'updated_at_state', oversight: 'updated_at_oversight', prosecution: 'updated_at_prosecution' };
const CASES_PAGE = 50;
const EVENTS_PAGE = 100;

/**
 * `list` for a member (not a chief prosecutor), no filter, first page: as cases.service.ts builds it.
 * Readers whose role reads above `state` get the per-case cap for cases implicating their agency
 * ($4 their agency, $5 the capped tiers).
 */
export function listSql(role) {
  const clearance = CLEARANCE_OF_ROLE[role];
  const capped = TIER_INDEX[clearance] > TIER_INDEX.state;
  const rowsReadAt = (readAt, implicated) => `SELECT c.id, c.reference, c.summary, c.status, c.facility_name, c.facility_kind, c.visit_due_at, c.visited_at,
                     c.${HEAD_COLUMN[readAt]} AS head_seq, c.${UPDATED_COLUMN[readAt]} AS updated_at, ${implicated === true} AS capped
                FROM case_members m JOIN cases c ON c.id = m.case_id
               WHERE m.account_id = $1${implicated === null ? '' : implicated ? ' AND c.implicated_agency_id = $4::uuid' : ' AND c.implicated_agency_id IS DISTINCT FROM $4::uuid'}
               ORDER BY c.${UPDATED_COLUMN[readAt]} DESC, c.id DESC
               LIMIT $3`;
  const page = capped
    ? `SELECT * FROM ((${rowsReadAt(clearance, false)}) UNION ALL (${rowsReadAt('state', true)})) b ORDER BY updated_at DESC, id DESC LIMIT $3`
    : rowsReadAt(clearance, null);
  return `SELECT p.*,
              (SELECT count(*) FROM case_events e
                WHERE e.case_id = p.id AND e.seq > coalesce(r.seq, 0)
                  AND e.tier = ANY(${capped ? 'CASE WHEN p.capped THEN $5::text[] ELSE $2::text[] END' : '$2::text[]'}))::int AS unread
         FROM (${page}) p
         LEFT JOIN case_reads r ON r.case_id = p.id AND r.account_id = $1
        ORDER BY p.updated_at DESC, p.id DESC`;
}
/** The parameters of `listSql(reader.role)`. */
const listParams = (reader) => {
  const params = [reader.id, readableTiers(reader.role), CASES_PAGE + 1];
  return TIER_INDEX[CLEARANCE_OF_ROLE[reader.role]] > TIER_INDEX.state ? [...params, reader.agencyId, ['room', 'state']] : params;
};
const SEQ_COLUMN = { room: 'seq_room', state: 'seq_state', oversight: 'seq_oversight', prosecution: 'seq' };
/** `events` after seq 0 for a reader of `role`: the page with its messages' state, as cases.service.ts (event-rows.ts) sends it. */
export const eventsSql = (role) => `SELECT e.id, e.case_id, e.seq, e.seq_room, e.seq_state, e.seq_oversight, e.type, e.tier, e.at, e.actor_id, e.actor_name, e.actor_role,
       e.actor_agency_kind, e.data, e.client_id, e.prev_seq_room, e.prev_seq_state, e.prev_seq_oversight,
       e.prev_seq_prosecution, e.hash,
       m.id AS message_id, m.case_id AS message_case_id, m.author_id AS message_author_id, m.tier AS message_tier,
       m.body AS message_body, m.edited_at AS message_edited_at, m.redacted_at AS message_redacted_at
         FROM case_events e
         LEFT JOIN messages m ON m.id = (e.data->>'messageId')::uuid
        WHERE e.case_id = $1 AND e.${SEQ_COLUMN[CLEARANCE_OF_ROLE[role]]} > $2
        ORDER BY e.${SEQ_COLUMN[CLEARANCE_OF_ROLE[role]]} ASC
        LIMIT $3`;

/**
 * Seeds `cases` cases holding `events` events in all: four members each (one account of each
 * agency kind, from pools of `readersPerKind`), 1 % of the cases long (150 messages, for a full
 * page of events), the rest sharing what remains. Progress goes to `log`.
 */
export async function seedReads(databaseUrl, { cases, events, readersPerKind, passwordHash, log, tag = '' }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await bulkSession(client);
    const started = performance.now();
    const { accounts } = await seedAccounts(client, { prefix: `reader${tag}`, count: readersPerKind * KINDS.length, agenciesPerKind: 2, passwordHash });
    const byKind = Object.fromEntries(KINDS.map((kind) => [kind, accounts.filter((a) => a.agencyKind === kind)]));
    const random = prng(7);
    const writer = new CaseWriter(client, { prefix: `RD${tag.toUpperCase()}`, startAt: new Date(Date.now() - 400 * 86_400_000), random, readsFraction: 0.5, batchEvents: 10_000 });
    const longCases = Math.max(1, Math.round(cases / 100));
    const LONG_MESSAGES = 150;
    const base = 1 + KINDS.length; // case.created + member.added each
    const normal = cases - longCases;
    const normalMessages = Math.max(0, events - longCases * (base + LONG_MESSAGES) - normal * base);
    const long = [];
    let lastReport = 0;
    for (let i = 0; i < cases; i++) {
      const isLong = i % 100 === 50 && long.length < longCases;
      const members = [byKind.police, byKind.prosecutor, byKind.ombudsman, byKind.civil_society].map((pool) => pool[Math.floor(random() * pool.length)]);
      const count = isLong ? LONG_MESSAGES : Math.floor(((i + 1) * normalMessages) / normal) - Math.floor((i * normalMessages) / normal);
      const tiers = Array.from({ length: count }, () => pickTier(random));
      const written = await writer.add(members, tiers, { spacingMs: 3_600_000 });
      if (isLong) long.push({ caseId: written.caseId, members, headSeq: written.headSeq });
      const now = performance.now();
      if (now - lastReport > 2000 || i === cases - 1) {
        lastReport = now;
        log(`  seeding: ${fmtInt(i + 1)}/${fmtInt(cases)} cases, ${fmtInt(writer.totals.events)} events (${((now - started) / 1000).toFixed(1)} s)`);
      }
    }
    await writer.finish();
    // What autovacuum does to a database that has been running for years, done now so that it does
    // not run during the measurements: statistics, and the visibility map that index-only scans need.
    log(`  vacuuming and analysing…`);
    await client.query('VACUUM (ANALYZE)');
    // The load's WAL is over a gigabyte: without this, the checkpoint it set off would still be
    // writing (spread over minutes) while the reads are timed.
    await client.query('CHECKPOINT');
    const seconds = (performance.now() - started) / 1000;
    log(`  seeded ${fmtInt(writer.totals.cases)} cases, ${fmtInt(writer.totals.events)} events, ${fmtInt(writer.totals.messages)} messages, ${fmtInt(accounts.length)} readers in ${seconds.toFixed(1)} s (${(writer.waitedMs / 1000).toFixed(1)} s of it waiting for the database)`);
    return { readers: accounts, byKind, long, totals: writer.totals, seconds };
  } finally {
    await client.end();
  }
}

function pickTier(random) {
  const x = random();
  return x < 0.5 ? 'room' : x < 0.7 ? 'state' : x < 0.85 ? 'oversight' : 'prosecution';
}

/** Open loop at `rate`/s for `seconds`: → latency histogram (from the scheduled start) and errors. */
/** A request answers true, or throws/returns false; the first failure's reason is kept. */
function failure(state, error) {
  state.errors++;
  state.firstError ??= error instanceof Error ? error.message : 'unexpected answer';
}

async function fixedRate(rate, seconds, request) {
  const total = Math.round(rate * seconds);
  const hist = new Histogram();
  // How late the generator itself sent each request: its own pauses would show as the server's tail.
  const slip = new Histogram();
  const state = { errors: 0, firstError: undefined };
  let done = 0;
  let sent = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    const fire = (i) => {
      const scheduled = start + (i * 1000) / rate;
      slip.record((performance.now() - scheduled) * 1000);
      request(i).then(
        (ok) => {
          if (!ok) failure(state);
          hist.record((performance.now() - scheduled) * 1000);
          if (++done === total) resolve();
        },
        (error) => {
          failure(state, error);
          if (++done === total) resolve();
        },
      );
    };
    const tick = () => {
      // Request i is due at start + i/rate: the first at once, not one interval late.
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  return { latency: hist.summaryMs(), sendSlip: slip.summaryMs(), errors: state.errors, firstError: state.firstError };
}

/** Closed loop with `concurrency` in flight for `seconds`: → requests per second. */
async function saturate(concurrency, seconds, request) {
  let completed = 0;
  const state = { errors: 0, firstError: undefined };
  let i = 0;
  const hist = new Histogram();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          if (!(await request(i++))) failure(state);
        } catch (error) {
          failure(state, error);
        }
        hist.record((performance.now() - t) * 1000);
        completed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: completed / elapsed, errors: state.errors, firstError: state.firstError, latency: hist.summaryMs() };
}

/**
 * @param o.tokens Map account id → access token (a sample of readers, every kind)
 */
export async function readsWorkload({ origin, serverPid, databaseUrl, seeded, tokens, plan, log }) {
  const http = httpClient(origin, plan.concurrency * 2);
  // Its connections stay open, like Vigil's: reopened after the other side's phase, they would put
  // authentication and backend start-up into the baseline's tail.
  const db = new pg.Pool({ connectionString: databaseUrl, max: plan.concurrency, idleTimeoutMillis: 0 });
  const readers = seeded.readers.filter((a) => tokens.has(a.id));
  const random = prng(99);
  const pickReader = () => readers[Math.floor(random() * readers.length)];
  const pickLong = () => {
    const kase = seeded.long[Math.floor(random() * seeded.long.length)];
    const signedIn = kase.members.filter((m) => tokens.has(m.id));
    const member = signedIn[Math.floor(random() * signedIn.length)];
    return { kase, member };
  };
  const listStatements = Object.fromEntries(Object.keys(CLEARANCE_OF_ROLE).map((role) => [role, listSql(role)]));

  const workloads = {
    list: {
      vigil: async () => {
        const reader = pickReader();
        const answer = await http.call('GET', '/api/cases', { token: tokens.get(reader.id) });
        if (answer.status !== 200 || !Array.isArray(answer.body?.items)) throw new Error(`GET /api/cases: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        return true;
      },
      pg: async () => {
        const reader = pickReader();
        const result = await db.query(listStatements[reader.role], listParams(reader));
        return result.rows.length >= 0;
      },
    },
    events: {
      vigil: async () => {
        const { kase, member } = pickLong();
        const answer = await http.call('GET', `/api/cases/${kase.caseId}/events?afterSeq=0&limit=${EVENTS_PAGE}`, { token: tokens.get(member.id) });
        if (answer.status !== 200 || !(answer.body?.items?.length > 0)) throw new Error(`GET events: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        return true;
      },
      pg: async () => {
        const { kase, member } = pickLong();
        const result = await db.query(eventsSql(member.role), [kase.caseId, 0, EVENTS_PAGE + 1]);
        return result.rows.length > 0;
      },
    },
  };

  // A first pass warms caches and connections on both sides.
  for (const workload of Object.values(workloads)) {
    for (const side of Object.values(workload)) await saturate(4, plan.warmupSeconds, side);
  }

  // Throughput first (Vigil's sets the rate), then latency at a fixed rate both sides can carry:
  // half of Vigil's maximum, capped at plan.rate. Open loop above capacity only measures a queue.
  const results = {};
  for (const [name, workload] of Object.entries(workloads)) {
    const max = {};
    for (const [side, request] of Object.entries(workload)) max[side] = await saturate(plan.concurrency, plan.saturateSeconds, request);
    const rate = Math.max(5, Math.min(plan.rate, Math.round(max.vigil.perSecond * 0.5)));
    results[name] = { rate };
    for (const [side, request] of Object.entries(workload)) {
      const meter = cpuMeter(serverPid);
      const steady = await fixedRate(rate, plan.seconds, request);
      const cpu = meter.stop();
      results[name][side] = { ...steady, cpu, max: max[side] };
      log(
        `  ${name.padEnd(6)} ${side.padEnd(5)} at ${plan.concurrency} in flight: ${Math.round(max[side].perSecond)}/s, p99 ${max[side].latency.p99.toFixed(1)} ms (errors ${max[side].errors});` +
          ` at ${rate}/s: p50 ${steady.latency.p50.toFixed(2)} p99 ${steady.latency.p99.toFixed(2)} ms (sent late p99 ${steady.sendSlip.p99.toFixed(2)}, max ${steady.sendSlip.max.toFixed(1)} ms; errors ${steady.errors}; cpu server ${cpu.server}% db ${cpu.database}% client ${cpu.client}%)` +
          (steady.firstError ?? max[side].firstError ? `; first error: ${steady.firstError ?? max[side].firstError}` : ''),
      );
    }
  }
  http.close();
  await db.end();
  return results;
}

/** Signs in a sample of readers (every kind) and the members of the long cases. */
export function readersToSignIn(seeded, sample) {
  const chosen = new Map();
  const perKind = Math.max(1, Math.floor(sample / KINDS.length));
  for (const kind of KINDS) for (const account of seeded.byKind[kind].slice(0, perKind)) chosen.set(account.id, account);
  for (const kase of seeded.long) for (const member of kase.members) chosen.set(member.id, member);
  return [...chosen.values()];
}

const fmtInt = (n) => n.toLocaleString('en-US');
export { ROLE_OF_KIND };
