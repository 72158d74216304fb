import { ackDeadlineHours } from './meeting-clock';

describe('the acknowledgement deadline', () => {
  it('is 24 hours unless ACK_DEADLINE_HOURS names a positive number', () => {
    expect(ackDeadlineHours({})).toBe(24);
    expect(ackDeadlineHours({ ACK_DEADLINE_HOURS: '6' })).toBe(6);
    expect(ackDeadlineHours({ ACK_DEADLINE_HOURS: '0.5' })).toBe(0.5);
    for (const bad of ['0', '-3', 'soon', '']) expect(ackDeadlineHours({ ACK_DEADLINE_HOURS: bad })).toBe(24);
  });
});
