import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interdepartmental meetings: the meeting (which heads its own log, like a case), its participants,
 * agenda, notes, decisions and action items, and `meeting_events`, a stream of the same log
 * machinery as `case_events`, guarded the same way (no UPDATE, DELETE or TRUNCATE).
 */
export class Meetings1700000000015 implements MigrationInterface {
  name = 'Meetings1700000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "title" text NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text, "status" text NOT NULL DEFAULT 'planned', "chair_id" uuid NOT NULL, "approved_minutes" jsonb, "minutes_hash" text, "minutes_approved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seq" integer NOT NULL DEFAULT '0', "last_seq_room" integer NOT NULL DEFAULT '0', "last_seq_state" integer NOT NULL DEFAULT '0', "last_seq_oversight" integer NOT NULL DEFAULT '0', "last_seq_prosecution" integer NOT NULL DEFAULT '0', "head_hash" text NOT NULL DEFAULT '', "updated_at_room" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_state" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_oversight" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at_prosecution" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meetings_status_check" CHECK (status IN ('planned', 'in_session', 'adjourned', 'minutes_approved', 'cancelled')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meetings_reference_key" ON "meetings"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "meetings_scheduled_idx" ON "meetings"  ("scheduled_at", "id") `);
    await queryRunner.query(`CREATE TABLE "meeting_participants" ("meeting_id" uuid NOT NULL, "account_id" uuid NOT NULL, "attended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8e156dfbab74e45943a2805aee9" PRIMARY KEY ("meeting_id", "account_id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_participants_account_idx" ON "meeting_participants"  ("account_id") `);
    await queryRunner.query(`CREATE TABLE "agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "case_id" uuid, "topic" text, "tier" text NOT NULL, "state" text NOT NULL DEFAULT 'pending', CONSTRAINT "agenda_items_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "agenda_items_state_check" CHECK (state IN ('pending', 'current', 'done', 'deferred')), CONSTRAINT "PK_7274c40301175b4b4b347820d0c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items"  ("meeting_id", "position") `);
    await queryRunner.query(`CREATE TABLE "meeting_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "tier" text NOT NULL, "body" text NOT NULL, "author_id" uuid NOT NULL, "author_name" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_notes_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "PK_24248684e8ac266a4bc2ba64475" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_notes_item_idx" ON "meeting_notes"  ("item_id") `);
    await queryRunner.query(`CREATE TABLE "meeting_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "text" text NOT NULL, "tier" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_decisions_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "PK_c0b1f30eb05f77cd5b817f7c7d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_decisions_item_idx" ON "meeting_decisions"  ("item_id") `);
    await queryRunner.query(`CREATE TABLE "action_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "title" text NOT NULL, "tier" text NOT NULL, "assignee_agency_id" uuid NOT NULL, "assignee_user_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "case_id" uuid, "task_id" uuid, "status" text NOT NULL DEFAULT 'open', "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "acknowledged_by_name" text, "receipt" text, "ack_alerted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "action_items_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "action_items_status_check" CHECK (status IN ('open', 'acknowledged', 'done', 'overdue')), CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "action_items_assignee_idx" ON "action_items"  ("assignee_agency_id", "status") `);
    await queryRunner.query(`CREATE INDEX "action_items_decision_idx" ON "action_items"  ("decision_id") `);
    await queryRunner.query(`CREATE TABLE "meeting_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "seq" integer NOT NULL, "seq_room" integer, "seq_state" integer, "seq_oversight" integer, "type" text NOT NULL, "tier" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid NOT NULL, "actor_name" text NOT NULL, "actor_role" text NOT NULL, "actor_agency_kind" text NOT NULL, "data" jsonb NOT NULL, "client_id" uuid, "prev_seq_room" integer NOT NULL, "prev_seq_state" integer NOT NULL, "prev_seq_oversight" integer NOT NULL, "prev_seq_prosecution" integer NOT NULL, "hash" text NOT NULL, CONSTRAINT "meeting_events_tier_check" CHECK (tier IN ('room', 'state', 'oversight', 'prosecution')), CONSTRAINT "PK_66afa689f92d5bff9af96ae1230" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_events_client_key" ON "meeting_events"  ("meeting_id", "actor_id", "client_id") WHERE client_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_events_seq_oversight_key" ON "meeting_events"  ("meeting_id", "seq_oversight") WHERE seq_oversight IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_events_seq_state_key" ON "meeting_events"  ("meeting_id", "seq_state") WHERE seq_state IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_events_seq_room_key" ON "meeting_events"  ("meeting_id", "seq_room") WHERE seq_room IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_events_seq_key" ON "meeting_events"  ("meeting_id", "seq") `);
    await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_aa875152f58813ace2546f72425" FOREIGN KEY ("chair_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_4d2e803caeb25541cc89f2efa5b" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_bfa934f2e82f39c85b84328a15a" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_c58f166b8bff4fd19c5353cd310" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agenda_items" ADD CONSTRAINT "FK_0640209d1125ded4b0646b0ead1" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" ADD CONSTRAINT "FK_546d3de4c82ac375a63ed65e0f5" FOREIGN KEY ("item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_decisions" ADD CONSTRAINT "FK_d7af1ebc8ff96d1706dfc569b3e" FOREIGN KEY ("item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_items" ADD CONSTRAINT "FK_8f5712e4d1a50ebf15896257021" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_items" ADD CONSTRAINT "FK_1949d0c1df03e0d4127fc27f8b3" FOREIGN KEY ("decision_id") REFERENCES "meeting_decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_items" ADD CONSTRAINT "FK_46ac19dc64b1cfe9bd76670b811" FOREIGN KEY ("assignee_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "action_items" ADD CONSTRAINT "FK_f763f60370f42dfa0dfe3e7d4fd" FOREIGN KEY ("assignee_user_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_events" ADD CONSTRAINT "FK_504fc26761f3670f5dbf983250a" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "meeting_speakers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "item_id" uuid, "account_id" uuid NOT NULL, "display_name" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d9e1f85bcbb6c83d60c58db26a8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_speakers_meeting_idx" ON "meeting_speakers"  ("meeting_id", "requested_at") `);
    await queryRunner.query(`ALTER TABLE "meeting_speakers" ADD CONSTRAINT "FK_5e8e8fb1351e4ab41e926d0b001" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE FUNCTION meeting_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'meeting_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_events_append_only BEFORE UPDATE OR DELETE ON "meeting_events"
      FOR EACH ROW EXECUTE FUNCTION meeting_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER meeting_events_no_truncate BEFORE TRUNCATE ON "meeting_events" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER meeting_events_no_truncate ON "meeting_events"`);
    await queryRunner.query(`DROP TRIGGER meeting_events_append_only ON "meeting_events"`);
    await queryRunner.query(`DROP FUNCTION meeting_events_append_only()`);
    for (const table of ['meeting_speakers', 'meeting_events', 'action_items', 'meeting_decisions', 'meeting_notes', 'agenda_items', 'meeting_participants', 'meetings']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
