import type { ChildHandle, ShutdownBudget } from '../child/ChildSpec.js';
import type { ExitReason } from '../exit/ExitReason.js';
import type { MessageType, PayloadOf, ReplyOf } from './ActorBehavior.js';

/** Options of {@link ActorRef.ask}. */
export interface AskOptions {
  /** Rejects with `ASK_TIMEOUT` after this long, ms. @default 5000 (gen_server:call's) */
  readonly timeoutMs?: number;
  /** Rejects with `ABORTED` when aborted; a message not yet handled is then skipped. */
  readonly signal?: AbortSignal;
}

/** Defaults of {@link AskOptions}. */
export const DEFAULT_ASK_OPTIONS = { timeoutMs: 5000 } as const;

/** Payload arguments: optional when the handler takes none. */
export type PayloadArgs<B, K extends MessageType<B>> =
  undefined extends PayloadOf<B, K> ? [payload?: PayloadOf<B, K>] : [payload: PayloadOf<B, K>];

/**
 * Arguments of {@link ActorRef.ask} after the type: the payload (optional,
 * as for `tell`, when the handler takes none), then {@link AskOptions}.
 */
export type AskArgs<B, K extends MessageType<B>> =
  undefined extends PayloadOf<B, K>
    ? [payload?: PayloadOf<B, K>, options?: AskOptions | undefined]
    : [payload: PayloadOf<B, K>, options?: AskOptions | undefined];

/**
 * The address of an actor, wherever it runs. Messages from one sender are
 * handled in the order sent. A stopped actor drops `tell`s and rejects
 * `ask`s with `ACTOR_STOPPED`.
 */
export interface ActorRef<B> extends ChildHandle {
  readonly id: string;
  /** Whether the actor runs (has started and not ended). */
  readonly isRunning: boolean;
  /** Sends a message without waiting for anything. */
  tell<K extends MessageType<B>>(type: K, ...payload: PayloadArgs<B, K>): void;
  /**
   * Sends a message and waits for the handler's result. Rejects with
   * `ASK_TIMEOUT`, `ABORTED`, `ACTOR_CRASHED` (the handler threw; the
   * actor ended) or `ACTOR_STOPPED`.
   */
  ask<K extends MessageType<B>>(type: K, ...args: AskArgs<B, K>): Promise<ReplyOf<B, K>>;
  /**
   * Stops the actor after its current message: runs its `stop` hook, then
   * ends with `shutdown`; after `budget` it is ended by force (`killed`).
   * @default budget 5000
   */
  stop(reason?: 'shutdown', budget?: ShutdownBudget): Promise<void>;
  readonly exited: Promise<ExitReason>;
}
