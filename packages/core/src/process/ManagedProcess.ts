import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Clock } from '../clock/Clock.js';
import type { ExitRecord } from '../events/SnakepitEvents.js';
import { signalGroup } from './signalGroup.js';
import { killCgroup, removeCgroup } from './cgroup.js';

/** Bounds of each step of {@link ManagedProcess.stop}'s kill ladder. */
export interface StopOptions {
  /** Why the process is stopped; becomes `ExitRecord.reason`. */
  readonly reason: string;
  /** Asks the process to exit by itself (e.g. sends a `Shutdown` frame). */
  readonly requestGraceful?: () => void;
  /** How long to wait after `requestGraceful` before SIGTERM. @default 5000 */
  readonly gracefulTimeoutMs?: number;
  /** How long to wait after SIGTERM before SIGKILL. @default 2000 */
  readonly killAfterMs?: number;
}

interface RawExit {
  readonly exitCode: number | undefined;
  readonly signal: NodeJS.Signals | undefined;
  readonly atMs: number;
}

/**
 * A live child process that leads its own process group, and the one place
 * that signals it. Its pid is only ever signalled while we hold the unreaped
 * child (so the pid cannot have been reused); its group is SIGKILLed in the
 * tick it is reaped, to reach grandchildren (a pgid stays reserved while the
 * group has members).
 */
export class ManagedProcess {
  readonly pid: number;
  readonly token: string;
  /** The control socket, the child's fd 3. */
  readonly control: Socket;
  /** When the process was spawned, on the injected clock. */
  readonly startedAtMs: number;
  /** Settles when the process has exited and been reaped. Never rejects. */
  readonly exited: Promise<RawExit>;
  /** The process's own cgroup v2 directory, when the run has cgroups. */
  readonly cgroup: string | undefined;
  readonly #clock: Clock;
  #rawExit: RawExit | undefined;
  #stopping: Promise<ExitRecord> | undefined;

  constructor(
    child: ChildProcess,
    control: Socket,
    token: string,
    startedAtMs: number,
    clock: Clock,
    cgroup?: string,
  ) {
    this.#clock = clock;
    this.cgroup = cgroup;
    this.pid = child.pid ?? -1;
    this.token = token;
    this.control = control;
    this.startedAtMs = startedAtMs;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#rawExit = {
          exitCode: code ?? undefined,
          signal: signal ?? undefined,
          atMs: clock.now(),
        };
        // Whatever the worker forked must not outlive it. Done in the same
        // tick as the reap, so the pgid cannot have been recycled meanwhile.
        signalGroup(this.pid, 'SIGKILL');
        const exit = this.#rawExit;
        if (cgroup === undefined) resolve(exit);
        // The cgroup also holds what left the group with setsid(): kill it,
        // and settle once it is empty, so that a stopped worker has nothing left.
        else void removeCgroup(cgroup).then(() => resolve(exit));
      });
    });
  }

  /** Whether the process has exited (and been reaped). */
  get hasExited(): boolean {
    return this.#rawExit !== undefined;
  }

  /** Sends `signal` to the whole process group. Returns false if none is left. */
  signalGroup(signal: NodeJS.Signals): boolean {
    const hasGroup = signalGroup(this.pid, signal);
    if (signal === 'SIGKILL' && this.cgroup !== undefined) killCgroup(this.cgroup);
    return hasGroup;
  }

  /**
   * Stops the process with the kill ladder: graceful request → wait → SIGTERM
   * (+SIGCONT, so a stopped process sees it) to the group → wait → SIGKILL to
   * the group → reaped. Idempotent: later calls return the first call's record.
   */
  stop(options: StopOptions): Promise<ExitRecord> {
    this.#stopping ??= this.#runLadder(options);
    return this.#stopping;
  }

  /** The exit record of a process that ended without being stopped. */
  async exitRecord(reason: string): Promise<ExitRecord> {
    const raw = await this.exited;
    return this.#record(raw, reason, 'exited', raw.atMs);
  }

  async #runLadder(options: StopOptions): Promise<ExitRecord> {
    const requestedAtMs = this.#clock.now();
    let method: ExitRecord['method'] = 'graceful';
    if (this.#rawExit) method = 'exited';
    else if (options.requestGraceful) {
      try {
        options.requestGraceful();
      } catch {
        // A broken control channel just means the next rung does the work.
      }
      await this.#waitExit(options.gracefulTimeoutMs ?? 5000);
    }
    if (!this.#rawExit) {
      method = 'terminated';
      this.signalGroup('SIGTERM');
      this.signalGroup('SIGCONT');
      await this.#waitExit(options.killAfterMs ?? 2000);
    }
    if (!this.#rawExit) {
      method = 'killed';
      this.signalGroup('SIGKILL');
    }
    const raw = await this.exited;
    this.control.destroy();
    return this.#record(raw, options.reason, method, requestedAtMs);
  }

  #record(raw: RawExit, reason: string, method: ExitRecord['method'], sinceMs: number): ExitRecord {
    return {
      exitCode: raw.exitCode,
      signal: raw.signal,
      reason,
      method,
      isForcefullyTerminated: method === 'killed',
      uptimeMs: raw.atMs - this.startedAtMs,
      cleanupMs: method === 'exited' ? 0 : Math.max(0, raw.atMs - sinceMs),
    };
  }

  #waitExit(timeoutMs: number): Promise<void> {
    if (this.#rawExit) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(resolve, timeoutMs);
      void this.exited.then(() => {
        timer.cancel();
        resolve();
      });
    });
  }
}
