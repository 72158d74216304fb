import { baseUrl, call, DEMO_PASSWORD, freshAddress, login } from '../support/api';
import { freePort, startServer, stopAllServers, waitForOutput } from '../support/server';

/*
 * Hole 12: a page on another site could sign a browser in (a form post of email and password) and
 * refresh or end its session; the refresh cookie was never `Secure` behind a TLS proxy unless
 * TRUST_PROXY was spelled exactly "true"; answers carrying tokens and the victim's identity could
 * be kept by a cache.
 */

const FOREIGN = 'https://attacker.example';
const own = () => baseUrl();
const credentials = (email = 'prosecutor@demo.vigil') => ({ email, password: DEMO_PASSWORD });
const refreshCookie = (headers: Headers) => (headers.getSetCookie?.() ?? []).find((cookie) => cookie.startsWith('vigil_refresh=')) ?? '';

afterAll(() => stopAllServers());

describe('hole 12: login CSRF', () => {
  it('refuses a sign-in posted as a form from another site, and sets no cookie', async () => {
    const answer = await call('POST', '/api/auth/login', {
      rawBody: new URLSearchParams(credentials()).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: FOREIGN, 'x-forwarded-for': freshAddress() },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(refreshCookie(answer.headers)).toBe('');
  });

  it('refuses a sign-in as a form or as plain text even without an Origin: JSON only, naming content-type', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', new URLSearchParams(credentials()).toString()],
      ['text/plain', JSON.stringify(credentials())],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nprosecutor@demo.vigil\r\n--x--\r\n`],
    ]) {
      const answer = await call('POST', '/api/auth/login', { rawBody: body, headers: { 'content-type': type, 'x-forwarded-for': freshAddress() } });
      expect({ type, status: answer.status }).toEqual({ type, status: 400 });
      expect(refreshCookie(answer.headers)).toBe('');
      expect(answer.body.details).toEqual([{ field: 'content-type', message: 'must be application/json', rule: 'content_type' }]);
    }
  });

  it('refuses a JSON sign-in from another site, and takes one from its own', async () => {
    const foreign = await call('POST', '/api/auth/login', { body: credentials(), headers: { origin: FOREIGN, 'x-forwarded-for': freshAddress() } });
    expect(foreign.status).toBe(403);
    const nullOrigin = await call('POST', '/api/auth/login', { body: credentials(), headers: { origin: 'null', 'x-forwarded-for': freshAddress() } });
    expect(nullOrigin.status).toBe(403);
    const same = await call('POST', '/api/auth/login', { body: credentials(), headers: { origin: own(), 'x-forwarded-for': freshAddress() } });
    expect(same.status).toBe(200);
  });
});

describe('hole 12: refresh and logout from another site', () => {
  it('refuses a refresh from another site, and the cookie still works from its own', async () => {
    const session = await login('prosecutor@demo.vigil');
    const foreign = await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie, origin: FOREIGN } });
    expect(foreign.status).toBe(403);
    expect(refreshCookie(foreign.headers)).toBe('');
    const same = await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie, origin: own() } });
    expect(same.status).toBe(200);
  });

  it('refuses a logout from another site: the session goes on', async () => {
    const session = await login('ombudsman@demo.vigil');
    const foreign = await call('POST', '/api/auth/logout', { token: session.accessToken, headers: { origin: FOREIGN } });
    expect(foreign.status).toBe(403);
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(200);
  });

  it('refuses any other write from another site', async () => {
    const session = await login('prosecutor@demo.vigil');
    const answer = await call('POST', '/api/cases', { token: session.accessToken, body: {}, headers: { origin: FOREIGN } });
    expect(answer.status).toBe(403);
  });
});

describe('hole 12: nothing is cached', () => {
  it('answers every /api request with Cache-Control: no-store: tokens, the victim, and errors', async () => {
    const session = await login('prosecutor@demo.vigil');
    const answers = [
      await call('POST', '/api/auth/login', { body: credentials(), headers: { 'x-forwarded-for': freshAddress() } }),
      await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie } }),
      await call('GET', '/api/me', { token: session.accessToken }),
      await call('GET', '/api/cases', { token: session.accessToken }),
      await call('GET', '/api/cases/not-a-case', { token: session.accessToken }),
      await call('GET', '/api/me'),
    ];
    expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual(answers.map(() => 'no-store'));
  });
});

describe('hole 12: the refresh cookie behind a TLS proxy', () => {
  it('is Secure when a trusted proxy says the request came over HTTPS, with TRUST_PROXY given as a number of proxies', async () => {
    const port = String(await freePort());
    const server = startServer({ PORT: port, DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string, TRUST_PROXY: '1' });
    await waitForOutput(server, /ready at/);
    try {
      const signIn = (proto: string) =>
        fetch(`http://localhost:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto, 'x-forwarded-for': freshAddress() },
          body: JSON.stringify(credentials()),
        });
      const overTls = await signIn('https');
      expect(overTls.status).toBe(200);
      expect(refreshCookie(overTls.headers)).toMatch(/; Secure/);
      const plain = await signIn('http');
      expect(refreshCookie(plain.headers)).not.toMatch(/; Secure/);
    } finally {
      await stopAllServers();
    }
  });

  it('refuses to start with a TRUST_PROXY it cannot read, naming it', async () => {
    const server = startServer({ PORT: String(await freePort()), DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string, TRUST_PROXY: 'on' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/invalid configuration: TRUST_PROXY must be true, false, the number of proxies in front/);
  });
});
