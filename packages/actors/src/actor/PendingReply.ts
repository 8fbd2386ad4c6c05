import { SnakepitError, type Clock, type TimerHandle } from '@snakepit/core/runtime';
import { invalidOption } from '@snakepit/core/runtime';
import { DEFAULT_ASK_OPTIONS, type AskOptions } from './ActorRef.js';

/**
 * The caller's side of one `ask`: settles once, with the reply, a timeout
 * (`ASK_TIMEOUT`) or an abort (`ABORTED`), whichever comes first.
 */
export class PendingReply {
  readonly promise: Promise<unknown>;
  #isSettled = false;
  #resolve!: (value: unknown) => void;
  #reject!: (error: unknown) => void;
  #timer: TimerHandle | undefined;
  #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => {
    this.reject(
      new SnakepitError('ABORTED', `ask "${this.type}" to actor "${this.actorId}" was aborted`, {
        cause: this.#signal?.reason,
      }),
    );
  };

  constructor(
    readonly actorId: string,
    readonly type: string,
    clock: Clock,
    options: AskOptions = {},
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_ASK_OPTIONS.timeoutMs;
    if (!(timeoutMs >= 0)) throw invalidOption('timeoutMs', timeoutMs, 'a number ≥ 0 (ms)');
    if (options.signal?.aborted) {
      this.#onAbort();
      return;
    }
    if (timeoutMs !== Infinity) {
      this.#timer = clock.setTimeout(() => {
        this.reject(
          new SnakepitError(
            'ASK_TIMEOUT',
            `actor "${actorId}" did not answer "${type}" within ${timeoutMs} ms`,
            { details: { actorId, type, timeoutMs } },
          ),
        );
      }, timeoutMs);
    }
    this.#signal = options.signal;
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Whether it has settled (a late reply is then dropped). */
  get isSettled(): boolean {
    return this.#isSettled;
  }

  resolve(value: unknown): void {
    if (this.#settle()) this.#resolve(value);
  }

  reject(error: unknown): void {
    if (this.#settle()) this.#reject(error);
  }

  #settle(): boolean {
    if (this.#isSettled) return false;
    this.#isSettled = true;
    this.#timer?.cancel();
    this.#signal?.removeEventListener('abort', this.#onAbort);
    return true;
  }
}
