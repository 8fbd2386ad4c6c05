/**
 * A token bucket per worker: up to `burst` records at once, refilled at
 * `perSecond`. Time is the events' own wall-clock stamps, so a test needs no
 * clock and a burst replayed late is judged by when it was written.
 */
export class LogRateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #maxWorkers: number;
  readonly #buckets = new Map<string, { tokens: number; atMs: number }>();

  /**
   * @param perSecond Records per second each worker may send, sustained.
   * @param burst Records a worker may send at once (the bucket's size).
   * @param maxWorkers Buckets kept; past it the table starts over (a burst more, never unbounded memory).
   */
  constructor(perSecond: number, burst: number, maxWorkers: number) {
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
    this.#maxWorkers = maxWorkers;
  }

  /** Takes a token for one record of worker `key` written at `atMs`: false when there is none. */
  take(key: string, atMs: number): boolean {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxWorkers) this.#buckets.clear();
      bucket = { tokens: this.#burst, atMs };
      this.#buckets.set(key, bucket);
    } else if (atMs > bucket.atMs) {
      bucket.tokens = Math.min(this.#burst, bucket.tokens + (atMs - bucket.atMs) * this.#perMs);
      bucket.atMs = atMs;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
