// The real-time workload: N clients in case rooms, posting `room`-tier messages open-loop at a
// fixed rate (spread so that no socket exceeds its share), every member's receipt timed into a
// histogram. The rate is stepped up (doubling, then bisecting) until loss or growing lag; then
// latency is measured at 50 % and 80 % of the highest rate sustained.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Histogram } from './histogram.mjs';
import { LeanSocket, pool } from './lean-socket.mjs';
import { cpuMeter, rssKb } from './procs.mjs';

const BODY_MARK = Buffer.from('"body":"B|');
const SEQ_MARK = Buffer.from('"seq":');
const BODY_LENGTH = 300;
/** A step is cut into this many slices by send time; lag that grows shows as rising slice medians. */
const BINS = 8;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {object} o
 * @param {string} o.origin
 * @param {number|null} o.serverPid
 * @param {{ caseId: string, tokens: (string|null)[] }[]} o.rooms every member's access token (null: no auth)
 * @param {object} o.plan stepSeconds, measureSeconds, drainMs, startRate, bisections, perSocketRate, connectConcurrency
 * @param {(line: string) => void} o.log
 */
export async function realtimeWorkload({ origin, serverPid, rooms, plan, log }) {
  const clients = [];
  for (let r = 0; r < rooms.length; r++) {
    for (const token of rooms[r].tokens) clients.push({ room: r, token, socket: null, lastSeq: 0, index: clients.length });
  }
  const roomMembers = rooms.map(() => []);
  for (const client of clients) roomMembers[client.room].push(client);
  const roomSize = roomMembers[0].length;
  const state = newStepState(0, 0);

  // Receipt path: only the fields needed are read out of the raw frame.
  const onEvent = (frame, socket) => {
    // `42["case:event",…`: byte 4 'c', 8 ':', 9 'e' (case:activity has 'a' there).
    if (frame[4] !== 0x63 || frame[8] !== 0x3a || frame[9] !== 0x65) return;
    const now = performance.now();
    const client = socket.client;
    const seqAt = frame.indexOf(SEQ_MARK);
    const seq = readInt(frame, seqAt + SEQ_MARK.length);
    if (seq <= client.lastSeq) state.outOfOrder++;
    else client.lastSeq = seq;
    const bodyAt = frame.indexOf(BODY_MARK);
    if (bodyAt < 0) return;
    let i = bodyAt + BODY_MARK.length;
    const step = readInt(frame, i);
    while (frame[i] !== 0x7c) i++;
    const k = readInt(frame, ++i);
    while (frame[i] !== 0x7c) i++;
    const sentMicros = readInt(frame, ++i);
    if (step !== state.step) return void state.stale++;
    state.received++;
    state.receipts[k]++;
    state.lastReceiptAt = now;
    const latency = now * 1000 - sentMicros;
    if (k < state.measuredFrom) return void state.opening.record(latency);
    state.hist.record(latency);
    state.bins[Math.floor(((k - state.measuredFrom) * BINS) / (state.total - state.measuredFrom))].record(latency);
  };

  // Connect and join, a bounded number of handshakes at a time.
  const rssBefore = serverPid ? rssKb(serverPid) : null;
  const connectStarted = performance.now();
  let failures = 0;
  await pool(clients, plan.connectConcurrency ?? 100, async (client) => {
    const socket = new LeanSocket(origin, { auth: client.token ? { token: client.token } : undefined, onEvent });
    socket.client = client;
    client.socket = socket;
    try {
      await socket.connect();
      const ack = await socket.request('case:join', { caseId: rooms[client.room].caseId });
      if (!ack?.ok) throw new Error(`case:join: ${JSON.stringify(ack?.error)}`);
      client.lastSeq = Math.max(ack.headSeq ?? 0, ...(ack.events ?? []).map((e) => e.seq));
    } catch (error) {
      if (failures++ < 3) log(`  connect failed: ${error.message}`);
    }
  });
  if (failures > 0) throw new Error(`${failures} of ${clients.length} clients could not connect and join`);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await sleep(2000);
  const rssAfter = serverPid ? rssKb(serverPid) : null;
  const idleMeter = cpuMeter(serverPid);
  await sleep(1000);
  const idleCpu = idleMeter.stop();
  const rssPerConnectionKb = rssBefore !== null && rssAfter !== null ? (rssAfter - rssBefore) / clients.length : null;
  log(
    `  ${clients.length} clients connected and joined ${rooms.length} rooms in ${connectSeconds.toFixed(1)} s; ` +
      `server RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB (${rssPerConnectionKb?.toFixed(1)} KB per connection)`,
  );

  let stepNo = 0;
  /** The lowest p50 seen (warm-up and passing steps): the latency without load. */
  let unloadedP50 = Infinity;
  const cap = Math.floor(clients.length * plan.perSocketRate);
  /**
   * One step at `rate` for `seconds`. With `options.openingSeconds`, the step first runs that long
   * at the same rate, unrecorded (but checked for loss and order), so that latency is that of the
   * rate held, not of the jump to it from a quiet server; the opening's own p99 is reported beside.
   */
  const runStep = async (rate, seconds, label, options = {}) => {
    const opening = Math.round(rate * (options.openingSeconds ?? 0));
    const total = opening + Math.max(1, Math.round(rate * seconds));
    Object.assign(state, newStepState(++stepNo, total, opening));
    const expected = total * roomSize;
    const acks = new Histogram();
    let acked = 0;
    let ackErrors = 0;
    const errorCodes = {};
    let sent = 0;
    let slipMs = 0;
    const pad = 'x'.repeat(BODY_LENGTH);
    const send = (k) => {
      const r = k % rooms.length;
      const members = roomMembers[r];
      const poster = members[Math.floor(k / rooms.length) % members.length];
      const sentAt = performance.now();
      const head = `B|${state.step}|${k}|${Math.round(sentAt * 1000)}|`;
      const payload = `{"caseId":"${rooms[r].caseId}","clientId":"${randomUUID()}","body":"${head}${pad.slice(head.length)}","tier":"room"}`;
      poster.socket.emitWithAckCallback('message:post', payload, (answer) => {
        acked++;
        acks.record((performance.now() - sentAt) * 1000);
        if (!answer?.ok) {
          ackErrors++;
          const code = answer?.error?.code ?? 'UNKNOWN';
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        }
      }, { parse: false });
    };
    // CPU is metered over the recorded part only: from the first tick that has sent the opening.
    let meter = null;
    const start = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        const due = Math.min(total, Math.floor(((now - start) * rate) / 1000));
        if (sent < due) slipMs = Math.max(slipMs, now - (start + (sent * 1000) / rate));
        while (sent < due) send(sent++);
        if (!meter && sent >= opening) meter = cpuMeter(serverPid);
        if (sent >= total) return resolve();
        setTimeout(tick, 1);
      };
      tick();
    });
    const cpu = meter.stop();
    // Drain: everything expected, or the deadline.
    const drainDeadline = performance.now() + plan.drainMs;
    while ((state.received < expected || acked < total) && performance.now() < drainDeadline) await sleep(20);
    const drained = state.received === expected && acked === total;
    // Not there by the drain deadline: late. Still not there once the server has gone quiet: lost.
    const late = expected - state.received;
    const result = { label, rate, seconds, openingSeconds: options.openingSeconds ?? 0, posts: total, deliveriesPerSecond: Math.round(rate * roomSize), expected, late, cpu, slipMs };
    // Let any backlog drain before the next step, so that steps do not bleed into each other.
    const quietDeadline = performance.now() + (plan.quiesceMs ?? 30_000);
    for (;;) {
      const pending = totalPendingAcks(clients);
      if (pending === 0 && performance.now() - state.lastReceiptAt > 300) break;
      if (performance.now() > quietDeadline) {
        result.stuck = true;
        log(`  the server did not drain its backlog within ${(plan.quiesceMs ?? 30_000) / 1000} s`);
        break;
      }
      await sleep(100);
    }
    // Late arrivals count in the latency: they are the tail.
    const summary = state.hist.summaryMs();
    // The first slice is left out (warm-up); growth = end of the step minus its start.
    const medians = state.bins.map((bin) => bin.percentile(50) / 1000);
    const firstP50 = (medians[1] + medians[2]) / 2;
    const lastP50 = (medians[BINS - 2] + medians[BINS - 1]) / 2;
    const growing = lastP50 - firstP50 > Math.max(plan.growthMs ?? 20, 0.5 * firstP50);
    // A queue that is long but not visibly growing within a short step: lag far above the unloaded level.
    const queued = summary.p50 > unloadedP50 + Math.max(plan.queueMs ?? 50, 10 * unloadedP50);
    Object.assign(result, { latency: summary, firstP50, lastP50, growing, queued, unloadedP50, ack: acks.summaryMs(), deliveries: state.received });
    if (opening > 0) result.opening = state.opening.summaryMs();
    result.lost = expected - state.received;
    result.missingPairs = countMissing(state.receipts, roomSize);
    result.outOfOrder = state.outOfOrder;
    result.ackErrors = ackErrors;
    result.errorCodes = errorCodes;
    result.ok = drained && result.lost === 0 && result.missingPairs === 0 && state.outOfOrder === 0 && ackErrors === 0 && !growing && !queued && summary.p99 <= 1000;
    if (result.ok || options.quiet) unloadedP50 = Math.min(unloadedP50, summary.p50);
    if (!options.quiet) {
      log(
        `  ${label.padEnd(9)} ${String(rate).padStart(6)} posts/s ×${roomSize} → ${result.ok ? 'ok  ' : 'FAIL'} ` +
          `p50 ${fmt(summary.p50)} p99 ${fmt(summary.p99)} max ${fmt(summary.max)} ms; ` +
          `late ${late}, lost ${result.lost}, out of order ${state.outOfOrder}, ack errors ${ackErrors}${ackErrors ? ` ${JSON.stringify(errorCodes)}` : ''}` +
          `${growing ? `, lag grows ${fmt(firstP50)}→${fmt(lastP50)} ms` : ''}` +
          `${queued ? `, queued (p50 far above the unloaded ${fmt(unloadedP50)} ms)` : ''}; cpu server ${cpu.server}%` +
          `${serverPid ? ` db ${cpu.database}%` : ''} client ${cpu.client}% (waited ${cpu.serverWaited}% / ${cpu.clientWaited}%)` +
          `${result.opening ? `; the ${result.openingSeconds} s before, unrecorded: p50 ${fmt(result.opening.p50)} p99 ${fmt(result.opening.p99)} max ${fmt(result.opening.max)} ms` : ''}`,
      );
    }
    await sleep(plan.settleMs ?? 300);
    return result;
  };

  const closeClients = async () => {
    for (const client of clients) client.socket?.close();
    await sleep(500);
  };

  // Warm-up (JIT, buffers, connection pools), not recorded.
  await runStep(Math.max(1, Math.round(plan.startRate / 2)), 1, 'warm-up', { quiet: true });

  // Held rate (`--hold`): no sweep, the same rate several times, to compare builds at one load.
  if (plan.hold) {
    const holds = [];
    for (let i = 0; i < plan.hold.repeats; i++) holds.push(await runStep(plan.hold.rate, plan.hold.seconds, 'hold', { openingSeconds: 1 }));
    await closeClients();
    return { clients: clients.length, roomSize, rooms: rooms.length, connectSeconds, rssPerConnectionKb, idleCpu, holds };
  }

  // A step that failed on lag growth alone (nothing lost, late or out of order) is run once more:
  // a pause elsewhere on the machine must not end the sweep.
  const trial = async (rate, label) => {
    const result = await runStep(rate, plan.stepSeconds, label);
    steps.push(result);
    const lagOnly = !result.ok && !result.stuck && result.latency.p99 <= 1000 && result.late === 0 && result.lost === 0 && result.outOfOrder === 0 && result.ackErrors === 0;
    if (!lagOnly) return result;
    const again = await runStep(rate, plan.stepSeconds, 'confirm');
    steps.push(again);
    return again;
  };

  // Sweep: double until failure, then bisect between the last pass and the first failure.
  const steps = [];
  let pass = null;
  let fail = null;
  let rate = Math.min(cap, plan.startRate);
  for (;;) {
    const result = await trial(rate, 'step');
    if (result.stuck) {
      fail = result;
      break;
    }
    if (result.ok) {
      pass = result;
      if (fail || rate >= cap) break;
      rate = Math.min(cap, rate * 2);
    } else {
      fail = result;
      if (pass || rate <= 5) break;
      rate = Math.floor(rate / 2);
    }
  }
  for (let i = 0; i < plan.bisections && pass && fail && !fail.stuck; i++) {
    const mid = roundRate((pass.rate + fail.rate) / 2);
    if (mid <= pass.rate || mid >= fail.rate) break;
    const result = await trial(mid, 'bisect');
    if (result.ok) pass = result;
    else fail = result;
    if (result.stuck) break;
  }
  const maxRate = pass?.rate ?? 0;
  const capped = pass !== null && fail === null && maxRate >= cap;
  if (capped) log(`  reached the generator's cap (${cap} posts/s = ${plan.perSocketRate}/s per socket): the ceiling is higher`);

  const measure = { openingSeconds: plan.measureOpeningSeconds ?? 0 };
  const half = maxRate > 0 ? await runStep(roundRate(maxRate * 0.5), plan.measureSeconds, '50% load', measure) : null;
  const eighty = maxRate > 0 ? await runStep(roundRate(maxRate * 0.8), plan.measureSeconds, '80% load', measure) : null;
  const atMax = pass;

  await closeClients();
  return {
    clients: clients.length,
    roomSize,
    rooms: rooms.length,
    connectSeconds,
    rssBeforeKb: rssBefore,
    rssAfterKb: rssAfter,
    rssPerConnectionKb,
    idleCpu,
    maxRate,
    capped,
    deliveriesPerSecond: maxRate * roomSize,
    atMax,
    firstFail: fail,
    half,
    eighty,
    steps,
  };
}

function newStepState(step, total, measuredFrom = 0) {
  return {
    step,
    total,
    /** Posts before this index are the step's unrecorded opening. */
    measuredFrom,
    opening: new Histogram(),
    receipts: new Uint16Array(total),
    received: 0,
    stale: 0,
    outOfOrder: 0,
    hist: new Histogram(),
    bins: Array.from({ length: BINS }, () => new Histogram()),
    lastReceiptAt: performance.now(),
  };
}

function readInt(buffer, at) {
  let value = 0;
  for (let i = at; ; i++) {
    const c = buffer[i];
    if (c < 0x30 || c > 0x39) return value;
    value = value * 10 + (c - 0x30);
  }
}

function countMissing(receipts, roomSize) {
  let missing = 0;
  for (let k = 0; k < receipts.length; k++) if (receipts[k] !== roomSize) missing += Math.abs(roomSize - receipts[k]);
  return missing;
}

function totalPendingAcks(clients) {
  let pending = 0;
  for (const client of clients) pending += client.socket?.acks.size ?? 0;
  return pending;
}

/** Two significant figures, so that reported rates read as chosen. */
function roundRate(rate) {
  if (rate < 10) return Math.max(1, Math.round(rate));
  const magnitude = 10 ** (Math.floor(Math.log10(rate)) - 1);
  return Math.round(rate / magnitude) * magnitude;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const mb = (kb) => (kb === null ? '?' : (kb / 1024).toFixed(1));
