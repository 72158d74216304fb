import { createAccount } from './support/accounts';
import { call, login, withDatabase } from './support/api';

describe('administration of agencies and accounts', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await login('admin@demo.vigil')).accessToken;
  });

  it.each(['prosecutor@demo.vigil', 'chief@demo.vigil', 'police@demo.vigil', 'ombudsman@demo.vigil', 'observer@demo.vigil'])(
    'is forbidden to %s',
    async (email) => {
      const { accessToken } = await login(email);
      for (const path of ['/api/admin/agencies', '/api/admin/accounts']) {
        const answer = await call('GET', path, { token: accessToken });
        expect(answer.status).toBe(403);
        expect(answer.body.code).toBe('FORBIDDEN');
      }
    },
  );

  it('lists the demo agencies of the four kinds', async () => {
    const answer = await call('GET', '/api/admin/agencies', { token: admin });
    expect(answer.status).toBe(200);
    expect(answer.body.map((a: { kind: string }) => a.kind).sort()).toEqual(
      expect.arrayContaining(['civil_society', 'ombudsman', 'police', 'prosecutor']),
    );
  });

  it('keeps an agency’s and a unit’s name in English, Russian and Kazakh, and sends them wherever the agency or unit goes', async () => {
    const names = { en: 'Zz Invented District Police', ru: 'Выдуманная районная полиция', kk: 'Ойдан шығарылған аудандық полиция' };
    const created = await call('POST', '/api/admin/agencies', { token: admin, body: { names, kind: 'police' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: names.en, names, kind: 'police' });
    // `name` alone, from an older client, names all three; `names` renames each.
    const plain = await call('POST', '/api/admin/agencies', { token: admin, body: { name: 'Zz Invented Plain Police', kind: 'police' } });
    expect(plain.body.names).toEqual({ en: 'Zz Invented Plain Police', ru: 'Zz Invented Plain Police', kk: 'Zz Invented Plain Police' });
    const renamed = await call('PATCH', `/api/admin/agencies/${plain.body.id}`, { token: admin, body: { names: { en: 'Zz Invented Plain Police', ru: 'Простая полиция', kk: 'Қарапайым полиция' } } });
    expect(renamed.body).toMatchObject({ name: 'Zz Invented Plain Police', names: { ru: 'Простая полиция', kk: 'Қарапайым полиция' } });
    // Neither, a part missing or blank: refused by name, nothing created.
    const none = await call('POST', '/api/admin/agencies', { token: admin, body: { kind: 'police' } });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual([expect.objectContaining({ field: 'names', rule: 'required' })]);
    const partial = await call('POST', '/api/admin/agencies', { token: admin, body: { names: { en: 'Half Named', ru: ' ' }, kind: 'police' } });
    expect(partial.status).toBe(400);
    expect([...new Set(partial.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['names.kk', 'names.ru']);

    const unitNames = { en: 'Invented Escort Unit', ru: 'Выдуманный конвойный отдел', kk: 'Ойдан шығарылған айдауыл бөлімі' };
    const unit = await call('POST', `/api/admin/agencies/${created.body.id}/units`, { token: admin, body: { names: unitNames } });
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({ name: unitNames.en, names: unitNames });
    const account = await createAccount(admin, {
      email: `escort-${Date.now()}@demo.vigil`, displayName: 'Invented Escort Officer', password: 'escort-officer-pass', role: 'admin', agencyId: created.body.id, unitId: unit.body.id,
    });
    expect(account.status).toBe(201);
    expect(account.body).toMatchObject({ agency: { names }, unit: { names: unitNames } });
    const me = await login(account.body.email, 'escort-officer-pass');
    expect(me.user.agency).toEqual({ id: created.body.id, name: names.en, names, kind: 'police' });
    const listed = await call('GET', `/api/agencies/${created.body.id}/units`, { token: (await login('observer@demo.vigil')).accessToken });
    expect(listed.body).toEqual([{ id: unit.body.id, name: unitNames.en, names: unitNames }]);
    // Other suites take the first active agency of a kind: these leave the demo's first.
    for (const id of [created.body.id, plain.body.id]) await call('PATCH', `/api/admin/agencies/${id}`, { token: admin, body: { disabled: true } });
  });

  it('names the demo agencies in Russian and Kazakh', async () => {
    const answer = await call('GET', '/api/agencies', { token: (await login('police@demo.vigil')).accessToken });
    const prosecutor = answer.body.find((a: { kind: string; name: string }) => a.name === "Shymkent City Prosecutor's Office");
    expect(prosecutor.names).toEqual({ en: "Shymkent City Prosecutor's Office", ru: 'Прокуратура города Шымкента', kk: 'Шымкент қаласының прокуратурасы' });
  });

  it('creates, renames and disables an agency; disabling ends its accounts’ sessions', async () => {
    const created = await call('POST', '/api/admin/agencies', { token: admin, body: { name: 'District Police Unit 7', kind: 'police' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'District Police Unit 7', kind: 'police', disabled: false });

    const account = await createAccount(admin, {
      email: `unit7-${Date.now()}@demo.vigil`, displayName: 'Unit Seven Officer', password: 'unit-seven-pass', role: 'police', agencyId: created.body.id,
    });
    expect(account.status).toBe(201);
    const session = await login(account.body.email, 'unit-seven-pass');

    const renamed = await call('PATCH', `/api/admin/agencies/${created.body.id}`, { token: admin, body: { name: 'District Police Unit Seven' } });
    expect(renamed.body.name).toBe('District Police Unit Seven');
    const disabled = await call('PATCH', `/api/admin/agencies/${created.body.id}`, { token: admin, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
  });

  it('refuses a bad kind, naming the field, and writes nothing', async () => {
    const before = await withDatabase((db) => db.query('SELECT count(*)::int AS n FROM agencies'));
    const answer = await call('POST', '/api/admin/agencies', { token: admin, body: { name: 'Nowhere', kind: 'army' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'kind', message: expect.stringContaining('must be one of') }] });
    const after = await withDatabase((db) => db.query('SELECT count(*)::int AS n FROM agencies'));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('never changes an agency’s kind (unknown field)', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const answer = await call('PATCH', `/api/admin/agencies/${agencies.body[0].id}`, { token: admin, body: { kind: 'police' } });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'kind', message: expect.any(String), rule: 'unknown_field' }]);
  });

  it('refuses a role that does not fit the agency kind: a police agency holds no prosecutor', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const police = agencies.body.find((a: { kind: string; disabled: boolean }) => a.kind === 'police' && !a.disabled);
    const email = `misfit-${Date.now()}@demo.vigil`;
    const answer = await call('POST', '/api/admin/accounts', {
      token: admin,
      body: { email, displayName: 'Misfit', password: 'misfit-pass', role: 'prosecutor', agencyId: police.id },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'role' }] });
    const stored = await withDatabase((db) => db.query('SELECT 1 FROM accounts WHERE email = $1', [email]));
    expect(stored.rowCount).toBe(0);
  });

  it('refuses moving an account into an agency its role does not fit', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const accounts = await call('GET', '/api/admin/accounts', { token: admin });
    const observer = accounts.body.find((a: { email: string }) => a.email === 'observer@demo.vigil');
    const police = agencies.body.find((a: { kind: string }) => a.kind === 'police');
    const answer = await call('PATCH', `/api/admin/accounts/${observer.id}`, { token: admin, body: { agencyId: police.id } });
    expect(answer.status).toBe(400);
    expect(answer.body.details[0].field).toBe('role');
  });

  it('puts only prosecutors on duty', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const police = agencies.body.find((a: { kind: string; disabled: boolean }) => a.kind === 'police' && !a.disabled);
    const answer = await call('POST', '/api/admin/accounts', {
      token: admin,
      body: { email: `duty-${Date.now()}@demo.vigil`, displayName: 'Duty Officer', password: 'duty-password', role: 'police', agencyId: police.id, onDuty: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'onDuty', message: 'only a prosecutor can be on duty', rule: 'on_duty_prosecutor' }]);
  });

  it('names every bad field of a new account', async () => {
    const answer = await call('POST', '/api/admin/accounts', {
      token: admin,
      body: { email: 'not-an-email', displayName: '', password: 'short', role: 'general', agencyId: 'x', nickname: 'y' },
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['agencyId', 'displayName', 'email', 'nickname', 'password', 'role']));
  });

  it('refuses a second account with the same email (any case)', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const civil = agencies.body.find((a: { kind: string }) => a.kind === 'civil_society');
    const answer = await call('POST', '/api/admin/accounts', {
      token: admin,
      body: { email: 'Observer@Demo.Vigil', displayName: 'Twin', password: 'twin-password', role: 'observer', agencyId: civil.id },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'email' }] });
  });

  it('answers NOT_FOUND for an id that is not a UUID or is unknown', async () => {
    expect((await call('PATCH', '/api/admin/accounts/42', { token: admin, body: {} })).body.code).toBe('NOT_FOUND');
    const unknown = await call('PATCH', '/api/admin/agencies/00000000-0000-4000-8000-000000000000', { token: admin, body: { name: 'x' } });
    expect(unknown.status).toBe(404);
  });

  it('does not let an admin disable their own account', async () => {
    const me = await call('GET', '/api/me', { token: admin });
    const answer = await call('PATCH', `/api/admin/accounts/${me.body.id}`, { token: admin, body: { disabled: true } });
    expect(answer.status).toBe(409);
    expect((await call('GET', '/api/me', { token: admin })).status).toBe(200);
  });

  it('changes a password and ends the old sessions', async () => {
    const agencies = await call('GET', '/api/admin/agencies', { token: admin });
    const ombudsman = agencies.body.find((a: { kind: string }) => a.kind === 'ombudsman');
    const created = await createAccount(admin, {
      email: `deputy-${Date.now()}@demo.vigil`,
      displayName: 'Deputy Representative',
      password: 'first-password',
      role: 'ombudsman',
      agencyId: ombudsman.id,
    });
    const session = await login(created.body.email, 'first-password');
    const changed = await call('PATCH', `/api/admin/accounts/${created.body.id}`, { token: admin, body: { password: 'second-password', displayName: 'Deputy Rep.' } });
    expect(changed.body.displayName).toBe('Deputy Rep.');
    expect((await call('GET', '/api/me', { token: session.accessToken })).status).toBe(401);
    await expect(login(created.body.email, 'second-password')).resolves.toMatchObject({ user: { displayName: 'Deputy Rep.' } });
  });

  it('lists active agencies to case workers and the directory to prosecutors only', async () => {
    const observer = (await login('observer@demo.vigil')).accessToken;
    const agencies = await call('GET', '/api/agencies', { token: observer });
    expect(agencies.status).toBe(200);
    expect(agencies.body.every((a: object) => Object.keys(a).sort().join() === 'id,kind,name,names')).toBe(true);
    expect((await call('GET', '/api/directory', { token: observer })).status).toBe(403);
    const prosecutor = (await login('prosecutor@demo.vigil')).accessToken;
    const directory = await call('GET', '/api/directory', { token: prosecutor });
    expect(directory.body.map((p: { role: string }) => p.role)).not.toContain('admin');
    expect(directory.body.find((p: { displayName: string }) => p.displayName === 'Timur Ospanov')).toMatchObject({ role: 'police', agency: { kind: 'police' } });
    expect(JSON.stringify(directory.body)).not.toMatch(/argon2|email/);
  });

  it('never returns password hashes', async () => {
    const answer = await call('GET', '/api/admin/accounts', { token: admin });
    expect(JSON.stringify(answer.body)).not.toMatch(/argon2|password/i);
  });
});
