import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Clock } from '../clock/Clock.js';
import type { ExitCause, ExitRecord, ExitStep } from '../events/workerEvents.js';
import { signalGroup } from './signalGroup.js';
import { killCgroup, removeCgroup } from './cgroup.js';

/** Bounds of each step of {@link ManagedProcess.stop}'s kill ladder. */
export interface StopOptions {
  /** Why the process is stopped; becomes `ExitRecord.cause`. */
  readonly cause: ExitCause;
  /** The same in words for humans; becomes `ExitRecord.reason`. @default the cause, `_` read as a space */
  readonly reason?: string;
  /** Asks the process to exit by itself (e.g. sends a `Shutdown` frame). */
  readonly requestGraceful?: () => void;
  /** How long to wait after `requestGraceful` before SIGTERM. @default 5000 */
  readonly gracefulTimeoutMs?: number;
  /** How long to wait after SIGTERM before SIGKILL. @default 2000 */
  readonly killAfterMs?: number;
}

/**
 * Where a {@link ManagedProcess} learns of its process's exit and how it
 * signals its group: `childSource` for a child we spawned, or a
 * verified source for a process another of our processes forked (see
 * `forkserver` in python-bridge).
 */
export interface ProcessSource {
  readonly pid: number;
  /** Calls back once, when the process has exited and been reaped. */
  onExit(
    callback: (exitCode: number | undefined, signal: NodeJS.Signals | undefined) => void,
  ): void;
  /** Signals the process group; false if none is left. */
  signalGroup(signal: NodeJS.Signals): boolean;
}

/** The source of a child we hold: the pid cannot be reused until we reap it. */
export function childSource(child: ChildProcess): ProcessSource {
  const pid = child.pid ?? -1;
  return {
    pid,
    onExit: (callback) =>
      child.once('exit', (code, signal) => callback(code ?? undefined, signal ?? undefined)),
    signalGroup: (signal) => signalGroup(pid, signal),
  };
}

interface RawExit {
  readonly exitCode: number | undefined;
  readonly signal: NodeJS.Signals | undefined;
  readonly atMs: number;
}

/**
 * A live process that leads its own process group, and the one place that
 * signals it. A child's pid is only ever signalled while we hold the
 * unreaped child (so the pid cannot have been reused); a forked worker's
 * only after its start time is checked again. Its group is SIGKILLed in the
 * tick its exit is seen, to reach grandchildren (a pgid stays reserved while
 * the group has members).
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
  readonly #source: ProcessSource;
  #rawExit: RawExit | undefined;
  #stopping: Promise<ExitRecord> | undefined;

  /**
   * Takes charge of a running process: watches `source` for its exit and
   * SIGKILLs its group (and kills and removes `cgroup`) as soon as it exits. Built by
   * {@link spawnProcess}, or by python-bridge with a {@link verifiedSource}
   * for a forked worker; not meant to be called directly.
   */
  constructor(
    source: ProcessSource,
    control: Socket,
    token: string,
    startedAtMs: number,
    clock: Clock,
    cgroup?: string,
  ) {
    this.#clock = clock;
    this.#source = source;
    this.cgroup = cgroup;
    this.pid = source.pid;
    this.token = token;
    this.control = control;
    this.startedAtMs = startedAtMs;
    this.exited = new Promise((resolve) => {
      source.onExit((code, signal) => {
        this.#rawExit = { exitCode: code, signal, atMs: clock.now() };
        // Whatever the worker forked must not outlive it. Done in the same
        // tick as the exit is seen, so the pgid cannot have been recycled meanwhile.
        source.signalGroup('SIGKILL');
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
    const hasGroup = this.#source.signalGroup(signal);
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

  /**
   * The exit record of a process that ended without being stopped (`cause`
   * is usually `crashed`; `reason` defaults to the cause in words).
   */
  async exitRecord(cause: ExitCause, reason?: string): Promise<ExitRecord> {
    const raw = await this.exited;
    return this.#record(raw, { cause, reason }, 'exited', raw.atMs, []);
  }

  async #runLadder(options: StopOptions): Promise<ExitRecord> {
    const requestedAtMs = this.#clock.now();
    const steps: ExitStep[] = [];
    const climb = (step: ExitStep['step']) => steps.push({ step, atMs: this.#clock.wallNow() });
    let method: ExitRecord['method'] = 'graceful';
    if (this.#rawExit) method = 'exited';
    else if (options.requestGraceful) {
      climb('graceful_requested');
      try {
        options.requestGraceful();
      } catch {
        // A broken control channel just means the next rung does the work.
      }
      await this.#waitExit(options.gracefulTimeoutMs ?? 5000);
    }
    if (!this.#rawExit) {
      method = 'terminated';
      climb('sigterm');
      this.signalGroup('SIGTERM');
      this.signalGroup('SIGCONT');
      await this.#waitExit(options.killAfterMs ?? 2000);
    }
    if (!this.#rawExit) {
      method = 'killed';
      climb('sigkill');
      this.signalGroup('SIGKILL');
    }
    const raw = await this.exited;
    this.control.destroy();
    return this.#record(raw, options, method, requestedAtMs, steps);
  }

  #record(
    raw: RawExit,
    why: { readonly cause: ExitCause; readonly reason?: string | undefined },
    method: ExitRecord['method'],
    sinceMs: number,
    steps: readonly ExitStep[],
  ): ExitRecord {
    return {
      exitCode: raw.exitCode,
      signal: raw.signal,
      cause: why.cause,
      reason: why.reason ?? why.cause.replaceAll('_', ' '),
      method,
      isForcefullyTerminated: method === 'killed',
      uptimeMs: raw.atMs - this.startedAtMs,
      cleanupMs: method === 'exited' ? 0 : Math.max(0, raw.atMs - sinceMs),
      steps,
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
