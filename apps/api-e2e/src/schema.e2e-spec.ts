import { openDatabase, ORIGINAL_POSTS_SQL, schemaDrift } from '@vigil/api-database';

describe('schema', () => {
  it('entities and migrations agree (nothing left for a new migration to do)', async () => {
    const dataSource = await openDatabase(process.env['VIGIL_E2E_DATABASE_URL'] as string);
    try {
      expect(await dataSource.showMigrations()).toBe(false); // every migration applied
      expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  // A connection keeps the generic plan of a prepared statement until something invalidates it,
  // while the log it reads grows by every post: the retry look-up must not scan the log in any plan.
  it("a post batch's retry look-up reads the log by key in a generic plan", async () => {
    const dataSource = await openDatabase(process.env['VIGIL_E2E_DATABASE_URL'] as string);
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SET plan_cache_mode = force_generic_plan');
      await runner.query(`PREPARE original_posts(uuid[], uuid[], uuid[]) AS ${ORIGINAL_POSTS_SQL}`);
      const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN EXECUTE original_posts('{}', '{}', '{}')`);
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('Index Cond: ((case_id = k.case_id) AND (actor_id = k.actor_id) AND (client_id = k.client_id))');
      expect(plan).not.toMatch(/Merge Join|Hash Join|Seq Scan/);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});
