/**
 * `@snakepit/core/runtime`: the part of core that worker threads load — errors,
 * events, clock, spawning and the kill ladder — without the options schemas
 * and registry validation, whose schema library costs ~100 ms to import on
 * every new thread. Everything here is also exported by `@snakepit/core`.
 *
 * @packageDocumentation
 * @module @snakepit/core/runtime
 */
export { SnakepitError, isSnakepitError } from './errors/SnakepitError.js';
export type { SnakepitErrorCode, SnakepitErrorOptions } from './errors/SnakepitError.js';
export { PythonError } from './errors/PythonError.js';
export { realClock } from './clock/Clock.js';
export type { Clock, TimerHandle } from './clock/Clock.js';
export { EventBus } from './events/EventBus.js';
export type {
  SnakepitEventMap,
  SnakepitEventName,
  ExitRecord,
  WorkerEventBase,
} from './events/SnakepitEvents.js';
export { spawnProcess } from './process/spawnProcess.js';
export type { SpawnProcessOptions } from './process/spawnProcess.js';
export { ManagedProcess, childSource } from './process/ManagedProcess.js';
export type { StopOptions, ProcessSource } from './process/ManagedProcess.js';
export { verifiedSource } from './process/verifiedSource.js';
export type { ExitStatusReader, VerifiedSourceOptions } from './process/verifiedSource.js';
export { signalGroup } from './process/signalGroup.js';
export { createWorkerCgroup, removeCgroup } from './process/cgroup.js';
export { readProcStat } from './process/procfs.js';
export { createRunDir, runtimeDir } from './registry/runtimeDir.js';
export { invalidOption, formatOptionValue } from './config/invalidOption.js';
