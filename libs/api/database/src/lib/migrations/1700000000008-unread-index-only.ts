import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log's (case, seq) key also carries each event's tier, so that counting a reader's unread
 * events of the tiers they may see reads the index alone, not a heap row per event.
 */
export class UnreadIndexOnly1700000000008 implements MigrationInterface {
  name = 'UnreadIndexOnly1700000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "case_events_seq_tier_key" ON "case_events" ("case_id", "seq") INCLUDE ("tier")`);
    await queryRunner.query(`DROP INDEX "case_events_seq_key"`);
    await queryRunner.query(`ALTER INDEX "case_events_seq_tier_key" RENAME TO "case_events_seq_key"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "case_events_seq_plain_key" ON "case_events" ("case_id", "seq")`);
    await queryRunner.query(`DROP INDEX "case_events_seq_key"`);
    await queryRunner.query(`ALTER INDEX "case_events_seq_plain_key" RENAME TO "case_events_seq_key"`);
  }
}
