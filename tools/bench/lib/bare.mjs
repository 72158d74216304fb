// Starts the bare socket.io ceiling server on the server core.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort, waitHealthy } from './http.mjs';
import { spawnPinned, stopProcess } from './procs.mjs';

export async function startBare({ root, core }) {
  const port = await freePort();
  let output = '';
  const child = spawnPinned(core, process.execPath, [join(root, 'tools/bench/bare-server.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitHealthy(origin, child, () => output, 20_000);
  return { origin, pid: child.pid, stop: () => stopProcess(child) };
}

/** Rooms for the bare server: no accounts, no tokens. */
export function bareRooms(clients, roomSize) {
  return Array.from({ length: Math.floor(clients / roomSize) }, () => ({ caseId: randomUUID(), tokens: new Array(roomSize).fill(null) }));
}
