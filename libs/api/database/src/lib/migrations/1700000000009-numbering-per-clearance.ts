import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lower clearances and the tiers each reads (prosecution reads all: its numbering is `seq`). */
const CLEARANCES = [
  ['room', `'room'`],
  ['state', `'room', 'state'`],
  ['oversight', `'room', 'state', 'oversight'`],
] as const;

/**
 * Each clearance numbers the events it may read 1, 2, 3… with no gaps, so that a viewer learns
 * nothing of the events above its tier, not even how many. Existing logs are numbered here; the
 * case's per-clearance counters become those clearances' heads. Read markers stay in the global
 * order (a reader's clearance may change) and are translated when read.
 */
export class NumberingPerClearance1700000000009 implements MigrationInterface {
  name = 'NumberingPerClearance1700000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" ADD "seq_room" integer, ADD "seq_state" integer, ADD "seq_oversight" integer`);
    const numbered = CLEARANCES.map(
      ([clearance, tiers]) =>
        `CASE WHEN tier IN (${tiers}) THEN count(*) FILTER (WHERE tier IN (${tiers})) OVER (PARTITION BY case_id ORDER BY seq) END AS ${clearance}`,
    );
    // The log refuses updates (an append-only trigger): numbering the rows already written is the
    // one sanctioned change, with the table's triggers off for this statement of the migration.
    await queryRunner.query(`ALTER TABLE "case_events" DISABLE TRIGGER USER`);
    await queryRunner.query(
      `UPDATE case_events e SET seq_room = n.room, seq_state = n.state, seq_oversight = n.oversight
         FROM (SELECT id, ${numbered.join(', ')} FROM case_events) n
        WHERE e.id = n.id`,
    );
    await queryRunner.query(`ALTER TABLE "case_events" ENABLE TRIGGER USER`);
    await queryRunner.query(
      `UPDATE cases c SET ${CLEARANCES.map(([clearance]) => `last_seq_${clearance} = coalesce((SELECT max(seq_${clearance}) FROM case_events e WHERE e.case_id = c.id), 0)`).join(', ')},
              last_seq_prosecution = c.last_seq`,
    );
    for (const [clearance] of CLEARANCES) {
      await queryRunner.query(
        `CREATE UNIQUE INDEX "case_events_seq_${clearance}_key" ON "case_events" ("case_id", "seq_${clearance}") WHERE seq_${clearance} IS NOT NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to the global seq of the last event each clearance may see.
    await queryRunner.query(
      `UPDATE cases c SET ${CLEARANCES.map(([clearance, tiers]) => `last_seq_${clearance} = coalesce((SELECT max(seq) FROM case_events e WHERE e.case_id = c.id AND e.tier IN (${tiers})), 0)`).join(', ')}`,
    );
    for (const [clearance] of CLEARANCES) await queryRunner.query(`DROP INDEX "case_events_seq_${clearance}_key"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP COLUMN "seq_room", DROP COLUMN "seq_state", DROP COLUMN "seq_oversight"`);
  }
}
