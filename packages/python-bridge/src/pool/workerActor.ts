import { EventBus, SnakepitError } from '@snakepit/core/runtime';
import type { ExitRecord, RecycleReason } from '@snakepit/core/runtime';
import type { ActorBehavior, ActorContext } from '@snakepit/actors';
import { startWorkerProcess } from '../worker/startWorkerProcess.js';
import type { WorkerLaunch } from '../worker/startWorkerProcess.js';
import type { WorkerProcess, WorkerStats } from '../worker/WorkerProcess.js';
import { sendWorkerSignal } from './workerSignals.js';

interface WorkerActorState {
  readonly launch: WorkerLaunch;
  readonly bus: EventBus;
  readonly context: ActorContext;
  /** The first start; later processes come from `recycle`. */
  readonly ready: Promise<WorkerProcess>;
  worker?: WorkerProcess;
  /** A replacement being started, and the process it replaces. */
  recycling?: Promise<void> | undefined;
  retiring?: WorkerProcess | undefined;
  /** Stop with SIGTERM → SIGKILL, without the Shutdown rung (the pool's drain ran out). */
  isGracefulStopSkipped?: boolean;
}

/**
 * The actor that owns one Python process, on its own thread: it spawns the
 * process from this thread (so PR_SET_PDEATHSIG and libuv's reaping belong
 * here), runs the heartbeat, and stops the process with the kill ladder
 * before the actor ends, so the thread never leaves an unreaped child.
 *
 * `start` returns at once and the handshake continues (Elixir's
 * handle_continue): the supervisor is not blocked, workers start
 * concurrently, and a failed start is an exit that counts toward intensity.
 * Readiness, Pongs and missed Pings reach the pool's slot as private
 * signals (`workerSignals`), never through the public events, and no
 * message waits in the mailbox meanwhile.
 */
const handlers = {
  stats(state: WorkerActorState): WorkerStats | undefined {
    return state.worker?.stats;
  },
  ping(state: WorkerActorState): Promise<number> | undefined {
    return state.worker?.ping();
  },
  recordLife(state: WorkerActorState): void {
    state.worker?.recordLife();
  },
  /**
   * Replaces the process: starts a new one, and once it is ready (its
   * `ready` signal moves the pool's traffic to it) stops the old
   * one gracefully, letting its calls in flight finish. A replacement that
   * fails to start leaves the old process serving.
   */
  recycle(state: WorkerActorState, reason: RecycleReason): void {
    const old = state.worker;
    if (!old || state.recycling) return;
    state.recycling = startWorkerProcess(state.launch, { bus: state.bus }).then(
      (next) => {
        adopt(state, next);
        state.retiring = old;
        void old.stop('recycled', reason);
      },
      () => {},
    );
    void state.recycling.then(() => (state.recycling = undefined));
  },
  /** The actor's coming stop skips the Shutdown rung (see Pool.stop). */
  skipGracefulStop(state: WorkerActorState): void {
    state.isGracefulStopSkipped = true;
  },
  /** Kills the process (SIGTERM → SIGKILL); the actor then exits with the reason. */
  kill(state: WorkerActorState, reason: string): void {
    void state.worker?.kill('killed', reason);
  },
};

const workerActor: ActorBehavior<WorkerActorState, WorkerLaunch, typeof handlers> = {
  start: (launch: WorkerLaunch, context: ActorContext): WorkerActorState => {
    const bus = new EventBus();
    bus.onAny((name, payload) => context.emit(name, payload));
    const ready = startWorkerProcess(launch, { bus });
    const state: WorkerActorState = { launch, bus, context, ready };
    signalLiveness(state);
    ready.then(
      (worker) => adopt(state, worker),
      (error: unknown) => context.stop(error instanceof Error ? error : new Error(String(error))),
    );
    return state;
  },
  handlers,
  async stop(state: WorkerActorState): Promise<void> {
    await state.ready.catch(() => undefined);
    await state.recycling;
    const stop = (worker: WorkerProcess | undefined) =>
      state.isGracefulStopSkipped ? worker?.kill('shutdown') : worker?.stop('shutdown');
    await Promise.all([stop(state.worker), stop(state.retiring)]);
  },
};

/** Makes `worker` the actor's process (the slot's, from now on): its unexpected end ends the actor. */
function adopt(state: WorkerActorState, worker: WorkerProcess): void {
  state.worker = worker;
  sendWorkerSignal(state.context, {
    kind: 'ready',
    workerId: worker.id,
    pid: worker.pid,
    grpcAddress: worker.ready.grpcAddress,
    dataAddress: worker.ready.dataAddress,
  });
  void worker.exited.then((exit) => {
    if (state.worker === worker) state.context.stop(toExitReason(exit));
  });
}

/**
 * Tells the slot its current process's Pongs and missed Pings. A process
 * being retired after a recycle is no longer the slot's: its heartbeat is ignored.
 */
function signalLiveness(state: WorkerActorState): void {
  const { bus, context } = state;
  bus.on('snakepit.worker.heartbeat.received', (e) => {
    if (e.pid !== state.worker?.pid) return;
    const { workerId, rssBytes, inFlight } = e;
    sendWorkerSignal(context, { kind: 'pong', workerId, rssBytes, inFlight });
  });
  bus.on('snakepit.worker.heartbeat.timeout', (e) => {
    if (e.pid === state.worker?.pid) {
      sendWorkerSignal(context, { kind: 'heartbeatMissed', workerId: e.workerId });
    }
  });
}

/** The actor's exit reason for its process's end: normal for a stop asked for, else an error. */
function toExitReason(exit: ExitRecord): 'shutdown' | Error {
  switch (exit.cause) {
    case 'shutdown':
    case 'recycled':
      return 'shutdown';
    case 'heartbeat_timeout':
      return workerEnded('HEARTBEAT_TIMEOUT', exit);
    case 'crashed':
    case 'start_failed':
    case 'killed':
      return workerEnded('WORKER_CRASHED', exit);
  }
}

function workerEnded(code: 'HEARTBEAT_TIMEOUT' | 'WORKER_CRASHED', exit: ExitRecord): Error {
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.exitCode}`;
  return new SnakepitError(code, `Python worker ended (${exit.reason}, ${how})`, {
    details: { exit },
  });
}

export default workerActor;
export type WorkerActor = typeof workerActor;
