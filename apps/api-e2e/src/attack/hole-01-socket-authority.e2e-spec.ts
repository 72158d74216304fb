/**
 * Hole 1 of the attack on Vigil, kept closed on the socket side: a socket acts with the authority
 * of a live session on every event, not with what it had at its handshake. A session that ended
 * where this instance did not hear of it (another instance, or the database directly) stops acting
 * within the recheck interval, and the socket is closed.
 */
import { randomUUID } from 'node:crypto';
import { login, withDatabase } from '../support/api';
import { Client, openCase, settle, signInAll, type Person, type Role } from '../support/cases';

/** A little more than the gateway's AUTHORITY_RECHECK_MS. */
const RECHECK_WAIT_MS = 2_300;

let people: Record<Role, Person>;

beforeAll(async () => {
  people = await signInAll();
});

it('refuses the next event of a socket whose session ended elsewhere, and closes it', async () => {
  const kase = await openCase(people.prosecutor, people.prosecutor, [people.ombudsman]);
  // A session of its own, so that ending it leaves the suite's other sessions alone.
  const signedIn = await login('ombudsman@demo.vigil');
  const ombudsman: Person = { id: signedIn.user.id, token: signedIn.accessToken, displayName: signedIn.user.displayName };
  const client = await Client.connect(ombudsman);
  try {
    const joined = await client.emit('case:join', { caseId: kase.id });
    expect(joined.ok).toBe(true);
    const sessionId = JSON.parse(Buffer.from(ombudsman.token.split('.')[1], 'base64url').toString()).sid as string;
    await withDatabase((db) => db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [sessionId]));
    await settle(RECHECK_WAIT_MS);
    const posted = await client.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'posted after the session ended', tier: 'oversight' });
    expect(posted).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await client.waitFor(() => !client.socket.connected, 'the socket to close');
    const written = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'message.posted'`, [kase.id]));
    expect(written.rows[0].n).toBe(0);
  } finally {
    client.close();
  }
});
