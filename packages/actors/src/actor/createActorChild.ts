import { SnakepitError } from '@snakepit/core';
import type { ChildSpec } from '../child/ChildSpec.js';
import type { MessageType } from './ActorBehavior.js';
import type { ActorRef, AskArgs, PayloadArgs } from './ActorRef.js';

/** Options of {@link createActorChild}. */
export interface ActorChildOptions<B> extends Omit<ChildSpec, 'start'> {
  /** Starts one incarnation of the actor (inline or on a thread). */
  start(): Promise<ActorRef<B>>;
}

/** A supervised actor: its child spec and an address that survives restarts. */
export interface ActorChild<B> {
  readonly spec: ChildSpec;
  /**
   * Always reaches the current incarnation. Between incarnations `tell` is
   * dropped and `ask` rejects with `ACTOR_STOPPED`.
   */
  readonly ref: Pick<ActorRef<B>, 'id' | 'tell' | 'ask' | 'isRunning'>;
}

/**
 * Makes an actor a supervised child (a registered name, in OTP terms): give
 * `spec` to a supervisor and talk to the actor through `ref`.
 */
export function createActorChild<B>(options: ActorChildOptions<B>): ActorChild<B> {
  let current: ActorRef<B> | undefined;
  const spec: ChildSpec = {
    ...options,
    async start() {
      const ref = await options.start();
      current = ref;
      return ref;
    },
  };
  const ref: ActorChild<B>['ref'] = {
    id: options.id,
    get isRunning() {
      return current?.isRunning ?? false;
    },
    tell<K extends MessageType<B>>(type: K, ...payload: PayloadArgs<B, K>) {
      current?.tell(type, ...payload);
    },
    ask<K extends MessageType<B>>(type: K, ...args: AskArgs<B, K>) {
      if (current?.isRunning) return current.ask(type, ...args);
      return Promise.reject(
        new SnakepitError('ACTOR_STOPPED', `actor "${options.id}" is not running`, {
          details: { actorId: options.id },
        }),
      );
    },
  };
  return { spec, ref };
}
