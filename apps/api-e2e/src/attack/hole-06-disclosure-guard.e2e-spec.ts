import type { Me } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { call, withDatabase } from '../support/api';
import { Client, openCase, post, report, signInAll, upload, type Person, type Role } from '../support/cases';

// Hole 6 (last bullet): text shown below oversight could carry the victim's name. A prosecutor
// typed it into a summary, and every observer of the case read it.

let people: Record<Role, Person>;
beforeAll(async () => {
  people = await signInAll();
});

const countRows = (table: string) => withDatabase(async (db) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number);
const refusal = (field: string, tier: 'room' | 'state', raisable = true) => ({
  field,
  message: `would show the victim's identity to ${tier === 'room' ? 'observers' : 'the police'} (tier ${tier}); ${raisable ? 'raise the tier to oversight or remove it' : 'remove it'}`,
  rule: 'victim_identity',
  params: { tier },
});


describe('hole 6: the disclosure guard', () => {
  it("refuses a summary that names the victim, and writes nothing", async () => {
    const before = await countRows('cases');
    const answer = await call('POST', '/api/cases', {
      token: people.prosecutor.token,
      body: report({ summary: 'Aigerim Testova was beaten at the station', victim: { fullName: 'Aigerim Testova', birthYear: 1990 } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', details: [refusal('summary', 'room', false)] });
    expect(await countRows('cases')).toBe(before);
  });

  describe('in a case', () => {
    // Invented; the guard reads this case's victim only.
    const [first, surname] = ['Aigerim', 'Testova'];
    let kase: Awaited<ReturnType<typeof openCase>>;
    beforeAll(async () => {
      kase = await openCase(people.prosecutor, people.prosecutor, [people.police, people.ombudsman, people.observer], report({
        victim: { fullName: `${first} ${surname}`, birthYear: 1990, contact: '+7 701 555 12 34' },
      }));
    });

    it('refuses a room message carrying the surname, and takes the same text at oversight', async () => {
      const before = await countRows('messages');
      const text = `${surname.toUpperCase()} says the beating lasted an hour`;
      const refused = await post(people.prosecutor, kase.id, 'room', text);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION', details: [refusal('body', 'room')] });
      expect(await countRows('messages')).toBe(before);
      expect((await post(people.prosecutor, kase.id, 'oversight', text)).status).toBe(201);
      expect((await post(people.prosecutor, kase.id, 'prosecution', text)).status).toBe(201);
    });

    it("refuses the victim's phone at state, however it is written", async () => {
      const refused = await post(people.prosecutor, kase.id, 'state', 'Call her on 8 (701) 555-12-34 tonight');
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([refusal('body', 'state')]);
    });

    it('answers a non-member as before, NOT_FOUND: the guard is no oracle of the victim', async () => {
      const outsider = await openCase(people.prosecutor, people.prosecutor);
      const other = await post(people.observer, outsider.id, 'room', `${surname} is here`);
      expect(other.status).toBe(404);
    });

    it('acks VALIDATION on the socket, refusing only the offending post of a batch, and an edit', async () => {
      const prosecutor = await Client.connect(people.prosecutor);
      try {
        const posts = ['first plain post', `${first} cried all night`, 'second plain post'].map((body) =>
          prosecutor.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body, tier: 'room' }),
        );
        const [a, b, c] = await Promise.all(posts);
        expect(a.ok).toBe(true);
        expect(c.ok).toBe(true);
        expect(b).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('body would show'), details: [refusal('body', 'room')] } });

        const edit = await prosecutor.emit('message:edit', { caseId: kase.id, messageId: a.event.data.messageId, body: `first plain post about ${surname}` });
        expect(edit).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [refusal('body', 'room')] } });
      } finally {
        prosecutor.close();
      }
    });

    it('refuses a task title, a status reason, a measure and an evidence title below oversight', async () => {
      const police = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
      const task = (title: string, tier?: string) =>
        call('POST', `/api/cases/${kase.id}/tasks`, {
          token: people.prosecutor.token,
          body: { kind: 'seize_cctv', title, assigneeAgencyId: police, dueAt: new Date(Date.now() + 7_200_000).toISOString(), ...(tier && { tier }) },
        });
      const refused = await task(`Question ${first} ${surname} again`);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([refusal('title', 'state')]);
      expect((await task(`Question ${first} ${surname} again`, 'oversight')).status).toBe(201);

      const status = await call('POST', `/api/cases/${kase.id}/status`, { token: people.prosecutor.token, body: { to: 'referred', reason: `${surname} withdrew` } });
      expect(status.status).toBe(400);
      expect(status.body.details).toEqual([refusal('reason', 'room', false)]);

      const measure = await call('POST', `/api/cases/${kase.id}/measures`, {
        token: people.prosecutor.token,
        body: { cause: `Nobody checked on ${surname}`, act: 'representation', description: 'Install cameras', dueAt: '2027-01-01T00:00:00.000Z' },
      });
      expect(measure.status).toBe(400);
      expect(measure.body.details).toEqual([refusal('cause', 'state', false)]);

      const file = { bytes: Buffer.from('notes\n'), name: 'notes.txt', type: 'text/plain' };
      const evidence = await upload(people.prosecutor, kase.id, file, { title: `Photo of ${surname}`, tier: 'state' });
      expect(evidence.status).toBe(400);
      expect(evidence.body.details).toEqual([refusal('title', 'state')]);
      expect((await upload(people.prosecutor, kase.id, file, { title: `Photo of ${surname}` })).status).toBe(201);
    });
  });
});
