/**
 * `@snakepit/core/run`: a run on this machine, in one place. `createRunId`
 * names a run (`@snakepit/python-bridge` re-exports it for apps); `openRun`
 * assembles what a run owns besides its processes (registry file, private
 * socket directory, cgroup, watchdog) and closes it; `RunRegistry` is the
 * run's file; `listRuns` reads every run's file with its liveness (what
 * `snakepit ps` prints); `reapOrphans` and `killRunProcesses` find and kill
 * what dead or ending runs left behind, by verified identity.
 *
 * A documented subpath, not the user API: `createPool` opens its run with
 * it, and `snakepit ps`, `snakepit reap` and the test owner fixture use it
 * (docs/adr/0010-public-surface.md). It loads zod (the registry validates
 * run files), so worker threads do not import it.
 *
 * @packageDocumentation
 * @module @snakepit/core/run
 */
export { createRunId } from './registry/createRunId.js';
export { openRun } from './registry/openRun.js';
export type { OpenRunOptions, RunResources } from './registry/openRun.js';
export { RunRegistry } from './registry/RunRegistry.js';
export type { RunRegistryOptions } from './registry/RunRegistry.js';
export { RUN_ID_PATTERN } from './registry/runRecord.js';
export type { RunRecord, RegisteredWorker } from './registry/runRecord.js';
export { reapOrphans } from './registry/reapOrphans.js';
export type { ReapOrphansOptions, ReapReport, ReapedProcess } from './registry/reapOrphans.js';
export { killRunProcesses } from './registry/killRunProcesses.js';
export { listRuns } from './registry/listRuns.js';
export type { RunListing, RunListingStatus, WorkerListing } from './registry/listRuns.js';
export type { RunProcess } from './registry/scanRunProcesses.js';
export { startWatchdog } from './process/watchdog.js';
export type { Watchdog, WatchdogOptions } from './process/watchdog.js';
