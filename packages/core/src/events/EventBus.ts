import type { SnakepitEventMap, SnakepitEventName } from './SnakepitEvents.js';

/** A function called with each event of one name. */
export type EventListener<N extends SnakepitEventName> = (
  payload: SnakepitEventMap[N],
  name: N,
) => void;

/** A function called with every event. */
export type AnyEventListener = <N extends SnakepitEventName>(
  name: N,
  payload: SnakepitEventMap[N],
) => void;

/**
 * A typed, synchronous event bus. Emitting an event nobody listens to costs
 * one map lookup; a listener that throws is isolated from the emitter and
 * from other listeners.
 */
export class EventBus {
  readonly #listeners = new Map<SnakepitEventName, Set<EventListener<never>>>();
  readonly #anyListeners = new Set<AnyEventListener>();
  readonly #onListenerError: (error: unknown) => void;

  /**
   * Creates an empty bus. `onListenerError` receives what a listener throws;
   * by default it is swallowed.
   */
  constructor(options: { onListenerError?: (error: unknown) => void } = {}) {
    this.#onListenerError = options.onListenerError ?? (() => {});
  }

  /** Subscribes to one event name; returns the unsubscribe function. */
  on<N extends SnakepitEventName>(name: N, listener: EventListener<N>): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(name);
    };
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(listener: AnyEventListener): () => void {
    this.#anyListeners.add(listener);
    return () => this.#anyListeners.delete(listener);
  }

  /** Whether anyone listens to `name` (check before building a costly payload). */
  hasListeners(name: SnakepitEventName): boolean {
    return this.#anyListeners.size > 0 || this.#listeners.has(name);
  }

  /**
   * Calls the listeners of `name`, then the listeners of every event,
   * synchronously and in subscription order. A listener's exception goes to
   * `onListenerError`, not to the caller.
   */
  emit<N extends SnakepitEventName>(name: N, payload: SnakepitEventMap[N]): void {
    const set = this.#listeners.get(name);
    if (set) {
      for (const listener of set) this.#call(() => (listener as EventListener<N>)(payload, name));
    }
    for (const listener of this.#anyListeners) this.#call(() => listener(name, payload));
  }

  #call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#onListenerError(error);
    }
  }
}
