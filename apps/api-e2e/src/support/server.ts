import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const workspaceRoot = resolve(__dirname, '../../../..');

export interface RunningServer {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built server (`dist/apps/api/main.js`) as `npm start` would, with these variables. */
const started = new Set<ChildProcess>();

/** Kills whatever a test started and left running (after a failed assertion, say). */
export async function stopAllServers(): Promise<void> {
  await Promise.all(
    [...started].filter((child) => child.exitCode === null).map((child) => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      return exited;
    }),
  );
}

export function startServer(env: Record<string, string>): RunningServer {
  let output = '';
  const child = spawn(process.execPath, [join(workspaceRoot, 'dist/apps/api/main.js')], {
    cwd: workspaceRoot,
    env: { ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { process: child, output: () => output, exited };
}

export async function waitForOutput(server: RunningServer, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.output())) {
    if (server.process.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port nobody listens on now, for a server a test starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}
