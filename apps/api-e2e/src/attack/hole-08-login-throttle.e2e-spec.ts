import { createAccount } from '../support/accounts';
import { LOGIN_THROTTLE } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { call, DEMO_PASSWORD, freshAddress, type Answer } from '../support/api';

/*
 * Hole 8: the throttle counted failures only after each password was checked, so guesses sent at
 * once were all checked against the same count: 20 for one account, or 60 from one address, were
 * all answered 401. Exactly the limit may be answered; every attempt beyond it is 429.
 */

/** Attempts from a network of their own, which no other suite's throttling counts. */
const attackerAddress = () => freshAddress('10.208');

const signIn = (email: string, address: string) =>
  call('POST', '/api/auth/login', { body: { email, password: 'not-the-password' }, headers: { 'x-forwarded-for': address } });

/** How many answers had each status, and whether every 429 says when to come back. */
function tally(answers: Answer[]) {
  const statuses: Record<number, number> = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  const refused = answers.filter((answer) => answer.status === 429);
  return {
    statuses,
    refusedInShape: refused.every((answer) => answer.body.code === 'RATE_LIMITED' && Number(answer.headers.get('retry-after')) > 0),
  };
}

describe('hole 8: concurrent wrong passwords get no more tries than the limit', () => {
  it('answers exactly 5 of 20 simultaneous guesses at one account, and refuses the other 15 with 429 and Retry-After', async () => {
    const email = `zz-throttle-race-${randomUUID()}@probe.test`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => signIn(email, attackerAddress())));
    expect(tally(answers)).toEqual({ statuses: { 401: LOGIN_THROTTLE.perAccount, 429: 20 - LOGIN_THROTTLE.perAccount }, refusedInShape: true });
  });

  it('answers exactly 50 of 60 simultaneous guesses from one address, and refuses the other 10 with 429 and Retry-After', async () => {
    const address = attackerAddress();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`zz-throttle-spray-${i}-${randomUUID()}@probe.test`, address)));
    expect(tally(answers)).toEqual({ statuses: { 401: LOGIN_THROTTLE.perAddress, 429: 60 - LOGIN_THROTTLE.perAddress }, refusedInShape: true });
  });

  it('does not count a successful sign-in as a failure: four wrong passwords and a right one leave one more try', async () => {
    // Attempts are counted as they are admitted, and a success is taken back off the count.
    const admin = (await call('POST', '/api/auth/login', { body: { email: 'admin@demo.vigil', password: DEMO_PASSWORD }, headers: { 'x-forwarded-for': freshAddress() } })).body.accessToken;
    const police = (await call('GET', '/api/admin/agencies', { token: admin })).body.find((agency: { kind: string; disabled: boolean }) => agency.kind === 'police' && !agency.disabled);
    const email = `zz-throttle-forgiven-${randomUUID()}@probe.test`;
    // Proposed by the admin and approved by a chief prosecutor: a role with case access takes four eyes.
    const created = await createAccount(admin, { email, displayName: 'Throttle Probe Officer', password: 'correct-horse', role: 'police', agencyId: police.id });
    expect(created.status).toBe(201);
    const address = attackerAddress();
    const attempt = async (password: string) => (await call('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } })).status;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await attempt('not-the-password'));
    statuses.push(await attempt('correct-horse'), await attempt('not-the-password'), await attempt('not-the-password'));
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 429]);
  });
});
