import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { spawnActor } from '@snakepit/actors';
import type { ActorHost, ActorRef, ChildSpec } from '@snakepit/actors';
import type { EventBus } from '@snakepit/core';
import type { RunRegistry } from '@snakepit/core/run';
import type { WorkerLaunch } from '../worker/startWorkerProcess.js';
import type { ResolvedPoolOptions } from './PoolOptions.js';
import type { Semaphore } from './Semaphore.js';
import type { WorkerSlot } from './WorkerSlot.js';
import workerActor from './workerActor.js';
import type { WorkerActor } from './workerActor.js';

// Worker threads run compiled JavaScript: from the sources (tests), use dist.
const WORKER_ACTOR_MODULE = fileURLToPath(new URL('./workerActor.js', import.meta.url)).replace(
  /\/src\/pool\/workerActor\.js$/,
  '/dist/pool/workerActor.js',
);

/** What every worker child of a pool shares. */
export interface WorkerChildContext {
  readonly host: ActorHost | undefined;
  /** Where inline actors send their events and signals (the pool's relay, see `workerSignals`). */
  readonly events: EventBus;
  readonly registry: RunRegistry;
  /** Bounds the workers between spawn and Ready (`startConcurrency`). */
  readonly gate: Semaphore;
  /** Told every abnormal exit of a worker actor, and every actor that could not start (for the pool's start error). */
  readonly onExit: (slot: WorkerSlot, error: Error) => void;
}

/**
 * The supervisor's child spec for one pool slot. `start` reserves the slot in
 * the run registry (before anything is spawned), starts the worker actor and
 * returns it at once; the actor then spawns and handshakes on its own thread.
 */
export function workerChildSpec(
  slot: WorkerSlot,
  launch: WorkerLaunch,
  options: ResolvedPoolOptions,
  { host, events, registry, gate, onExit }: WorkerChildContext,
): ChildSpec {
  return {
    id: slot.id,
    restart: 'permanent',
    // The kill ladder must finish inside the budget: a thread terminated
    // before its child is reaped leaves a zombie
    // (docs/architecture.md#children-of-an-ended-thread-stay-zombies).
    shutdown: options.shutdownTimeoutMs + options.killAfterMs + 2_000,
    async start() {
      await gate.acquire();
      // A forked worker's environment is its fork server's: so is its token.
      const token = launch.forkServer?.token ?? randomBytes(16).toString('hex');
      registry.reserve(slot.id, token);
      slot.starting(token);
      let actor: ActorRef<WorkerActor>;
      try {
        actor = host
          ? await host.spawn<WorkerActor>(
              WORKER_ACTOR_MODULE,
              { ...launch, token },
              { id: slot.id },
            )
          : await spawnActor(workerActor, { ...launch, token }, { id: slot.id, events });
      } catch (error) {
        gate.release();
        slot.exited(error as Error);
        onExit(slot, error as Error);
        throw error;
      }
      let isReleased = false;
      const release = () => {
        if (isReleased) return;
        isReleased = true;
        gate.release();
      };
      slot.spawned(actor, release);
      void actor.exited.then((reason) => {
        release();
        const error = reason instanceof Error ? reason : undefined;
        slot.exited(error);
        if (error) onExit(slot, error);
      });
      return actor;
    },
  };
}
