// Vigil as built for production (`dist/apps/api/main.js`), on a fresh data directory: the server
// initialises its embedded PostgreSQL (fsync on, as shipped), migrates and seeds the demo city.
// PostgreSQL is the server's child, so it runs on the server's core too.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, httpClient, waitHealthy } from './http.mjs';
import { pool } from './lean-socket.mjs';
import { spawnPinned, stopProcess } from './procs.mjs';

export const BENCH_PASSWORD = 'bench-password-not-secret';

export async function startVigil({ root, main = join(root, 'dist/apps/api/main.js'), core, dataDir, extraArgs = [], jwtSecret = randomBytes(36).toString('base64url'), webDist = 'none', log }) {
  if (!existsSync(main)) throw new Error(`${main} is missing: build it (npx nx build api) or pass --build`);
  const port = await freePort();
  let output = '';
  const env = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    WEB_DIST: webDist,
    // The load generator speaks for many people through few accounts: no per-account budget.
    ACCOUNT_RATE_PER_SECOND: '1000000',
    ACCOUNT_BURST: '1000000',
    SOCKETS_PER_ACCOUNT: '10000',
  });
  const child = spawnPinned(core, process.execPath, [...extraArgs, main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await waitHealthy(origin, child, () => output, 180_000);
  log?.(`  Vigil ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}, data in ${dataDir})`);
  return {
    origin,
    pid: child.pid,
    databaseUrl: embeddedDatabaseUrl(dataDir),
    output: () => output,
    stop: () => stopProcess(child, 30_000),
  };
}

/** The URL of the server's embedded PostgreSQL: its password file and the port in postmaster.pid. */
export function embeddedDatabaseUrl(dataDir) {
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  const lines = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(lines[3]);
  return `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/vigil`;
}

export async function withDatabase(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * One argon2id hash for every bench account, with cheap parameters (1 MiB, t=2): sign-in goes
 * through the real endpoint, but 5,000 of them take seconds instead of the ~15 minutes the
 * shipped parameters (64 MiB, t=3, p=4: ~175 ms each on one core) would.
 */
export async function benchPasswordHash() {
  const argon2 = await import('argon2');
  const lib = argon2.default ?? argon2;
  return lib.hash(BENCH_PASSWORD, { type: lib.argon2id, memoryCost: 1024, timeCost: 2, parallelism: 1 });
}

/** Signs each account in once through `POST /api/auth/login`; → access token per account id. */
export async function signIn(origin, accounts, { concurrency = 8, log } = {}) {
  const http = httpClient(origin, concurrency);
  const tokens = new Map();
  const started = Date.now();
  try {
    await pool(accounts, concurrency, async (account) => {
      for (let attempt = 0; ; attempt++) {
        const answer = await http.call('POST', '/api/auth/login', { body: { email: account.email, password: BENCH_PASSWORD } });
        if (answer.status === 200) return void tokens.set(account.id, answer.body.accessToken);
        if (answer.status === 429 && attempt < 5) {
          await new Promise((r) => setTimeout(r, Number(answer.headers['retry-after'] ?? 1) * 1000));
          continue;
        }
        throw new Error(`login ${account.email}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    });
  } finally {
    http.close();
  }
  log?.(`  signed in ${accounts.length} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tokens;
}
