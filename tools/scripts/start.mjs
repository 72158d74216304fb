#!/usr/bin/env node
// `npm start`: builds what changed (Nx caches the rest), then runs the server in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (line) => process.stdout.write(`vigil: ${line}\n`);

const firstBuild = !existsSync(join(root, 'dist/apps/api/main.js'));
say(firstBuild ? 'building the web app and the API (the first time takes about a minute)…' : 'checking the build…');
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' } },
);
if (build.status !== 0) {
  process.stdout.write(build.stdout);
  say('the build failed (see above).');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit' });
// The server finishes in-flight requests and stops its PostgreSQL on these; pass them on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
