// The report: markdown tables for stdout and docs/benchmarks.md, ending with machine-readable
// lines (`RATIO name=value`, `P99_MS name=value`, …), one per figure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';


const ms = (value) => (value === undefined || value === null ? '–' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const int = (value) => (value === undefined || value === null ? '–' : Math.round(value).toLocaleString('en-US'));
const lat = (step) => (step ? `${ms(step.latency.p50)} / ${ms(step.latency.p99)} / ${ms(step.latency.max)}${step.ok ? '' : ' ⚠'}` : '–');
const cpu = (step) => (step ? `${step.cpu.server}%${step.cpu.database ? ` + db ${step.cpu.database}%` : ''} / ${step.cpu.client}%` : '–');
const waited = (step) => (step ? `${step.cpu.serverWaited ?? 0}% / ${step.cpu.clientWaited ?? 0}%` : '–');
const key = (r) => `${r.clients}x${r.roomSize}`;
const suffixOf = (r) => (key(r) === '1000x10' ? '' : `_${key(r)}`);
/** Microseconds of a core per post: CPU % of one core at `rate` posts/s. */
const perPost = (percent, rate) => (percent * 10_000) / rate;
/** A step's cost per post: the server and, for Vigil, its database. */
const stepCost = (step) => perPost(step.cpu.server + (step.cpu.database ?? 0), step.rate);
/** Every real-time result of a run, the ceiling's first, each named by its target. */
const realtimeResults = (results) => [
  ...results.bare.map((r) => ({ target: 'bare socket.io', ...r })),
  ...results.vigil.map((r) => ({ target: 'Vigil', ...r })),
];

/** `--hold` runs: each held step's cost per post (server and its database) and latency, and their mean. */
export function renderHolds(results) {
  const lines = [];
  for (const r of realtimeResults(results)) {
    if (!r.holds) continue;
    lines.push(`${r.target}, ${r.clients} × ${r.roomSize}:`);
    const costs = r.holds.map(stepCost);
    for (const [i, step] of r.holds.entries()) {
      lines.push(
        `  ${step.rate} posts/s for ${step.seconds} s: ${int(costs[i])} µs per post (server ${step.cpu.server}%${step.cpu.database ? ` + db ${step.cpu.database}%` : ''}); ` +
          `p50 / p99 / max ${lat(step)} ms; lost ${step.lost}, out of order ${step.outOfOrder}`,
      );
    }
    lines.push(`  mean ${int(costs.reduce((a, b) => a + b, 0) / costs.length)} µs per post (${int(Math.min(...costs))}–${int(Math.max(...costs))})`);
  }
  return lines.join('\n');
}

/**
 * The highest rate that both the ceiling and Vigil sustained in their sweeps (the same ladder of
 * rates), with each side's step there: their cost per post, traffic for traffic.
 */
export function sameRate(bare, vigil) {
  const passed = (r) => new Map(r.steps.filter((step) => step.ok).map((step) => [step.rate, step]));
  const bareSteps = passed(bare);
  const vigilSteps = passed(vigil);
  const rates = [...vigilSteps.keys()].filter((rate) => bareSteps.has(rate));
  if (!rates.length) return null;
  const rate = Math.max(...rates);
  const bareCpu = bareSteps.get(rate).cpu;
  const vigilCpu = vigilSteps.get(rate).cpu;
  return { rate, bareCpu, vigilCpu, bareUs: stepCost(bareSteps.get(rate)), vigilUs: stepCost(vigilSteps.get(rate)) };
}

export function renderReport(results) {
  const { machine, quick } = results;
  const lines = [];
  lines.push(`### ${quick ? 'Quick mode (`npm run bench -- --quick`)' : 'Full run (`npm run bench`)'}: ${machine.date}`);
  lines.push('');
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Linux ${machine.kernel}, Node ${machine.node}; load average at the start ${machine.load}. Server on core 0 (Vigil's PostgreSQL with it), load generator on core 1.`);
  lines.push('');

  const realtime = realtimeResults(results);
  if (realtime.length) {
    lines.push('Real time (`room`-tier messages of 300 characters, open loop; latency = send → each member\'s receipt, ms):');
    lines.push('');
    lines.push('| target | clients × room | max posts/s, zero loss | deliveries/s | p50 / p99 / max @ 50 % | p50 / p99 / max @ 80 % | RSS per idle connection | CPU at max: server / generator | waited for CPU: server / generator |');
    lines.push('|---|---|---:|---:|---|---|---:|---|---|');
    for (const r of realtime) {
      lines.push(
        `| ${r.target} | ${r.clients} × ${r.roomSize} | ${int(r.maxRate)}${r.capped ? ' (generator cap)' : ''} | ${int(r.deliveriesPerSecond)} | ${lat(r.half)} | ${lat(r.eighty)} | ${r.rssPerConnectionKb === null ? '–' : `${r.rssPerConnectionKb.toFixed(1)} KB`} | ${cpu(r.atMax)} | ${waited(r.atMax)} |`,
      );
    }
    lines.push('');
    const opened = realtime.filter((r) => r.half?.opening);
    if (opened.length) {
      lines.push(
        `Latency at 50 % and 80 % is that of the rate held: each of those steps first ran ${opened[0].half.openingSeconds} s at its rate, checked for loss and order but not recorded, so that the jump from a quiet server to the rate is not read as the rate's tail. That opening's own p99 at 50 % / 80 %: ` +
          opened.map((r) => `${r.target} ${r.clients} × ${r.roomSize} ${ms(r.half.opening.p99)} / ${ms(r.eighty?.opening?.p99)} ms`).join('; ') +
          '.',
      );
      lines.push('');
    }
    // Who was the limit: each side has a core of its own, so the one that needs more CPU for the
    // same traffic saturates first. Waiting time is other work on the machine, not either side's need.
    for (const r of results.bare) {
      const f = r.firstFail;
      if (!f) continue;
      const serverBound = f.cpu.client < f.cpu.server;
      lines.push(
        `- Ceiling ${r.clients} × ${r.roomSize}: at ${int(f.rate)} posts/s (the first rate that failed) the server used ${f.cpu.server}% of a core (and waited ${f.cpu.serverWaited}% more for it), ` +
          `the generator ${f.cpu.client}% (waited ${f.cpu.clientWaited}%; its send schedule slipped at most ${ms(f.slipMs)} ms) → ` +
          (serverBound
            ? `bound by the server: for the same traffic the generator needs ${(f.cpu.client / f.cpu.server).toFixed(2)}× the server's CPU.`
            : `the generator needed as much CPU as the server: treat this ceiling as a lower bound.`),
      );
    }
    // The ceiling's maximum is where it saturates; at one rate, the difference is Vigil's own work.
    for (const vigil of results.vigil) {
      const bare = results.bare.find((b) => key(b) === key(vigil));
      const same = bare && sameRate(bare, vigil);
      if (!same) continue;
      lines.push(
        `- Same rate, ${vigil.clients} × ${vigil.roomSize}: at ${int(same.rate)} posts/s (the highest both sustained) the ceiling used ${same.bareCpu.server}% of its core, ` +
          `${int(same.bareUs)} µs per post; Vigil ${same.vigilCpu.server}% + db ${same.vigilCpu.database ?? 0}%, ${int(same.vigilUs)} µs per post: ` +
          `${(same.vigilUs / same.bareUs).toFixed(1)}× the ceiling's, ${int(same.vigilUs - same.bareUs)} µs more per post.`,
      );
    }
    lines.push('');
    if (realtime.some((r) => (r.half && !r.half.ok) || (r.eighty && !r.eighty.ok))) {
      lines.push('⚠: that measurement itself showed late deliveries or growing lag: the maximum was found on a lucky step, or other work on the machine took the core.');
      lines.push('');
    }
  }

  if (results.catchUp) {
    const c = results.catchUp;
    lines.push('Catch-up:');
    lines.push('');
    lines.push('| clients | messages while away | posted over REST | all caught up in | per client p50 / p99 | joins | loss | CPU: server + db / generator |');
    lines.push('|---:|---:|---:|---:|---|---:|---|---|');
    lines.push(
      `| ${int(c.clients)} | ${int(c.messages)} | ${int(c.postsPerSecond)}/s | ${c.seconds.toFixed(2)} s | ${ms(c.perClient.p50)} / ${ms(c.perClient.p99)} ms | ${int(c.pages)} | ${c.ok ? 'none' : `${c.gaps} gaps, ${c.missing} missing`} | ${c.cpu.server}% + ${c.cpu.database}% / ${c.cpu.client}% |`,
    );
    lines.push('');
  }

  if (results.reads) {
    const r = results.reads;
    const p = results.plan.reads;
    lines.push(`Reads (${int(r.seeded.cases)} cases, ${int(r.seeded.events)} events; throughput with ${p.concurrency} requests in flight; latency at a fixed rate, half of Vigil's maximum, at most ${p.rate}/s, the same for both):`);
    lines.push('');
    lines.push('| request | Vigil max/s | bare pg max/s | Vigil ÷ pg | fixed rate | Vigil p50 / p99 | bare pg p50 / p99 | CPU at fixed rate: server + db |');
    lines.push('|---|---:|---:|---:|---:|---|---|---|');
    for (const [name, label] of [
      ['list', '"list my cases" `GET /api/cases`'],
      ['events', '"events of a case" `GET /api/cases/:id/events`'],
    ]) {
      const v = r[name].vigil;
      const g = r[name].pg;
      lines.push(
        `| ${label} | ${int(v.max.perSecond)} | ${int(g.max.perSecond)} | ${(v.max.perSecond / g.max.perSecond).toFixed(2)} | ${r[name].rate}/s | ${ms(v.latency.p50)} / ${ms(v.latency.p99)} ms | ${ms(g.latency.p50)} / ${ms(g.latency.p99)} ms | ${v.cpu.server}% + ${v.cpu.database}% |`,
      );
    }
    lines.push('');
  }

  if (results.web) {
    const w = results.web;
    const kb = (bytes) => `${int(bytes)} (${(bytes / 1000).toFixed(1)} kB)`;
    lines.push('Web transfer (Chromium, empty cache, 390 px wide; bytes on the wire: headers and encoded bodies, as the Network panel counts them):');
    lines.push('');
    lines.push('| page | responses | transferred, bytes | encoded bodies | decoded bodies |');
    lines.push('|---|---:|---:|---:|---:|');
    lines.push(`| sign-in page, interactive | ${w.signIn.requests} | ${kb(w.signIn.transferred)} | ${int(w.signIn.encodedBody)} | ${int(w.signIn.decodedBody)} |`);
    lines.push(`| then signed in, case list on screen | ${w.caseList.requests} | ${kb(w.caseList.transferred)} | ${int(w.caseList.encodedBody)} | ${int(w.caseList.decodedBody)} |`);
    lines.push(`| a first visit to the case list, in all | ${w.signIn.requests + w.caseList.requests} | ${kb(w.toCaseList)} | ${int(w.signIn.encodedBody + w.caseList.encodedBody)} | ${int(w.signIn.decodedBody + w.caseList.decodedBody)} |`);
    lines.push('');
  }

  lines.push('```');
  for (const line of figures(results)) lines.push(line);
  lines.push('```');
  return lines.join('\n');
}

/** One machine-readable line per figure. */
export function figures(results) {
  const out = [];
  const round = (value, digits = 2) => Number(value.toFixed(digits));
  if (results.quick) out.push('MODE quick');
  else out.push('MODE full');
  for (const vigil of results.vigil) {
    const bare = results.bare.find((b) => key(b) === key(vigil));
    const suffix = suffixOf(vigil);
    if (bare && bare.maxRate > 0) out.push(`RATIO realtime_vs_bare${suffix}=${round(vigil.maxRate / bare.maxRate)}`);
    if (vigil.half) out.push(`P99_MS realtime_half_load${suffix}=${round(vigil.half.latency.p99, 1)}`);
    if (vigil.eighty) out.push(`P99_MS realtime_80pct_load${suffix}=${round(vigil.eighty.latency.p99, 1)}`);
    out.push(`POSTS_PER_S realtime_max${suffix}=${vigil.maxRate}`);
    if (vigil.rssPerConnectionKb !== null) out.push(`KB realtime_rss_per_connection${suffix}=${round(vigil.rssPerConnectionKb, 1)}`);
    const same = bare && sameRate(bare, vigil);
    if (same) out.push(`US_PER_POST realtime_same_rate_bare${suffix}=${Math.round(same.bareUs)}`, `US_PER_POST realtime_same_rate_vigil${suffix}=${Math.round(same.vigilUs)}`);
  }
  for (const bare of results.bare) {
    const suffix = suffixOf(bare);
    out.push(`POSTS_PER_S bare_max${suffix}=${bare.maxRate}`);
  }
  if (results.catchUp) {
    out.push(`SECONDS catchup_${results.catchUp.clients}_clients=${round(results.catchUp.seconds)}`);
    out.push(`LOSS catchup=${results.catchUp.gaps + results.catchUp.missing}`);
  }
  if (results.web) {
    out.push(`BYTES web_sign_in=${results.web.signIn.transferred}`);
    out.push(`BYTES web_to_case_list=${results.web.toCaseList}`);
  }
  if (results.reads) {
    const r = results.reads;
    out.push(`RATIO list_cases_vs_pg=${round(r.list.vigil.max.perSecond / r.list.pg.max.perSecond)}`);
    out.push(`RATIO case_events_vs_pg=${round(r.events.vigil.max.perSecond / r.events.pg.max.perSecond)}`);
    out.push(`P99_MS list_cases=${round(r.list.vigil.latency.p99, 1)}`);
    out.push(`P99_MS list_cases_pg=${round(r.list.pg.latency.p99, 1)}`);
    out.push(`P99_MS case_events=${round(r.events.vigil.latency.p99, 1)}`);
    out.push(`P99_MS case_events_pg=${round(r.events.pg.latency.p99, 1)}`);
  }
  return out;
}

/** Replaces the quick or the full results section of docs/benchmarks.md (between its markers). */
export function updateDoc(path, report, quick) {
  const mode = quick ? 'quick' : 'full';
  const start = `<!-- bench:${mode}:start -->`;
  const end = `<!-- bench:${mode}:end -->`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  if (!doc.includes(start)) doc += `\n${start}\n${end}\n`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end, from);
  doc = `${doc.slice(0, from)}${start}\n${report}\n${doc.slice(to)}`;
  writeFileSync(path, doc);
}
