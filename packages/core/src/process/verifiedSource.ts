import type { Clock } from '../clock/Clock.js';
import type { ProcessSource } from './ManagedProcess.js';
import { readProcStat } from './procfs.js';
import { isStillRunning, signalVerified } from './signalVerified.js';
import type { VerifiedProcess } from './signalVerified.js';

/** How a {@link verifiedSource} learns the exit status its reaper recorded. */
export type ExitStatusReader = () =>
  | { readonly exitCode: number | undefined; readonly signal: NodeJS.Signals | undefined }
  | undefined;

/** Options of {@link verifiedSource}. */
export interface VerifiedSourceOptions {
  readonly clock: Clock;
  /**
   * How often `/proc/PID/stat` is checked while nothing else wakes us (the
   * owner's `check()` on the control channel's end sees an exit at once).
   * @default 2000
   */
  readonly pollMs?: number;
  /** How often it is checked once we signalled the process. @default 50 */
  readonly signalledPollMs?: number;
  /** The exit status, once the process's parent (our fork server) has recorded it. */
  readonly readExit?: ExitStatusReader;
  /** How long to wait for that record after the process is gone. @default 500 */
  readonly exitRecordTimeoutMs?: number;
}

/**
 * A {@link ProcessSource} for a process we did not spawn ourselves but whose
 * identity (pid + start time) we verified — a worker our fork server forked.
 * Its exit is seen by polling procfs (call `check()` to look at once, e.g.
 * when its control channel closes); every signal re-checks the start time,
 * so a reused pid is never signalled.
 */
export function verifiedSource(
  target: Omit<VerifiedProcess, 'isGroupLeader'>,
  options: VerifiedSourceOptions,
): ProcessSource & {
  /** Looks at the process now instead of at the next poll. */
  check(): void;
} {
  // 2 s, not 250 ms: 100 idle forked workers made 400 procfs reads a second,
  // ~40 % of an actor thread's CPU profile (docs/adr/0004-heartbeat-cost.md).
  // A worker's exit closes its control channel, which calls `check()`; the
  // poll is for the rare channel that outlives it (a forked child holds it).
  const { clock, pollMs = 2000, signalledPollMs = 50, readExit } = options;
  const { exitRecordTimeoutMs = 500 } = options;
  const verified: VerifiedProcess = { ...target, isGroupLeader: true };
  let callback: Parameters<ProcessSource['onExit']>[0] | undefined;
  let goneAtMs: number | undefined;
  let isSignalled = false;
  let isDone = false;
  let timer: ReturnType<Clock['setTimeout']> | undefined;

  const check = (): void => {
    if (isDone || callback === undefined) return;
    if (goneAtMs === undefined && isStillRunning(verified)) {
      return schedule(isSignalled ? signalledPollMs : pollMs);
    }
    goneAtMs ??= clock.now();
    // A zombie is not reaped yet: its parent records the status when it reaps it.
    const status = readExit?.();
    const stat = readProcStat(target.pid);
    const isReaped = !stat || stat.startTimeTicks !== target.startTimeTicks;
    if (status === undefined && readExit && clock.now() - goneAtMs < exitRecordTimeoutMs) {
      return schedule(isReaped ? 10 : 5);
    }
    isDone = true;
    timer?.cancel();
    callback(status?.exitCode, status?.signal);
  };
  const schedule = (ms: number): void => {
    timer?.cancel();
    timer = clock.setTimeout(check, ms);
  };

  return {
    pid: target.pid,
    onExit(cb) {
      callback = cb;
      check();
    },
    signalGroup: (signal) => {
      const isSent = signalVerified(verified, signal);
      // The kill ladder waits for the exit: look often from now on.
      if (isSent && !isDone && callback !== undefined && !isSignalled) {
        isSignalled = true;
        schedule(signalledPollMs);
      }
      return isSent;
    },
    check,
  };
}
