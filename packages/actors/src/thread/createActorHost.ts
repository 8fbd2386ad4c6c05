import { realClock, type Clock, type EventBus } from '@snakepit/core';
import { availableParallelism } from 'node:os';
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { AnyActorBehavior, ArgsOf } from '../actor/ActorBehavior.js';
import type { ActorRef } from '../actor/ActorRef.js';
import { nextActorId } from '../actor/spawnActor.js';
import { invalidOption } from '@snakepit/core';
import type { ActorTask, WireExit } from './protocol.js';
import { ThreadActor } from './ThreadActor.js';

/** Where thread actors run: one per thread, or many on a few threads. */
export type Placement = 'dedicated' | 'shared';

/** Options of {@link createActorHost}. */
export interface ActorHostOptions {
  /** @default 'dedicated' */
  readonly placement?: Placement;
  /** Threads at most: actors at once for `dedicated`; the pool size for `shared`. @default 256 dedicated, availableParallelism() shared */
  readonly maxThreads?: number;
  /** `shared` only: actors per thread at most. @default 1000 */
  readonly actorsPerThread?: number;
  /** V8 limits of each thread; exceeding them ends the thread (its actors exit with an error). @default none */
  readonly resourceLimits?: ResourceLimits;
  /** How long an actor may take to start, ms. @default 10000 */
  readonly startTimeoutMs?: number;
  /** After a `brutal_kill` stop, how long before the thread is terminated, ms. @default 1000 */
  readonly killGraceMs?: number;
  /** Receives the actors' events and thread terminations. @default none */
  readonly events?: EventBus;
  /** For start timeouts, stop budgets and ask timeouts. @default realClock */
  readonly clock?: Clock;
}

/** Options of {@link ActorHost.spawn}. */
export interface SpawnThreadActorOptions {
  /** @default 'actor-<n>' */
  readonly id?: string;
  /** The module export holding the behaviour. @default 'default' */
  readonly exportName?: string;
}

/** Counters of an {@link ActorHost}. */
export interface ActorHostStats {
  readonly actors: number;
  readonly threads: number;
  /** Threads terminated as a last resort (an actor did not stop in time). */
  readonly threadsTerminated: number;
}

/** Worker threads hosting actors (piscina). */
export interface ActorHost {
  readonly placement: Placement;
  /**
   * Starts an actor on a thread from a behaviour module (a file URL or
   * absolute path of compiled JavaScript, default export unless told).
   * @throws the `start` hook's error; `ACTOR_START_TIMEOUT`.
   */
  spawn<B extends AnyActorBehavior>(
    module: string | URL,
    args: ArgsOf<B>,
    options?: SpawnThreadActorOptions,
  ): Promise<ActorRef<B>>;
  /** Current counts of actors and threads. */
  stats(): ActorHostStats;
  /** Kills every actor and ends every thread. */
  close(): Promise<void>;
}

/** Defaults of {@link ActorHostOptions}. */
export const DEFAULT_ACTOR_HOST_OPTIONS = {
  placement: 'dedicated',
  actorsPerThread: 1000,
  startTimeoutMs: 10_000,
  killGraceMs: 1000,
} as const;

/** Creates a host of actors on worker threads. @throws SnakepitError `INVALID_OPTIONS` */
export function createActorHost(options: ActorHostOptions = {}): ActorHost {
  const o = { ...DEFAULT_ACTOR_HOST_OPTIONS, clock: realClock, ...options };
  if (o.placement !== 'dedicated' && o.placement !== 'shared')
    throw invalidOption('placement', o.placement, "'dedicated' or 'shared'");
  const maxThreads = o.maxThreads ?? (o.placement === 'dedicated' ? 256 : availableParallelism());
  for (const [name, value] of Object.entries({
    maxThreads,
    actorsPerThread: o.actorsPerThread,
    startTimeoutMs: o.startTimeoutMs,
    killGraceMs: o.killGraceMs,
  })) {
    if (!Number.isInteger(value) || value < 1) throw invalidOption(name, value, 'an integer ≥ 1');
  }
  const pool = new Piscina({
    filename: threadEntryUrl(),
    minThreads: 0,
    maxThreads,
    // Long-lived tasks need idle threads kept and async-only atomics:
    // docs/architecture.md#long-lived-piscina-tasks.
    idleTimeout: Infinity,
    atomics: 'disabled',
    concurrentTasksPerWorker: o.placement === 'dedicated' ? 1 : o.actorsPerThread,
    ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}),
  });
  const actors = new Set<ThreadActor<AnyActorBehavior>>();
  let threadsTerminated = 0;
  const host = {
    clock: o.clock,
    events: o.events,
    killGraceMs: o.killGraceMs,
    terminateThread(threadId: number, actorId: string, why: string) {
      const worker = pool.threads.find((w) => w.threadId === threadId);
      if (!worker) return;
      threadsTerminated += 1;
      o.events?.emit('snakepit.actor.thread.terminated', {
        actorId,
        threadId,
        reason: why,
        timestampMs: o.clock.wallNow(),
      });
      void worker.terminate();
    },
  };
  return {
    placement: o.placement,
    async spawn<B extends AnyActorBehavior>(
      module: string | URL,
      args: ArgsOf<B>,
      spawnOptions: SpawnThreadActorOptions = {},
    ) {
      const { port1, port2 } = new MessageChannel();
      const actor = new ThreadActor<B>(spawnOptions.id ?? nextActorId(), port1, host);
      const moduleUrl =
        module instanceof URL ? module.href : module.startsWith('/') ? `file://${module}` : module;
      const task: ActorTask = {
        port: port2,
        actorId: actor.id,
        moduleUrl,
        exportName: spawnOptions.exportName ?? 'default',
        args,
      };
      const run = pool.run(task, { transferList: [port2] }) as Promise<WireExit>;
      actors.add(actor);
      void actor.exited.then(() => actors.delete(actor));
      await actor.waitStarted(run, o.startTimeoutMs);
      return actor;
    },
    stats: () => ({ actors: actors.size, threads: pool.threads.length, threadsTerminated }),
    async close() {
      await Promise.all([...actors].map((actor) => actor.stop('shutdown', 'brutal_kill')));
      await pool.destroy();
    },
  };
}

/** The built thread entry, also when this module runs from TypeScript sources (tests). */
function threadEntryUrl(): string {
  if (import.meta.url.endsWith('.ts'))
    return new URL('../../dist/thread/threadTask.js', import.meta.url).href;
  return new URL('./threadTask.js', import.meta.url).href;
}
