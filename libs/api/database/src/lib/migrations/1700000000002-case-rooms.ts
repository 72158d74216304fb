import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their members and readers, the hash-chained event log and message state. */
export class CaseRooms1700000000002 implements MigrationInterface {
  name = 'CaseRooms1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "summary" text NOT NULL, "status" text NOT NULL, "source" text NOT NULL, "facility_name" text NOT NULL, "facility_kind" text NOT NULL, "victim_full_name" text NOT NULL, "victim_birth_year" integer, "victim_contact" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "alleged_at" TIMESTAMP WITH TIME ZONE, "visit_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "visited_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "last_seq" integer NOT NULL DEFAULT '0', "last_seq_room" integer NOT NULL DEFAULT '0', "last_seq_state" integer NOT NULL DEFAULT '0', "last_seq_oversight" integer NOT NULL DEFAULT '0', "last_seq_prosecution" integer NOT NULL DEFAULT '0', "head_hash" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_room" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_state" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_oversight" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_prosecution" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cases_facility_kind_check" CHECK (facility_kind IN ('police_station', 'temporary_detention', 'pretrial_detention', 'penitentiary', 'other')), CONSTRAINT "cases_source_check" CHECK (source IN ('victim', 'relative', 'lawyer', 'ombudsman', 'civil_society', 'police', 'medical', 'media', 'other')), CONSTRAINT "cases_status_check" CHECK (status IN ('registered', 'visit_dispatched', 'site_visited', 'investigating', 'proceedings', 'remedies', 'closed', 'referred', 'dismissed')), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cases_reference_key" ON "cases"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "cases_activity_idx" ON "cases"  ("updated_at_prosecution", "id") `);
    await queryRunner.query(`CREATE TABLE "case_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "tier" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid NOT NULL, "actor_name" text NOT NULL, "actor_role" text NOT NULL, "actor_agency_kind" text NOT NULL, "data" jsonb NOT NULL, "client_id" uuid, "prev_seq_room" integer NOT NULL, "prev_seq_state" integer NOT NULL, "prev_seq_oversight" integer NOT NULL, "prev_seq_prosecution" integer NOT NULL, "hash" text NOT NULL, CONSTRAINT "case_events_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_events_client_key" ON "case_events"  ("case_id", "actor_id", "client_id") WHERE client_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "case_events_seq_key" ON "case_events"  ("case_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "case_members" ("case_id" uuid NOT NULL, "account_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_303263a3be0a83b88305d394e84" PRIMARY KEY ("case_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "case_members_account_idx" ON "case_members"  ("account_id", "case_id") `);
    await queryRunner.query(`CREATE TABLE "case_reads" ("case_id" uuid NOT NULL, "account_id" uuid NOT NULL, "seq" integer NOT NULL, CONSTRAINT "PK_2329163bf732c2a858a34d05097" PRIMARY KEY ("case_id", "account_id"))`);
    await queryRunner.query(`CREATE TABLE "messages" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "tier" text NOT NULL, "body" text NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "redacted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD CONSTRAINT "FK_259dbf949114e25670ac6cad205" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_members" ADD CONSTRAINT "FK_2f3796489448d86521a69e096df" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_members" ADD CONSTRAINT "FK_7ebe5cb2cb750bce858bb7461d3" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_reads" ADD CONSTRAINT "FK_c9c4e2bd651346d20e9ace5f694" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_reads" ADD CONSTRAINT "FK_5a0ec06095330e238e5ba276ea8" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "FK_10c1ee76e73d2b25b7ca6d5312b" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Human-readable references (SHY-2026-000123) count up across all cases.
    await queryRunner.query(`CREATE SEQUENCE "case_reference_seq"`);
    // The log is append-only for the application: a past event can be neither changed nor removed.
    await queryRunner.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON "case_events"
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_events_append_only ON "case_events"`);
    await queryRunner.query(`DROP FUNCTION case_events_append_only()`);
    await queryRunner.query(`DROP SEQUENCE "case_reference_seq"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP TABLE "case_reads"`);
    await queryRunner.query(`DROP TABLE "case_members"`);
    await queryRunner.query(`DROP TABLE "cases"`);
  }
}
