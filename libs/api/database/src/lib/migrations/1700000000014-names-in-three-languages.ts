import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies and units keep a name in each UI language (en in `name`, ru, kk). Existing rows take
 * their one name in all three, until an administrator translates it.
 */
export class NamesInThreeLanguages1700000000014 implements MigrationInterface {
  name = 'NamesInThreeLanguages1700000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agencies', 'units']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "name_ru" text, ADD COLUMN "name_kk" text`);
      await queryRunner.query(`UPDATE "${table}" SET "name_ru" = "name", "name_kk" = "name"`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "name_ru" SET NOT NULL, ALTER COLUMN "name_kk" SET NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agencies', 'units']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "name_ru", DROP COLUMN "name_kk"`);
    }
  }
}
