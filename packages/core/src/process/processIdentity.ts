import { hasEnvironEntry, readBootId, readEnvironText, readProcStat } from './procfs.js';

/**
 * Who a process is, beyond its pid: pids are reused, but a pid with the same
 * start time within the same boot is the same process, and a token in its
 * environment proves it is the worker we started.
 */
export interface ProcessIdentity {
  readonly pid: number;
  /** `/proc/PID/stat` field 22: start time after boot, in clock ticks. */
  readonly startTimeTicks: number;
  /** `/proc/sys/kernel/random/boot_id`; `''` where it cannot be known (no procfs). */
  readonly bootId: string;
  /** The `SNAKEPIT_WORKER_TOKEN` the process was started with, when known. */
  readonly token?: string;
  /**
   * The `SNAKEPIT_RUN_ID` the process was started with, when known: weaker
   * than a token (every process of the run has it), but it still tells the
   * run's processes from an unrelated one that got a pid the run once used.
   */
  readonly runId?: string;
}

/** The environment variable holding a worker's token (set by `spawnProcess`). */
export const WORKER_TOKEN_ENV = 'SNAKEPIT_WORKER_TOKEN';

/** The environment variable naming the run a process belongs to (set by `spawnProcess`). */
const RUN_ID_ENV = 'SNAKEPIT_RUN_ID';

/**
 * Reads the identity of a live process. Returns `undefined` when the process
 * is gone or a zombie, or when there is no procfs (macOS, Windows: identities
 * cannot be verified there, so nothing is ever signalled on their account).
 * `token` is copied into the identity, not checked.
 */
export function readProcessIdentity(pid: number, token?: string): ProcessIdentity | undefined {
  const stat = readProcStat(pid);
  const bootId = readBootId();
  if (!stat || bootId === undefined || isDead(stat.state)) return undefined;
  return {
    pid,
    startTimeTicks: stat.startTimeTicks,
    bootId,
    ...(token === undefined ? {} : { token }),
  };
}

/**
 * The identity of this Node.js process. Where it cannot be read (no procfs)
 * it has `bootId: ''`, which {@link matchesIdentity} never matches.
 */
export function ownProcessIdentity(): ProcessIdentity {
  return readProcessIdentity(process.pid) ?? { pid: process.pid, startTimeTicks: 0, bootId: '' };
}

/**
 * Whether `identity` still names a live process: the pid exists, is not a
 * zombie, has the same start time within the same boot and, when the identity
 * has a token or a run id, was started with `SNAKEPIT_WORKER_TOKEN=<token>`
 * and `SNAKEPIT_RUN_ID=<runId>` (the environment is read now). This is the
 * check to pass before signalling anything found in a file: never signal on a
 * pid alone. Never throws.
 */
export function matchesIdentity(identity: ProcessIdentity): boolean {
  if (!identity.bootId || identity.bootId !== readBootId()) return false;
  const stat = readProcStat(identity.pid);
  if (!stat || isDead(stat.state) || stat.startTimeTicks !== identity.startTimeTicks) return false;
  const entries = [
    ...(identity.token === undefined ? [] : [`${WORKER_TOKEN_ENV}=${identity.token}`]),
    ...(identity.runId === undefined ? [] : [`${RUN_ID_ENV}=${identity.runId}`]),
  ];
  if (entries.length === 0) return true;
  const environ = readEnvironText(identity.pid);
  return environ !== undefined && entries.every((entry) => hasEnvironEntry(environ, entry));
}

/** Zombies (`Z`) and dying tasks (`X`) hold a pid but are no longer running. */
export function isDead(state: string): boolean {
  return state === 'Z' || state === 'X';
}
