import { EventBus } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createActorChild,
  createActorHost,
  createSupervisor,
  type ActorHost,
  type ActorHostOptions,
  type Supervisor,
} from '../../src/index.js';

// The behaviour module's shape, for typed refs (the module itself is plain JS).
interface WorkerActor {
  start: (args: { initial: number }) => { count: number };
  handlers: {
    add(state: { count: number }, by: number): void;
    get(state: { count: number }): number;
    threadId(): number;
    fail(state: unknown, message: string): void;
    emit(state: unknown, message: string): void;
    emitThenFail(state: unknown, message: string): void;
    crashThread(): void;
    exitThread(): void;
    exhaustMemory(): void;
    hangOnStop(): void;
  };
}

const MODULE = new URL('../fixtures/workerActor.mjs', import.meta.url);
const DEADLINE = { timeout: 20_000, interval: 20 };
const hosts: ActorHost[] = [];
const supervisors: Supervisor[] = [];

function host(options: ActorHostOptions = {}): ActorHost {
  const created = createActorHost(options);
  hosts.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop('shutdown', 'brutal_kill')));
  for (const h of hosts.splice(0)) {
    await h.close();
    expect(h.stats()).toMatchObject({ actors: 0, threads: 0 });
  }
});

async function supervised(h: ActorHost, options: { shutdown?: number } = {}) {
  const child = createActorChild<WorkerActor>({
    id: 'worker',
    ...options,
    start: () => h.spawn<WorkerActor>(MODULE, { initial: 1 }, { id: 'worker' }),
  });
  const events = new EventBus();
  const restarts: string[] = [];
  events.on('snakepit.supervisor.child.restarted', (e) => restarts.push(e.reason));
  const supervisor = await createSupervisor({ events, children: [child.spec] });
  supervisors.push(supervisor);
  return { ref: child.ref, supervisor, restarts };
}

describe('actors on worker threads', { timeout: 30_000 }, () => {
  it('answers tell and ask in order and forwards its events to the main bus', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on('snakepit.registry.error', (e) => seen.push(e.message));
    const h = host({ events });
    const ref = await h.spawn<WorkerActor>(MODULE, { initial: 5 });
    ref.tell('add', 2);
    expect(await ref.ask('get', undefined)).toBe(7);
    await ref.ask('emit', 'from a thread');
    expect(seen).toEqual(['from a thread']);
    await ref.stop();
    expect(await ref.exited).toBe('shutdown');
  });

  it('reuses a warm thread for the next actor (dedicated placement)', async () => {
    const h = host();
    const first = await h.spawn<WorkerActor>(MODULE, { initial: 0 });
    const threadId = await first.ask('threadId', undefined);
    await first.stop();
    const second = await h.spawn<WorkerActor>(MODULE, { initial: 0 });
    expect(await second.ask('threadId', undefined)).toBe(threadId);
    expect(h.stats().threads).toBe(1);
  });

  it('hosts many actors on a few threads (shared placement)', async () => {
    const h = host({ placement: 'shared', maxThreads: 2 });
    const refs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.spawn<WorkerActor>(MODULE, { initial: i })),
    );
    const values = await Promise.all(refs.map((r) => r.ask('get', undefined)));
    expect(values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const threads = new Set(await Promise.all(refs.map((r) => r.ask('threadId', undefined))));
    expect(threads.size).toBeLessThanOrEqual(2);
    expect(h.stats().actors).toBe(10);
  });

  it('rejects a spawn whose start hook throws', async () => {
    const h = host();
    await expect(h.spawn(MODULE, undefined, { exportName: 'failsToStart' })).rejects.toThrow(
      'cannot start here',
    );
  });

  it('delivers the events of an actor that stops with an error before its exit', async () => {
    // The task's result travels on piscina's port and may overtake the last
    // events on ours: the exit must wait for them (a worker's
    // process.terminated was lost this way when its process crashed).
    const events = new EventBus();
    const seen = new Set<string>();
    events.on('snakepit.registry.error', (e) => seen.add(e.message));
    const h = host({ events, placement: 'dedicated' });
    for (let i = 0; i < 20; i++) {
      const ref = await h.spawn<WorkerActor>(MODULE, { initial: 0 });
      ref.tell('emitThenFail', `last words ${i}`);
      const reason = await ref.exited;
      expect(reason).toBeInstanceOf(Error);
      expect(seen.has(`last words ${i}`), `event ${i} before the exit`).toBe(true);
    }
  });

  it('a throwing actor exits with its error and is restarted on the same warm thread', async () => {
    const h = host();
    const { ref, restarts } = await supervised(h);
    const threadId = await ref.ask('threadId', undefined);
    await expect(ref.ask('fail', 'bad')).rejects.toMatchObject({ code: 'ACTOR_CRASHED' });
    await expect.poll(() => restarts, DEADLINE).toEqual(['Error: bad']);
    await expect.poll(() => ref.isRunning, DEADLINE).toBe(true);
    expect(await ref.ask('threadId', undefined)).toBe(threadId);
  });

  it('a crashing thread is an abnormal exit; the actor is restarted on a new thread', async () => {
    const h = host();
    const { ref, restarts } = await supervised(h);
    const threadId = await ref.ask('threadId', undefined);
    ref.tell('crashThread');
    await expect.poll(() => restarts.length, DEADLINE).toBe(1);
    expect(restarts[0]).toContain('uncaught in thread');
    await expect.poll(() => ref.isRunning, DEADLINE).toBe(true);
    expect(await ref.ask('threadId', undefined)).not.toBe(threadId);
    ref.tell('exitThread');
    await expect.poll(() => restarts.length, DEADLINE).toBe(2);
    expect(restarts[1]).toContain('worker exited with code: 7');
  });

  it('a thread over its resourceLimits is an abnormal exit and is restarted', async () => {
    const h = host({ resourceLimits: { maxOldGenerationSizeMb: 32 } });
    const { ref, restarts } = await supervised(h);
    ref.tell('exhaustMemory');
    await expect.poll(() => restarts.length, DEADLINE).toBe(1);
    expect(restarts[0]).toContain('memory limit');
    await expect.poll(() => ref.isRunning, DEADLINE).toBe(true);
    expect(await ref.ask('get', undefined)).toBe(1);
  });

  it('an actor ignoring stop has its thread terminated after its budget, counted and reported', async () => {
    const events = new EventBus();
    const terminated: string[] = [];
    events.on('snakepit.actor.thread.terminated', (e) => terminated.push(e.actorId));
    const h = host({ events });
    const { ref, supervisor } = await supervised(h, { shutdown: 200 });
    await ref.ask('hangOnStop', undefined);
    await supervisor.stop();
    expect(await supervisor.exited).toBe('shutdown');
    expect(terminated).toEqual(['worker']);
    expect(h.stats().threadsTerminated).toBe(1);
  });

  it('a supervisor terminates the thread of an actor ignoring stop and restarts it (one_for_all)', async () => {
    const h = host();
    const hanging = createActorChild<WorkerActor>({
      id: 'hanging',
      shutdown: 200,
      start: () => h.spawn<WorkerActor>(MODULE, { initial: 0 }, { id: 'hanging' }),
    });
    const other = createActorChild<WorkerActor>({
      id: 'other',
      start: () => h.spawn<WorkerActor>(MODULE, { initial: 0 }, { id: 'other' }),
    });
    const supervisor = await createSupervisor({
      strategy: 'one_for_all',
      children: [hanging.spec, other.spec],
    });
    supervisors.push(supervisor);
    await hanging.ref.ask('hangOnStop', undefined);
    await other.ref.ask('fail', 'boom').catch(() => undefined);
    await expect.poll(() => h.stats().threadsTerminated, DEADLINE).toBe(1);
    await expect.poll(() => hanging.ref.isRunning && other.ref.isRunning, DEADLINE).toBe(true);
    expect(await hanging.ref.ask('get', undefined)).toBe(0);
  });
});
