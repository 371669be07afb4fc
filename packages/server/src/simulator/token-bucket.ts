/**
 * Paces the simulator at `--rate` results per second across all its connections: a token bucket
 * refilled continuously, holding at most `burst` tokens. A message costs one token per result; a
 * message larger than the bucket may borrow (the balance goes negative and later takers wait it
 * back), so the average rate holds whatever the message size. Takers are served in arrival order.
 */
export interface TokenBucketClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: TokenBucketClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private last: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = Math.max(1, ratePerSecond / 20),
    private readonly clock: TokenBucketClock = realClock
  ) {
    if (!(ratePerSecond > 0) || !(burst > 0)) {
      throw new RangeError('rate and burst must be positive');
    }
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Resolves when `cost` tokens were taken (immediately when the bucket holds them). */
  take(cost: number): Promise<void> {
    const turn = this.tail.then(() => this.acquire(cost));
    this.tail = turn;
    return turn;
  }

  private async acquire(cost: number): Promise<void> {
    // Wait until the bucket holds what the message needs, or is full for a message larger than it.
    const needed = Math.min(cost, this.burst);
    for (;;) {
      this.refill();
      if (this.tokens >= needed) {
        this.tokens -= cost;
        return;
      }
      await this.clock.sleep(Math.max(1, ((needed - this.tokens) / this.ratePerSecond) * 1000));
    }
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }
}
