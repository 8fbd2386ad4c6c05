import { availableParallelism } from 'node:os';
import { createActorHost, createDynamicSupervisor } from '@snakepit/actors';
import type { ActorHost } from '@snakepit/actors';
import { EventBus, SnakepitError, createRunId, parseOptions, realClock } from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import { toWorkerLaunch } from '../worker/startPythonWorker.js';
import { ForkServer } from '../forkserver/ForkServer.js';
import { openRun } from './openRun.js';
import type { RunResources } from './openRun.js';
import { Pool } from './Pool.js';
import { poolOptionsSchema } from './PoolOptions.js';
import type { PoolOptions, ResolvedPoolOptions } from './PoolOptions.js';
import { Semaphore } from './Semaphore.js';
import { WorkerSlot } from './WorkerSlot.js';
import type { PoolWorkerState } from './PoolEvents.js';
import { workerChildSpec } from './workerChildSpec.js';

/**
 * Starts a supervised pool of Python workers and resolves once every worker
 * is ready. Each worker's process is owned by an actor on its own thread
 * (`placement`), supervised one-for-one with backoff; when restarts exceed
 * the intensity the pool stops and emits `snakepit.pool.failed`.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS`, `PYTHON_NOT_FOUND`,
 *   `PYTHON_DEPS_MISSING`, or `POOL_STOPPED` when the workers cannot start:
 *   one failed `startAttempts` starts in a row, or restarts exceeded the
 *   intensity (with the last start error as `cause`). It always settles.
 */
export async function createPool(options: PoolOptions = {}): Promise<Pool> {
  const { bus = new EventBus(), clock = realClock, tracer, ...rest } = options;
  const resolved = parseOptions(poolOptionsSchema, rest, 'pool');
  const runId = resolved.runId ?? createRunId();
  const { workerId: _unused, ...launchBase } = await toWorkerLaunch(
    { ...resolved, workerId: 'w' },
    runId,
  );
  const run = await openRun(runId, { ...resolved, bus });
  let forkServer: ForkServer | undefined;
  if (resolved.start === 'forkserver') {
    try {
      forkServer = await ForkServer.start({
        launch: { ...launchBase, runCgroup: run.cgroup },
        id: `${resolved.id}.forkserver`,
        preload: resolved.forkServer.preload ?? [resolved.adapter],
        ...{ registry: run.registry, bus, clock },
      });
    } catch (error) {
      await run.close();
      throw new SnakepitError(
        'POOL_STOPPED',
        `Pool ${resolved.id} could not start its fork server: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  const host = createHost(resolved, bus, clock);
  const supervisor = createDynamicSupervisor({
    id: resolved.id,
    maxRestarts: resolved.restart.maxRestarts ?? Math.max(3, 2 * resolved.size),
    periodMs: resolved.restart.periodMs,
    backoff: resolved.restart.backoff,
    events: bus,
    clock,
  });
  const slots: WorkerSlot[] = [];
  const pool = new Pool({
    ...{ options: resolved, runId, bus, clock, supervisor, slots, tracer },
    closeHosts: async () => {
      await host?.close();
      await forkServer?.stop();
      await run.close();
    },
  });
  for (let i = 1; i <= resolved.size; i++) {
    slots.push(
      new WorkerSlot(
        `${resolved.id}.w${i}`,
        clock,
        (slot, from) => {
          bus.emit('snakepit.pool.worker.state', {
            poolId: pool.id,
            workerId: slot.id,
            from,
            to: slot.state,
          });
          pool.onSlotChanged(slot);
        },
        resolved.maxPayloadBytes,
      ),
    );
  }
  routeWorkerEvents(bus, slots, run, clock, resolved.shutdownTimeoutMs + resolved.killAfterMs);
  bus.on('snakepit.worker.heartbeat.received', (e) => {
    const slot = slots.find((s) => s.id === e.workerId);
    if (slot && e.inFlight !== undefined) pool.onWorkerInFlight(slot, e.inFlight);
  });
  const exits: { last?: Error } = {};
  const allReady = Promise.all(slots.map((slot) => whenState(bus, slot, 'ready')));
  const startFailures = new StartFailures(resolved.startAttempts);
  const context = {
    ...{ host, bus, registry: run.registry, gate: new Semaphore(startConcurrency(resolved)) },
    onExit: (slot: WorkerSlot, error: Error) => {
      exits.last = error;
      startFailures.add(slot, error);
    },
  };
  // Timers are unref'd (they must not keep an app alive), so during restart
  // backoff nothing else would: keep the process up until this start settles.
  const keepAlive = setInterval(() => {}, 60_000);
  // A child whose actor cannot even be created fails `startChild`, and a
  // supervisor that gave up refuses the next: the pool must still be stopped.
  let startError: Error | undefined;
  try {
    for (const slot of slots) {
      if (startFailures.isExhausted) break;
      await supervisor.startChild(
        workerChildSpec(
          slot,
          {
            ...{ ...launchBase, workerId: slot.id, runCgroup: run.cgroup },
            forkServer: forkServer?.address,
          },
          resolved,
          context,
        ),
      );
    }
  } catch (error) {
    startError = error as Error;
  }
  const outcome =
    startError === undefined
      ? await Promise.race([
          allReady.then(() => 'ready' as const),
          supervisor.exited.then(() => 'failed' as const),
          startFailures.exhausted.then(() => 'exhausted' as const),
        ])
      : startFailures.isExhausted
        ? 'exhausted'
        : 'failed';
  clearInterval(keepAlive);
  startFailures.close();
  if (outcome !== 'ready') {
    await pool.stop();
    const why =
      outcome === 'exhausted'
        ? startFailures.describe()
        : (exits.last?.message ?? startError?.message ?? 'they kept failing');
    throw new SnakepitError(
      'POOL_STOPPED',
      `Pool ${resolved.id} could not start its workers: ${why}`,
      { cause: outcome === 'exhausted' ? startFailures.last : (exits.last ?? startError) },
    );
  }
  return pool;
}

/**
 * Settles `exhausted` when, while `createPool` runs, a slot has failed
 * `startAttempts` starts in a row (`WorkerSlot.failedStarts`). Without it a
 * fault that outlasts every retry (no descriptors left, an import that fails
 * slowly) but stays under the restart intensity, which backoff spreads out,
 * would keep `createPool` pending for ever.
 */
class StartFailures {
  readonly exhausted: Promise<void>;
  /** The slot that ran out of attempts, its count then, and its last start error. */
  #culprit: { slotId: string; count: number; error: Error } | undefined;
  readonly #attempts: number;
  #settle: () => void = () => {};
  #isOpen = true;

  constructor(attempts: number) {
    this.#attempts = attempts;
    this.exhausted = new Promise((resolve) => (this.#settle = resolve));
  }

  get isExhausted(): boolean {
    return this.#culprit !== undefined;
  }

  get last(): Error | undefined {
    return this.#culprit?.error;
  }

  add(slot: WorkerSlot, error: Error): void {
    if (!this.#isOpen || this.#culprit || slot.failedStarts < this.#attempts) return;
    this.#culprit = { slotId: slot.id, count: slot.failedStarts, error };
    this.#settle();
  }

  describe(): string {
    const { slotId = '?', count = 0 } = this.#culprit ?? {};
    const times = count === 1 ? 'once' : `${count} times in a row`;
    return `worker ${slotId} failed to start ${times} (startAttempts: ${this.#attempts}): ${this.last?.message ?? 'no error recorded'}`;
  }

  close(): void {
    this.#isOpen = false;
  }
}

function startConcurrency(options: ResolvedPoolOptions): number {
  const cores = availableParallelism();
  return options.startConcurrency ?? (options.start === 'forkserver' ? 8 * cores : cores);
}

function createHost(
  options: ResolvedPoolOptions,
  bus: EventBus,
  clock: Clock,
): ActorHost | undefined {
  if (options.placement === 'inline') return undefined;
  // piscina fills one thread up to actorsPerThread before opening the next:
  // spread a shared pool over the cores instead of piling it on one thread.
  const threads = availableParallelism();
  const shared =
    options.placement === 'shared'
      ? { maxThreads: threads, actorsPerThread: Math.ceil(options.size / threads) }
      : {};
  // The worker actor's own start is quick (the handshake continues after it).
  return createActorHost({
    placement: options.placement,
    events: bus,
    clock,
    startTimeoutMs: 30_000,
    ...shared,
  });
}

/** Feeds worker events (forwarded from the actor threads) to their slots. */
function routeWorkerEvents(
  bus: EventBus,
  slots: readonly WorkerSlot[],
  run: RunResources,
  clock: Clock,
  drainMs: number,
): void {
  const bySlot = (workerId: string) => slots.find((slot) => slot.id === workerId);
  bus.on('snakepit.worker.process.started', (e) => {
    const slot = bySlot(e.workerId);
    if (!slot || e.pid === undefined || (slot.state !== 'starting' && !slot.isRecycling)) return;
    if (slot.token !== undefined) run.recordRunning(slot.id, e.pid, slot.token);
    slot.becomeReady(e.pid, e.grpcAddress, drainMs);
  });
  bus.on('snakepit.worker.heartbeat.received', (e) => {
    const slot = bySlot(e.workerId);
    if (!slot) return;
    slot.lastPongAtMs = clock.now();
    slot.rssBytes = e.rssBytes;
    if (slot.state === 'unhealthy') slot.setState(slot.inFlight > 0 ? 'busy' : 'ready');
  });
  bus.on('snakepit.worker.heartbeat.timeout', (e) => {
    const slot = bySlot(e.workerId);
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
