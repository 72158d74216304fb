import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { HEALTH_DEADLINE_MS, HealthController } from './health.controller';

const response = () => ({ status: jest.fn() }) as unknown as Response & { status: jest.Mock };

describe('HealthController', () => {
  afterEach(() => jest.useRealTimers());

  it('answers up when the database answers, and leaves no deadline timer pending', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    const controller = new HealthController({ query: async () => [{ '?column?': 1 }] } as unknown as DataSource);
    const res = response();
    expect(await controller.health(res)).toEqual({ status: 'ok', database: 'up' });
    expect(res.status).not.toHaveBeenCalled();
    // A pending deadline would hold this request's objects for its two seconds.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('answers 503 when the database does not answer within the deadline', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    const controller = new HealthController({ query: () => new Promise(() => undefined) } as unknown as DataSource);
    const res = response();
    const answer = controller.health(res);
    await jest.advanceTimersByTimeAsync(HEALTH_DEADLINE_MS);
    expect(await answer).toEqual({ status: 'unavailable', database: 'down' });
    expect(res.status).toHaveBeenCalledWith(503);
  });

  it('answers 503 when the database fails', async () => {
    const controller = new HealthController({ query: async () => Promise.reject(new Error('connection refused')) } as unknown as DataSource);
    const res = response();
    expect(await controller.health(res)).toEqual({ status: 'unavailable', database: 'down' });
    expect(res.status).toHaveBeenCalledWith(503);
  });
});
