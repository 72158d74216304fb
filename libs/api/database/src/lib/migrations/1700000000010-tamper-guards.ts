import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the row triggers of the append-only tables left open. TRUNCATE fires no row trigger, so
 * each append-only table gets a statement trigger calling `refuse_truncate()` (a table added later
 * needs only `CREATE TRIGGER <table>_no_truncate BEFORE TRUNCATE ON "<table>" FOR EACH STATEMENT
 * EXECUTE FUNCTION refuse_truncate()`). Messages are served from their table, so a row may only
 * change as an event appended in the same transaction says, and is never removed.
 */
export class TamperGuards1700000000010 implements MigrationInterface {
  name = 'TamperGuards1700000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME;
      END $$`);
    for (const table of ['case_events', 'messages']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`);
    }
    await queryRunner.query(`
      CREATE FUNCTION messages_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'messages are never deleted; redact them instead';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER messages_never_deleted BEFORE DELETE ON "messages"
      FOR EACH ROW EXECUTE FUNCTION messages_never_deleted()`);
    // Checked at commit, when the change's events have been appended (they are written last).
    // "This transaction's events" are the case's newest rows whose xmin is this transaction: the
    // backward scan of the (case_id, seq) key stops at the first match.
    await queryRunner.query(`
      CREATE FUNCTION messages_follow_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.case_id, NEW.author_id, NEW.tier) IS DISTINCT FROM (OLD.id, OLD.case_id, OLD.author_id, OLD.tier) THEN
          RAISE EXCEPTION 'message %: its id, case, author and tier never change', OLD.id;
        END IF;
        IF NEW.redacted_at IS DISTINCT FROM OLD.redacted_at THEN
          IF OLD.redacted_at IS NOT NULL THEN
            RAISE EXCEPTION 'message %: a redaction is final', OLD.id;
          END IF;
          PERFORM 1 FROM case_events e
            WHERE e.case_id = NEW.case_id AND e.xmin = pg_current_xact_id()::xid
              AND e.type = 'message.redacted' AND e.data->>'messageId' = NEW.id::text
            ORDER BY e.seq DESC LIMIT 1;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'message %: redacted without a message.redacted event in the same transaction', OLD.id;
          END IF;
        END IF;
        IF NEW.body IS DISTINCT FROM OLD.body OR NEW.edited_at IS DISTINCT FROM OLD.edited_at THEN
          IF OLD.redacted_at IS NOT NULL OR NEW.edited_at IS NULL THEN
            RAISE EXCEPTION 'message %: only an edit of an unredacted message changes its text', OLD.id;
          END IF;
          PERFORM 1 FROM case_events e
            WHERE e.case_id = NEW.case_id AND e.xmin = pg_current_xact_id()::xid
              AND e.type = 'message.edited' AND e.data->>'messageId' = NEW.id::text AND e.data->>'body' = NEW.body
            ORDER BY e.seq DESC LIMIT 1;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'message %: text changed without a message.edited event carrying it in the same transaction', OLD.id;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER messages_follow_log AFTER UPDATE ON "messages"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION messages_follow_log()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER messages_follow_log ON "messages"`);
    await queryRunner.query(`DROP FUNCTION messages_follow_log()`);
    await queryRunner.query(`DROP TRIGGER messages_never_deleted ON "messages"`);
    await queryRunner.query(`DROP FUNCTION messages_never_deleted()`);
    for (const table of ['case_events', 'messages']) await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION refuse_truncate()`);
  }
}
