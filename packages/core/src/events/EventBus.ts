import { invalidOption } from '../config/invalidOption.js';
import type { ExecuteTracer } from './executeTracing.js';
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
 * from other listeners. It is also where observability attaches to what
 * emits on it: a call tracer ({@link EventBus.attachExecuteTracer}) that
 * pools on this bus use when they were given none.
 */
export class EventBus {
  readonly #listeners = new Map<SnakepitEventName, Set<EventListener<never>>>();
  readonly #anyListeners = new Set<AnyEventListener>();
  readonly #onListenerError: ((error: unknown, name: SnakepitEventName) => void) | undefined;
  /** Per listener, the events whose errors were already reported (default handler only). */
  readonly #reported = new WeakMap<object, Set<SnakepitEventName>>();
  /** Attached call tracers, oldest first: the last one is in use. */
  readonly #executeTracers: { readonly tracer: ExecuteTracer }[] = [];

  /**
   * Creates an empty bus. `onListenerError` receives what a listener throws
   * and the event's name. By default the first error of each listener on each
   * event becomes a process warning (`process.emitWarning`, code
   * `SNAKEPIT_LISTENER_ERROR`, printed by Node unless `--no-warnings`); later
   * ones of the same listener and event are dropped, so that a listener that
   * throws on every heartbeat cannot flood the log.
   */
  constructor(
    options: { onListenerError?: (error: unknown, name: SnakepitEventName) => void } = {},
  ) {
    this.#onListenerError = options.onListenerError;
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

  /**
   * The call tracer that pools on this bus use when they were given no
   * `tracer` of their own: the one attached last and not yet detached, or
   * `undefined`. Read at every call, so attaching after a pool started
   * traces its next calls.
   */
  get executeTracer(): ExecuteTracer | undefined {
    return this.#executeTracers.at(-1)?.tracer;
  }

  /**
   * Attaches a call tracer to this bus (`createTelemetry` attaches one built
   * on OpenTelemetry). One is in use at a time: the last attached wins, and
   * detaching it brings back the one attached before it (if still attached),
   * so two mappings of one bus can come and go in any order. Returns the
   * detach function (idempotent).
   *
   * @throws {SnakepitError} `INVALID_OPTIONS` when `tracer` has no `start` function.
   */
  attachExecuteTracer(tracer: ExecuteTracer): () => void {
    if (typeof (tracer as Partial<ExecuteTracer> | undefined)?.start !== 'function') {
      throw invalidOption('tracer', tracer, 'an ExecuteTracer (an object with a start function)');
    }
    // A fresh entry per attach: attaching one tracer twice needs two detaches.
    const entry = { tracer };
    this.#executeTracers.push(entry);
    return () => {
      const index = this.#executeTracers.indexOf(entry);
      if (index !== -1) this.#executeTracers.splice(index, 1);
    };
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
      for (const listener of set) {
        try {
          (listener as EventListener<N>)(payload, name);
        } catch (error) {
          this.#listenerFailed(listener, name, error);
        }
      }
    }
    for (const listener of this.#anyListeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.#listenerFailed(listener, name, error);
      }
    }
  }

  #listenerFailed(listener: object, name: SnakepitEventName, error: unknown): void {
    if (this.#onListenerError) {
      this.#onListenerError(error, name);
      return;
    }
    let names = this.#reported.get(listener);
    if (!names) this.#reported.set(listener, (names = new Set()));
    if (names.has(name)) return;
    names.add(name);
    reportListenerError(error, name);
  }
}

function reportListenerError(error: unknown, name: SnakepitEventName): void {
  // emitWarning exists on worker threads too; the guard is for other hosts.
  if (typeof process === 'undefined' || typeof process.emitWarning !== 'function') return;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  try {
    process.emitWarning(
      `A listener of "${name}" threw ${what}. Later errors of this listener on this event are ` +
        'not reported; pass `onListenerError` to the EventBus to handle them.',
      {
        type: 'SnakepitWarning',
        code: 'SNAKEPIT_LISTENER_ERROR',
        ...(error instanceof Error && error.stack !== undefined ? { detail: error.stack } : {}),
      },
    );
  } catch {
    // A replaced emitWarning may throw; the emitter must never see it.
  }
}
