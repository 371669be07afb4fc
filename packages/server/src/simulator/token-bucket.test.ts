import { describe, expect, it } from 'vitest';
import { TokenBucket, type TokenBucketClock } from './token-bucket.js';

/** A virtual clock: sleeping advances time at once, so pacing is checked by arithmetic, not by waiting. */
function virtualClock(): TokenBucketClock & { elapsed(): number } {
  let now = 0;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    elapsed: () => now,
  };
}

describe('TokenBucket', () => {
  it('lets a full bucket go at once, then paces at the rate', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(100, 10, clock);
    for (let i = 0; i < 10; i++) {
      await bucket.take(1);
    }
    expect(clock.elapsed()).toBe(0);
    for (let i = 0; i < 100; i++) {
      await bucket.take(1);
    }
    // 100 more tokens at 100/s: one second, give or take the 1 ms sleep granularity.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(990);
    expect(clock.elapsed()).toBeLessThanOrEqual(1_100);
  });

  it('holds the average rate for messages larger than the bucket (borrowing)', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(1_000, 5, clock);
    for (let i = 0; i < 50; i++) {
      await bucket.take(20); // 20 results per message, bucket of 5
    }
    // 1,000 results at 1,000/s, less the initial 5 tokens.
    expect(clock.elapsed()).toBeGreaterThanOrEqual(950);
    expect(clock.elapsed()).toBeLessThanOrEqual(1_050);
  });

  it('serves concurrent takers in arrival order', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => bucket.take(1).then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
  });
});
