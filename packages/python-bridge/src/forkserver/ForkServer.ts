import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SnakepitError } from '@snakepit/core';
import { createRunDir, readProcessIdentity, spawnProcess } from '@snakepit/core/process';
import type { Clock, EventBus } from '@snakepit/core';
import type { ManagedProcess } from '@snakepit/core/process';
import type { RunRegistry } from '@snakepit/core/run';
import type { ForkServerAddress } from '../worker/forkWorker.js';
import { pythonEnv } from '../worker/startWorkerProcess.js';
import type { WorkerLaunch } from '../worker/startWorkerProcess.js';

/** What {@link ForkServer.start} needs. */
export interface ForkServerOptions {
  /** The pool's launch settings (interpreter, paths, environment, timeouts). */
  readonly launch: Omit<WorkerLaunch, 'workerId'>;
  /** `<poolId>.forkserver`: its id in events and in the run registry. */
  readonly id: string;
  /** Modules imported before forking. */
  readonly preload: readonly string[];
  readonly registry: RunRegistry;
  readonly bus: EventBus;
  readonly clock: Clock;
}

const RESTART_MIN_DELAY_MS = 100;
const RESTART_MAX_DELAY_MS = 5_000;
// A fork server that served this long before it died restarts at once.
const STABLE_AFTER_MS = 30_000;

const POOL_STOPPED = { cause: 'shutdown', reason: 'pool stopped' } as const;

/**
 * The pool's fork server (`start: 'forkserver'`): one Python process, spawned
 * like a worker (own group, cgroup, guards, guardian, registry entry), that
 * has imported grpc and the preload modules and forks workers on request
 * (see `snakepit_worker/forkserver.py` and `forkWorker`). Its workers are its
 * children and die with it (their death signal); if it dies while the pool
 * runs it is restarted with backoff, and the workers' supervisor restarts the
 * workers, counting toward the pool's restart intensity.
 *
 * Owned by the main thread: its death signal follows this thread.
 */
export class ForkServer {
  readonly address: ForkServerAddress;
  readonly #options: ForkServerOptions;
  #proc: ManagedProcess | undefined;
  #isStopping = false;
  #restartDelayMs = RESTART_MIN_DELAY_MS;
  #restarting: Promise<void> | undefined;

  private constructor(options: ForkServerOptions) {
    this.#options = options;
    const dir = createRunDir(options.launch.runId);
    this.address = {
      socket: join(dir, `forkserver.${randomBytes(4).toString('hex')}.sock`),
      // Inherited by every forked worker: the registry verifies them by it.
      token: randomBytes(16).toString('hex'),
    };
  }

  /**
   * Starts the fork server and resolves once it has preloaded and listens.
   *
   * @throws {SnakepitError} `WORKER_START_FAILED` (with the Python traceback)
   *   when a preload module fails to import or makes forking unsafe,
   *   `WORKER_START_TIMEOUT` when it is not ready within `startTimeoutMs`.
   */
  static async start(options: ForkServerOptions): Promise<ForkServer> {
    const server = new ForkServer(options);
    await server.#spawn();
    return server;
  }

  /** The fork server's pid, while it runs. */
  get pid(): number | undefined {
    return this.#proc?.hasExited === false ? this.#proc.pid : undefined;
  }

  /** Stops it (its remaining workers die with it) and waits until it is reaped. */
  async stop(): Promise<void> {
    this.#isStopping = true;
    await this.#restarting?.catch(() => {});
    const proc = this.#proc;
    if (!proc) return;
    // End-of-file on its fd 3 is its signal to exit.
    await proc.stop({
      ...POOL_STOPPED,
      requestGraceful: () => proc.control.end(),
      gracefulTimeoutMs: this.#options.launch.shutdownTimeoutMs,
      killAfterMs: this.#options.launch.killAfterMs,
    });
    this.#options.registry.remove(this.#options.id);
  }

  async #spawn(): Promise<void> {
    const { launch, id, registry, bus, clock, preload } = this.#options;
    const { runId } = launch;
    registry.reserve(id, this.address.token);
    const proc = await spawnProcess({
      command: launch.python,
      args: [
        ...['-m', 'snakepit_worker.forkserver', '--snakepit-run-id', runId],
        ...['--listen', this.address.socket],
        // Its workers then never need grpc, and neither does the fork server.
        ...(launch.transport === 'framed' ? ['--transport', 'framed'] : []),
        ...preload.flatMap((module) => ['--preload', module]),
      ],
      runId,
      workerId: id,
      token: this.address.token,
      runCgroup: launch.runCgroup,
      env: pythonEnv(launch as WorkerLaunch),
      ...(launch.cwd === undefined ? {} : { cwd: launch.cwd }),
      clock,
      onOutput: (stream, line) =>
        bus.emit('snakepit.worker.log', {
          ...this.#eventBase(proc.pid),
          ...{ stream, line },
        }),
    });
    const answer = await readAnswer(proc, launch.startTimeoutMs, clock);
    if (!('ready' in answer)) {
      await proc.stop({ cause: 'start_failed', gracefulTimeoutMs: 0, killAfterMs: 1000 });
      registry.remove(id);
      const { code, message, traceback } = answer.fault;
      throw new SnakepitError(
        code === 'TIMEOUT' ? 'WORKER_START_TIMEOUT' : 'WORKER_START_FAILED',
        `The fork server did not start (${code}): ${message}${traceback ? `\n${traceback}` : ''}`.trimEnd(),
        { details: { workerId: id, faultCode: code } },
      );
    }
    this.#proc = proc;
    const identity = readProcessIdentity(proc.pid, this.address.token);
    if (identity) registry.recordRunning(id, identity);
    bus.emit('snakepit.worker.process.started', {
      ...this.#eventBase(proc.pid),
      startMs: clock.now() - proc.startedAtMs,
      grpcAddress: '',
    });
    void proc.exited.then(() => this.#onExit(proc));
  }

  #eventBase(pid: number) {
    const { launch, id, clock } = this.#options;
    return {
      ...{ workerId: id, runId: launch.runId, pid, timestampMs: clock.wallNow() },
      ...(launch.poolId === undefined ? {} : { poolId: launch.poolId }),
    };
  }

  async #onExit(proc: ManagedProcess): Promise<void> {
    const { bus, clock } = this.#options;
    // While stopping, the record is the kill ladder's (stop is idempotent).
    const exit = this.#isStopping
      ? await proc.stop(POOL_STOPPED)
      : await proc.exitRecord('crashed');
    bus.emit('snakepit.worker.process.terminated', { ...this.#eventBase(proc.pid), exit });
    if (this.#isStopping || this.#proc !== proc) return;
    const uptimeMs = clock.now() - proc.startedAtMs;
    if (uptimeMs > STABLE_AFTER_MS) this.#restartDelayMs = RESTART_MIN_DELAY_MS;
    const delayMs = this.#restartDelayMs;
    this.#restartDelayMs = Math.min(delayMs * 2, RESTART_MAX_DELAY_MS);
    this.#restarting = new Promise<void>((resolve) => clock.setTimeout(resolve, delayMs)).then(
      async () => {
        if (this.#isStopping) return;
        // A failed restart is retried the same way: the workers' own start
        // failures meanwhile count toward the pool's restart intensity.
        await this.#spawn().catch(() => this.#onExit(proc));
      },
    );
  }
}

type Answer =
  | { readonly ready: { readonly pid: number } }
  | {
      readonly fault: {
        readonly code: string;
        readonly message: string;
        readonly traceback?: string;
      };
    };

/** Reads the fork server's one JSON line from its fd 3. */
function readAnswer(proc: ManagedProcess, timeoutMs: number, clock: Clock): Promise<Answer> {
  return new Promise((resolve) => {
    let text = '';
    const finish = (answer: Answer): void => {
      timer.cancel();
      proc.control.removeListener('data', onData);
      resolve(answer);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end < 0) return;
      try {
        finish(JSON.parse(text.slice(0, end)) as Answer);
      } catch {
        finish({ fault: { code: 'PROTOCOL', message: `unexpected answer ${text.slice(0, end)}` } });
      }
    };
    const timer = clock.setTimeout(
      () => finish({ fault: { code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms` } }),
      timeoutMs,
    );
    proc.control.on('data', onData);
    void proc.exited.then((exit) =>
      finish({
        fault: {
          code: 'EXITED',
          message: `exited during start (code ${exit.exitCode ?? '-'}, signal ${exit.signal ?? '-'})`,
        },
      }),
    );
  });
}
