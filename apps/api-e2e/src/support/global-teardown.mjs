import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const { postgres, server, workDir } = globalThis.__vigilE2e ?? {};
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  await postgres?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
