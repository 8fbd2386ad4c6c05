/**
 * `@snakepit/core`: typed events, errors, clock, Python resolution and OS
 * process control. Nothing here knows OpenTelemetry or gRPC.
 *
 * @packageDocumentation
 * @module @snakepit/core
 */
export { SnakepitError, isSnakepitError } from './errors/SnakepitError.js';
export type { SnakepitErrorCode, SnakepitErrorOptions } from './errors/SnakepitError.js';
export { PythonError } from './errors/PythonError.js';
export { realClock } from './clock/Clock.js';
export type { Clock, TimerHandle } from './clock/Clock.js';
export { ManualClock } from './clock/ManualClock.js';
export { EventBus } from './events/EventBus.js';
export type { EventListener, AnyEventListener } from './events/EventBus.js';
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
export { signalIdentified } from './process/signalIdentified.js';
export { killRunProcesses } from './registry/killRunProcesses.js';
export { scanRunProcesses } from './registry/scanRunProcesses.js';
export type { RunProcess } from './registry/scanRunProcesses.js';
export { resolvePython } from './python/resolvePython.js';
export type { ResolvedPython, ResolvePythonOptions } from './python/resolvePython.js';
export { parseOptions } from './config/parseOptions.js';
export {
  runtimeDir,
  resolveRuntimeDir,
  createRunDir,
  removeRunDir,
} from './registry/runtimeDir.js';
export type { ResolvedRuntimeDir, SkippedRuntimeDir } from './registry/runtimeDir.js';
export {
  readProcessIdentity,
  matchesIdentity,
  ownProcessIdentity,
  WORKER_TOKEN_ENV,
} from './process/processIdentity.js';
export type { ProcessIdentity } from './process/processIdentity.js';
export { readProcessEnvironment, readProcStat, readBootId } from './process/procfs.js';
export type { ProcStat } from './process/procfs.js';
export {
  RUN_CGROUP_PREFIX,
  createRunCgroup,
  createWorkerCgroup,
  detectCgroupBase,
  isCgroupPopulated,
  killCgroup,
  removeCgroup,
} from './process/cgroup.js';
export type { CgroupBase, CgroupMode } from './process/cgroup.js';
export { startWatchdog } from './process/watchdog.js';
export type { Watchdog, WatchdogOptions } from './process/watchdog.js';
export { WATCHDOG_SCRIPT } from './process/watchdogScript.js';
export { RunRegistry } from './registry/RunRegistry.js';
export { createRunId } from './registry/createRunId.js';
export { RUN_ID_PATTERN } from './registry/runRecord.js';
export type { RunRegistryOptions } from './registry/RunRegistry.js';
export type { RunRecord, RegisteredWorker } from './registry/runRecord.js';
export { reapOrphans } from './registry/reapOrphans.js';
export type { ReapOrphansOptions, ReapReport, ReapedProcess } from './registry/reapOrphans.js';
export { invalidOption, formatOptionValue } from './config/invalidOption.js';
