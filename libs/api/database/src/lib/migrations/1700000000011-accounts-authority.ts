import type { MigrationInterface, QueryRunner } from 'typeorm';
import { unitName, unitNameKey } from '../entities/unit.entity';

/**
 * Units become records of their agency (accounts and cases name them by id, so that "Unit 9" and
 * "Unit  9" are one unit); roles with case access are granted by four eyes; the security log.
 */
export class AccountsAuthority1700000000011 implements MigrationInterface {
  name = 'AccountsAuthority1700000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "name" text NOT NULL, "name_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "units_agency_name_key" ON "units" ("agency_id", "name_key") `);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "FK_1bab29b4feb2b03954118aa6c7d" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The free-text units become records: trimmed, white space collapsed, one per agency whatever
    // the letter case (normalised here, in the same code the application uses for new names).
    const spellings: { agencyId: string; unit: string; uses: number }[] = await queryRunner.query(
      `SELECT "agencyId", unit, count(*)::int AS uses FROM (
         SELECT agency_id AS "agencyId", unit FROM accounts WHERE unit IS NOT NULL
         UNION ALL SELECT implicated_agency_id, implicated_unit FROM cases WHERE implicated_agency_id IS NOT NULL AND implicated_unit IS NOT NULL
       ) named GROUP BY "agencyId", unit`,
    );
    // How often each tidied spelling is used, per agency and unit.
    const uses = new Map<string, Map<string, number>>();
    for (const { agencyId, unit, uses: n } of spellings) {
      const name = unitName(unit);
      if (!name) continue;
      const key = `${agencyId}|${unitNameKey(unit)}`;
      if (!uses.has(key)) uses.set(key, new Map());
      const names = uses.get(key) as Map<string, number>;
      names.set(name, (names.get(name) ?? 0) + n);
    }
    // Each unit takes its most used spelling (ties: the first in sort order, the same on every run).
    const units = [...uses].map(([key, names]) => {
      const [name] = [...names].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0];
      return { agencyId: key.slice(0, key.indexOf('|')), name, nameKey: unitNameKey(name) };
    });
    const named = spellings.flatMap(({ agencyId, unit }) => (unitName(unit) ? [{ agencyId, unit, nameKey: unitNameKey(unit) }] : []));
    if (units.length > 0) {
      await queryRunner.query(
        `INSERT INTO units (agency_id, name, name_key) SELECT "agencyId", name, "nameKey" FROM json_to_recordset($1::json) AS u("agencyId" uuid, name text, "nameKey" text)`,
        [JSON.stringify(units)],
      );
    }

    await queryRunner.query(`ALTER TABLE "accounts" ADD "unit_id" uuid`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "implicated_unit_id" uuid`);
    if (named.length > 0) {
      const spelled = `json_to_recordset($1::json) AS s("agencyId" uuid, unit text, "nameKey" text) JOIN units u ON u.agency_id = s."agencyId" AND u.name_key = s."nameKey"`;
      await queryRunner.query(`UPDATE accounts a SET unit_id = u.id FROM ${spelled} WHERE a.agency_id = s."agencyId" AND a.unit = s.unit`, [JSON.stringify(named)]);
      await queryRunner.query(`UPDATE cases c SET implicated_unit_id = u.id FROM ${spelled} WHERE c.implicated_agency_id = s."agencyId" AND c.implicated_unit = s.unit`, [
        JSON.stringify(named),
      ]);
    }
    // A unit named without its agency never kept anyone out of a case: it has no agency to belong to.
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "unit"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "implicated_unit"`);
    await queryRunner.query(`CREATE INDEX "accounts_unit_idx" ON "accounts" ("unit_id") `);
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "FK_78b95966a6065e43c0a84139161" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_1347ca15ffe67a74d19922b1c6b" FOREIGN KEY ("implicated_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Accounts that exist keep their roles; new roles with case access wait for approval with none.
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "role" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "role_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "role" text NOT NULL, "previous_role" text, "status" text NOT NULL, "source" text NOT NULL, "proposed_by" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "role_grants_source_check" CHECK (source IN ('admin', 'seed', 'cli')), CONSTRAINT "role_grants_status_check" CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')), CONSTRAINT "role_grants_role_check" CHECK (role IN ('prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer', 'admin')), CONSTRAINT "PK_f7cf33da46b9f884f2d459e0eff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "role_grants_pending_key" ON "role_grants" ("account_id") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "role_grants_status_idx" ON "role_grants" ("status", "proposed_at") `);
    await queryRunner.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "FK_68ab43211f631e01c73a8302507" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "security_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "type" text NOT NULL, "actor_id" uuid, "account_id" uuid, "data" jsonb NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_445acf87d586614c2f1a8d8984e" PRIMARY KEY ("seq"))`,
    );
    // Append-only: what was recorded stays recorded (the hash chain shows it if someone tries anyway).
    await queryRunner.query(
      `CREATE FUNCTION security_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the security log is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER security_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON security_log FOR EACH STATEMENT EXECUTE FUNCTION security_log_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER security_log_append_only ON security_log`);
    await queryRunner.query(`DROP FUNCTION security_log_append_only()`);
    await queryRunner.query(`DROP TABLE "security_log"`);
    await queryRunner.query(`DROP TABLE "role_grants"`);
    // An account still waiting for its first role gets none it could use.
    await queryRunner.query(`UPDATE accounts SET role = 'admin', disabled = true WHERE role IS NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "role" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "unit" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "implicated_unit" text`);
    await queryRunner.query(`UPDATE accounts a SET unit = u.name FROM units u WHERE u.id = a.unit_id`);
    await queryRunner.query(`UPDATE cases c SET implicated_unit = u.name FROM units u WHERE u.id = c.implicated_unit_id`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "implicated_unit_id"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "unit_id"`);
    await queryRunner.query(`DROP TABLE "units"`);
  }
}
