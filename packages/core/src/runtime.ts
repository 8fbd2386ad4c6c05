/**
 * `@snakepit/core/runtime`: the user kernel of core — errors, the event bus
 * and the event contract, clocks and the bad-option error — and nothing that
 * imports zod: worker threads load it (with `@snakepit/core/process`), and
 * the schema library costs ~100 ms to import on every new thread. The main
 * entry `@snakepit/core` is `export *` of this file, so there is one list;
 * the subpath stays as the promise that threads never load zod.
 *
 * @packageDocumentation
 * @module @snakepit/core/runtime
 */
export { SnakepitError, isSnakepitError } from './errors/SnakepitError.js';
export type {
  SnakepitErrorCode,
  SnakepitErrorDetails,
  SnakepitErrorOptions,
} from './errors/SnakepitError.js';
export { PythonError } from './errors/PythonError.js';
export { realClock } from './clock/Clock.js';
export type { Clock, TimerHandle } from './clock/Clock.js';
export { ManualClock } from './clock/ManualClock.js';
export { EventBus } from './events/EventBus.js';
export type { EventListener, AnyEventListener } from './events/EventBus.js';
// The event contract: every payload declared once, in events/ (one file per family).
export type { SnakepitEventMap, SnakepitEventName } from './events/SnakepitEvents.js';
export type { ExitRecord, ExitCause, WorkerEventBase } from './events/workerEvents.js';
export { POOL_WORKER_STATES } from './events/poolEvents.js';
export type {
  PoolWorkerState,
  ExecuteOutcome,
  QueueRejectionReason,
  RecycleReason,
} from './events/poolEvents.js';
export type { SupervisorEventBase, SupervisorEventName } from './events/supervisorEvents.js';
export type { ExecuteTracer, ExecuteTrace, PythonSpanRecord } from './events/executeTracing.js';
export { invalidOption } from './config/invalidOption.js';
