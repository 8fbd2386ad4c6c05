import { realClock, type Clock, type EventBus } from '@snakepit/core';
import type { AnyActorBehavior, ArgsOf } from './ActorBehavior.js';
import type { ActorRef } from './ActorRef.js';
import { InlineActor } from './InlineActor.js';

/** Options of {@link spawnActor}. */
export interface SpawnActorOptions {
  /** Names the actor in errors and events. @default 'actor-<n>' */
  readonly id?: string;
  /** For ask timeouts and stop budgets. @default realClock */
  readonly clock?: Clock;
  /** Where the actor's `context.emit` goes. @default none */
  readonly events?: EventBus;
}

let nextId = 0;

/** Generates a process-unique actor id. */
export function nextActorId(): string {
  nextId += 1;
  return `actor-${nextId}`;
}

/**
 * Starts an actor on the current thread (`inline` placement: for light
 * actors and for supervisors). Resolves once its `start` hook has run.
 * @throws what the `start` hook throws.
 */
export async function spawnActor<B extends AnyActorBehavior>(
  behavior: B,
  args: ArgsOf<B>,
  options: SpawnActorOptions = {},
): Promise<ActorRef<B>> {
  const actor = new InlineActor(behavior, {
    id: options.id ?? nextActorId(),
    clock: options.clock ?? realClock,
    events: options.events,
  });
  await actor.start(args);
  return actor;
}
