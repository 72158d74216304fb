import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The instruction's workflow: places of detention, intake, the immediate visit, tasks, units. */
export class Workflow1700000000003 implements MigrationInterface {
  name = 'Workflow1700000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "places" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "address" text NOT NULL, "agency_id" uuid, "cctv" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "places_kind_check" CHECK (kind IN ('police_station', 'temporary_detention', 'pretrial_detention', 'penitentiary', 'other')), CONSTRAINT "PK_1afab86e226b4c3bc9a74465c12" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "case_intakes" ("case_id" uuid NOT NULL, "allegation_methods" text array NOT NULL DEFAULT '{}', "injuries" text, "witnesses" text, "custody_circumstances" text, "detained_at" TIMESTAMP WITH TIME ZONE, "source_details" text, "reprisal_risk" boolean NOT NULL DEFAULT false, "protection_measures" text, CONSTRAINT "PK_72d18370212c38e1857ac3d64cb" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`CREATE TABLE "case_visits" ("case_id" uuid NOT NULL, "prosecutor_id" uuid, "prosecutor_name" text, "dispatched_at" TIMESTAMP WITH TIME ZONE, "arrived_at" TIMESTAMP WITH TIME ZONE, "findings" text, "findings_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8a3c1c1212f70a20de20d54ba49" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`CREATE TABLE "case_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "details" text, "tier" text NOT NULL, "assignee_agency_id" uuid NOT NULL, "assignee_account_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'open', "result" text, "created_by" uuid NOT NULL, "created_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_tasks_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "case_tasks_status_check" CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')), CONSTRAINT "case_tasks_kind_check" CHECK (kind IN ('inspect_premises', 'seize_cctv', 'seize_duty_logs', 'interview_witness', 'request_documents', 'other')), CONSTRAINT "PK_6884bc205016f0df75a601d9311" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "case_tasks_assignee_idx" ON "case_tasks"  ("assignee_agency_id", "status") `);
    await queryRunner.query(`CREATE INDEX "case_tasks_case_idx" ON "case_tasks"  ("case_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "unit" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "place_id" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "implicated_agency_id" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "implicated_unit" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "visit_warned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "visit_missed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "cases_visit_pending_idx" ON "cases"  ("visit_due_at") WHERE visited_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "cases_place_idx" ON "cases"  ("place_id") `);
    await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "FK_0c90039ca384aab23bab1aace84" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_06953f92b5b2088cd86f7a5109b" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_intakes" ADD CONSTRAINT "FK_72d18370212c38e1857ac3d64cb" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_visits" ADD CONSTRAINT "FK_8a3c1c1212f70a20de20d54ba49" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_tasks" ADD CONSTRAINT "FK_56c02dfdf393503573560ef2830" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_tasks" ADD CONSTRAINT "FK_dd1a21160d466ffdd1b0b230aee" FOREIGN KEY ("assignee_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_tasks" ADD CONSTRAINT "FK_f26da98642f1c4f215ad1cd2a87" FOREIGN KEY ("assignee_account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_tasks"`);
    await queryRunner.query(`DROP TABLE "case_visits"`);
    await queryRunner.query(`DROP TABLE "case_intakes"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "place_id", DROP COLUMN "implicated_agency_id", DROP COLUMN "implicated_unit", DROP COLUMN "visit_warned_at", DROP COLUMN "visit_missed_at"`);
    await queryRunner.query(`DROP TABLE "places"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "unit"`);
  }
}
