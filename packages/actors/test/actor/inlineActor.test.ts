import { EventBus, ManualClock } from '@snakepit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createActorChild, createSupervisor, defineActor, spawnActor } from '../../src/index.js';
import { flush } from '../../src/testing.js';
import { counter, stopReasons } from './counter.js';

beforeEach(() => {
  stopReasons.length = 0;
});

describe('inline actors', () => {
  it('handles tell and ask in order, with typed replies', async () => {
    const ref = await spawnActor(counter, { initial: 10 });
    ref.tell('add', 1);
    ref.tell('add', 2);
    const value: number = await ref.ask('get', undefined);
    expect(value).toBe(13);
    expect(await ref.ask('log', undefined)).toEqual(['add 1', 'add 2']);
    await ref.stop();
    expect(await ref.exited).toBe('shutdown');
    expect(stopReasons).toEqual(['shutdown']);
  });

  it('handles a burst of 100 000 tells in order', async () => {
    const ref = await spawnActor(counter, { initial: 0 });
    for (let i = 1; i <= 100_000; i++) ref.tell('add', i % 2 === 0 ? 1 : -1);
    ref.tell('add', 7);
    expect(await ref.ask('get', undefined)).toBe(7);
    const log = await ref.ask('log', undefined);
    expect(log.slice(0, 2)).toEqual(['add -1', 'add 1']);
    expect(log.at(-1)).toBe('add 7');
    await ref.stop();
  });

  it('keeps order across async handlers', async () => {
    const ref = await spawnActor(counter, { initial: 0 });
    const slow = ref.ask('slowGet', 20);
    ref.tell('add', 5);
    expect(await slow).toBe(0);
    expect(await ref.ask('get', undefined)).toBe(5);
    await ref.stop();
  });

  it('rejects an ask after its timeout and skips it if not yet handled', async () => {
    const clock = new ManualClock();
    const ref = await spawnActor(counter, { initial: 0 }, { clock });
    const hung = ref.ask('hang', undefined, { timeoutMs: 100 });
    const skipped = ref.ask('add', 1, { timeoutMs: 100 });
    clock.advance(100);
    await expect(hung).rejects.toMatchObject({ code: 'ASK_TIMEOUT' });
    await expect(skipped).rejects.toMatchObject({ code: 'ASK_TIMEOUT' });
    await ref.stop('shutdown', 'brutal_kill');
    expect(await ref.exited).toBe('killed');
  });

  it('rejects an ask when its signal aborts', async () => {
    const ref = await spawnActor(counter, { initial: 0 });
    const controller = new AbortController();
    const pending = ref.ask('hang', undefined, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(ref.ask('get', undefined, { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    await ref.stop('shutdown', 'brutal_kill');
  });

  it('crashes when a handler throws: the ask and queued asks reject, exited gives the error', async () => {
    const ref = await spawnActor(counter, { initial: 0 });
    const failing = ref.ask('fail', 'bad input');
    const queued = ref.ask('get', undefined);
    await expect(failing).rejects.toMatchObject({ code: 'ACTOR_CRASHED' });
    await expect(queued).rejects.toMatchObject({ code: 'ACTOR_STOPPED' });
    const reason = await ref.exited;
    expect(reason).toBeInstanceOf(Error);
    expect((reason as Error).message).toBe('bad input');
    expect(stopReasons).toEqual([reason]);
    expect(ref.isRunning).toBe(false);
    ref.tell('add', 1);
  });

  it('stops itself normally through its context', async () => {
    const ref = await spawnActor(counter, { initial: 0 });
    ref.tell('finish');
    expect(await ref.exited).toBe('normal');
  });

  it('is killed when its stop outlasts the budget', async () => {
    const clock = new ManualClock();
    const ref = await spawnActor(counter, { initial: 0 }, { clock });
    ref.tell('hang');
    await flush();
    const stopping = ref.stop('shutdown', 500);
    clock.advance(499);
    await flush();
    expect(ref.isRunning).toBe(true);
    clock.advance(1);
    await stopping;
    expect(await ref.exited).toBe('killed');
  });

  it('fails to spawn when the start hook throws', async () => {
    const broken = defineActor({
      start(): object {
        throw new Error('no config');
      },
      handlers: {},
    });
    await expect(spawnActor(broken, undefined)).rejects.toThrow('no config');
  });

  it('emits events on the bus it was given', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.on('snakepit.registry.error', (e) => seen.push(e.message));
    const emitter = defineActor({
      start: () => ({}),
      handlers: {
        report(_s, message: string, context) {
          context.emit('snakepit.registry.error', { operation: 'test', message });
        },
      },
    });
    const ref = await spawnActor(emitter, undefined, { events });
    await ref.ask('report', 'hello');
    expect(seen).toEqual(['hello']);
    await ref.stop();
  });

  it('is restarted by its supervisor and stays reachable through the child ref', async () => {
    const clock = new ManualClock();
    const child = createActorChild({
      id: 'counter',
      start: () => spawnActor(counter, { initial: 1 }),
    });
    const supervisor = await createSupervisor({ clock, children: [child.spec] });
    child.ref.tell('add', 1);
    expect(await child.ref.ask('get', undefined)).toBe(2);
    await expect(child.ref.ask('fail', 'boom')).rejects.toMatchObject({ code: 'ACTOR_CRASHED' });
    await flush(supervisor);
    expect(await child.ref.ask('get', undefined)).toBe(1);
    await supervisor.stop();
    expect(child.ref.isRunning).toBe(false);
    await expect(child.ref.ask('get', undefined)).rejects.toMatchObject({ code: 'ACTOR_STOPPED' });
  });
});
