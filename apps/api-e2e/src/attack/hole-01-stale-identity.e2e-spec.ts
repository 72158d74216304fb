import type { Account, Agency, Unit } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { createAccount, decideGrant } from '../support/accounts';
import { call, login } from '../support/api';
import { Client } from '../support/cases';

/**
 * Hole 1, the account half: a socket and the tokens of a session kept the identity they signed in
 * with after an admin changed the account's role, agency or unit. Any such change ends the sessions.
 */
let admin: string;
let agencies: Agency[];
const clients: Client[] = [];
const agencyOf = (kind: string) => agencies.find((a) => a.kind === kind && !a.disabled) as Agency;

beforeAll(async () => {
  admin = (await login('admin@demo.vigil')).accessToken;
  agencies = (await call<Agency[]>('GET', '/api/admin/agencies', { token: admin })).body;
});
afterEach(() => clients.splice(0).forEach((client) => client.close()));

/** A fresh account of `role` in an agency of `kind`, signed in with an open socket. */
async function signedIn(role: Account['role'] & string, kind: string, extra: object = {}) {
  const email = `stale-${randomUUID().slice(0, 8)}@attack.test`;
  const created = await createAccount(admin, { email, displayName: 'Invented Staleman', password: 'stale-password', role, agencyId: agencyOf(kind).id, ...extra });
  expect(created.status).toBe(201);
  const session = await login(email, 'stale-password');
  const client = await Client.connect(session.accessToken);
  clients.push(client);
  const dropped = new Promise((resolve) => client.socket.once('disconnect', resolve));
  return { account: created.body, session, dropped };
}

async function expectSessionEnded(session: { accessToken: string; refreshCookie: string }, dropped: Promise<unknown>) {
  await expect(dropped).resolves.toBeDefined();
  expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
  const refreshed = await call('POST', '/api/auth/refresh', { headers: { cookie: session.refreshCookie } });
  expect(refreshed.status).toBe(401);
}

describe('hole 1: an account change ends the sessions that carry the old identity', () => {
  it('a role taken away (prosecutor made admin) disconnects the socket and refuses the old tokens', async () => {
    const { account, session, dropped } = await signedIn('prosecutor', 'prosecutor');
    const changed = await call<Account>('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { role: 'admin' } });
    expect(changed.body.role).toBe('admin');
    await expectSessionEnded(session, dropped);
  });

  it('a raised role takes effect on approval, which ends the sessions of the old role', async () => {
    const { account, session, dropped } = await signedIn('prosecutor', 'prosecutor');
    const proposed = await call<Account>('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { role: 'chief_prosecutor' } });
    expect(proposed.body).toMatchObject({ role: 'prosecutor', pendingGrant: { role: 'chief_prosecutor', status: 'pending' } });
    // Proposed only: the session still carries the role in effect.
    expect((await call('GET', '/api/me', { token: session.accessToken })).body.role).toBe('prosecutor');
    expect((await decideGrant(proposed.body.pendingGrant?.id as string, 'approve')).status).toBe(200);
    await expectSessionEnded(session, dropped);
    expect((await login(account.email, 'stale-password')).user.role).toBe('chief_prosecutor');
  });

  it('a move to another agency ends the sessions', async () => {
    const { account, session, dropped } = await signedIn('observer', 'civil_society');
    const other = await call<Agency>('POST', '/api/admin/agencies', { token: admin, body: { name: `Invented Watch ${randomUUID().slice(0, 6)}`, kind: 'civil_society' } });
    const moved = await call<Account>('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { agencyId: other.body.id } });
    expect(moved.body.agency.id).toBe(other.body.id);
    await expectSessionEnded(session, dropped);
  });

  it('a move to another unit ends the sessions', async () => {
    const police = agencyOf('police').id;
    const unit = await call<Unit>('POST', `/api/admin/agencies/${police}/units`, { token: admin, body: { name: `Invented Unit ${randomUUID().slice(0, 6)}` } });
    const { account, session, dropped } = await signedIn('police', 'police');
    const moved = await call<Account>('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { unitId: unit.body.id } });
    expect(moved.body.unit).toEqual({ id: unit.body.id, name: unit.body.name, names: unit.body.names });
    await expectSessionEnded(session, dropped);
  });

  it('a change of name only keeps the sessions', async () => {
    const { account, session } = await signedIn('observer', 'civil_society');
    await call('PATCH', `/api/admin/accounts/${account.id}`, { token: admin, body: { displayName: 'Invented Renamed' } });
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(200);
  });
});
