import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which every ended session is announced to every instance. */
export const SESSIONS_REVOKED_CHANNEL = 'vigil_sessions_revoked';

/**
 * Every session that ends, whichever way (logout, disabling, a change of role, agency or unit, the
 * command line, the database itself), is announced at commit: each instance closes its sockets at
 * once, without reading the session again on every socket event.
 */
export class SessionRevocations1700000000013 implements MigrationInterface {
  name = 'SessionRevocations1700000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION announce_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL THEN
          PERFORM pg_notify('${SESSIONS_REVOKED_CHANNEL}', NEW.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_revoked_announce AFTER UPDATE OF revoked_at ON "sessions"
      FOR EACH ROW EXECUTE FUNCTION announce_session_revoked()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER sessions_revoked_announce ON "sessions"`);
    await queryRunner.query(`DROP FUNCTION announce_session_revoked()`);
  }
}
