import type { RemedialMeasureEntity } from '@vigil/api-database';
import { isOverdue } from './views';

describe('isOverdue', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const measure = (status: RemedialMeasureEntity['status'], dueAt: string) => ({ status, dueAt: new Date(dueAt) });

  it('is true only for an open measure past its due time', () => {
    expect(isOverdue(measure('open', '2026-12-01T11:59:59.000Z'), now)).toBe(true);
    expect(isOverdue(measure('open', '2026-12-01T12:00:00.000Z'), now)).toBe(false);
    expect(isOverdue(measure('done', '2026-11-01T00:00:00.000Z'), now)).toBe(false);
  });
});
