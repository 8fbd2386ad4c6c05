import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createActorHost, createDynamicSupervisor, spawnActor } from '@snakepit/actors';
import type { ActorHost, ActorRef, ChildSpec } from '@snakepit/actors';
import {
  EventBus,
  SnakepitError,
  parseOptions,
  realClock,
  removeRunDir,
  createRunDir,
} from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import { toWorkerLaunch } from '../worker/startPythonWorker.js';
import type { WorkerLaunch } from '../worker/startWorkerProcess.js';
import { Pool } from './Pool.js';
import { poolOptionsSchema } from './PoolOptions.js';
import type { PoolOptions, ResolvedPoolOptions } from './PoolOptions.js';
import { Semaphore } from './Semaphore.js';
import { WorkerSlot } from './WorkerSlot.js';
import workerActor from './workerActor.js';
import type { WorkerActor } from './workerActor.js';
import type { PoolWorkerState } from './PoolEvents.js';

// Worker threads run compiled JavaScript: from the sources (tests), use dist.
const WORKER_ACTOR_MODULE = fileURLToPath(new URL('./workerActor.js', import.meta.url)).replace(
  /\/src\/pool\/workerActor\.js$/,
  '/dist/pool/workerActor.js',
);

/**
 * Starts a supervised pool of Python workers and resolves once every worker
 * is ready. Each worker's process is owned by an actor on its own thread
 * (`placement`), supervised one-for-one with backoff; when restarts exceed
 * the intensity the pool stops and emits `snakepit.pool.failed`.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS`, `PYTHON_NOT_FOUND`,
 *   `PYTHON_DEPS_MISSING`, or `POOL_STOPPED` when the workers cannot start
 *   (with the first worker's start error as `cause`).
 */
export async function createPool(options: PoolOptions = {}): Promise<Pool> {
  const { bus = new EventBus(), clock = realClock, ...rest } = options;
  const resolved = parseOptions(poolOptionsSchema, rest, 'pool');
  const runId = resolved.runId ?? randomBytes(6).toString('hex');
  const { workerId: _unused, ...launchBase } = await toWorkerLaunch(
    { ...resolved, workerId: 'w' },
    runId,
  );
  const runDir = createRunDir(runId);
  const host: ActorHost | undefined =
    resolved.placement === 'inline'
      ? undefined
      : createActorHost({
          placement: resolved.placement,
          events: bus,
          clock,
          startTimeoutMs: 30_000,
        });
  const supervisor = createDynamicSupervisor({
    id: resolved.id,
    maxRestarts: resolved.restart.maxRestarts ?? Math.max(3, 2 * resolved.size),
    periodMs: resolved.restart.periodMs,
    backoff: resolved.restart.backoff,
    events: bus,
    clock,
  });
  let pool: Pool | undefined;
  const slots = Array.from(
    { length: resolved.size },
    (_, i) =>
      new WorkerSlot(`${resolved.id}.w${i + 1}`, clock, (slot, from) => {
        bus.emit('snakepit.pool.worker.state', {
          poolId: resolved.id,
          workerId: slot.id,
          from,
          to: slot.state,
        });
        pool?.onSlotChanged(slot);
      }),
  );
  routeWorkerEvents(bus, slots, clock, resolved.shutdownTimeoutMs + resolved.killAfterMs);
  const exits: { last?: Error } = {};
  pool = new Pool({
    options: resolved,
    runId,
    bus,
    clock,
    supervisor,
    slots,
    closeHosts: async () => {
      await host?.close();
      removeRunDir(runDir);
    },
  });
  const gate = new Semaphore(resolved.startConcurrency);
  const allReady = Promise.all(slots.map((slot) => whenState(bus, slot, 'ready')));
  const context = { host, bus, clock, gate, onExit: (error: Error) => (exits.last = error) };
  for (const slot of slots) {
    const launch: WorkerLaunch = { ...launchBase, workerId: slot.id };
    await supervisor.startChild(workerChildSpec(slot, launch, resolved, context));
  }
  const isReady = await Promise.race([
    allReady.then(() => true),
    supervisor.exited.then(() => false),
  ]);
  if (!isReady) {
    await pool.stop();
    const why = exits.last?.message ?? 'they kept failing';
    throw new SnakepitError(
      'POOL_STOPPED',
      `Pool ${resolved.id} could not start its workers: ${why}`,
      {
        cause: exits.last,
      },
    );
  }
  return pool;
}

interface SpecContext {
  readonly host: ActorHost | undefined;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly gate: Semaphore;
  /** Told every abnormal exit of a worker actor (for the start error). */
  readonly onExit: (error: Error) => void;
}

function workerChildSpec(
  slot: WorkerSlot,
  launch: WorkerLaunch,
  options: ResolvedPoolOptions,
  { host, bus, gate, onExit }: SpecContext,
): ChildSpec {
  return {
    id: slot.id,
    restart: 'permanent',
    // The kill ladder must finish inside the budget: a thread terminated
    // before its child is reaped leaves a zombie (FACTS.md).
    shutdown: options.shutdownTimeoutMs + options.killAfterMs + 2_000,
    async start() {
      await gate.acquire();
      let isReleased = false;
      const release = () => {
        if (!isReleased) ((isReleased = true), gate.release());
      };
      slot.starts++;
      slot.setState('starting');
      let actor: ActorRef<WorkerActor>;
      try {
        actor = host
          ? await host.spawn<WorkerActor>(WORKER_ACTOR_MODULE, launch, { id: slot.id })
          : await spawnActor(workerActor, launch, { id: slot.id, events: bus });
      } catch (error) {
        release();
        slot.becomeStopped();
        throw error;
      }
      slot.actor = actor;
      void Promise.race([whenState(bus, slot, 'ready'), actor.exited]).then(release);
      void actor.exited.then((reason) => {
        if (reason instanceof Error) onExit(reason);
        slot.becomeStopped();
      });
      return actor;
    },
  };
}

/** Feeds worker events (forwarded from the actor threads) to their slots. */
function routeWorkerEvents(
  bus: EventBus,
  slots: readonly WorkerSlot[],
  clock: Clock,
  drainMs: number,
): void {
  const byId = new Map(slots.map((slot) => [slot.id, slot]));
  bus.on('snakepit.worker.process.started', (e) => {
    const slot = byId.get(e.workerId);
    if (!slot || e.pid === undefined) return;
    if (slot.state === 'starting' || slot.isRecycling)
      slot.becomeReady(e.pid, e.grpcAddress, drainMs);
  });
  bus.on('snakepit.worker.heartbeat.received', (e) => {
    const slot = byId.get(e.workerId);
    if (!slot) return;
    slot.lastPongAtMs = clock.now();
    slot.rssBytes = e.rssBytes;
    if (slot.state === 'unhealthy') slot.setState(slot.inFlight > 0 ? 'busy' : 'ready');
  });
  bus.on('snakepit.worker.heartbeat.timeout', (e) => {
    const slot = byId.get(e.workerId);
    if (slot && (slot.state === 'ready' || slot.state === 'busy')) slot.setState('unhealthy');
  });
}

/** Resolves when the slot next enters `state`. */
function whenState(bus: EventBus, slot: WorkerSlot, state: PoolWorkerState): Promise<void> {
  return new Promise((resolve) => {
    const off = bus.on('snakepit.pool.worker.state', (e) => {
      if (e.workerId !== slot.id || e.to !== state) return;
      off();
      resolve();
    });
  });
}
