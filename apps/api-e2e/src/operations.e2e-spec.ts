import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { baseUrl, call, DEMO_PASSWORD, login } from './support/api';
import { freePort, startServer, stopAllServers, waitForOutput } from './support/server';

/** Settings of the embedded PostgreSQL a server started in `dataDir` (its password file, the port in postmaster.pid). */
async function embeddedSettings(dataDir: string, names: string[]): Promise<Record<string, string>> {
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  const port = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new Client({ host: 'localhost', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>('SELECT name, setting FROM pg_settings WHERE name = ANY($1)', [names]);
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

describe('operations', () => {
  afterAll(stopAllServers);

  it('reports health when the database answers', async () => {
    const answer = await call('GET', '/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('publishes the OpenAPI document at /api/docs', async () => {
    const page = await fetch(`${baseUrl()}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const document = await call('GET', '/api/docs/json');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/admin/accounts', '/api/health']));
  });

  it('sends security headers (helmet)', async () => {
    const answer = await call('GET', '/api/health');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBeTruthy();
  });

  it('answers an unknown API path with the error shape', async () => {
    const answer = await call('GET', '/api/no-such-thing', { token: (await login('observer@demo.vigil')).accessToken });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('never logs passwords, tokens or cookies', async () => {
    const session = await login('chief@demo.vigil');
    await call('GET', '/api/me', { token: session.accessToken });
    await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie } });
    await call('POST', '/api/auth/login', { body: { email: 'chief@demo.vigil', password: 'a-wrong-secret-guess' } });
    await new Promise((r) => setTimeout(r, 300)); // let the server flush its log lines
    // The structured log: every JSON line the server wrote (the start-up banner is not part of it).
    const log = readFileSync(process.env['VIGIL_E2E_LOG'] as string, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .join('\n');
    expect(log).toContain('"path":"/api/me"'); // the requests were logged…
    expect(log).not.toContain(DEMO_PASSWORD); // …without their secrets
    expect(log).not.toContain('a-wrong-secret-guess');
    expect(log).not.toContain(session.accessToken);
    expect(log).not.toContain(session.refreshCookie.split('=')[1]);
    for (const line of log.split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('stops at start-up on an invalid configuration value, naming it', async () => {
    const server = startServer({ PORT: 'not-a-port', DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/invalid configuration: PORT must be an integer/);
  });

  it('stops at start-up on a bad VISIT_DEADLINE_HOURS or DATABASE_URL, naming each', async () => {
    const server = startServer({ VISIT_DEADLINE_HOURS: 'soon', DATABASE_URL: 'mysql://elsewhere' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('VISIT_DEADLINE_HOURS');
    expect(server.output()).toContain('DATABASE_URL');
  });

  it('says in one line that the port is in use', async () => {
    const port = new URL(baseUrl()).port;
    const server = startServer({ PORT: port, DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`port ${port} is already in use`));
  });

  it('runs on its own embedded PostgreSQL, refuses a second start on the same data directory, and shuts down gracefully', async () => {
    const dataDir = join(process.env['VIGIL_E2E_WORKDIR'] as string, 'own-data');
    const port = await freePort();
    const first = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitForOutput(first, /ready at http:\/\/localhost:\d+/);
    expect(first.output()).toContain('initialising the database');
    expect(first.output()).toContain('seeded the demo city');
    expect(first.output()).toContain('prosecutor@demo.vigil');
    // Commits are durable as PostgreSQL ships: nothing is made faster by risking them.
    expect(await embeddedSettings(dataDir, ['fsync', 'synchronous_commit', 'full_page_writes'])).toEqual({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });

    const second = startServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output().trim().split('\n')).toHaveLength(1);
    expect(second.output()).toMatch(/data directory .* is in use/);

    // A sign-in (argon2 takes ~100 ms) that the server has received when SIGTERM arrives still completes.
    const inFlight = new Promise<number>((done, failed) => {
      const request = httpRequest(
        { host: 'localhost', port, path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          done(response.statusCode ?? 0);
        },
      );
      request.on('error', failed);
      request.end(JSON.stringify({ email: 'police@demo.vigil', password: DEMO_PASSWORD }), () => {
        setTimeout(() => first.process.kill('SIGTERM'), 25);
      });
    });
    expect(await inFlight).toBe(200);
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // Data is kept between runs: a restart neither initialises nor seeds again.
    const again = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitForOutput(again, /ready at/);
    expect(again.output()).not.toContain('initialising');
    expect(again.output()).not.toContain('seeded');
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('does not seed demo accounts on a database named by DATABASE_URL unless asked', async () => {
    // The suite's own server was started with SEED_DEMO=true; here a restart without it must not seed.
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: process.env['VIGIL_E2E_DATABASE_URL'] });
    await admin.connect();
    await admin.query('CREATE DATABASE unseeded');
    await admin.end();
    const url = (process.env['VIGIL_E2E_DATABASE_URL'] as string).replace(/\/vigil$/, '/unseeded');
    const server = startServer({ PORT: String(await freePort()), DATABASE_URL: url });
    await waitForOutput(server, /ready at/, 40_000);
    expect(server.output()).not.toContain('seeded');
    expect(server.output()).not.toContain('demo sign-ins');
    server.process.kill('SIGTERM');
    await server.exited;
    const check = new Client({ connectionString: url });
    await check.connect();
    expect((await check.query('SELECT count(*)::int AS n FROM accounts')).rows[0].n).toBe(0);
    await check.end();
  });
});
