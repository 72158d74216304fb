import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { createAccount } from '../support/accounts';
import { call, login } from '../support/api';
import { signInAll, type Person, type Role } from '../support/cases';
import { freePort, startServer, stopAllServers, waitForOutput } from '../support/server';
import { serverAnswering, Tally } from './support/tally';

/*
 * Tokens that must open nothing, on REST and on the socket handshake: unsigned, signed with a
 * guessed or another server's key, with claims changed, expired, of a session that has ended and
 * of an account that has been disabled. A real token opens both, so that the refusals mean something.
 */

const tally = new Tally('tokens');
let people: Record<Role, Person>;

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
/** A JWT signed with HS256 and `secret`, as the server signs its own. */
function signed(claims: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** What the REST API and the socket handshake make of a token, at `origin`. */
async function restAnswer(token: string, origin?: string) {
  if (!origin) return call('GET', '/api/me', { token });
  const response = await fetch(`${origin}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}
function handshake(token: unknown, origin = process.env['VIGIL_E2E_URL'] as string): Promise<string> {
  const socket = io(origin, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.close());
}

/** Both doors must stay shut: 401 `UNAUTHENTICATED` on REST, `connect_error` `UNAUTHENTICATED` on the socket. */
async function refused(what: string, token: string, origin?: string): Promise<object[]> {
  const failures: object[] = [];
  const rest = await restAnswer(token, origin);
  const restHeld = rest.status === 401 && rest.body?.code === 'UNAUTHENTICATED';
  tally.record('REST: refused with 401 UNAUTHENTICATED', restHeld, { token: what, status: rest.status, answer: JSON.stringify(rest.body)?.slice(0, 200) });
  if (!restHeld) failures.push({ token: what, rest: rest.status });
  const socket = await handshake(token, origin);
  tally.record('socket handshake: connect_error UNAUTHENTICATED', socket === 'UNAUTHENTICATED', { token: what, socket });
  if (socket !== 'UNAUTHENTICATED') failures.push({ token: what, socket });
  return failures;
}

beforeAll(async () => {
  await serverAnswering();
  people = await signInAll();
});
afterAll(async () => {
  tally.write();
  await stopAllServers();
});

describe('forged and stale tokens', () => {
  it('lets a real token in, on REST and on the socket (else the refusals below prove nothing)', async () => {
    expect((await restAnswer(people.observer.token)).status).toBe(200);
    expect(await handshake(people.observer.token)).toBe('connected');
  });

  it('refuses unsigned tokens, tokens signed with a guessed key, and real tokens with their claims changed', async () => {
    const real = people.observer.token;
    const claims = claimsOf(real);
    const [header, , signature] = real.split('.');
    const forged: [string, string][] = [
      ...['none', 'None', 'NONE', 'nOnE'].map((alg): [string, string] => [`alg ${alg}`, `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}.`]),
      ['alg none, with the real signature', `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.${signature}`],
      ...['secret', 'vigil', 'vigil-demo', 'changeme', 'jwt-secret', 'your-256-bit-secret', 'e2e-only', 'password', 'development', 'vigil-jwt-secret-change-me-please-32'].map(
        (secret): [string, string] => [`HS256 with the guessed key "${secret}"`, signed(claims, secret)],
      ),
      ['HS256 with an empty key', signed(claims, '')],
      ['the chief as subject, the real signature', `${header}.${base64url({ ...claims, sub: people.chief.id })}.${signature}`],
      ['another session, the real signature', `${header}.${base64url({ ...claims, sid: randomUUID() })}.${signature}`],
      ['a later expiry, the real signature', `${header}.${base64url({ ...claims, exp: claims.exp + 86400 })}.${signature}`],
      ['alg HS512, the real signature', `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(claims)}.${signature}`],
      ['alg RS256, the real signature', `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.${signature}`],
      ['no signature', `${header}.${base64url(claims)}.`],
      ['a signature of another token', `${header}.${base64url(claims)}.${people.chief.token.split('.')[2]}`],
      ['four parts', `${real}.${signature}`],
      ['the real token, reversed', [...real].reverse().join('')],
    ];
    const failures: object[] = [];
    for (const [what, token] of forged) failures.push(...(await refused(what, token)));
    expect(failures).toEqual([]);
  });

  it('refuses the token of a session that has logged out, on REST, the handshake and refresh', async () => {
    const session = await login('observer@demo.vigil');
    const connected = io(process.env['VIGIL_E2E_URL'] as string, { auth: { token: session.accessToken }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((resolve) => connected.once('connect', () => resolve(undefined)));
    const disconnected = new Promise((resolve) => connected.once('disconnect', resolve));
    expect((await call('POST', '/api/auth/logout', { token: session.accessToken })).status).toBe(204);
    await disconnected;
    const failures = await refused('a logged-out session', session.accessToken);
    const refresh = await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie } });
    tally.record('REST: refused with 401 UNAUTHENTICATED', refresh.status === 401, { token: "a logged-out session's refresh cookie", status: refresh.status });
    expect({ failures, refresh: refresh.status }).toEqual({ failures: [], refresh: 401 });
  });

  it('refuses the token of an account that has been disabled', async () => {
    const admin = people.admin.token;
    const agency = (await call('GET', '/api/admin/agencies', { token: admin })).body.find((a: { kind: string; disabled: boolean }) => a.kind === 'civil_society' && !a.disabled);
    const email = `zz-attack-tokens-${randomBytes(4).toString('hex')}@probe.test`;
    // Created and approved by a chief prosecutor: a role with case access takes four eyes.
    const created = await createAccount(admin, { email, displayName: 'Zz attack tokens', password: 'probe-password', role: 'observer', agencyId: agency.id });
    expect(created.status).toBe(201);
    const session = await login(email, 'probe-password');
    expect((await restAnswer(session.accessToken)).status).toBe(200);
    expect((await call('PATCH', `/api/admin/accounts/${created.body.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect(await refused('a disabled account', session.accessToken)).toEqual([]);
  });

  it("refuses expired tokens and tokens of another server's key, though signed with a real key", async () => {
    // A second server on the same database with a key the test knows: it can sign what the
    // first cannot be asked to (an expired token of a live session).
    const secret = randomBytes(32).toString('hex');
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const second = startServer({ PORT: String(port), DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string, JWT_SECRET: secret, TRUST_PROXY: 'true' });
    await waitForOutput(second, /ready at/);
    const session = await login('observer@demo.vigil');
    const claims = claimsOf(session.accessToken);
    const live = signed({ ...claims, iat: now(), exp: now() + 600 }, secret);
    // The control: the known key signs a token the second server takes.
    expect((await restAnswer(live, origin)).status).toBe(200);
    const failures = [
      ...(await refused('expired a minute ago', signed({ ...claims, iat: now() - 960, exp: now() - 60 }, secret), origin)),
      ...(await refused('expired a second ago', signed({ ...claims, iat: now() - 900, exp: now() - 1 }, secret), origin)),
      ...(await refused('without an expiry', signed({ sub: claims.sub, sid: claims.sid, iat: now() }, secret), origin)),
      ...(await refused('issued in the future', signed({ ...claims, iat: now() + 3600, nbf: now() + 3600, exp: now() + 7200 }, secret), origin)),
      ...(await refused("the chief as subject of the observer's session", signed({ ...claims, sub: people.chief.id, iat: now(), exp: now() + 600 }, secret), origin)),
      ...(await refused('an unknown session', signed({ ...claims, sid: randomUUID(), iat: now(), exp: now() + 600 }, secret), origin)),
      ...(await refused("a token of the other server's key", session.accessToken, origin)),
      ...(await refused("a token of this server's key, at the other", live)),
    ];
    expect(failures).toEqual([]);
  });
});
