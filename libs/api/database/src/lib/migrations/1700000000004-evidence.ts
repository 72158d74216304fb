import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence items and their chains of custody; neither is ever deleted. */
export class Evidence1700000000004 implements MigrationInterface {
  name = 'Evidence1700000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "tier" text NOT NULL, "media_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "file_name" text NOT NULL, "collected_by" uuid NOT NULL, "collected_by_agency_id" uuid NOT NULL, "collected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, "superseded_by" uuid, "superseded_reason" text, CONSTRAINT "evidence_superseded_check" CHECK ((superseded_at IS NULL) = (superseded_by IS NULL) AND (superseded_at IS NULL) = (superseded_reason IS NULL)), CONSTRAINT "evidence_sha256_check" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "evidence_media_type_check" CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf', 'video/mp4', 'audio/mp4', 'audio/mpeg', 'audio/wav', 'text/plain')), CONSTRAINT "evidence_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "evidence_case_idx" ON "evidence"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "custody_entries" ("evidence_id" uuid NOT NULL, "seq" integer NOT NULL, "from_agency_id" uuid, "to_agency_id" uuid NOT NULL, "handed_over_by" uuid NOT NULL, "received_by" text, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "custody_entries_origin_check" CHECK (seq >= 1 AND (seq = 1) = (from_agency_id IS NULL)), CONSTRAINT "PK_f1da4899637015d19383b7d5def" PRIMARY KEY ("evidence_id", "seq"))`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_8e209523267bb0bce6a16677cd3" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_a673c6b84dbc50f5327e9c9e254" FOREIGN KEY ("collected_by") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_9c2d34005edc71b27a106a20adf" FOREIGN KEY ("collected_by_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_23ac0cfd7889443b479a4f2bde2" FOREIGN KEY ("superseded_by") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "custody_entries" ADD CONSTRAINT "FK_1b63fbad310ee19c6f332ef0ed6" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "custody_entries" ADD CONSTRAINT "FK_8de71f64639847791100c4fdd19" FOREIGN KEY ("from_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "custody_entries" ADD CONSTRAINT "FK_d31142142be7d616c76460cf6db" FOREIGN KEY ("to_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "custody_entries" ADD CONSTRAINT "FK_9003c1189c13b493bf97bef33f5" FOREIGN KEY ("handed_over_by") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // A chain of custody is only ever appended to: past links can be neither changed nor removed.
    await queryRunner.query(`
      CREATE FUNCTION custody_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'custody_entries is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER custody_entries_append_only BEFORE UPDATE OR DELETE ON "custody_entries"
      FOR EACH ROW EXECUTE FUNCTION custody_entries_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER custody_entries_no_truncate BEFORE TRUNCATE ON "custody_entries"
      FOR EACH STATEMENT EXECUTE FUNCTION custody_entries_append_only()`);
    // Evidence is never deleted; the one change it admits is being marked superseded, once.
    await queryRunner.query(`
      CREATE FUNCTION evidence_only_superseded() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        supersede_columns CONSTANT text[] := ARRAY['superseded_at', 'superseded_by', 'superseded_reason'];
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION 'evidence is never deleted; mark it superseded instead';
        END IF;
        IF OLD.superseded_at IS NOT NULL THEN
          RAISE EXCEPTION 'evidence % is already superseded', OLD.id;
        END IF;
        IF (to_jsonb(NEW) - supersede_columns) IS DISTINCT FROM (to_jsonb(OLD) - supersede_columns) THEN
          RAISE EXCEPTION 'evidence can only be marked superseded; its other columns never change';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER evidence_only_superseded BEFORE UPDATE OR DELETE ON "evidence"
      FOR EACH ROW EXECUTE FUNCTION evidence_only_superseded()`);
    await queryRunner.query(`
      CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON "evidence"
      FOR EACH STATEMENT EXECUTE FUNCTION evidence_only_superseded()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_no_truncate ON "evidence"`);
    await queryRunner.query(`DROP TRIGGER evidence_only_superseded ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_only_superseded()`);
    await queryRunner.query(`DROP TRIGGER custody_entries_no_truncate ON "custody_entries"`);
    await queryRunner.query(`DROP TRIGGER custody_entries_append_only ON "custody_entries"`);
    await queryRunner.query(`DROP FUNCTION custody_entries_append_only()`);
    await queryRunner.query(`DROP TABLE "custody_entries"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
  }
}
