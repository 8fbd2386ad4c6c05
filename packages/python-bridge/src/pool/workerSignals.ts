import { EventBus } from '@snakepit/core/runtime';
import type { SnakepitEventName } from '@snakepit/core/runtime';
import type { ActorContext } from '@snakepit/actors';

/**
 * What a worker actor tells its pool slot about its current process: the
 * pool's internal wiring, kept off the public event bus (which is for
 * observers: a listener or a payload change there must not move a slot).
 */
export type WorkerSignal =
  | {
      readonly kind: 'ready';
      readonly workerId: string;
      readonly pid: number;
      readonly grpcAddress: string;
      /** The framed data plane's socket path (transport `'framed'`), else empty or absent. */
      readonly dataAddress?: string | undefined;
    }
  | {
      readonly kind: 'pong';
      readonly workerId: string;
      readonly rssBytes: number;
      /** Calls the process runs, by its own count, when it says. */
      readonly inFlight: number | undefined;
    }
  | { readonly kind: 'heartbeatMissed'; readonly workerId: string };

/**
 * The name signals travel under between the actor's thread and the pool's
 * relay. It is no public event: {@link createSignalRelay} takes it out of the
 * stream before anything reaches the public bus, and it is not in the
 * `SnakepitEventMap`.
 */
const WORKER_SIGNAL = 'snakepit.pool.internal.signal';

/**
 * Sends `signal` from a worker actor (on its thread or inline) to its pool.
 * It rides the actor's event port, so it stays in order with the worker's
 * events: a slot turns `ready` right after `snakepit.worker.process.started`.
 */
export function sendWorkerSignal(context: Pick<ActorContext, 'emit'>, signal: WorkerSignal): void {
  context.emit(WORKER_SIGNAL as SnakepitEventName, signal as never);
}

/**
 * The event sink of a pool's worker actors (their host's `events`): it hands
 * worker signals to `deliver` and passes every other event, unchanged and in
 * order, to the public `bus`.
 */
export function createSignalRelay(
  bus: EventBus,
  deliver: (signal: WorkerSignal) => void,
): EventBus {
  const relay = new EventBus();
  relay.onAny((name, payload) => {
    if ((name as string) === WORKER_SIGNAL) deliver(payload as unknown as WorkerSignal);
    else bus.emit(name, payload);
  });
  return relay;
}
