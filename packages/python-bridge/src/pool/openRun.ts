import {
  RunRegistry,
  createRunDir,
  ownProcessIdentity,
  reapOrphans,
  readProcessIdentity,
  removeRunDir,
  startWatchdog,
} from '@snakepit/core';
import type { EventBus, Watchdog } from '@snakepit/core';

/** What one run owns on this machine besides its processes. */
export interface RunResources {
  readonly registry: RunRegistry;
  /** Records a worker that answered Ready, with its verified identity. */
  recordRunning(workerId: string, pid: number, token: string): void;
  /** Ends the run cleanly: registry file, socket directory, watchdog. */
  close(): Promise<void>;
}

/**
 * Opens a run: reaps the orphans of dead runs (opt-out), writes the run's
 * registry file, creates its private socket directory and, when asked,
 * starts its watchdog. Registry faults are events, never errors: the other
 * guards still hold.
 */
export async function openRun(
  runId: string,
  options: { readonly reapOrphans: boolean; readonly watchdog: boolean; readonly bus: EventBus },
): Promise<RunResources> {
  const { bus } = options;
  if (options.reapOrphans) await reapOrphans({ bus });
  const registry = RunRegistry.open(runId, { bus });
  const runDir = createRunDir(runId);
  let watchdog: Watchdog | undefined;
  if (options.watchdog && registry.file !== undefined) {
    const owner = ownProcessIdentity();
    watchdog = await startWatchdog({
      runId,
      ownerPid: owner.pid,
      ownerStartTimeTicks: owner.startTimeTicks,
      registryFile: registry.file,
    });
    registry.setWatchdogPid(watchdog?.pid);
  }
  return {
    registry,
    recordRunning(workerId, pid, token) {
      const identity = readProcessIdentity(pid, token);
      if (identity) registry.recordRunning(workerId, identity);
    },
    async close() {
      registry.close();
      await watchdog?.stop();
      removeRunDir(runDir);
    },
  };
}
