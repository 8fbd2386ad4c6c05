/**
 * Runs async operations one at a time, in the order they were pushed: the
 * supervisor's mailbox. Like a gen_server, it handles one exit, request or
 * timer at a time, so no two restarts interleave.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #length = 0;

  /** Queues `op`; the result settles with it. */
  push<T>(op: () => Promise<T>): Promise<T> {
    this.#length += 1;
    const run = this.#tail.then(op);
    this.#tail = run.then(
      () => void (this.#length -= 1),
      () => void (this.#length -= 1),
    );
    return run;
  }

  /** Queues `op`; if it throws, queues `onError` with the error (whose own failure is dropped). */
  pushOrElse(op: () => Promise<void>, onError: (error: unknown) => Promise<void>): void {
    this.push(op).catch((error: unknown) => this.push(() => onError(error)).catch(() => undefined));
  }

  /** Resolves once nothing is queued or running (including ops pushed meanwhile). */
  async idle(): Promise<void> {
    while (this.#length > 0) await this.#tail;
  }
}
