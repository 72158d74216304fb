import { visitOverdue } from './visit';

describe('visitOverdue', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z');

  it('is overdue when the deadline passed before anyone went', () => {
    expect(visitOverdue({ status: 'registered', visitDueAt: '2026-03-01T11:59:00.000Z' }, now)).toBe(true);
    expect(visitOverdue({ status: 'visit_dispatched', visitDueAt: '2026-02-28T12:00:00.000Z' }, now)).toBe(true);
  });

  it('is not overdue before the deadline, nor once the place was visited', () => {
    expect(visitOverdue({ status: 'registered', visitDueAt: '2026-03-01T12:01:00.000Z' }, now)).toBe(false);
    expect(visitOverdue({ status: 'site_visited', visitDueAt: '2026-02-28T12:00:00.000Z' }, now)).toBe(false);
    expect(visitOverdue({ status: 'closed', visitDueAt: '2026-02-28T12:00:00.000Z' }, now)).toBe(false);
  });

  it('trusts the server when it says the visit is late', () => {
    expect(visitOverdue({ status: 'registered', visitDueAt: '2026-03-01T12:01:00.000Z', visitOverdue: true }, now)).toBe(true);
  });
});
