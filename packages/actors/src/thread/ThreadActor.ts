import {
  SnakepitError,
  type Clock,
  type EventBus,
  type SnakepitEventName,
  type TimerHandle,
} from '@snakepit/core';
import type { MessagePort } from 'node:worker_threads';
import type { AnyActorBehavior, MessageType } from '../actor/ActorBehavior.js';
import type { ActorRef, AskOptions, PayloadArgs } from '../actor/ActorRef.js';
import { PendingReply } from '../actor/PendingReply.js';
import type { ShutdownBudget } from '../child/ChildSpec.js';
import type { ExitReason } from '../exit/ExitReason.js';
import {
  fromWireError,
  fromWireExit,
  type FromThread,
  type ToThread,
  type WireExit,
} from './protocol.js';

/** What a thread actor needs from its host. */
export interface ThreadActorHost {
  readonly clock: Clock;
  readonly events: EventBus | undefined;
  readonly killGraceMs: number;
  /** Terminates the thread (last resort); counted and reported by the host. */
  terminateThread(threadId: number, actorId: string, why: string): void;
}

/**
 * The main thread's side of an actor on a worker thread: the same
 * {@link ActorRef} as an inline actor, over a `MessagePort`.
 */
export class ThreadActor<B extends AnyActorBehavior> implements ActorRef<B> {
  readonly exited: Promise<ExitReason>;
  #threadId: number | undefined;
  #status: 'starting' | 'running' | 'stopped' = 'starting';
  #nextAskId = 0;
  #isTerminated = false;
  #stopTimer: TimerHandle | undefined;
  #isPortClosed = false;
  #taskReason: ExitReason | undefined;
  readonly #replies = new Map<number, PendingReply>();
  #resolveExited!: (reason: ExitReason) => void;
  #started!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    readonly id: string,
    private readonly port: MessagePort,
    private readonly host: ThreadActorHost,
  ) {
    this.exited = new Promise((resolve) => (this.#resolveExited = resolve));
    port.on('message', (message: FromThread) => this.#onMessage(message));
    port.once('close', () => {
      this.#isPortClosed = true;
      this.#maybeFinish();
    });
  }

  /** @internal Waits for the actor's `start` hook on its thread. */
  waitStarted(task: Promise<WireExit>, startTimeoutMs: number): Promise<void> {
    const started = new Promise<void>((resolve, reject) => (this.#started = { resolve, reject }));
    task.then(
      (wire) => this.#onTaskEnd(fromWireExit(wire), false),
      (error: unknown) =>
        this.#onTaskEnd(this.#isTerminated ? 'killed' : threadCrash(this.id, error), true),
    );
    const timer = this.host.clock.setTimeout(() => {
      this.#started.reject(
        new SnakepitError(
          'ACTOR_START_TIMEOUT',
          `actor "${this.id}" did not start within ${startTimeoutMs} ms`,
        ),
      );
      this.#send({ t: 'stop', isBrutal: true });
    }, startTimeoutMs);
    return started.finally(() => timer.cancel());
  }

  get isRunning(): boolean {
    return this.#status === 'running';
  }

  /** The worker thread's id, once started. */
  get threadId(): number | undefined {
    return this.#threadId;
  }

  tell<K extends MessageType<B>>(type: K, ...payload: PayloadArgs<B, K>): void {
    if (this.#status === 'running') this.#send({ t: 'tell', type, payload: payload[0] });
  }

  ask<K extends MessageType<B>>(type: K, payload?: unknown, options?: AskOptions): Promise<never> {
    const reply = new PendingReply(this.id, type, this.host.clock, options);
    if (this.#status !== 'running') {
      reply.reject(
        new SnakepitError('ACTOR_STOPPED', `actor "${this.id}" is not running`, {
          details: { actorId: this.id },
        }),
      );
    } else if (!reply.isSettled) {
      const id = this.#nextAskId++;
      this.#replies.set(id, reply);
      reply.promise.then(
        () => this.#replies.delete(id),
        () => this.#replies.delete(id) && this.#send({ t: 'cancel', id }),
      );
      this.#send({ t: 'ask', id, type, payload });
    }
    return reply.promise as Promise<never>;
  }

  /**
   * Stops the actor on its thread; when the budget runs out (or at once for
   * `brutal_kill`, after `killGraceMs`) the thread is terminated.
   */
  async stop(_reason: 'shutdown' = 'shutdown', budget: ShutdownBudget = 5000): Promise<void> {
    if (this.#status !== 'stopped') {
      const isBrutal = budget === 'brutal_kill';
      this.#send({ t: 'stop', isBrutal });
      const graceMs = isBrutal ? this.host.killGraceMs : budget;
      if (graceMs !== 'infinity') {
        this.#stopTimer?.cancel();
        this.#stopTimer = this.host.clock.setTimeout(
          () => this.#terminate(`no exit within ${graceMs} ms of stop`),
          graceMs,
        );
      }
    }
    await this.exited;
  }

  #terminate(why: string): void {
    if (this.#status === 'stopped' || this.#threadId === undefined) return;
    this.#isTerminated = true;
    this.host.terminateThread(this.#threadId, this.id, why);
  }

  #send(message: ToThread): void {
    try {
      this.port.postMessage(message);
    } catch {
      // The port closes when the thread dies; the task's end reports the exit.
    }
  }

  #onMessage(message: FromThread): void {
    switch (message.t) {
      case 'started':
        this.#threadId = message.threadId;
        if (this.#status === 'starting') this.#status = 'running';
        return this.#started.resolve();
      case 'startFailed':
        return this.#started.reject(fromWireError(message.error));
      case 'reply':
        return this.#replies.get(message.id)?.resolve(message.value);
      case 'replyError':
        return this.#replies.get(message.id)?.reject(fromWireError(message.error));
      case 'events':
        for (const [name, payload] of message.events) {
          this.host.events?.emit(name as SnakepitEventName, payload as never);
        }
        return;
    }
  }

  #onTaskEnd(reason: ExitReason, isThreadDead: boolean): void {
    this.#taskReason = reason;
    // A task that returned (whatever the actor's reason, an Error included)
    // closed the port on the thread after its last reply and event, and those
    // may still be in flight: the task's result travels on another port, so it
    // can overtake them. Wait for 'close'. A dead thread's port is closed here.
    if (isThreadDead) this.port.close();
    else this.host.clock.setTimeout(() => this.port.close(), 1000);
    this.#maybeFinish();
  }

  #maybeFinish(): void {
    const reason = this.#taskReason;
    if (reason === undefined || !this.#isPortClosed || this.#status === 'stopped') return;
    this.#status = 'stopped';
    this.#stopTimer?.cancel();
    const error = new SnakepitError('ACTOR_STOPPED', `actor "${this.id}" ended`, {
      details: { actorId: this.id },
    });
    for (const reply of this.#replies.values()) reply.reject(error);
    this.#started.reject(typeof reason === 'string' ? error : reason);
    this.#resolveExited(reason);
  }
}

function threadCrash(actorId: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new SnakepitError('ACTOR_CRASHED', `actor "${actorId}" thread ended: ${message}`, {
    cause: error,
    details: { actorId },
  });
}
