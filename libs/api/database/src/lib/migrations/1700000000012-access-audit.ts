import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The access audit: every sensitive read of a case, hash-chained per case, append-only. */
export class AccessAudit1700000000012 implements MigrationInterface {
  name = 'AccessAudit1700000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_audit" ("case_id" uuid NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "record_id" uuid, "reader_id" uuid NOT NULL, "reader_name" text NOT NULL, "reader_role" text NOT NULL, "reader_agency_id" uuid NOT NULL, "reader_agency_kind" text NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "access_audit_kind_check" CHECK (kind IN ('victim_identity', 'intake', 'examination', 'evidence_content', 'supervisory_read')), CONSTRAINT "PK_44dc8ec8cd5f54cbd2f87ec873d" PRIMARY KEY ("case_id", "seq"))`);
    await queryRunner.query(`ALTER TABLE "access_audit" ADD CONSTRAINT "FK_f20b56fadea675b6d45fb18e369" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "access_audit" ADD CONSTRAINT "FK_8f9ffe84d2f3e75d62bec154ab0" FOREIGN KEY ("reader_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // An audit that can be edited proves nothing: past entries can be neither changed nor removed.
    await queryRunner.query(`
      CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_audit is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON "access_audit"
      FOR EACH ROW EXECUTE FUNCTION access_audit_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON "access_audit"
      FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER access_audit_no_truncate ON "access_audit"`);
    await queryRunner.query(`DROP TRIGGER access_audit_append_only ON "access_audit"`);
    await queryRunner.query(`DROP FUNCTION access_audit_append_only()`);
    await queryRunner.query(`DROP TABLE "access_audit"`);
  }
}
