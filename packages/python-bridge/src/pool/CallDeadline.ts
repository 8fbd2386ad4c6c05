import { SnakepitError, isSnakepitError } from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import type { ExecuteOptions } from '../client/WorkerClient.js';

/**
 * The deadline of one call through the pool: its `timeoutMs`, counted from
 * `execute` (or `stream`) and covering the time it waits for a worker. The
 * worker is sent what is left of it.
 */
export class CallDeadline {
  /** On the pool's clock. */
  readonly atMs: number;
  readonly #command: string;
  readonly #timeoutMs: number;
  readonly #clock: Clock;

  private constructor(command: string, timeoutMs: number, clock: Clock) {
    this.atMs = clock.now() + timeoutMs;
    this.#command = command;
    this.#timeoutMs = timeoutMs;
    this.#clock = clock;
  }

  /** The deadline of a call made now; `undefined` when it has no `timeoutMs`. */
  static start(command: string, options: ExecuteOptions, clock: Clock): CallDeadline | undefined {
    const { timeoutMs } = options;
    return timeoutMs === undefined ? undefined : new CallDeadline(command, timeoutMs, clock);
  }

  /**
   * `options` with `timeoutMs` set to the time left, in whole milliseconds.
   * @throws {SnakepitError} `EXECUTE_TIMEOUT` when none is left.
   */
  forWorker<O extends ExecuteOptions>(options: O): O {
    const leftMs = Math.min(this.#timeoutMs, Math.ceil(this.atMs - this.#clock.now()));
    if (leftMs <= 0) {
      throw new SnakepitError(
        'EXECUTE_TIMEOUT',
        `Call to \`${this.#command}\` had no time left of its ${this.#timeoutMs} ms (\`timeoutMs\`) when a worker took it`,
        { details: { command: this.#command, timeoutMs: this.#timeoutMs } },
      );
    }
    return leftMs === options.timeoutMs ? options : { ...options, timeoutMs: leftMs };
  }

  /** The call ran out of time before a worker was free. */
  queuedTimeout(): SnakepitError {
    return new SnakepitError(
      'EXECUTE_TIMEOUT',
      `Call to \`${this.#command}\` was still waiting for a worker after ${this.#timeoutMs} ms (\`timeoutMs\` counts the time in the queue); every worker stayed busy: add workers, raise \`concurrency\`, or allow more time`,
      { details: { command: this.#command, timeoutMs: this.#timeoutMs, isQueued: true } },
    );
  }

  /**
   * A worker's `EXECUTE_TIMEOUT` for the `sentMs` it was given, restated
   * with the call's own `timeoutMs` when part of it went on waiting for the
   * worker; any other error as it is.
   */
  explain(error: unknown, sentMs: number | undefined): unknown {
    if (!isSnakepitError(error, 'EXECUTE_TIMEOUT') || sentMs === undefined) return error;
    const queueWaitMs = this.#timeoutMs - sentMs;
    if (queueWaitMs <= 0) return error;
    const { workerId } = error.details;
    return new SnakepitError(
      'EXECUTE_TIMEOUT',
      `Call to \`${this.#command}\` on worker ${typeof workerId === 'string' ? workerId : '?'} did not finish within ${this.#timeoutMs} ms (\`timeoutMs\`; ${queueWaitMs} ms of it spent waiting for a worker)`,
      {
        cause: error,
        details: { ...error.details, timeoutMs: this.#timeoutMs, queueWaitMs },
      },
    );
  }
}
