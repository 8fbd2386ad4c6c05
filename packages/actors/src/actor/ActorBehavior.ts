import type { SnakepitEventMap, SnakepitEventName } from '@snakepit/core';
import type { ExitReason } from '../exit/ExitReason.js';

/** What an actor's code can do besides keeping state. */
export interface ActorContext {
  readonly id: string;
  /** Aborted when the actor starts to stop: pass it to slow work. */
  readonly signal: AbortSignal;
  /** Emits an event on the app's event bus (forwarded from a worker thread). */
  emit<N extends SnakepitEventName>(name: N, payload: SnakepitEventMap[N]): void;
  /**
   * Stops this actor after the current message, with `reason` (`'normal'`:
   * a `transient` actor is then not restarted; an `Error`: it failed, as if a
   * handler had thrown — for faults noticed outside a message, such as a
   * child process that died). @default 'normal'
   */
  stop(reason?: 'normal' | 'shutdown' | Error): void;
}

/**
 * Handles one message type: gets the state, the payload and the context, and
 * returns the reply to an `ask` (or a promise of it). Throwing crashes the actor.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are typed per handler
export type MessageHandler<S> = (state: S, payload: any, context: ActorContext) => unknown;

/** The handlers of an actor, by message type. */
export type MessageHandlers<S> = Record<string, MessageHandler<S>>;

/**
 * An actor's code: `start` builds the state (a throw fails the start),
 * `handlers` receive messages one at a time in arrival order, `stop` runs
 * when it ends (with the reason: `shutdown`, `normal`, or the crash error).
 */
export interface ActorBehavior<S, A, H extends MessageHandlers<S>> {
  /** Builds the initial state from the start arguments; a throw fails the start. */
  start(args: A, context: ActorContext): S | Promise<S>;
  readonly handlers: H;
  /** Cleans up when the actor ends, with the final state and the reason. */
  stop?(state: S, reason: ExitReason, context: ActorContext): void | Promise<void>;
}

/** Any actor behaviour. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest behaviour
export type AnyActorBehavior = ActorBehavior<any, any, MessageHandlers<any>>;

/**
 * Declares an actor behaviour with its types inferred (an identity function).
 * Write `start` as an arrow function (`start: (args: A) => state`): TypeScript
 * then infers the state type before it types the handlers.
 */
export function defineActor<S, A, H extends MessageHandlers<S>>(
  behavior: ActorBehavior<S, A, H>,
): ActorBehavior<S, A, H> {
  return behavior;
}

type HandlersOf<B> = B extends ActorBehavior<infer _S, infer _A, infer H> ? H : never;

/** The message types an actor accepts. */
export type MessageType<B> = keyof HandlersOf<B> & string;

/** The payload of message type `K`. */
export type PayloadOf<B, K extends MessageType<B>> = Parameters<HandlersOf<B>[K]>[1];

/** The reply to an `ask` of message type `K`. */
export type ReplyOf<B, K extends MessageType<B>> = Awaited<ReturnType<HandlersOf<B>[K]>>;

/** The start arguments of an actor. */
export type ArgsOf<B> = B extends ActorBehavior<infer _S, infer A, infer _H> ? A : never;
