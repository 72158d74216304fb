import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, refuses past it, and refills with time', () => {
    const bucket = new TokenBucket(10, 3);
    const t0 = Date.now();
    expect([bucket.take(t0), bucket.take(t0), bucket.take(t0), bucket.take(t0)]).toEqual([true, true, true, false]);
    expect(bucket.take(t0 + 100)).toBe(true); // 100 ms at 10/s gives one token back
    expect(bucket.take(t0 + 100)).toBe(false);
  });
});
