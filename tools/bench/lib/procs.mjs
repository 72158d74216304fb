// Processes the bench starts: pinned to a core, each in its own process group so that stopping
// one stops its children too (Vigil's embedded PostgreSQL). Whatever is still running when the
// bench ends, fails or is interrupted gets stopped.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const started = new Set();
const cleanups = [];
let hooksInstalled = false;

/** Runs `fn` (synchronous) when the bench exits, however it exits. */
export function atExit(fn) {
  installHooks();
  cleanups.push(fn);
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Pins this process (every thread) to `core`: the load generator's side. */
export function pinSelf(core) {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
}

/** Spawns `command args…` on `core` (`taskset -c`), in a new process group. */
export function spawnPinned(core, command, args, options = {}) {
  installHooks();
  const child = spawn('taskset', ['-c', String(core), command, ...args], { ...options, detached: true });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** SIGTERM to the child's group, SIGKILL after `graceMs`; resolves when it has exited. */
export async function stopProcess(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    started.delete(child);
    killGroup(child, 'SIGKILL'); // stray grandchildren, if any
    return;
  }
  const exited = new Promise((done) => child.once('exit', done));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Give the group's other members (PostgreSQL) a moment, then make sure none is left.
  await waitGroupGone(child.pid, 5_000);
  killGroup(child, 'SIGKILL');
  started.delete(child);
}

export async function stopAll() {
  await Promise.all([...started].map((child) => stopProcess(child)));
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function waitGroupGone(pgid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort, synchronous: nothing of ours outlives the bench.
  process.on('exit', () => {
    for (const child of started) killGroup(child, 'SIGKILL');
    for (const fn of cleanups) {
      try {
        fn();
      } catch {
        // best effort
      }
    }
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`\nbench: ${signal}: stopping what the bench started…\n`);
      stopAll().finally(() => process.exit(130));
    });
  }
}

/** CPU time (user + system) of one process, in seconds; null if it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Seconds the process's main thread spent runnable but waiting for a CPU (/proc/<pid>/schedstat). */
export function runQueueWait(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return 0;
  }
}

/** Pids of a process's descendants (PostgreSQL under Vigil). */
export function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  const out = [];
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const next = stack.pop();
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Resident set size of one process, in KiB. */
export function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Measures CPU use over an interval: `stop()` → percent of one core for the server process, its
 * descendants (the database), and this process (the load generator).
 */
export function cpuMeter(serverPid) {
  const t0 = process.hrtime.bigint();
  const sample = () => {
    const perPid = new Map();
    for (const pid of serverPid ? descendants(serverPid) : []) {
      const cpu = cpuSeconds(pid);
      if (cpu !== null) perPid.set(pid, cpu); // gone between listing and reading: left out
    }
    return {
      server: serverPid ? cpuSeconds(serverPid) ?? 0 : 0,
      perPid,
      client: cpuSeconds(process.pid) ?? 0,
      serverWait: serverPid ? runQueueWait(serverPid) : 0,
      clientWait: runQueueWait(process.pid),
    };
  };
  const before = sample();
  return {
    stop() {
      const after = sample();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      let database = 0;
      // A database process that started during the interval counts from zero.
      for (const [pid, cpu] of after.perPid) database += Math.max(0, cpu - (before.perPid.get(pid) ?? 0));
      return {
        seconds,
        server: pct(after.server - before.server, seconds),
        database: pct(database, seconds),
        client: pct(after.client - before.client, seconds),
        // Time the main threads were ready to run but waited for the core: other work on the machine.
        serverWaited: pct(after.serverWait - before.serverWait, seconds),
        clientWaited: pct(after.clientWait - before.clientWait, seconds),
      };
    },
  };
}

const pct = (cpu, seconds) => (seconds > 0 ? Math.round((cpu / seconds) * 1000) / 10 : 0);
