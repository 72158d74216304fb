import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases that implicate an agency, newest `state` activity first: members of that agency read them
 * at the capped clearance, so their lists order these cases by that time.
 */
export class ImplicatedActivity1700000000007 implements MigrationInterface {
  name = 'ImplicatedActivity1700000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "cases_implicated_activity_idx" ON "cases"  ("implicated_agency_id", "updated_at_state", "id") WHERE implicated_agency_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cases_implicated_activity_idx"`);
  }
}
