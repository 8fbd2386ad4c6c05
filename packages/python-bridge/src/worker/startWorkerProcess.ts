import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventBus, SnakepitError, realClock } from '@snakepit/core/runtime';
import { createRunDir, spawnProcess } from '@snakepit/core/process';
import type { Clock } from '@snakepit/core/runtime';
import type { ManagedProcess } from '@snakepit/core/process';
import type { v1 } from '@snakepit/proto';
import { ControlChannel } from '../control/ControlChannel.js';
import type { ResolvedHeartbeatOptions } from '../heartbeat/detectionBudget.js';
import { selfTerminationWindowMs } from '../heartbeat/detectionBudget.js';
import { WorkerProcess } from './WorkerProcess.js';
import { messageLimitBytes } from '../client/messageLimit.js';
import { forkWorker } from './forkWorker.js';
import { relayedOutput } from './relayedOutput.js';
import { workerIncompatibility } from './workerCompatibility.js';
import { workerMismatchError } from './workerMismatchError.js';
import type { OutputHandler } from './relayedOutput.js';
import type { ForkServerAddress } from './forkWorker.js';

/** The variable grpcio reads to install its fork handlers (ADR 0007). */
export const GRPC_FORK_SUPPORT_ENV = 'GRPC_ENABLE_FORK_SUPPORT';

/** Directory holding the `snakepit_worker` Python package. */
export const PYTHON_PACKAGE_DIR = fileURLToPath(new URL('../../python', import.meta.url));

/**
 * Everything needed to launch one worker, already validated and resolved.
 * Plain data (structured-cloneable), so an actor thread can receive it.
 */
export interface WorkerLaunch {
  readonly workerId: string;
  readonly runId: string;
  /** The pool the worker belongs to, carried by its events; absent for a worker on its own. */
  readonly poolId?: string | undefined;
  /** Absolute interpreter path (see `resolvePython`). */
  readonly python: string;
  readonly adapter: string;
  readonly pythonPath: readonly string[];
  readonly startTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  readonly killAfterMs: number;
  readonly maxConcurrency: number;
  readonly maxPayloadBytes: number;
  /** The data plane the worker serves: without one, the worker's own default, gRPC (pools always set it). */
  readonly transport?: 'grpc' | 'framed' | undefined;
  readonly heartbeat: ResolvedHeartbeatOptions | false;
  /** Overrides the derived self-termination window; 0 disables it. */
  readonly selfTerminateAfterMs?: number | undefined;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string | undefined;
  /** Identity token of the process (as reserved in the run registry); random when absent. */
  readonly token?: string | undefined;
  /** The run's cgroup directory: the worker gets its own cgroup inside it. */
  readonly runCgroup?: string | undefined;
  /** Fork the worker from the pool's fork server instead of spawning it (`start: 'forkserver'`). */
  readonly forkServer?: ForkServerAddress | undefined;
}

/**
 * Spawns `python -m snakepit_worker` in its own process group from the
 * calling thread and waits for its `Ready` frame. Imports neither gRPC nor
 * the options schema, so that actor threads start fast.
 *
 * @throws {SnakepitError} `SPAWN_FAILED`, `WORKER_START_FAILED` (with the
 *   Python traceback when the adapter failed to import), `WORKER_START_TIMEOUT`,
 *   or `WORKER_VERSION_MISMATCH` when its `snakepit_worker` is of another
 *   release line or protocol than this package.
 */
export async function startWorkerProcess(
  launch: WorkerLaunch,
  { bus = new EventBus(), clock = realClock }: { bus?: EventBus; clock?: Clock } = {},
): Promise<WorkerProcess> {
  const { workerId, runId } = launch;
  const eventBase = (pid: number | undefined) => ({
    ...{ workerId, runId, pid, timestampMs: clock.wallNow() },
    ...(launch.poolId === undefined ? {} : { poolId: launch.poolId }),
  });
  const stderrTail: string[] = [];
  const spawned: { pid?: number } = {};
  // One socket per process: a recycled worker's replacement binds while its
  // predecessor still drains.
  const socketPath = join(
    createRunDir(runId),
    `${workerId}.${randomBytes(4).toString('hex')}.sock`,
  );
  const argv = [
    ...['--snakepit-run-id', runId, '--adapter', launch.adapter],
    ...['--socket', socketPath],
    ...['--max-concurrency', String(launch.maxConcurrency)],
    ...(launch.transport === 'framed' ? ['--transport', 'framed'] : []),
  ];
  const workerEnv = {
    SNAKEPIT_MAX_MESSAGE_BYTES: String(messageLimitBytes(launch.maxPayloadBytes)),
    SNAKEPIT_PING_TIMEOUT_MS: String(
      launch.selfTerminateAfterMs ?? selfTerminationWindowMs(launch.heartbeat),
    ),
  };
  const onOutput: OutputHandler = (stream, line, facts) => {
    // `logging` records (stream `control`) used to reach stderr through Python's last-resort handler.
    if (stream !== 'stdout') stderrTail.splice(0, stderrTail.length - 19, line);
    bus.emit('snakepit.worker.log', { ...eventBase(spawned.pid), stream, line, ...facts });
  };
  const proc = launch.forkServer
    ? await forkWorker({
        ...{ forkServer: launch.forkServer, runId, workerId, argv, clock },
        env: { ...workerEnv, SNAKEPIT_WORKER_ID: workerId },
        runCgroup: launch.runCgroup,
        deadlineMs: clock.now() + launch.startTimeoutMs,
      })
    : await spawnProcess({
        command: launch.python,
        args: ['-m', 'snakepit_worker', ...argv],
        runId,
        workerId,
        ...(launch.token === undefined ? {} : { token: launch.token }),
        runCgroup: launch.runCgroup,
        env: { ...pythonEnv(launch), ...workerEnv },
        ...(launch.cwd === undefined ? {} : { cwd: launch.cwd }),
        clock,
        onOutput,
      });
  spawned.pid = proc.pid;
  // The worker unlinks its socket when it exits by itself; not when it is
  // SIGKILLed (the soak test found one file left per crash until the run ended).
  void proc.exited.then(() => rmSync(socketPath, { force: true }));
  const handshake = await awaitReady(proc, launch.startTimeoutMs, clock, onOutput);
  // A worker of another release line may misread what we send: refuse it
  // before the first Ping.
  const incompatibility = handshake.ready && workerIncompatibility(handshake.ready);
  if (!handshake.ready || incompatibility) {
    await proc.stop({
      cause: 'start_failed',
      gracefulTimeoutMs: 0,
      killAfterMs: launch.killAfterMs,
    });
    throw handshake.ready && incompatibility
      ? await workerMismatchError({
          ...{ workerId, incompatibility, ready: handshake.ready, python: launch.python },
          ...{ env: pythonEnv(launch), cwd: launch.cwd, shippedDir: PYTHON_PACKAGE_DIR },
        })
      : startError(handshake, workerId, stderrTail);
  }
  bus.emit('snakepit.worker.process.started', {
    ...eventBase(proc.pid),
    startMs: clock.now() - proc.startedAtMs,
    grpcAddress: handshake.ready.grpcAddress,
  });
  const settings = {
    heartbeat: launch.heartbeat,
    shutdownTimeoutMs: launch.shutdownTimeoutMs,
    killAfterMs: launch.killAfterMs,
  };
  const { channel, ready } = handshake;
  return new WorkerProcess({
    ...{ id: workerId, runId, poolId: launch.poolId, proc, channel, ready, bus, clock, settings },
    onOutput,
  });
}

interface Handshake {
  readonly channel: ControlChannel;
  readonly ready?: v1.Ready;
  readonly fault?: v1.Fault;
  readonly problem?: string;
}

/**
 * The environment of a worker (or of the fork server): gRPC's fork support
 * off, PYTHONPATH, and the user's variables (which win over our defaults).
 */
export function pythonEnv(launch: WorkerLaunch): Record<string, string> {
  return {
    // With grpcio's fork handlers on (its default in current releases), 20-40 %
    // of the children a handler forks die at once with SIGSEGV. The worker's
    // gRPC never crosses a fork, so it needs none: docs/adr/0007-grpc-fork-support.md.
    [GRPC_FORK_SUPPORT_ENV]: '0',
    ...launch.env,
    PYTHONPATH: [PYTHON_PACKAGE_DIR, ...launch.pythonPath, process.env.PYTHONPATH ?? '']
      .filter(Boolean)
      .join(':'),
    PYTHONUNBUFFERED: '1',
  };
}

function awaitReady(
  proc: ManagedProcess,
  timeoutMs: number,
  clock: Clock,
  onOutput: OutputHandler,
): Promise<Handshake> {
  return new Promise((resolve) => {
    let fault: v1.Fault | undefined;
    let isDone = false;
    const finish = (result: Omit<Handshake, 'channel'>): void => {
      if (isDone) return;
      isDone = true;
      timer.cancel();
      resolve({ channel, ...result, ...(fault ? { fault } : {}) });
    };
    const channel = new ControlChannel(proc.control, {
      onFrame: (frame) => {
        if (relayedOutput(frame, onOutput)) return;
        if (frame.ready) finish({ ready: frame.ready as v1.Ready });
        else if (frame.fault) fault = frame.fault as v1.Fault;
      },
      onClose: (error) =>
        finish({ problem: error?.message ?? 'control channel closed before Ready' }),
    });
    const timer = clock.setTimeout(
      () => finish({ problem: `no Ready within ${timeoutMs} ms` }),
      timeoutMs,
    );
    void proc.exited.then((exit) =>
      finish({
        problem: `exited during start (code ${exit.exitCode ?? '-'}, signal ${exit.signal ?? '-'})`,
      }),
    );
  });
}

function startError(
  handshake: Handshake,
  workerId: string,
  stderrTail: readonly string[],
): SnakepitError {
  const { fault, problem } = handshake;
  if (fault) {
    const error = fault.error;
    const traceback = error?.traceback ? `\n${error.traceback}` : '';
    return new SnakepitError(
      'WORKER_START_FAILED',
      `Worker ${workerId} failed to start (${fault.code}): ${fault.message}${traceback}`.trimEnd(),
      { details: { workerId, faultCode: fault.code, pythonType: error?.type } },
    );
  }
  const code = problem?.startsWith('no Ready') ? 'WORKER_START_TIMEOUT' : 'WORKER_START_FAILED';
  const tail = stderrTail.length > 0 ? `\nLast stderr lines:\n${stderrTail.join('\n')}` : '';
  return new SnakepitError(code, `Worker ${workerId} did not become ready: ${problem}.${tail}`, {
    details: { workerId },
  });
}
