import { availableParallelism } from 'node:os';
import { createActorHost, createDynamicSupervisor } from '@snakepit/actors';
import type { ActorHost } from '@snakepit/actors';
import { EventBus, SnakepitError, realClock } from '@snakepit/core';
import type { Clock } from '@snakepit/core';
import { parseOptions } from '@snakepit/core/options';
import { createRunId, openRun } from '@snakepit/core/run';
import type { RunResources } from '@snakepit/core/run';
import { toWorkerLaunch } from '../worker/startPythonWorker.js';
import type { WorkerLaunch } from '../worker/startWorkerProcess.js';
import { ForkServer } from '../forkserver/ForkServer.js';
import { Pool } from './Pool.js';
import { poolOptionsSchema } from './PoolOptions.js';
import type { PoolOptions, ResolvedPoolOptions } from './PoolOptions.js';
import { Semaphore } from './Semaphore.js';
import { WorkerSlots } from './WorkerSlots.js';
import { startWorkers } from './startWorkers.js';
import { workerChildSpec } from './workerChildSpec.js';
import { createSignalRelay } from './workerSignals.js';
import { resolvePlacement } from './resolvePlacement.js';

/**
 * Starts a supervised pool of Python workers and resolves once every worker
 * is ready. Each worker's process is owned by an actor on a thread of its
 * own or on a shared one (`placement`), supervised one-for-one with backoff; when restarts exceed
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
  // The launch is cloned to the actor threads: a strategy's functions cannot go there.
  const { restart: _restart, ...cloneable } = resolved;
  const { workerId: _unused, ...launchBase } = await toWorkerLaunch(
    { ...cloneable, workerId: 'w' },
    runId,
  );
  const run = await openRun(runId, { ...resolved, bus });
  const forkServer = await startForkServer(resolved, launchBase, run, bus, clock);
  // The actors' events reach the public bus through the relay, which keeps
  // their private signals (readiness, liveness) for the slots.
  const events = createSignalRelay(bus, (signal) => slots.deliver(signal));
  const host = createHost(resolved, events, clock);
  const supervisor = createSupervisor(resolved, bus, clock);
  // Last: from here on the slots keep Node alive until the pool stops.
  const slots = new WorkerSlots({
    ...{ poolId: resolved.id, size: resolved.size, clock, bus },
    ...{ concurrency: resolved.concurrency, maxPayloadBytes: resolved.maxPayloadBytes },
    drainMs: resolved.shutdownTimeoutMs + resolved.killAfterMs,
    hasHeartbeat: resolved.heartbeat !== false,
    recordRunning: (workerId, pid, token) => run.recordRunning(workerId, pid, token),
  });
  const pool = new Pool({
    ...{ options: resolved, runId, bus, clock, supervisor, slots, tracer },
    closeHosts: async () => {
      await host?.close();
      await forkServer?.stop();
      await run.close();
    },
  });
  const context = { host, events, registry: run.registry };
  const gate = new Semaphore(startConcurrency(resolved));
  const launchOf = (workerId: string) => ({
    ...{ ...launchBase, workerId, poolId: resolved.id, runCgroup: run.cgroup },
    forkServer: forkServer?.address,
  });
  const failure = await startWorkers({
    ...{ poolId: resolved.id, slots, supervisor, startAttempts: resolved.startAttempts },
    specOf: (slot, onExit) =>
      workerChildSpec(slot, launchOf(slot.id), resolved, { ...context, gate, onExit }),
  });
  if (failure) {
    await pool.stop();
    throw failure;
  }
  return pool;
}

/** Starts the pool's fork server (`start: 'forkserver'`); closes the run if it cannot. */
async function startForkServer(
  options: ResolvedPoolOptions,
  launch: Omit<WorkerLaunch, 'workerId' | 'runCgroup'>,
  run: RunResources,
  bus: EventBus,
  clock: Clock,
): Promise<ForkServer | undefined> {
  if (options.start !== 'forkserver') return undefined;
  try {
    return await ForkServer.start({
      launch: { ...launch, poolId: options.id, runCgroup: run.cgroup },
      id: `${options.id}.forkserver`,
      preload: options.forkServer.preload ?? [options.adapter],
      ...{ registry: run.registry, bus, clock },
    });
  } catch (error) {
    await run.close();
    throw new SnakepitError(
      'POOL_STOPPED',
      `Pool ${options.id} could not start its fork server: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The pool's dynamic supervisor: `restart.strategy` (one-for-one), restarts bounded by `restart`. */
function createSupervisor(options: ResolvedPoolOptions, bus: EventBus, clock: Clock) {
  return createDynamicSupervisor({
    id: options.id,
    strategy: options.restart.strategy ?? 'one_for_one',
    maxRestarts: options.restart.maxRestarts ?? Math.max(3, 2 * options.size),
    periodMs: options.restart.periodMs,
    backoff: options.restart.backoff,
    events: bus,
    clock,
  });
}

function startConcurrency(options: ResolvedPoolOptions): number {
  const cores = availableParallelism();
  return options.startConcurrency ?? (options.start === 'forkserver' ? 8 * cores : cores);
}

function createHost(
  options: ResolvedPoolOptions,
  events: EventBus,
  clock: Clock,
): ActorHost | undefined {
  const threads = availableParallelism();
  const placement = resolvePlacement(options.placement, options.size, threads);
  if (placement === 'inline') return undefined;
  // piscina fills one thread up to actorsPerThread before opening the next:
  // spread a shared pool over the cores instead of piling it on one thread.
  const shared =
    placement === 'shared'
      ? { maxThreads: threads, actorsPerThread: Math.ceil(options.size / threads) }
      : {};
  // The worker actor's own start is quick (the handshake continues after it).
  return createActorHost({
    placement,
    events,
    clock,
    startTimeoutMs: 30_000,
    ...shared,
  });
}
