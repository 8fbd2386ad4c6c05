import { spawn } from 'node:child_process';
import { z } from 'zod';
import { parseOptions } from '../config/parseOptions.js';
import { SnakepitError } from '../errors/SnakepitError.js';
import { RUN_ID_PATTERN } from '../registry/runRecord.js';
import { readBootId } from './procfs.js';
import { WATCHDOG_SCRIPT } from './watchdogScript.js';

/** Options of {@link startWatchdog}. */
export interface WatchdogOptions {
  readonly runId: string;
  /** The process whose death triggers the kill (normally `process.pid`). */
  readonly ownerPid: number;
  /** The owner's start time (`readProcessIdentity(ownerPid).startTimeTicks`). */
  readonly ownerStartTimeTicks: number;
  /** The run's registry file (`RunRegistry.file`); its removal ends the watchdog. */
  readonly registryFile: string;
  /** How often the owner is checked, in ms (10–60000). Sets the kill latency. @default 200 */
  readonly pollMs?: number;
  /** The run's cgroup directory, when it has one: killed with `cgroup.kill` and removed. */
  readonly cgroup?: string | undefined;
}

/** A running watchdog. */
export interface Watchdog {
  readonly pid: number;
  /** Stops the watchdog (SIGTERM to its group) and waits until it is reaped. Idempotent. */
  stop(): Promise<void>;
}

const optionsSchema = z.strictObject({
  runId: z.string().regex(RUN_ID_PATTERN),
  ownerPid: z.number().int().positive(),
  ownerStartTimeTicks: z.number().int().nonnegative(),
  registryFile: z.string().min(1),
  pollMs: z.number().int().min(10).max(60_000).default(200),
  cgroup: z.string().startsWith('/').optional(),
});

// If the watchdog ignores SIGTERM (it should not), stop() escalates after this.
const STOP_KILL_AFTER_MS = 2_000;

/**
 * Starts the run's watchdog: one `/bin/sh` process (0.4 MB PSS) in its own session
 * that outlives this process and, if this process dies without removing the
 * registry file, kills every process whose environment names the run (see
 * `WATCHDOG_SCRIPT`). Linux only: returns `undefined` where there is no
 * procfs (the other layers still hold there).
 *
 * Start it from the main thread: a child of a worker thread that ends is
 * never reaped (`docs/architecture.md#children-of-an-ended-thread-stay-zombies`).
 * Its environment holds no `SNAKEPIT_*` variable, so
 * no scan ever takes it for a worker.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` on a bad option, `SPAWN_FAILED`
 *   when `/bin/sh` cannot be started.
 */
export async function startWatchdog(options: WatchdogOptions): Promise<Watchdog | undefined> {
  const resolved = parseOptions(optionsSchema, options, 'watchdog');
  if (readBootId() === undefined) return undefined;
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      WATCHDOG_SCRIPT,
      'snakepit-watchdog',
      resolved.runId,
      String(resolved.ownerPid),
      String(resolved.ownerStartTimeTicks),
      resolved.registryFile,
      String(resolved.pollMs / 1000),
      resolved.cgroup ?? '',
    ],
    // A fresh environment: no SNAKEPIT_* variable may reach the watchdog.
    { detached: true, stdio: 'ignore', env: { PATH: watchdogPath(), LC_ALL: 'C' } },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(
        new SnakepitError('SPAWN_FAILED', `Could not start the watchdog: ${error.message}`, {
          cause: error,
        }),
      ),
    );
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasExited = true;
      resolve();
    }),
  );
  // The watchdog must never keep this process alive.
  child.unref();
  const pid = child.pid!;
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    // Until it is reaped its pid (and group id) cannot name another process;
    // after that there is nothing left to signal.
    if (hasExited) return;
    child.ref();
    await stopWatchdog(pid, exited, () => hasExited);
  };
  return { pid, stop: () => (stopping ??= stop()) };
}

async function stopWatchdog(
  pid: number,
  exited: Promise<void>,
  hasExited: () => boolean,
): Promise<void> {
  signal(-pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_KILL_AFTER_MS);
  });
  if ((await Promise.race([exited, timeout])) === 'timeout' && !hasExited())
    signal(-pid, 'SIGKILL');
  clearTimeout(timer);
  await exited;
}

function signal(pidOrGroup: number, name: NodeJS.Signals): void {
  try {
    process.kill(pidOrGroup, name);
  } catch {
    // Already gone.
  }
}

function watchdogPath(): string {
  // The user's PATH first (where grep lives on NixOS & co), then the usual places.
  return [process.env.PATH, '/usr/bin', '/bin'].filter(Boolean).join(':');
}
