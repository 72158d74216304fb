import type { Me } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { baseUrl, call } from '../support/api';
import { Client, openCase, report, signInAll, upload, type Person, type Role } from '../support/cases';

/*
 * Hole 13, the smaller ones: text limits not counted in characters (code points), messages of
 * blanks, times in year 9999 or in the future for when a report was received, evidence downloads
 * named by the uploader (`report.html`, a right-to-left override), and 404s that told a malformed
 * id from a foreign one.
 */

let people: Record<Role, Person>;
beforeAll(async () => {
  people = await signInAll();
});

const postMessage = (caseId: string, body: string) => call('POST', `/api/cases/${caseId}/messages`, { token: people.prosecutor.token, body: { clientId: randomUUID(), body, tier: 'room' } });
const fields = (answer: { body: { details?: { field: string }[] } }) => (answer.body.details ?? []).map((detail) => detail.field);
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('hole 13: limits counted in characters', () => {
  // "❤️" is two code points (the heart and a variation selector) in two UTF-16 units.
  const HEART = '\u2764\uFE0F';

  it('refuses a message of 10,002 characters written as 5,001 emoji, and takes one of 10,000 characters in 20,000 UTF-16 units', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const over = await postMessage(kase.id, HEART.repeat(5001));
    expect(over.status).toBe(400);
    expect(over.body.details).toEqual([{ field: 'body', message: 'must be at most 10000 characters long', rule: 'max_length', params: { max: 10000 } }]);
    expect((await postMessage(kase.id, '😀'.repeat(10_000))).status).toBe(201);
  });

  it('refuses a summary over 2,000 characters however its emoji are written', async () => {
    const answer = await call('POST', '/api/cases', { token: people.prosecutor.token, body: report({ summary: HEART.repeat(1001) }) });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['summary']);
  });

  it('counts a socket message the same way', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const client = await Client.connect(people.prosecutor);
    try {
      const ack = await client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: HEART.repeat(5001), tier: 'room' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      client.close();
    }
  });
});

describe('hole 13: blank messages', () => {
  it('refuses a message of spaces and line breaks, by REST and by socket', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const answer = await postMessage(kase.id, ' \n\t \u3000 ');
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'body', message: 'must not be blank', rule: 'not_blank' }]);
    const client = await Client.connect(people.prosecutor);
    try {
      const ack = await client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: '   ', tier: 'room' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      client.close();
    }
  });
});

describe('hole 13: times', () => {
  it('refuses a report received in year 9999, or an hour from now, or abused in the future', async () => {
    for (const [body, field] of [
      [report({ receivedAt: '9999-12-31T23:59:59.999Z' }), 'receivedAt'],
      [report({ receivedAt: inAnHour() }), 'receivedAt'],
      [report({ allegedAt: inAnHour() }), 'allegedAt'],
      [report({ allegedAt: '1000-01-01T00:00:00Z' }), 'allegedAt'],
    ] as const) {
      const answer = await call('POST', '/api/cases', { token: people.prosecutor.token, body });
      expect({ field, status: answer.status, fields: fields(answer) }).toEqual({ field, status: 400, fields: [field] });
    }
  });

  it('takes a report received a minute ahead of the server (a client clock running fast)', async () => {
    const answer = await call('POST', '/api/cases', { token: people.prosecutor.token, body: report({ receivedAt: new Date(Date.now() + 60_000).toISOString() }) });
    expect(answer.status).toBe(201);
  });

  it('refuses a task due in year 9999, and takes one due next week', async () => {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const police = (await call<Me>('GET', '/api/me', { token: people.police.token })).body.agency.id;
    const task = (dueAt: string) =>
      call('POST', `/api/cases/${kase.id}/tasks`, { token: people.prosecutor.token, body: { kind: 'other', title: 'Collect the custody log', assigneeAgencyId: police, dueAt } });
    const absurd = await task('9999-12-31T00:00:00Z');
    expect(absurd.status).toBe(400);
    expect(fields(absurd)).toEqual(['dueAt']);
    expect((await task(new Date(Date.now() + 7 * 86400_000).toISOString())).status).toBe(201);
  });
});

describe('hole 13: evidence file names', () => {
  async function uploaded(name: string) {
    const kase = await openCase(people.prosecutor, people.prosecutor);
    const answer = await upload(people.prosecutor, kase.id, { bytes: Buffer.from('<script>alert(1)</script>\n'), name, type: 'text/html' }, { title: 'Statement' });
    expect(answer.status).toBe(201);
    const download = await fetch(`${baseUrl()}/api/cases/${kase.id}/evidence/${answer.body.id}/content`, { headers: { authorization: `Bearer ${people.prosecutor.token}` } });
    expect(download.status).toBe(200);
    return { fileName: answer.body.fileName, disposition: download.headers.get('content-disposition'), type: download.headers.get('content-type') };
  }

  it('names a download by the type its bytes were recognised as, not the extension it was uploaded with', async () => {
    expect(await uploaded('report.html')).toEqual({ fileName: 'report.txt', disposition: 'attachment; filename="report.txt"', type: 'text/plain; charset=utf-8' });
  });

  it('drops a right-to-left override from the name, so that it reads as what it is', async () => {
    const { fileName, disposition } = await uploaded('statement\u202Elmth.exe');
    expect(fileName).toBe('statementlmth.txt');
    expect(disposition).toBe('attachment; filename="statementlmth.txt"');
  });
});

describe('hole 13: one answer for every id that is not there', () => {
  it('answers a malformed id, an unknown one and a case the caller is not in with the same 404', async () => {
    const foreign = await openCase(people.prosecutor, people.prosecutor);
    const paths = [
      '/api/cases/not-a-uuid',
      `/api/cases/${randomUUID()}`,
      `/api/cases/${foreign.id}`,
      `/api/cases/${foreign.id}/evidence/not-a-uuid/content`,
      `/api/cases/${randomUUID()}/evidence/${randomUUID()}/content`,
      `/api/cases/${foreign.id}/tasks/not-a-uuid`,
    ];
    const answers = await Promise.all(paths.map((path) => call('GET', path, { token: people.observer.token })));
    expect(answers.map((answer) => ({ status: answer.status, body: answer.body }))).toEqual(
      paths.map(() => ({ status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' } })),
    );
  });
});
