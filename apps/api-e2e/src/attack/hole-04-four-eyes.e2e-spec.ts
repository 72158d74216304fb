import type { Account, Agency, Page, RoleGrant, SecurityLogEntry } from '@vigil/contracts';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { chiefToken, createAccount, decideGrant } from '../support/accounts';
import { call, freshAddress, login, withDatabase } from '../support/api';
import { openCase, signInAll, type Person, type Role } from '../support/cases';
import { workspaceRoot } from '../support/server';

/**
 * Hole 4: an admin could mint a chief prosecutor and read every case, untraced. A role with case
 * access is now only proposed by an admin; it takes effect when a chief prosecutor who is neither
 * its proposer nor its account approves it, and all of it is in the hash-chained security log.
 */
let people: Record<Role, Person>;
let prosecutors: Agency;
const password = 'four-eyes-password';

beforeAll(async () => {
  people = await signInAll();
  const agencies = (await call<Agency[]>('GET', '/api/admin/agencies', { token: people.admin.token })).body;
  prosecutors = agencies.find((a) => a.kind === 'prosecutor' && !a.disabled) as Agency;
});

const signIn = (email: string, secret = password) => call('POST', '/api/auth/login', { body: { email, password: secret }, headers: { 'x-forwarded-for': freshAddress('10.4') } });
const newEmail = () => `four-eyes-${randomUUID().slice(0, 8)}@attack.test`;
const securityLog = async (token: string, limit = 200) => (await call<Page<SecurityLogEntry>>('GET', `/api/security-log?limit=${limit}`, { token })).body.items;

describe('hole 4: four eyes on every role with case access', () => {
  it('an admin proposing a chief prosecutor gets an account with no case access until a chief approves', async () => {
    const email = newEmail();
    const created = await call<Account>('POST', '/api/admin/accounts', {
      token: people.admin.token,
      body: { email, displayName: 'Invented Usurper', password, role: 'chief_prosecutor', agencyId: prosecutors.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: null, pendingGrant: { role: 'chief_prosecutor', status: 'pending', source: 'admin', proposedBy: people.admin.id } });
    // The right password, and still no way in: no role, no token, no case.
    const refused = await signIn(email);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', details: [{ field: 'role' }] });

    const pending = await call<RoleGrant[]>('GET', '/api/admin/role-grants?status=pending', { token: people.admin.token });
    expect(pending.body.map((g) => g.id)).toContain(created.body.pendingGrant?.id);
    // The admin cannot approve it, nor can anyone but a chief prosecutor.
    for (const who of [people.admin, people.prosecutor, people.ombudsman]) {
      const approval = await decideGrant(created.body.pendingGrant?.id as string, 'approve', who.token);
      expect(approval.status).toBe(403);
    }
    expect((await signIn(email)).status).toBe(403);

    const approved = await decideGrant(created.body.pendingGrant?.id as string, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: people.chief.id });
    const session = await login(email, password);
    expect(session.user.role).toBe('chief_prosecutor');
    // Decided once: a second decision is a conflict.
    expect((await decideGrant(created.body.pendingGrant?.id as string, 'reject')).status).toBe(409);
  });

  it('a raised role stays proposed: the account keeps its old reach until approval, and a rejection leaves it there', async () => {
    const email = newEmail();
    const account = await createAccount(people.admin.token, { email, displayName: 'Invented Climber', password, role: 'prosecutor', agencyId: prosecutors.id });
    expect(account.body.role).toBe('prosecutor');
    const elsewhere = await openCase(people.chief, people.chief);
    const raised = await call<Account>('PATCH', `/api/admin/accounts/${account.body.id}`, { token: people.admin.token, body: { role: 'chief_prosecutor' } });
    expect(raised.body).toMatchObject({ role: 'prosecutor', pendingGrant: { role: 'chief_prosecutor', previousRole: 'prosecutor' } });
    const asProsecutor = await login(email, password);
    expect((await call('GET', `/api/cases/${elsewhere.id}`, { token: asProsecutor.accessToken })).status).toBe(404);

    expect((await decideGrant(raised.body.pendingGrant?.id as string, 'reject')).body.status).toBe('rejected');
    const still = await login(email, password);
    expect(still.user.role).toBe('prosecutor');
    expect((await call('GET', `/api/cases/${elsewhere.id}`, { token: still.accessToken })).status).toBe(404);
  });

  it('no chief prosecutor decides a grant of their own role', async () => {
    const email = newEmail();
    const second = await createAccount(people.admin.token, { email, displayName: 'Invented Second Chief', password, role: 'chief_prosecutor', agencyId: prosecutors.id });
    const lowered = await call<Account>('PATCH', `/api/admin/accounts/${second.body.id}`, { token: people.admin.token, body: { role: 'prosecutor' } });
    const own = await decideGrant(lowered.body.pendingGrant?.id as string, 'approve', (await login(email, password)).accessToken);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN');
  });

  it('records grants, decisions, sign-in failures and the lockout in a hash-chained log, with no password or token', async () => {
    const email = newEmail();
    const created = await createAccount(people.admin.token, { email, displayName: 'Invented Forgetful', password, role: 'observer', agencyId: (await civilSociety()).id });
    const wrong = `wrong-${randomUUID()}`;
    for (let i = 0; i < 5; i++) expect((await signIn(email, wrong)).status).toBe(401);
    expect((await signIn(email)).status).toBe(429);

    const entries = await securityLog(await chiefToken());
    const about = entries.filter((e) => e.accountId === created.body.id).map((e) => e.type);
    expect(about).toEqual(expect.arrayContaining(['account.created', 'role.proposed', 'role.approved', 'signin.failed', 'signin.locked_out']));
    expect(about.filter((type) => type === 'signin.failed')).toHaveLength(5);
    expect(about.filter((type) => type === 'signin.locked_out')).toHaveLength(1);
    const approval = entries.find((e) => e.accountId === created.body.id && e.type === 'role.approved');
    expect(approval).toMatchObject({ actorId: people.chief.id, data: { role: 'observer', proposedBy: people.admin.id } });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(password);
    expect(text).not.toContain(wrong);
    expect(text).not.toMatch(/argon2|accessToken|refresh/i);
    // The demo's own grants are recorded as the seed's.
    const seeded = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM security_log WHERE type = 'role.granted' AND data->>'source' = 'seed'`));
    expect(seeded.rows[0].n).toBe(5);

    const verified = await call('GET', '/api/security-log/verify', { token: people.ombudsman.token });
    expect(verified.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('pages the log newest first by cursor', async () => {
    const first = await call<Page<SecurityLogEntry>>('GET', '/api/security-log?limit=2', { token: people.ombudsman.token });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].seq).toBeGreaterThan(first.body.items[1].seq);
    const next = await call<Page<SecurityLogEntry>>('GET', `/api/security-log?limit=2&cursor=${first.body.nextCursor}`, { token: people.ombudsman.token });
    expect(next.body.items[0].seq).toBe(first.body.items[1].seq - 1);
    expect((await call('GET', '/api/security-log?cursor=abc', { token: people.ombudsman.token })).body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'cursor' }] });
  });

  it('is read by the chief prosecutor and the ombudsman only', async () => {
    for (const who of [people.police, people.observer, people.admin, people.prosecutor]) {
      const answer = await call('GET', '/api/security-log', { token: who.token });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    }
  });

  it('refuses to change or remove an entry', async () => {
    await withDatabase(async (db) => {
      await expect(db.query(`UPDATE security_log SET type = 'nothing' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM security_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    });
  });

  it('grants the first chief prosecutor from the command line, logged as such', async () => {
    const email = newEmail();
    const account = await createAccount(people.admin.token, { email, displayName: 'Invented Founder', password, role: 'admin', agencyId: prosecutors.id });
    const child = spawn(process.execPath, [join(workspaceRoot, 'dist/apps/api/main.js'), '--grant-chief', email], {
      cwd: workspaceRoot,
      env: { ...process.env, DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string, WEB_DIST: 'none', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    expect(await new Promise((done) => child.once('exit', done))).toBe(0);
    expect(output).toContain('is now chief prosecutor');
    expect((await login(email, password)).user.role).toBe('chief_prosecutor');
    const entry = (await securityLog(people.ombudsman.token)).find((e) => e.accountId === account.body.id && e.type === 'role.granted');
    expect(entry).toMatchObject({ actorId: null, data: { role: 'chief_prosecutor', previousRole: 'admin', source: 'cli' } });
  });
});

async function civilSociety(): Promise<Agency> {
  const agencies = (await call<Agency[]>('GET', '/api/admin/agencies', { token: people.admin.token })).body;
  return agencies.find((a) => a.kind === 'civil_society' && !a.disabled) as Agency;
}
