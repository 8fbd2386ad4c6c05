import type { FromThread } from './protocol.js';

/**
 * Collects an actor thread's events and posts them to the main thread as one
 * message per turn of the event loop (one `postMessage` was the largest cost
 * of forwarding heartbeat events). Order is kept; `flush` before the port
 * closes loses nothing on a clean end.
 */
export class EventBatch {
  readonly #post: (message: FromThread) => void;
  #pending: [string, unknown][] = [];
  #isScheduled = false;

  constructor(post: (message: FromThread) => void) {
    this.#post = post;
  }

  push(name: string, payload: unknown): void {
    this.#pending.push([name, payload]);
    if (this.#isScheduled) return;
    this.#isScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Posts `message` after the pending events, keeping the thread's order. */
  post(message: FromThread): void {
    this.flush();
    this.#post(message);
  }

  /** Posts what is pending now. */
  flush(): void {
    this.#isScheduled = false;
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.#post({ t: 'events', events });
  }
}
