// The process helpers of the integration tests: proc.mjs (the /proc readers
// and polls every project shares) and what only these tests need.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_CGROUP_PREFIX, detectCgroupBase, removeCgroup } from '@snakepit/core/process';
import { cmdlineOf, commOf, processesOfRun, processesWithEnv, refOf, waitFor } from './proc.mjs';
import type { ProcessRef } from './proc.mjs';

export {
  argvOf,
  childrenOf,
  cmdlineOf,
  commOf,
  describeProcesses,
  descendantsOf,
  isAlive,
  isGone,
  killRefs,
  listPids,
  processesOfRun,
  processesWithEnv,
  readStat,
  refOf,
  snapshot,
  waitFor,
  waitUntilGone,
  zombieChildrenOf,
} from './proc.mjs';
export type { DescribedProcess, GoneReport, ProcessRef } from './proc.mjs';

/**
 * Pids of the run's Python workers: {@link processesOfRun} without each
 * worker's guardian process (named `snakepit-guard`), the fork server (whose
 * `comm` is `snakepit-zygote`; its workers share its command line) and other
 * helpers.
 */
export function workersOfRun(runId: string): number[] {
  return processesOfRun(runId).filter(
    (pid) => commOf(pid) !== 'snakepit-zygote' && !cmdlineOf(pid).includes('snakepit-guard'),
  );
}

/**
 * Makes an unrelated process take `pid` (free now, e.g. a dead worker's), as
 * pid reuse would: `/bin/sleep 600` with an empty environment, leading a
 * session and process group of its own. Writes `pid - 1` to
 * /proc/sys/kernel/ns_last_pid right before the fork (needs root) and tries
 * again while another process takes the pid first or the kernel still
 * reserves it (as the id of a dead leader's group or session with members).
 * The caller kills it (`killRefs`), failed test or not.
 */
export async function spawnWithPid(pid: number, withinMs = 15_000): Promise<ProcessRef> {
  const deadline = Date.now() + withinMs;
  let attempts = 0;
  while (Date.now() < deadline) {
    // Still a process (a zombie not yet reaped): no fork can get the pid yet.
    if (existsSync(`/proc/${pid}`)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    attempts++;
    writeFileSync('/proc/sys/kernel/ns_last_pid', String(pid - 1));
    const child = spawn('/bin/sleep', ['600'], { detached: true, stdio: 'ignore', env: {} });
    child.on('error', () => {});
    child.unref();
    if (child.pid === pid) {
      // Until execve() is done, /proc/PID/environ is still this process's.
      const hasExecuted = await waitFor(() => cmdlineOf(pid) === '/bin/sleep 600', 2_000).then(
        () => true,
        () => false,
      );
      const ref = refOf(pid);
      if (hasExecuted && ref) return ref;
    }
    child.kill('SIGKILL');
    // Another process took it first (a loaded machine forks all the time): retry soon.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(
    `pid ${pid} could not be given to a new process within ${withinMs} ms (${attempts} forks tried)`,
  );
}

/** SIGKILLs every process (but this one) whose environment holds `name=value`. */
export function killEnv(name: string, value: string): void {
  for (const pid of processesWithEnv(name, value)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * SIGKILLs every process of the run and removes its cgroup (`snakepit-<runId>`)
 * if it had one: an owner a test SIGKILLed leaves that behind, empty, until a
 * reaper of its runtime directory runs. Test clean-up that runs even after
 * failures.
 */
export async function killRun(runId: string): Promise<void> {
  killEnv('SNAKEPIT_RUN_ID', runId);
  const base = detectCgroupBase();
  if (base.isAvailable) await removeCgroup(join(base.dir, `${RUN_CGROUP_PREFIX}${runId}`), 500);
}
