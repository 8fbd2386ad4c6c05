/**
 * `@snakepit/core/process`: the OS process toolkit that Snakepit's own
 * packages and tools build on — spawning into a new process group, the kill
 * ladder (`ManagedProcess`), `/proc` readers, process identity (pid + start
 * time + boot id + token, never a pid alone), cgroup v2 detection and worker
 * cgroups, the private runtime directory, and the search for a Python
 * interpreter (`resolvePython`). Linux-first; the pool, the fork server and
 * the CLI's `run`, `doctor` and `ps` use it.
 *
 * A documented subpath, not the user API: it follows the package's version
 * like everything else, but an app that only runs pools never needs it
 * (docs/adr/0010-public-surface.md). Free of zod, like
 * `@snakepit/core/runtime`: worker threads load it.
 *
 * @packageDocumentation
 * @module @snakepit/core/process
 */
export { spawnProcess } from './process/spawnProcess.js';
export type { SpawnProcessOptions } from './process/spawnProcess.js';
export { ManagedProcess } from './process/ManagedProcess.js';
export type { StopOptions, ProcessSource } from './process/ManagedProcess.js';
export { verifiedSource } from './process/verifiedSource.js';
export type { ExitStatusReader, VerifiedSourceOptions } from './process/verifiedSource.js';
export {
  RUN_CGROUP_PREFIX,
  createWorkerCgroup,
  detectCgroupBase,
  removeCgroup,
} from './process/cgroup.js';
export type { CgroupBase, CgroupMode } from './process/cgroup.js';
export { readProcStat, readProcessEnvironment, readBootId } from './process/procfs.js';
export type { ProcStat } from './process/procfs.js';
export {
  readProcessIdentity,
  matchesIdentity,
  ownProcessIdentity,
} from './process/processIdentity.js';
export type { ProcessIdentity } from './process/processIdentity.js';
export { runtimeDir, resolveRuntimeDir, createRunDir } from './registry/runtimeDir.js';
export type { ResolvedRuntimeDir, SkippedRuntimeDir } from './registry/runtimeDir.js';
export { resolvePython } from './python/resolvePython.js';
export type { ResolvedPython, ResolvePythonOptions } from './python/resolvePython.js';
