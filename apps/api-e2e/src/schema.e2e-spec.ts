import { openDatabase, schemaDrift } from '@vigil/api-database';

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
});
