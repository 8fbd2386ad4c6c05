import { SnakepitError } from '@snakepit/core';
import type { Clock, TimerHandle } from '@snakepit/core';

/** A call waiting for a free worker. */
export interface QueuedCall<T> {
  readonly enqueuedAtMs: number;
  readonly resolve: (value: T) => void;
  readonly reject: (error: SnakepitError) => void;
}

interface Entry<T> extends QueuedCall<T> {
  timer: TimerHandle;
  detachAbort: () => void;
}

/**
 * A bounded FIFO of calls waiting for a worker. A call that waits past
 * `timeoutMs`, or whose signal aborts, leaves the queue with a typed error.
 */
export class CallQueue<T> {
  readonly #entries: Entry<T>[] = [];
  readonly #maxSize: number;
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  readonly #onReject: (reason: 'full' | 'timeout' | 'stopped') => void;

  constructor(
    options: { maxSize: number; timeoutMs: number; clock: Clock },
    onReject: (reason: 'full' | 'timeout' | 'stopped') => void,
  ) {
    this.#maxSize = options.maxSize;
    this.#timeoutMs = options.timeoutMs;
    this.#clock = options.clock;
    this.#onReject = onReject;
  }

  get size(): number {
    return this.#entries.length;
  }

  /**
   * Waits for {@link take} to hand this call a value.
   * @throws {SnakepitError} `POOL_SATURATED` when full or after the timeout, `ABORTED`.
   */
  wait(signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) return Promise.reject(aborted());
    if (this.#entries.length >= this.#maxSize) {
      this.#onReject('full');
      return Promise.reject(
        new SnakepitError(
          'POOL_SATURATED',
          `All workers are busy and ${this.#maxSize} calls are already queued; raise \`maxQueue\` or \`size\`, or retry later`,
          { details: { maxQueue: this.#maxSize } },
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Entry<T> = {
        enqueuedAtMs: this.#clock.now(),
        resolve,
        reject,
        timer: this.#clock.setTimeout(() => {
          this.#remove(entry);
          this.#onReject('timeout');
          reject(
            new SnakepitError(
              'POOL_SATURATED',
              `No worker became free within ${this.#timeoutMs} ms (\`queueTimeoutMs\`)`,
              { details: { queueTimeoutMs: this.#timeoutMs } },
            ),
          );
        }, this.#timeoutMs),
        detachAbort: () => {},
      };
      if (signal) {
        const onAbort = () => {
          this.#remove(entry);
          reject(aborted());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        entry.detachAbort = () => signal.removeEventListener('abort', onAbort);
      }
      this.#entries.push(entry);
    });
  }

  /** Hands `value` to the oldest waiting call; false if none waits. */
  take(value: T): boolean {
    const entry = this.#entries.shift();
    if (!entry) return false;
    entry.timer.cancel();
    entry.detachAbort();
    entry.resolve(value);
    return true;
  }

  /** Fails every waiting call with `error`. */
  rejectAll(error: SnakepitError): void {
    for (const entry of this.#entries.splice(0)) {
      entry.timer.cancel();
      entry.detachAbort();
      this.#onReject('stopped');
      entry.reject(error);
    }
  }

  #remove(entry: Entry<T>): void {
    const index = this.#entries.indexOf(entry);
    if (index >= 0) this.#entries.splice(index, 1);
    entry.detachAbort();
  }
}

function aborted(): SnakepitError {
  return new SnakepitError('ABORTED', 'The call was aborted while waiting for a worker');
}
