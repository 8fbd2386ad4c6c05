import { SnakepitError, type Clock, type EventBus, type TimerHandle } from '@snakepit/core/runtime';

/** Where an actor's events go: an EventBus, or a port to the main thread's. */
export type EventSink = Pick<EventBus, 'emit'>;
import type { ShutdownBudget } from '../child/ChildSpec.js';
import { toExitError, type ExitReason } from '../exit/ExitReason.js';
import type { ActorContext, AnyActorBehavior, MessageType } from './ActorBehavior.js';
import type { ActorRef, AskOptions, PayloadArgs } from './ActorRef.js';
import { Mailbox } from './Mailbox.js';
import { PendingReply } from './PendingReply.js';

interface Envelope {
  readonly type: string;
  readonly payload: unknown;
  readonly reply: PendingReply | undefined;
}

/** What an inline actor needs from its host. */
export interface InlineActorOptions {
  readonly id: string;
  readonly clock: Clock;
  readonly events: EventSink | undefined;
}

/**
 * An actor on the current thread: a mailbox drained one message at a time.
 * Also the engine of actors on worker threads (run there, behind a port).
 */
export class InlineActor<B extends AnyActorBehavior> implements ActorRef<B> {
  readonly id: string;
  readonly exited: Promise<ExitReason>;
  readonly #behavior: B;
  readonly #options: InlineActorOptions;
  readonly #abort = new AbortController();
  readonly #context: ActorContext;
  readonly #mailbox = new Mailbox<Envelope>();
  #current: Envelope | undefined;
  #state: unknown;
  #status: 'starting' | 'running' | 'stopping' | 'stopped' = 'starting';
  #isDraining = false;
  #stopReason: ExitReason | undefined;
  #budgetTimer: TimerHandle | undefined;
  #resolveExited!: (reason: ExitReason) => void;

  constructor(behavior: B, options: InlineActorOptions) {
    this.id = options.id;
    this.#behavior = behavior;
    this.#options = options;
    this.exited = new Promise((resolve) => (this.#resolveExited = resolve));
    this.#context = {
      id: this.id,
      signal: this.#abort.signal,
      emit: (name, payload) => options.events?.emit(name, payload),
      stop: (reason = 'normal') => this.#requestStop(reason),
    };
  }

  /** Runs the `start` hook. @throws what it throws (the actor then never runs). */
  async start(args: unknown): Promise<void> {
    try {
      this.#state = await this.#behavior.start(args, this.#context);
    } catch (error) {
      this.#finish(toExitError(error));
      throw error;
    }
    if (this.#status !== 'starting') return;
    this.#status = 'running';
    this.#scheduleDrain();
  }

  get isRunning(): boolean {
    return this.#status === 'running';
  }

  tell<K extends MessageType<B>>(type: K, ...payload: PayloadArgs<B, K>): void {
    if (this.#status === 'stopped') return;
    this.#mailbox.push({ type, payload: payload[0], reply: undefined });
    this.#scheduleDrain();
  }

  ask<K extends MessageType<B>>(type: K, payload?: unknown, options?: AskOptions): Promise<never> {
    const reply = new PendingReply(this.id, type, this.#options.clock, options);
    if (this.#status === 'stopped') reply.reject(this.#stoppedError());
    else {
      this.#mailbox.push({ type, payload, reply });
      this.#scheduleDrain();
    }
    return reply.promise as Promise<never>;
  }

  /** @internal Delivers an envelope from a port (thread host). */
  deliver(type: string, payload: unknown, reply: PendingReply | undefined): void {
    if (this.#status === 'stopped') return reply?.reject(this.#stoppedError());
    this.#mailbox.push({ type, payload, reply });
    this.#scheduleDrain();
  }

  async stop(_reason: 'shutdown' = 'shutdown', budget: ShutdownBudget = 5000): Promise<void> {
    if (budget === 'brutal_kill') this.#finish('killed');
    else {
      if (
        typeof budget === 'number' &&
        this.#budgetTimer === undefined &&
        this.#status !== 'stopped'
      ) {
        this.#budgetTimer = this.#options.clock.setTimeout(() => this.#finish('killed'), budget);
      }
      this.#requestStop('shutdown');
    }
    await this.exited;
  }

  #requestStop(reason: ExitReason): void {
    if (this.#status === 'stopped' || this.#stopReason !== undefined) return;
    this.#stopReason = reason;
    this.#abort.abort();
    this.#scheduleDrain();
  }

  #scheduleDrain(): void {
    if (this.#isDraining || this.#status === 'starting' || this.#status === 'stopped') return;
    this.#isDraining = true;
    queueMicrotask(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    while (this.#status === 'running' && this.#stopReason === undefined) {
      const envelope = this.#mailbox.shift();
      if (!envelope) break;
      if (envelope.reply?.isSettled) continue;
      this.#current = envelope;
      const handler = this.#behavior.handlers[envelope.type];
      try {
        if (!handler)
          throw new TypeError(`actor "${this.id}" has no handler for "${envelope.type}"`);
        let result = handler(this.#state, envelope.payload, this.#context);
        if (isThenable(result)) result = await result;
        envelope.reply?.resolve(result);
      } catch (error) {
        envelope.reply?.reject(
          new SnakepitError(
            'ACTOR_CRASHED',
            `actor "${this.id}" crashed handling "${envelope.type}"`,
            { cause: error, details: { actorId: this.id } },
          ),
        );
        this.#stopReason = toExitError(error);
      }
      this.#current = undefined;
    }
    this.#isDraining = false;
    if (this.#stopReason !== undefined && this.#status === 'running')
      await this.#runStopHook(this.#stopReason);
  }

  async #runStopHook(reason: ExitReason): Promise<void> {
    this.#status = 'stopping';
    try {
      await this.#behavior.stop?.(this.#state, reason, this.#context);
    } catch {
      // The actor is ending anyway; its reason stays the one that ended it.
    }
    this.#finish(reason);
  }

  #finish(reason: ExitReason): void {
    if (this.#status === 'stopped') return;
    this.#status = 'stopped';
    this.#budgetTimer?.cancel();
    this.#abort.abort();
    this.#current?.reply?.reject(this.#stoppedError());
    for (const envelope of this.#mailbox.drain()) envelope.reply?.reject(this.#stoppedError());
    this.#resolveExited(reason);
  }

  #stoppedError(): SnakepitError {
    return new SnakepitError('ACTOR_STOPPED', `actor "${this.id}" is stopped`, {
      details: { actorId: this.id },
    });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
