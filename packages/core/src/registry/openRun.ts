import { SnakepitError } from '../errors/SnakepitError.js';
import type { EventBus } from '../events/EventBus.js';
import { createRunCgroup, detectCgroupBase, removeCgroup } from '../process/cgroup.js';
import type { CgroupMode } from '../process/cgroup.js';
import { ownProcessIdentity, readProcessIdentity } from '../process/processIdentity.js';
import { startWatchdog } from '../process/watchdog.js';
import type { Watchdog } from '../process/watchdog.js';
import { RunRegistry } from './RunRegistry.js';
import { killRunProcesses } from './killRunProcesses.js';
import { reapOrphans } from './reapOrphans.js';
import { createRunDir, removeRunDir } from './runtimeDir.js';
import { scanRunProcesses } from './scanRunProcesses.js';

/** What one run owns on this machine besides its processes. */
export interface RunResources {
  readonly registry: RunRegistry;
  /** The run's cgroup directory, when its workers get cgroups. */
  readonly cgroup: string | undefined;
  /** Records a worker that answered Ready, with its verified identity. */
  recordRunning(workerId: string, pid: number, token: string): void;
  /** Ends the run cleanly: registry file, socket directory, cgroup, watchdog. */
  close(): Promise<void>;
}

/** Options of {@link openRun}: the pool's resolved options of the same names. */
export interface OpenRunOptions {
  /** Reap the orphans of dead runs first ({@link reapOrphans}). */
  readonly reapOrphans: boolean;
  /** Start a watchdog process for the run ({@link startWatchdog}). */
  readonly watchdog: boolean;
  /** Whether the run gets a cgroup: `'require'` throws `CGROUP_UNAVAILABLE` where it cannot. */
  readonly cgroup: CgroupMode;
  /** Where registry faults, cgroup decisions and swept escapees are reported. */
  readonly bus: EventBus;
}

/**
 * Opens a run: reaps the orphans of dead runs (opt-out), writes the run's
 * registry file, creates its private socket directory and, when asked,
 * starts its watchdog. Registry faults are events, never errors: the other
 * guards still hold.
 *
 * @throws {SnakepitError} `CGROUP_UNAVAILABLE` with `cgroup: 'require'` where
 * the run cannot have a cgroup; the run directory's errors (`REGISTRY_ERROR`).
 */
export async function openRun(runId: string, options: OpenRunOptions): Promise<RunResources> {
  const { bus } = options;
  if (options.reapOrphans) await reapOrphans({ bus });
  const cgroup = openRunCgroup(runId, options.cgroup, bus);
  const registry = RunRegistry.open(runId, { bus });
  if (cgroup !== undefined) registry.setCgroup(cgroup);
  let runDir: string;
  let watchdog: Watchdog | undefined;
  try {
    runDir = createRunDir(runId);
    if (options.watchdog && registry.file !== undefined) {
      const owner = ownProcessIdentity();
      watchdog = await startWatchdog({
        runId,
        ownerPid: owner.pid,
        ownerStartTimeTicks: owner.startTimeTicks,
        registryFile: registry.file,
        cgroup,
      });
      registry.setWatchdogPid(watchdog?.pid);
    }
  } catch (error) {
    // Nothing of the run has started: leave no cgroup or registry file behind.
    if (cgroup !== undefined) await removeCgroup(cgroup);
    registry.close();
    throw error;
  }
  return {
    registry,
    cgroup,
    recordRunning(workerId, pid, token) {
      const identity = readProcessIdentity(pid, token);
      if (identity) registry.recordRunning(workerId, identity);
    },
    async close() {
      if (cgroup !== undefined) await removeCgroup(cgroup);
      else await sweepEscapees(runId, bus);
      registry.close();
      await watchdog?.stop();
      removeRunDir(runDir);
    },
  };
}

/**
 * Without cgroups, a child that left its worker's process group (`setsid`)
 * outlives its worker. Once every worker of the run has stopped, whatever
 * still carries the run id after a short grace (the guardians take a few ms
 * to exit after their workers) is such a process: kill it before the
 * registry file, the last record of the run, is removed.
 */
async function sweepEscapees(runId: string, bus: EventBus): Promise<void> {
  const deadline = Date.now() + GUARDIAN_EXIT_GRACE_MS;
  while (scanRunProcesses(new Set([runId])).has(runId) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const proc of killRunProcesses(runId)) {
    bus.emit('snakepit.orphan.reaped', {
      ...{ runId, pid: proc.pid, signal: 'SIGKILL', foundBy: 'scan' },
      ...(proc.workerId === undefined ? {} : { workerId: proc.workerId }),
    });
  }
}

const GUARDIAN_EXIT_GRACE_MS = 250;

function openRunCgroup(runId: string, mode: CgroupMode, bus: EventBus): string | undefined {
  if (mode === 'off') return undefined;
  const base = detectCgroupBase();
  const created = base.isAvailable ? createRunCgroup(base.dir, runId) : base;
  if ('path' in created) {
    bus.emit('snakepit.run.cgroup', { runId, path: created.path });
    return created.path;
  }
  if (mode === 'require') {
    throw new SnakepitError(
      'CGROUP_UNAVAILABLE',
      `cgroup: 'require', but this run cannot have cgroups: ${created.reason}. Run where a cgroup v2 subtree is delegated to this user (systemd \`Delegate=yes\`, a container with a writable /sys/fs/cgroup, or root), or set cgroup: 'auto'.`,
      { details: { reason: created.reason } },
    );
  }
  bus.emit('snakepit.run.cgroup', { runId, reason: created.reason });
  return undefined;
}
