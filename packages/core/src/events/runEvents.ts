/** The run-level events: registry, cgroups and orphans (emitted by core). */
export interface RunEventMap {
  /**
   * The run registry could not be read or written, or a registry file was
   * corrupt. The registry then keeps working in memory; other guards hold.
   */
  'snakepit.registry.error': {
    /** What failed: `open`, `write`, `remove`, `read`, `reap`… */
    readonly operation: string;
    readonly message: string;
    /** The run concerned, when known. */
    readonly runId?: string;
    /** The errno code (`EACCES`, `ENOSPC`…) or `CORRUPT`, when known. */
    readonly code?: string;
  };
  /**
   * Whether the run's workers get cgroups (see `cgroup.ts`): `path` when
   * they do, `reason` when the run relies on process groups alone.
   */
  'snakepit.run.cgroup': {
    readonly runId: string;
    readonly path?: string;
    readonly reason?: string;
  };
  /** A process left behind by a dead run was killed. */
  'snakepit.orphan.reaped': {
    readonly runId: string;
    readonly pid: number;
    /** The signal that ended it: `SIGTERM`, or `SIGKILL` when it outlived the grace period. */
    readonly signal: NodeJS.Signals;
    /** The worker slot it belonged to (a grandchild carries its worker's id), when known. */
    readonly workerId?: string;
    /** How it was found: listed in the registry, or by the scan of process environments. */
    readonly foundBy?: 'registry' | 'scan';
  };
}
