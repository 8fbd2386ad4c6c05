/**
 * Settles `exhausted` when, while the pool starts, a slot has failed
 * `startAttempts` starts in a row (`WorkerSlot.failedStarts`). Without it a
 * fault that outlasts every retry (no descriptors left, an import that fails
 * slowly) but stays under the restart intensity, which backoff spreads out,
 * would keep `createPool` pending for ever.
 */
export class StartFailures {
  /** Settles when a slot ran out of attempts. */
  readonly exhausted: Promise<void>;
  /** The slot that ran out of attempts, its count then, and its last start error. */
  #culprit: { slotId: string; count: number; error: Error } | undefined;
  readonly #attempts: number;
  #settle: () => void = () => {};
  #isOpen = true;

  /** Counts up to `attempts` failed starts in a row per slot. */
  constructor(attempts: number) {
    this.#attempts = attempts;
    this.exhausted = new Promise((resolve) => (this.#settle = resolve));
  }

  /** Whether a slot ran out of attempts. */
  get isExhausted(): boolean {
    return this.#culprit !== undefined;
  }

  /** The start error of the slot that ran out of attempts. */
  get last(): Error | undefined {
    return this.#culprit?.error;
  }

  /** A worker of `slot` ended with `error`; `slot.failedStarts` already counts it if it was a start. */
  add(slot: { readonly id: string; readonly failedStarts: number }, error: Error): void {
    if (!this.#isOpen || this.#culprit || slot.failedStarts < this.#attempts) return;
    this.#culprit = { slotId: slot.id, count: slot.failedStarts, error };
    this.#settle();
  }

  /** Why the start failed, for the pool's error. */
  describe(): string {
    const { slotId = '?', count = 0 } = this.#culprit ?? {};
    const times = count === 1 ? 'once' : `${count} times in a row`;
    return `worker ${slotId} failed to start ${times} (startAttempts: ${this.#attempts}): ${this.last?.message ?? 'no error recorded'}`;
  }

  /** The pool's start is over: later failures are the supervisor's business. */
  close(): void {
    this.#isOpen = false;
  }
}
