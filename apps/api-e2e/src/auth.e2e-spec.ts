import { createAccount } from './support/accounts';
import { call, DEMO_PASSWORD, freshAddress, login, withDatabase } from './support/api';

const DEMO = [
  { email: 'prosecutor@demo.vigil', role: 'prosecutor', kind: 'prosecutor', name: 'Arman Tasov' },
  { email: 'chief@demo.vigil', role: 'chief_prosecutor', kind: 'prosecutor', name: 'Gulnara Ermekova' },
  { email: 'police@demo.vigil', role: 'police', kind: 'police', name: 'Timur Ospanov' },
  { email: 'ombudsman@demo.vigil', role: 'ombudsman', kind: 'ombudsman', name: 'Aigerim Nurova' },
  { email: 'observer@demo.vigil', role: 'observer', kind: 'civil_society', name: 'Dana Kairatova' },
  { email: 'admin@demo.vigil', role: 'admin', kind: 'prosecutor', name: 'System Administrator' },
];

const signIn = (email: string, password: string, address = freshAddress()) =>
  call('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });

describe('sign-in', () => {
  it.each(DEMO)('signs in $email and answers /api/me with its role and agency', async ({ email, role, kind, name }) => {
    const session = await login(email);
    expect(session.expiresIn).toBeGreaterThan(0);
    expect(session.user).toMatchObject({ email, role, displayName: name, agency: { kind } });
    expect(session.refreshCookie).toMatch(/^vigil_refresh=.+/);
    const me = await call('GET', '/api/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(session.user);
  });

  it('sets the refresh cookie httpOnly, SameSite=Strict, on /api/auth', async () => {
    const answer = await signIn('observer@demo.vigil', DEMO_PASSWORD);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('vigil_refresh='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrongPassword = await signIn('police@demo.vigil', 'not-the-password');
    const unknownEmail = await signIn('nobody@demo.vigil', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong email or password' });
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('rejects a request without a token, or with a forged one', async () => {
    expect((await call('GET', '/api/me')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const forged = await call('GET', '/api/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    expect(forged.status).toBe(401);
  });

  it('validates the body and names each bad field', async () => {
    const answer = await call('POST', '/api/auth/login', { body: { email: 42, extra: true }, headers: { 'x-forwarded-for': freshAddress() } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION');
    const fields = answer.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('refuses text the database cannot store (U+0000) with VALIDATION naming the field, not a crash', async () => {
    const answer = await call('POST', '/api/auth/login', { body: { email: 'chief\u0000@demo.vigil', password: 'x' }, headers: { 'x-forwarded-for': freshAddress() } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'email', message: 'must not contain the NUL character (U+0000)' }] });
  });

  it('answers malformed JSON with VALIDATION, not a crash', async () => {
    const answer = await call('POST', '/api/auth/login', { rawBody: '{"email":', headers: { 'x-forwarded-for': freshAddress() } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION');
  });
});

describe('throttling of failed sign-ins', () => {
  it('refuses an account after 5 failures within the window, even with the right password', async () => {
    const admin = await login('admin@demo.vigil');
    const agencies = await call('GET', '/api/admin/agencies', { token: admin.accessToken });
    const police = agencies.body.find((a: { kind: string }) => a.kind === 'police');
    const email = `throttled-${Date.now()}@demo.vigil`;
    await createAccount(admin.accessToken, { email, displayName: 'Throttle Test Officer', password: 'correct-horse', role: 'police', agencyId: police.id });
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong-password')).status).toBe(401);
    const refused = await signIn(email, 'correct-horse');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('refuses an address after 50 failures, whatever the account', async () => {
    const address = freshAddress();
    for (let i = 0; i < 50; i++) {
      expect((await signIn(`guess-${i}@demo.vigil`, 'wrong', address)).status).toBe(401);
    }
    const refused = await signIn('ombudsman@demo.vigil', DEMO_PASSWORD, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signIn('ombudsman@demo.vigil', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('sessions', () => {
  const refresh = (cookie: string) => call('POST', '/api/auth/refresh', { headers: { cookie } });

  it('refreshes with the cookie, rotating it: the old one stops working', async () => {
    const session = await login('prosecutor@demo.vigil');
    const first = await refresh(session.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const rotated = first.headers.getSetCookie().find((c) => c.startsWith('vigil_refresh='))!.split(';')[0];
    expect(rotated).not.toEqual(session.refreshCookie);
    expect((await call('GET', '/api/me', { token: first.body.accessToken })).status).toBe(200);
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });

  it('refuses a refresh without a cookie', async () => {
    const answer = await call('POST', '/api/auth/refresh');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the access token and the refresh token', async () => {
    const session = await login('ombudsman@demo.vigil');
    expect((await call('POST', '/api/auth/logout', { token: session.accessToken })).status).toBe(204);
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });

  it('logout ends only its own session', async () => {
    const one = await login('observer@demo.vigil');
    const two = await login('observer@demo.vigil');
    await call('POST', '/api/auth/logout', { token: one.accessToken });
    expect((await call('GET', '/api/me', { token: two.accessToken })).status).toBe(200);
  });

  it("stops a disabled account's tokens at once, and lets it back in when re-enabled", async () => {
    const admin = await login('admin@demo.vigil');
    const agencies = await call('GET', '/api/admin/agencies', { token: admin.accessToken });
    const civil = agencies.body.find((a: { kind: string }) => a.kind === 'civil_society');
    const email = `monitor-${Date.now()}@demo.vigil`;
    const created = await createAccount(admin.accessToken, { email, displayName: 'Temporary Monitor', password: 'monitor-pass', role: 'observer', agencyId: civil.id });
    expect(created.status).toBe(201);
    const session = await login(email, 'monitor-pass');
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(200);

    const disabled = await call('PATCH', `/api/admin/accounts/${created.body.id}`, { token: admin.accessToken, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
    expect((await refresh(session.refreshCookie)).status).toBe(401);
    expect((await signIn(email, 'monitor-pass')).status).toBe(401);

    await call('PATCH', `/api/admin/accounts/${created.body.id}`, { token: admin.accessToken, body: { disabled: false } });
    expect((await signIn(email, 'monitor-pass')).status).toBe(200);
  });

  it('tells a disabled account so, but only after the right password: a wrong one answers as for an unknown account', async () => {
    const admin = await login('admin@demo.vigil');
    const agencies = await call('GET', '/api/admin/agencies', { token: admin.accessToken });
    const civil = agencies.body.find((a: { kind: string }) => a.kind === 'civil_society');
    const email = `resting-monitor-${Date.now()}@demo.vigil`;
    const created = await createAccount(admin.accessToken, { email, displayName: 'Resting Monitor', password: 'resting-pass', role: 'observer', agencyId: civil.id });
    await call('PATCH', `/api/admin/accounts/${created.body.id}`, { token: admin.accessToken, body: { disabled: true } });

    const rightPassword = await signIn(email, 'resting-pass');
    expect(rightPassword.status).toBe(401);
    expect(rightPassword.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'The account is disabled',
      details: [{ field: 'email', rule: 'account_disabled', message: 'is a disabled account' }],
    });
    expect(rightPassword.headers.get('set-cookie')).toBeNull();

    const wrongPassword = await signIn(email, 'not-the-password');
    const unknownEmail = await signIn('nobody-at-all@demo.vigil', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Wrong email or password' });
  });

  it('stores argon2id hashes, never the password', async () => {
    const hashes = await withDatabase((db) => db.query(`SELECT password_hash FROM accounts WHERE email = 'police@demo.vigil'`));
    expect(hashes.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(hashes.rows[0].password_hash).not.toContain(DEMO_PASSWORD);
  });
});
