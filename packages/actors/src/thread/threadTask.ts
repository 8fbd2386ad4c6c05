import { realClock } from '@snakepit/core/runtime';
import { threadId } from 'node:worker_threads';
import type { AnyActorBehavior } from '../actor/ActorBehavior.js';
import { InlineActor } from '../actor/InlineActor.js';
import { PendingReply } from '../actor/PendingReply.js';
import { EventBatch } from './EventBatch.js';
import type { ActorTask, FromThread, ToThread, WireExit } from './protocol.js';
import { toWireError, toWireExit } from './protocol.js';

/**
 * The piscina task that hosts one actor on a worker thread. It resolves
 * (freeing the thread for the next actor: a warm restart) when the actor ends,
 * with the exit reason; the port is closed first, so every reply and event
 * reaches the main thread before the result does.
 */
export default async function runActorTask(task: ActorTask): Promise<WireExit> {
  const { port } = task;
  // Events are batched; every other message flushes them first, so the
  // main thread sees everything in the order the actor did it.
  const events = new EventBatch((message: FromThread) => port.postMessage(message));
  const post = (message: FromThread): void => events.post(message);
  let behavior: AnyActorBehavior;
  try {
    const module = (await import(task.moduleUrl)) as Record<string, unknown>;
    behavior = module[task.exportName] as AnyActorBehavior;
    if (typeof behavior?.start !== 'function' || typeof behavior.handlers !== 'object') {
      throw new TypeError(
        `${task.moduleUrl} has no actor behaviour in export "${task.exportName}"`,
      );
    }
  } catch (error) {
    return fail(task, error);
  }
  const actor = new InlineActor(behavior, {
    id: task.actorId,
    clock: realClock,
    events: { emit: (name, payload) => events.push(name, payload) },
  });
  const replies = new Map<number, PendingReply>();
  port.on('message', (message: ToThread) => {
    if (message.t === 'tell') actor.deliver(message.type, message.payload, undefined);
    else if (message.t === 'ask') {
      const reply = new PendingReply(task.actorId, message.type, realClock, {
        timeoutMs: Infinity,
      });
      replies.set(message.id, reply);
      reply.promise
        .then(
          (value) => post({ t: 'reply', id: message.id, value }),
          (error: unknown) => post({ t: 'replyError', id: message.id, error: toWireError(error) }),
        )
        .finally(() => replies.delete(message.id));
      actor.deliver(message.type, message.payload, reply);
    } else if (message.t === 'cancel') replies.get(message.id)?.reject(new Error('cancelled'));
    else void actor.stop('shutdown', message.isBrutal ? 'brutal_kill' : 'infinity');
  });
  try {
    await actor.start(task.args);
  } catch (error) {
    events.flush();
    return fail(task, error);
  }
  post({ t: 'started', threadId });
  const reason = await actor.exited;
  events.flush();
  port.close();
  return toWireExit(reason);
}

function fail(task: ActorTask, error: unknown): WireExit {
  task.port.postMessage({ t: 'startFailed', error: toWireError(error) } satisfies FromThread);
  task.port.close();
  return 'normal';
}
