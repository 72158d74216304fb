import { createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The server runs as a login role that owns nothing: the owner (the configured `DATABASE_URL`'s
 * user) migrates, then hands the running server a connection that can neither disable a trigger
 * (`ALTER TABLE … DISABLE TRIGGER` needs ownership, `session_replication_role` a superuser) nor
 * change what is only ever appended.
 */
export const APP_ROLE = 'vigil_app';

/** Only ever appended to: the runtime gets neither UPDATE nor DELETE on them. */
export const APPEND_ONLY_TABLES = ['case_events', 'meeting_events', 'custody_entries', 'access_audit', 'security_log'];
/** Changed in place (edits, redactions, superseded marks) but never removed. */
export const NEVER_DELETED_TABLES = ['evidence', 'messages'];
/** The owner's alone: the running server never migrates. */
const OWNER_ONLY_TABLES = ['migrations'];

export class AppRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppRoleError';
  }
}

/**
 * The runtime role's URL when none is configured: the owner's URL with `vigil_app` and a password
 * derived from the owner's (HMAC-SHA256). Every instance sharing the database derives the same
 * one, so a starting instance never changes the password under a running one, and nothing new is
 * stored. An owner URL without a password gives no secret to derive from.
 */
export function derivedAppUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(url.password);
  if (!ownerPassword) {
    throw new AppRoleError(`DATABASE_URL names no password to derive the ${APP_ROLE} role's from: set DATABASE_APP_URL to the role the server runs as`);
  }
  url.username = APP_ROLE;
  url.password = createHmac('sha256', ownerPassword).update(`vigil runtime role ${APP_ROLE}`).digest('base64url');
  return url.toString();
}

/**
 * Run by the owner after migrating: creates (or resets) the runtime role unless `appUrl` names
 * one, grants it what the server needs on every table, and checks it is safe to run as.
 * Idempotent and serialised between instances; → the URL the server connects with.
 */
export async function ensureAppRole(owner: DataSource, ownerUrl: string, appUrl: string | null): Promise<string> {
  const url = appUrl ?? derivedAppUrl(ownerUrl);
  const role = decodeURIComponent(new URL(url).username);
  if (!role) throw new AppRoleError('DATABASE_APP_URL names no user');
  await owner.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('vigil runtime role'))`);
    if (appUrl === null) await createOrReset(manager, url);
    await grant(manager, role);
    await assertSafe(manager, role);
  });
  return url;
}

async function createOrReset(manager: EntityManager, url: string): Promise<void> {
  const password = new URL(url).password; // base64url: nothing to escape
  const [{ exists }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [APP_ROLE]);
  // Naming SUPERUSER, REPLICATION or BYPASSRLS in an ALTER needs a superuser, even to turn them
  // off: an owner with only CREATEROLE resets the login and password; `assertSafe` checks the rest.
  const attributes = exists ? 'LOGIN' : 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
  try {
    await manager.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${APP_ROLE} ${attributes} PASSWORD '${password}'`);
  } catch (error) {
    throw new AppRoleError(
      `the database owner cannot ${exists ? 'alter' : 'create'} the ${APP_ROLE} role (${error instanceof Error ? error.message : String(error)}): ` +
        'grant it CREATEROLE, or create a login role yourself and set DATABASE_APP_URL',
    );
  }
}

async function grant(manager: EntityManager, role: string): Promise<void> {
  const who = quoteIdent(role);
  const tables = (names: string[]) => names.map(quoteIdent).join(', ');
  // From scratch each start: a table a migration added is covered, a privilege taken away stays away.
  await manager.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${who}`);
  await manager.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
  await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
  await manager.query(`REVOKE UPDATE, DELETE ON ${tables(APPEND_ONLY_TABLES)} FROM ${who}`);
  await manager.query(`REVOKE DELETE ON ${tables(NEVER_DELETED_TABLES)} FROM ${who}`);
  await manager.query(`REVOKE ALL ON ${tables(OWNER_ONLY_TABLES)} FROM ${who}`);
  await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
}

/** The role the server runs as must not be able to switch the triggers off. */
async function assertSafe(manager: EntityManager, role: string): Promise<void> {
  const [found] = await manager.query(
    `SELECT r.rolsuper OR r.rolbypassrls OR r.rolreplication OR r.rolcreaterole AS privileged,
            (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND pg_has_role(r.oid, c.relowner, 'MEMBER'))::int AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  if (!found) throw new AppRoleError(`the role ${role} of DATABASE_APP_URL does not exist`);
  if (found.privileged) throw new AppRoleError(`the server must not run as ${role}: it is a superuser, bypasses row security, replicates or creates roles`);
  if (found.owned > 0) throw new AppRoleError(`the server must not run as ${role}: it owns (or may act as the owner of) Vigil's tables`);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
