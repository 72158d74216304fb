#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=bare,vigil,catchup,reads,web,meetings] [-- --realtime=1000x10,5000x50]
//                 [-- --doc] [-- --build] [-- --profile] [-- --keep] [-- --report=tmp/bench/<run>/results.json]
//                 [-- --hold=<posts/s>x<seconds>[x<times>]] [-- --main=<a build's main.js>] [-- --node-args="<flags>"]`
//
// Runs, one after the other, with the same harness: for each real-time configuration the ceiling
// (a bare socket.io server) and then Vigil built for production, on an embedded PostgreSQL that is
// fresh at the start of the run (fsync on); then Vigil's catch-up and reads. Each Vigil workload
// gets a process of its own on the run's data; then what Chromium downloads to reach the sign-in
// page and the case list (`--only=web` alone takes a minute). The server runs on core 0,
// this process (the load generator) on core 1. Prints a table; `--doc` also writes it into
// docs/benchmarks.md. See docs/benchmarks.md for what is measured and how.
//
// To compare two builds at one load: `--hold` replaces the real-time sweep by one rate held for
// the given seconds (after an opening second), the given number of times, and prints each side's
// CPU per post; `--main` runs another build of the API than dist/apps/api/main.js. Alternate the
// builds run by run: runs on this machine differ more than most changes do. `--node-args` passes
// flags to Vigil's node (e.g. "--trace-gc", or V8 settings to try).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bareRooms, startBare } from './lib/bare.mjs';
import { catchUpWorkload } from './lib/catchup.mjs';
import { meetingsWorkload } from './lib/meetings.mjs';
import { atExit, pinSelf, stopAll } from './lib/procs.mjs';
import { readersToSignIn, readsWorkload, seedReads } from './lib/reads.mjs';
import { realtimeWorkload } from './lib/realtime.mjs';
import { renderHolds, renderReport, updateDoc } from './lib/report.mjs';
import { bulkSession, CaseWriter, seedAccounts } from './lib/seed.mjs';
import { benchPasswordHash, signIn, startVigil, withDatabase } from './lib/vigil.mjs';
import { webWorkload } from './lib/web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (flag('help')) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 4).join('\n').replace(/^\/\/ ?/gm, '') + '\n');
  process.exit(0);
}
// --report=<results.json>: render a saved run again (and with --doc, write it into the doc).
if (option('report')) {
  const saved = JSON.parse(readFileSync(option('report'), 'utf8'));
  const report = renderReport(saved);
  process.stdout.write(`${report}\n`);
  if (flag('doc')) updateDoc(join(root, 'docs', 'benchmarks.md'), report, saved.quick);
  process.exit(0);
}
const quick = flag('quick');
const hold = option('hold')?.split('x').map(Number);
if (hold && (hold.length < 2 || hold.some((n) => !(n > 0)) || flag('doc'))) {
  process.stderr.write('bench: --hold=<posts/s>x<seconds>[x<times>] (positive numbers; not with --doc)\n');
  process.exit(2);
}
const vigilMain = option('main') ? resolve(option('main')) : join(root, 'dist/apps/api/main.js');
const only = new Set((option('only') ?? 'bare,vigil,catchup,reads,web').split(','));

const SERVER_CORE = 0;
/**
 * Vigil's sweep starts at this many deliveries/s and doubles; the ceiling's starts two rungs up the
 * same ladder, so that both sides run the same rates and the report can set their CPU per post
 * side by side.
 */
const VIGIL_START_DELIVERIES = 1000;
const BARE_START_DELIVERIES = VIGIL_START_DELIVERIES * 4;
const CLIENT_CORE = 1;

const PLANS = {
  full: {
    realtime: [
      { clients: 1000, roomSize: 10 },
      { clients: 1000, roomSize: 50 },
      { clients: 5000, roomSize: 10 },
      { clients: 5000, roomSize: 50 },
    ],
    sweep: { stepSeconds: 5, measureSeconds: 10, measureOpeningSeconds: 1, drainMs: 3000, bisections: 3, perSocketRate: 15, growthMs: 20 },
    catchUp: { clients: 1000, roomSize: 10, messages: 20_000 },
    reads: { cases: 100_000, events: 1_000_000, readersPerKind: 250, signInSample: 200, rate: 200, seconds: 10, concurrency: 16, saturateSeconds: 5, warmupSeconds: 2 },
  },
  quick: {
    realtime: [{ clients: 1000, roomSize: 10 }],
    sweep: { stepSeconds: 2, measureSeconds: 3, measureOpeningSeconds: 1, drainMs: 2000, bisections: 1, perSocketRate: 15, growthMs: 20 },
    catchUp: { clients: 300, roomSize: 10, messages: 1_500 },
    reads: { cases: 10_000, events: 100_000, readersPerKind: 50, signInSample: 100, rate: 100, seconds: 3, concurrency: 8, saturateSeconds: 2, warmupSeconds: 1 },
  },
};
const plan = quick ? PLANS.quick : PLANS.full;
if (hold) plan.sweep.hold = { rate: hold[0], seconds: hold[1], repeats: hold[2] ?? 1 };
// --realtime=5000x50,1000x10 replaces the real-time configurations of the plan.
if (option('realtime')) {
  plan.realtime = option('realtime')
    .split(',')
    .map((spec) => spec.split('x').map(Number))
    .map(([clients, roomSize]) => ({ clients, roomSize }));
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const runDir = join(root, 'tmp', 'bench', stamp);
mkdirSync(runDir, { recursive: true });
const logLines = [];
const log = (line) => {
  logLines.push(line);
  process.stdout.write(`${line}\n`);
};

async function main() {
  pinSelf(CLIENT_CORE);
  const machine = describeMachine();
  log(`bench: ${quick ? 'QUICK mode' : 'full run'}, ${machine.date}; ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}; load average ${machine.load}`);
  log(`bench: server on core ${SERVER_CORE}, load generator (this process, pid ${process.pid}) on core ${CLIENT_CORE}; work dir ${runDir}`);
  const results = { machine, quick, plan, bare: [], vigil: [], catchUp: null, reads: null, web: null };

  const vigil = only.has('vigil') || only.has('catchup') || only.has('reads') || only.has('meetings') ? await prepareVigil() : null;

  // Each configuration's ceiling and Vigil run back to back: the machine's state drifts over a
  // run (the ceiling's maximum moved by half between runs of one day), and the ratio compares the
  // two.
  for (const [i, config] of plan.realtime.entries()) {
    if (only.has('bare')) {
      log(`\n== ceiling: bare socket.io, ${config.clients} clients in rooms of ${config.roomSize}`);
      const bare = await startBare({ root, core: SERVER_CORE });
      try {
        const result = await realtimeWorkload({
          origin: bare.origin,
          serverPid: bare.pid,
          rooms: bareRooms(config.clients, config.roomSize),
          plan: { ...plan.sweep, startRate: Math.round(BARE_START_DELIVERIES / config.roomSize), connectConcurrency: 200 },
          log,
        });
        results.bare.push(result);
      } finally {
        await bare.stop();
      }
    }
    if (only.has('vigil')) {
      log(`\n== Vigil: ${config.clients} clients in rooms of ${config.roomSize}`);
      const rooms = vigil.roomsByConfig[i].map((room) => ({ caseId: room.caseId, tokens: room.members.map((m) => vigil.tokens.get(m.id)) }));
      results.vigil.push(
        await vigil.run(`${config.clients}x${config.roomSize}`, (server) =>
          realtimeWorkload({
            origin: server.origin,
            serverPid: server.pid,
            rooms,
            plan: { ...plan.sweep, startRate: Math.round(VIGIL_START_DELIVERIES / config.roomSize), connectConcurrency: 50 },
            log,
          }),
        ),
      );
    }
  }

  if (only.has('catchup')) {
    const { clients, roomSize, messages } = plan.catchUp;
    log(`\n== Vigil catch-up: ${clients} clients in rooms of ${roomSize}, ${messages} messages while away`);
    results.catchUp = await vigil.run('catchup', (server) =>
      catchUpWorkload({
        origin: server.origin,
        serverPid: server.pid,
        rooms: vigil.catchUpRooms.map((room) => ({ caseId: room.caseId, members: room.members.map((m) => ({ id: m.id, token: vigil.tokens.get(m.id) })) })),
        messages,
        plan: { connectConcurrency: 50, postConcurrency: 32, rejoinConcurrency: 200 },
        log,
      }),
    );
  }

  if (only.has('reads')) {
    const r = plan.reads;
    log(`\n== Vigil reads: ${r.cases.toLocaleString('en-US')} cases, ${r.events.toLocaleString('en-US')} events`);
    results.reads = await vigil.run('reads', async (server) => {
      const seeded = await seedReads(server.databaseUrl, { cases: r.cases, events: r.events, readersPerKind: r.readersPerKind, passwordHash: vigil.passwordHash, log });
      const readerTokens = await signIn(server.origin, readersToSignIn(seeded, r.signInSample), { concurrency: 8, log });
      await verifySample(server.origin, seeded, readerTokens);
      return {
        seeded: { cases: seeded.totals.cases, events: seeded.totals.events, messages: seeded.totals.messages, readers: seeded.readers.length, seconds: seeded.seconds, longCases: seeded.long.length },
        ...(await readsWorkload({ origin: server.origin, serverPid: server.pid, databaseUrl: server.databaseUrl, seeded, tokens: readerTokens, plan: r, log })),
      };
    });
  }
  if (only.has('web')) {
    log(`\n== web transfer: Chromium, the built app served by Vigil (demo city)`);
    results.web = await measureWeb();
  }
  // Not in the default set: `--only=meetings` (or with the others).
  if (only.has('meetings')) {
    log(`\n== Vigil meetings: 200 participants in one meeting`);
    results.meetings = await vigil.run('meetings', (server) => meetingsWorkload({ server, passwordHash: vigil.passwordHash, log }));
    log(`  meetings: decision p99 ${results.meetings.delivery.p99Ms} ms (target < 100), catch-up of 200 in ${results.meetings.catchUp.seconds} s (target < 5)`);
  }
  if (flag('profile') && vigil) log(`  CPU profile(s) in ${vigil.profileDir} (summarise: node tools/bench/profile-summary.mjs ${vigil.profileDir})`);

  const report = hold ? renderHolds(results) : renderReport(results);
  log(`\n${report}`);
  writeFileSync(join(runDir, 'report.md'), report);
  writeFileSync(join(runDir, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(runDir, 'bench.log'), logLines.join('\n') + '\n');
  if (flag('doc')) {
    updateDoc(join(root, 'docs', 'benchmarks.md'), report, quick);
    log(`bench: wrote the results into docs/benchmarks.md`);
  }
}

/**
 * Vigil's data directory with the accounts, their rooms and their access tokens, and `run`, which
 * gives each workload a Vigil process of its own on that data: every measurement starts without
 * the garbage of sign-in or of the workloads before it (RSS per connection included). The data
 * directory and the token key outlive the processes.
 */
async function prepareVigil() {
  if (!option('main') && (flag('build') || !existsSync(vigilMain))) build();
  const dataDir = join(runDir, 'vigil-data');
  if (!flag('keep')) atExit(() => rmSync(dataDir, { recursive: true, force: true }));
  log(`\n== Vigil (${relative(root, vigilMain)}) on a fresh embedded PostgreSQL`);
  const profileDir = join(runDir, 'profiles');
  const vigilOptions = {
    root,
    main: vigilMain,
    core: SERVER_CORE,
    dataDir,
    extraArgs: [...(option('node-args') ?? '').split(' ').filter(Boolean), ...(flag('profile') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    // The same key across restarts: tokens signed by one process stay valid in the next.
    jwtSecret: randomBytes(36).toString('base64url'),
    log,
  };
  /** Starts Vigil, runs `work` against it, stops it and keeps its output as vigil-<name>.log. */
  const run = async (name, work) => {
    const server = await startVigil(vigilOptions);
    try {
      return await work(server);
    } catch (error) {
      log(`\nVigil's output (last lines):\n${server.output().slice(-4000)}`);
      throw error;
    } finally {
      await server.stop();
      writeFileSync(join(runDir, `vigil-${name}.log`), server.output());
    }
  };

  const passwordHash = await benchPasswordHash();
  const realtimeConfigs = only.has('vigil') ? plan.realtime : [];
  const maxClients = Math.max(0, ...realtimeConfigs.map((c) => c.clients), only.has('catchup') ? plan.catchUp.clients : 0);
  const roomsByConfig = [];
  const catchUpRooms = [];
  /** The accounts and their rooms, written straight into the database, then signed in through the API. */
  const seedAndSignIn = async (server) => {
    const started = Date.now();
    let accounts = [];
    await withDatabase(server.databaseUrl, async (client) => {
      await bulkSession(client);
      ({ accounts } = await seedAccounts(client, { prefix: 'rt', count: maxClients, agenciesPerKind: 2, passwordHash }));
      const writer = new CaseWriter(client, { prefix: 'RT', startAt: new Date(Date.now() - 86_400_000) });
      const addRooms = async (clients, roomSize) => {
        const rooms = [];
        for (let r = 0; r < clients / roomSize; r++) {
          const members = accounts.slice(r * roomSize, (r + 1) * roomSize);
          rooms.push({ ...(await writer.add(members, [], { spacingMs: 1000 })), members });
        }
        return rooms;
      };
      for (const config of realtimeConfigs) roomsByConfig.push(await addRooms(config.clients, config.roomSize));
      if (only.has('catchup')) catchUpRooms.push(...(await addRooms(plan.catchUp.clients, plan.catchUp.roomSize)));
      await writer.finish();
      await client.query('ANALYZE');
      log(`  seeded ${accounts.length} accounts over 8 agencies (4 kinds), ${writer.totals.cases} cases, ${writer.totals.members} memberships in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    return signIn(server.origin, accounts, { concurrency: 8, log });
  };
  const tokens = maxClients > 0 ? await run('setup', seedAndSignIn) : new Map();
  return { run, passwordHash, roomsByConfig, catchUpRooms, tokens, profileDir };
}

/** The built app served by a Vigil of its own on the demo city, measured in Chromium. */
async function measureWeb() {
  const webDist = join(dirname(vigilMain), '..', 'web', 'browser');
  if (!option('main') && (flag('build') || !existsSync(join(webDist, 'index.html')))) build('web');
  if (!option('main') && (flag('build') || !existsSync(vigilMain))) build('api');
  const dataDir = join(runDir, 'web-data');
  if (!flag('keep')) atExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startVigil({ root, main: vigilMain, core: SERVER_CORE, dataDir, webDist, log });
  try {
    return await webWorkload({ origin: server.origin, password: process.env.DEMO_PASSWORD ?? 'vigil-demo', log });
  } finally {
    await server.stop();
    writeFileSync(join(runDir, 'vigil-web.log'), server.output());
  }
}

/** Asks the server to verify a few seeded hash chains: the seeded rows are what the app would write. */
async function verifySample(origin, seeded, tokens) {
  const { httpClient } = await import('./lib/http.mjs');
  const http = httpClient(origin, 4);
  try {
    for (const kase of seeded.long.slice(0, 3)) {
      const prosecutor = kase.members.find((m) => m.role === 'prosecutor');
      const answer = await http.call('GET', `/api/cases/${kase.caseId}/verify`, { token: tokens.get(prosecutor.id) });
      if (answer.status !== 200 || !answer.body.ok) throw new Error(`seeded case ${kase.caseId} does not verify: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    log(`  the server verifies the seeded hash chains (sample of 3 long cases)`);
  } finally {
    http.close();
  }
}

function build(project = 'api') {
  log(`bench: building ${project === 'api' ? 'the API' : 'the web app'} (nx build ${project})…`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'build', project, '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
  if (result.status !== 0) throw new Error('the build failed');
}

function describeMachine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(cpuinfo)?.[1];
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: `${model}${mhz ? ` (${Math.round(Number(mhz))} MHz)` : ''}`,
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
  };
}

main()
  .then(() => stopAll())
  .catch(async (error) => {
    process.stderr.write(`bench: failed: ${error?.stack ?? error}\n`);
    await stopAll();
    process.exit(1);
  });
